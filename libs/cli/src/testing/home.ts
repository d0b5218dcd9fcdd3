/**
 * Test harness: temp homes with AWS profiles pointed at moto, host files for real MCP servers,
 * a canary secret planted in credentials and cache files, and CLI runs (in-process or the built bin).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../program';

export const ROOT = path.resolve(__dirname, '../../../..');
export const BIN = path.join(ROOT, 'libs/cli/dist/bin.js');
export const FIXTURES = path.join(__dirname, 'fixtures');
/** Planted as every secret in the temp homes; must never appear in any output. */
export const CANARY = 'CANARY-SECRET-d0ct0r-8e21';

/** The stdio entry of @modelcontextprotocol/server-everything (run as `node <it> stdio`). */
export function everythingServer(): string {
  const file = path.join(ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm install\` at the repository root (@modelcontextprotocol/server-everything is a dev dependency)`);
  return file;
}

export interface TestHome {
  base: string;
  home: string;
  workspace: string;
  /** The environment for runs: HOME, PATH, NO_COLOR, AWS_ENDPOINT_URL (when given). */
  env: Record<string, string>;
  write(rel: string, text: string, root?: 'home' | 'workspace'): string;
  read(rel: string, root?: 'home' | 'workspace'): string;
  cleanup(): void;
}

export function makeTestHome(options: { endpoint?: string; config?: string; credentials?: string } = {}): TestHome {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-doctor-'));
  const home = path.join(base, 'home');
  const workspace = path.join(base, 'work');
  fs.mkdirSync(path.join(home, '.aws'), { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  const env: Record<string, string> = {
    HOME: home,
    PATH: process.env.PATH ?? '',
    NO_COLOR: '1',
    TZ: 'UTC',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  if (options.endpoint) env.AWS_ENDPOINT_URL = options.endpoint;
  const t: TestHome = {
    base,
    home,
    workspace,
    env,
    write(rel, text, root = 'home') {
      const p = path.join(root === 'home' ? home : workspace, rel);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, text);
      return p;
    },
    read(rel, root = 'home') {
      return fs.readFileSync(path.join(root === 'home' ? home : workspace, rel), 'utf8');
    },
    cleanup() {
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
  if (options.config !== undefined) t.write('.aws/config', options.config);
  if (options.credentials !== undefined) t.write('.aws/credentials', options.credentials);
  return t;
}

/** An SSO token cache file for `session` (sha1 of the session name), with the canary as its secrets. */
export function writeSsoToken(t: TestHome, session: string, expiresAt: Date, startUrl: string, region = 'eu-west-1'): string {
  const key = createHash('sha1').update(session).digest('hex');
  return t.write(
    `.aws/sso/cache/${key}.json`,
    JSON.stringify({ startUrl, region, accessToken: CANARY, expiresAt: expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'), clientId: CANARY, clientSecret: CANARY }),
  );
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Run the CLI in-process with captured, non-terminal output. */
export async function runCli(t: Pick<TestHome, 'env' | 'workspace'>, argv: string[], extra: { env?: Record<string, string>; cwd?: string; now?: Date } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const started = Date.now();
  const code = await main(argv, {
    env: { ...t.env, ...extra.env },
    cwd: extra.cwd ?? t.workspace,
    io: { stdout: { write: (s: string) => (stdout += s), isTTY: false }, stderr: { write: (s: string) => (stderr += s), isTTY: false }, stdinIsTTY: false },
    ...(extra.now ? { now: () => extra.now! } : {}),
  });
  return { code, stdout, stderr, ms: Date.now() - started };
}

export function assertBuilt(): void {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npx nx run cli:build\` (the cli test target depends on it)`);
}

/** Start the built bin; `signalAfter` sends SIGINT once `until(stdout + stderr)` holds (or after ms). */
export function startBin(
  t: Pick<TestHome, 'env' | 'workspace'>,
  argv: string[],
  extra: { env?: Record<string, string>; cwd?: string; interruptWhen?: (output: string) => boolean; timeoutMs?: number } = {},
): Promise<RunResult & { pid: number }> {
  assertBuilt();
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: extra.cwd ?? t.workspace, env: { ...t.env, ...extra.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const check = () => {
      if (!sent && extra.interruptWhen?.(stdout + stderr)) {
        sent = true;
        child.kill('SIGINT');
      }
    };
    child.stdout.on('data', (d) => {
      stdout += d;
      check();
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      check();
    });
    // past the time limit: Ctrl-C first (so the CLI can still kill its server tree), then SIGKILL
    let hard: NodeJS.Timeout | undefined;
    const killer = setTimeout(() => {
      child.kill('SIGINT');
      hard = setTimeout(() => child.kill('SIGKILL'), 5000);
    }, extra.timeoutMs ?? 60_000);
    const poll = extra.interruptWhen ? setInterval(check, 50) : undefined;
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      if (hard) clearTimeout(hard);
      if (poll) clearInterval(poll);
      resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr, ms: Date.now() - started, pid: child.pid! });
    });
  });
}

/** True while the pid exists and is not a zombie. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}

export async function waitFor(check: () => boolean, ms: number, step = 50): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, step));
  }
  return check();
}
