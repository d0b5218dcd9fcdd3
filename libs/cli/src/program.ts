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
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => out.stdout.write(s), writeErr: (s) => out.stderr.write(s) })
    .exitOverride();
  try {
    const v = require('../package.json') as { version: string };
    program.version(v.version, '-V, --version');
  } catch {
    /* no package.json next to the build: no --version */
  }
  const { COMMANDS } = require('./commands/index') as typeof import('./commands/index');
  for (const define of COMMANDS) define(program, registrar);
  program.addOption(new Option('--json', 'machine-readable output (a versioned JSON document)').hideHelp());
  return program;
}

/** Run the CLI in-process; resolves to the exit code (the bin sets process.exitCode from it). */
export async function main(argv: readonly string[], input: ContextInput = {}): Promise<number> {
  let exitCode: number = EXIT.OK;
  let ctxForErrors: CliContext | undefined;
  const stderr = input.io?.stderr ?? process.stderr;
  const stdout = input.io?.stdout ?? process.stdout;

  const fast = parseFastDiscover(argv);
  if (fast) {
    try {
      ctxForErrors = createContext(fast as GlobalOptions, input);
      const { discover } = require('./commands/discover.run') as typeof import('./commands/discover.run');
      return await discover(ctxForErrors, fast);
    } catch (err) {
      return reportError(err, ctxForErrors, stderr);
    }
  }

  const registrar: Registrar = {
    action(load) {
      return async (...args: unknown[]) => {
        const cmd = args[args.length - 1] as Command;
        const options = cmd.optsWithGlobals() as Record<string, unknown> & GlobalOptions;
        const ctx = createContext(options, input);
        ctxForErrors = ctx;
        const positional = args.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a : a === undefined ? [] : [String(a)]));
        exitCode = await load()(ctx, options, positional);
      };
    },
  };
  const program = createProgram({ stdout, stderr }, registrar);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof commander().CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.OK;
      return EXIT.USAGE;
    }
    return reportError(err, ctxForErrors, stderr);
  }
  return exitCode;
}

function reportError(err: unknown, ctx: CliContext | undefined, stderr: { write(s: string): unknown }): number {
  if (err instanceof CliError) {
    if (ctx?.json) {
      ctx.stdout.write(JSON.stringify({ schemaVersion: 1, error: { code: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}) } }, null, 2) + '\n');
    }
    stderr.write(`awsmcp: ${err.message}\n${err.hint ? `  ${err.hint}\n` : ''}`);
    return err.exitCode;
  }
  const e = err as { exitCode?: number; message?: string; code?: string; fix?: string };
  // typed errors of the libraries (prod-guard refusals carry exitCode 3)
  if (typeof e?.exitCode === 'number' && typeof e.message === 'string') {
    if (ctx?.json) ctx.stdout.write(JSON.stringify({ schemaVersion: 1, error: { code: e.code, message: e.message } }, null, 2) + '\n');
    stderr.write(`awsmcp: ${e.message}\n${e.fix ? `  ${e.fix}\n` : ''}`);
    return e.exitCode;
  }
  stderr.write(`awsmcp: ${e?.message ?? String(err)}\n`);
  return EXIT.FAILURE;
}
