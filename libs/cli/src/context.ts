/**
 * Everything a command needs from the outside world, injectable so that tests run commands
 * in-process on temp homes: environment, working folder, home, output streams, terminal, clock.
 */
import * as path from 'node:path';
import { terminalSafe } from './output/safe';
import { resolveHome } from '@awsmcp/aws-config-parser/home';
import { CliError, EXIT } from './errors';

export type Env = Record<string, string | undefined>;

export interface Output {
  /** Text, or UTF-8 bytes (`discover` prints its cached rows without decoding them). */
  write(text: string | Uint8Array): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: Output;
  stderr: Output;
  /** Whether stdin is a terminal (prompts and prod confirmations need one). */
  stdinIsTTY?: boolean;
  /** Where answers to prompts are read from (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

export interface GlobalOptions {
  home?: string;
  color?: boolean;
  json?: boolean;
  /** `--output json|text` (json is --json). */
  output?: string;
}

function isDirectory(p: string): boolean {
  try {
    return (require('node:fs') as typeof import('node:fs')).statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export interface CliContext {
  env: Env;
  cwd: string;
  /** The home folder every file is resolved against (`--home`, else HOME). */
  home: string;
  /** The environment the libraries see: HOME set to `home`. */
  libEnv: Env;
  stdout: Output;
  stderr: Output;
  /** stdout is a terminal: spinners and redraws allowed. */
  interactive: boolean;
  /** stdin and stdout are terminals: questions allowed. */
  canPrompt: boolean;
  color: boolean;
  json: boolean;
  platform: NodeJS.Platform;
  now(): Date;
  out(line?: string): void;
  err(line?: string): void;
  /** Ask one question on the terminal (written to stderr); resolves to the line typed, or undefined at end of input. */
  ask(question: string): Promise<string | undefined>;
}

export interface ContextInput {
  env?: Env;
  cwd?: string;
  io?: Partial<CliIO>;
  platform?: NodeJS.Platform;
  now?: () => Date;
}

/** Colour only on a terminal, never with NO_COLOR (any value) or --no-color; FORCE_COLOR forces it. */
export function wantsColor(env: Env, isTTY: boolean, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

export function createContext(options: GlobalOptions, input: ContextInput = {}): CliContext {
  const env = input.env ?? process.env;
  const cwd = input.cwd ?? process.cwd();
  const stdout = input.io?.stdout ?? process.stdout;
  const stderr = input.io?.stderr ?? process.stderr;
  // the one home rule (HOME, USERPROFILE, HOMEDRIVE+HOMEPATH, os.homedir()); its module loads
  // nothing else (node:os only when no variable names the home: ~2 ms of every start)
  const home = path.resolve(cwd, options.home ?? resolveHome(env, input.platform ?? process.platform));
  if (options.home !== undefined && !isDirectory(home)) {
    throw new CliError(`--home '${options.home}': no such folder (${home})`, EXIT.USAGE, 'give an existing folder: --home is used as it is, never created', 'USAGE');
  }
  const libEnv: Env = { ...env, HOME: home };
  if (options.home !== undefined) libEnv.USERPROFILE = home;
  const interactive = stdout.isTTY === true;
  const json = options.json === true || options.output === 'json';
  const color = !json && wantsColor(env, stdout.isTTY === true, options.color);
  return {
    env,
    cwd,
    home,
    libEnv,
    stdout,
    stderr,
    interactive: interactive && !json,
    canPrompt: interactive && (input.io?.stdinIsTTY ?? process.stdin.isTTY === true),
    color,
    json,
    platform: input.platform ?? process.platform,
    now: input.now ?? (() => new Date()),
    // every line through out/err passes the output sanitiser (outside data never reaches the terminal raw)
    out: (line = '') => stdout.write(terminalSafe(line, color) + '\n'),
    err: (line = '') => stderr.write(terminalSafe(line, color) + '\n'),
    ask: (question) => askLine(input.io?.stdin ?? process.stdin, stderr, terminalSafe(question, color)),
  };
}

/** One line from `input` after writing `question` (readline loaded only when a question is asked). */
function askLine(input: NodeJS.ReadableStream, output: Output, question: string): Promise<string | undefined> {
  const readline = require('node:readline') as typeof import('node:readline');
  output.write(question);
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input, terminal: false });
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!answered) resolve(undefined);
    });
  });
}
