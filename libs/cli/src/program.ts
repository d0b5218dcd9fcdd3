/**
 * The command line: definitions only (options, help, examples). Each command's work lives in
 * `commands/<name>.run.ts` and is loaded when that command runs, so start-up stays near Node's own.
 * commander and the definitions are loaded only when needed: `discover` with plain options takes
 * the fast lane (fast-lane.ts) without them.
 */
import type { Command } from 'commander';
import { createContext, type CliContext, type ContextInput, type GlobalOptions, type Output } from './context';
import { CliError, EXIT } from './errors';
import { parseFastDiscover } from './fast-lane';

/** What a command's run module exports: do the work, return the exit code. */
export type CommandHandler = (ctx: CliContext, options: Record<string, unknown>, args: string[]) => Promise<number> | number;

export interface Registrar {
  /** An action that builds the context, loads the handler lazily and records the exit code. */
  action(load: () => CommandHandler): (...args: unknown[]) => Promise<void>;
}

export type CommandDefinition = (program: Command, registrar: Registrar) => void;

function commander(): typeof import('commander') {
  return require('commander') as typeof import('commander');
}

/** The whole command line (every command defined; actions through `registrar`). */
export function createProgram(out: { stdout: Output; stderr: Output }, registrar: Registrar): Command {
  const { Command, Option } = commander();
  const program = new Command('awsmcp')
    .description('AWS MCP servers across many accounts, in every AI coding host: profiles, credential TTLs, host configs, kits, doctor.')
    .option('--home <dir>', 'use this folder as the home (its .aws, caches and host files)')
    .option('--no-color', 'no colours (NO_COLOR is honoured too)')
    .addOption(new Option('--output <format>', 'output format, as in the aws CLI: json is --json').choices(['json', 'text']))
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => out.stdout.write(s), writeErr: (s) => out.stderr.write(s) })
    .exitOverride();
  try {
    const v = require('../package.json') as { version: string };
    program.version(v.version, '-v, --version');
  } catch {
    /* no package.json next to the build: no --version */
  }
  const { COMMANDS } = require('./commands/index') as typeof import('./commands/index');
  for (const define of COMMANDS) define(program, registrar);
  program.addOption(new Option('--json', 'machine-readable output (a versioned JSON document)').hideHelp());
  program.addHelpText('after', TOP_LEVEL_HELP);
  return program;
}

/** Examples, environment variables and exit codes under `awsmcp --help`. */
export const TOP_LEVEL_HELP = `
Examples:
  awsmcp discover                         every profile, its account, env tag and credential TTL
  awsmcp status                           every MCP server in every host file and its profile
  awsmcp switch dev-sandbox --dry-run     what pointing the servers at another profile would change
  awsmcp login dev-sandbox                the right login command for that profile
  awsmcp kit eks-debug --profile dev-sandbox
  npx @awsmcp/cli discover --output json

Environment:
  AWS_PROFILE, AWS_REGION       defaults where a command takes --profile / --region
  AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE
                                the profile files (default ~/.aws/config, ~/.aws/credentials)
  AWS_LOGIN_CACHE_DIRECTORY     the aws login session cache
  XDG_CACHE_HOME                awsmcp's caches (default ~/.cache/awsmcp)
  NO_COLOR, FORCE_COLOR         colour off / on (colour is on only on a terminal)

Exit codes:
  0 done   1 failed   2 usage (unknown option, command, value, profile or server)
  3 refused by the prod guard   130 interrupted (Ctrl-C)

Shell completion: awsmcp completion bash|zsh|fish (see awsmcp completion --help).`;

/** Run the CLI in-process; resolves to the exit code (the bin sets process.exitCode from it). */
export async function main(argv: readonly string[], input: ContextInput = {}): Promise<number> {
  let exitCode: number = EXIT.OK;
  let ctxForErrors: CliContext | undefined;
  const stderr = input.io?.stderr ?? process.stderr;
  const stdout = input.io?.stdout ?? process.stdout;

  const wantsJson = argv.includes('--json');
  const fast = parseFastDiscover(argv);
  if (fast) {
    try {
      ctxForErrors = createContext(fast as GlobalOptions, input);
      const { discover } = require('./commands/discover.run') as typeof import('./commands/discover.run');
      return await discover(ctxForErrors, fast);
    } catch (err) {
      return reportError(err, ctxForErrors, stderr, ctxForErrors?.json ?? wantsJson, 'discover');
    }
  }
  let commandName: string | undefined;

  const registrar: Registrar = {
    action(load) {
      return async (...args: unknown[]) => {
        const cmd = args[args.length - 1] as Command;
        const options = cmd.optsWithGlobals() as Record<string, unknown> & GlobalOptions;
        commandName = cmd.name();
        // `--output json` is `--json` (as in the aws CLI)
        if (options.output === 'json') options.json = true;
        const ctx = createContext(options, input);
        ctxForErrors = ctx;
        const positional = args.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a : a === undefined ? [] : [String(a)]));
        exitCode = await load()(ctx, options, positional);
      };
    },
  };
  const program = createProgram({ stdout, stderr }, registrar);
  // bare `awsmcp`: the help, on stdout, exit 0
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.OK;
  }
  // -V (commander's default) still answers with the version
  if (argv.length === 1 && argv[0] === '-V') argv = ['--version'];

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof commander().CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.OK;
      // commander printed the usage error on stderr; --json gets its document too
      if (wantsJson) stdout.write(JSON.stringify({ schemaVersion: 1, error: { code: 'USAGE', message: err.message.replace(/^error: /, ''), exitCode: EXIT.USAGE } }, null, 2) + '\n');
      return EXIT.USAGE;
    }
    return reportError(err, ctxForErrors, stderr, ctxForErrors?.json ?? wantsJson, commandName);
  }
  return exitCode;
}

/**
 * Every failure ends here: one message on stderr (secrets masked, control characters shown
 * visibly, never a stack trace) and, under --json, one JSON document with code and message on
 * stdout, library errors (a tags-file typo, a broken host file) included.
 */
function reportError(err: unknown, ctx: CliContext | undefined, stderr: { write(s: string): unknown }, json = ctx?.json === true, command?: string): number {
  const { escapeJsonForTerminal, maskSecretsInText, sanitizeText } = require('./output/safe') as typeof import('./output/safe');
  const clean = (s: string) => sanitizeText(maskSecretsInText(s));
  const e = err as { exitCode?: number; message?: string; code?: string; fix?: string; hint?: string; file?: string; line?: number; column?: number };
  const isCli = err instanceof CliError;
  const exitCode = isCli ? (err as CliError).exitCode : typeof e?.exitCode === 'number' ? e.exitCode : EXIT.FAILURE;
  const raw = typeof e?.message === 'string' && e.message !== '' ? e.message : String(err);
  // an error we did not expect: its message, never its stack
  const message = clean(err instanceof RangeError && /call stack/i.test(raw) ? 'the input is nested too deeply to read' : raw);
  const hint = typeof e?.hint === 'string' ? clean(e.hint) : typeof e?.fix === 'string' ? clean(e.fix) : undefined;
  const code = typeof e?.code === 'string' && e.code !== '' ? e.code : isCli ? 'FAILURE' : err instanceof Error && err.constructor !== Error && !(err instanceof TypeError) && !(err instanceof RangeError) ? err.name.replace(/Error$/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() || 'FAILURE' : 'FAILURE';
  if (json) {
    const out = ctx?.stdout ?? process.stdout;
    const position = typeof e?.file === 'string' && typeof e?.line === 'number' ? { file: e.file, line: e.line, ...(typeof e.column === 'number' ? { column: e.column } : {}) } : {};
    const doc = { schemaVersion: 1, ...(command ? { command } : {}), error: { code, message, ...(hint ? { hint } : {}), ...position, exitCode } };
    out.write(escapeJsonForTerminal(JSON.stringify(doc, null, 2)) + '\n');
  }
  stderr.write(`awsmcp: ${message}\n${hint ? `  ${hint}\n` : ''}`);
  return exitCode;
}
