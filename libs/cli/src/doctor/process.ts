/**
 * Server processes: spawned exactly as a host would (command + argument array, no shell, the
 * entry's env merged over ours), in their own process group, with the tail of their stderr kept
 * for error messages, and always killed with every descendant (on close, timeout and Ctrl-C).
 */
import { spawn, execFileSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';

/**
 * Every server tree carries this variable (a random value per server), inherited by whatever it
 * starts: a grandchild that left the process group and the parent chain (double fork + setsid) is
 * still found by it in /proc/<pid>/environ (Linux) and killed with the rest.
 */
export const TREE_MARKER = 'AWSMCP_SERVER_TREE';

export interface SpawnSpec {
  command: string;
  args: string[];
  /** The complete environment of the child. */
  env: Record<string, string>;
  cwd: string;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The last `maxBytes` of a stream, as text. */
export class Tail {
  private chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly maxBytes = 8192) {}
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.maxBytes && this.chunks.length > 1) this.size -= this.chunks.shift()!.length;
  }
  /** The last `lines` non-empty lines. */
  lines(lines = 20): string[] {
    let text = Buffer.concat(this.chunks).toString('utf8');
    if (this.size > this.maxBytes) text = text.slice(-this.maxBytes);
    return text
      .split(/\r?\n/)
      .map((l) => l.replace(/\s+$/, ''))
      .filter((l) => l.length > 0)
      .slice(-lines);
  }
}

const live = new Set<ServerProcess>();

/** Every server process not yet killed (the Ctrl-C handler kills them). */
export function liveProcesses(): ReadonlySet<ServerProcess> {
  return live;
}

/** The pids of every descendant of `pid` (children, grandchildren...), from /proc or `ps`. */
export function descendants(pid: number, platform: NodeJS.Platform = process.platform): number[] {
  const parentOf = new Map<number, number>();
  if (platform === 'linux') {
    let entries: string[] = [];
    try {
      entries = fs.readdirSync('/proc');
    } catch {
      return [];
    }
    for (const e of entries) {
      if (!/^\d+$/.test(e)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
        // pid (comm) state ppid ...: comm may hold spaces and parentheses; split after the last ')'
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parentOf.set(Number(e), Number(rest[1]));
      } catch {
        /* gone meanwhile */
      }
    }
  } else if (platform !== 'win32') {
    try {
      const out = execFileSync('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      for (const line of out.split('\n')) {
        const m = /^\s*(\d+)\s+(\d+)/.exec(line);
        if (m) parentOf.set(Number(m[1]), Number(m[2]));
      }
    } catch {
      return [];
    }
  }
  const children = new Map<number, number[]>();
  for (const [child, parent] of parentOf) {
    const list = children.get(parent) ?? [];
    list.push(child);
    children.set(parent, list);
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift()!;
    for (const c of children.get(p) ?? []) {
      if (out.includes(c)) continue;
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/** Linux: the pids whose environment holds `AWSMCP_SERVER_TREE=<marker>` (other users' are unreadable). */
export function markedProcesses(marker: string, platform: NodeJS.Platform = process.platform): number[] {
  if (platform !== 'linux') return [];
  const needle = Buffer.from(`${TREE_MARKER}=${marker}\0`);
  const out: number[] = [];
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${e}/environ`).includes(needle)) out.push(Number(e));
    } catch {
      /* gone, or not ours */
    }
  }
  return out;
}

/** True while a process with this pid exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (process.platform === 'linux') {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return false;
    }
  }
  return true;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class ServerProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly stderr = new Tail();
  /** Resolves when the direct child exits (never rejects). */
  readonly exited: Promise<ExitInfo>;
  /** Set when the spawn itself failed (ENOENT, EACCES...). */
  spawnError?: NodeJS.ErrnoException;
  exit?: ExitInfo;
  private killing?: Promise<void>;
  /** Every pid seen below the child while it ran (so that reparented grandchildren are still found). */
  private readonly seen = new Set<number>();
  /** The value of TREE_MARKER in this server's environment (and its descendants'). */
  readonly marker = randomBytes(8).toString('hex');

  private constructor(readonly spec: SpawnSpec) {
    const group = process.platform !== 'win32';
    this.child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...spec.env, [TREE_MARKER]: this.marker },
      stdio: ['pipe', 'pipe', 'pipe'],
      shell: false,
      detached: group,
      windowsHide: true,
    });
    this.child.stderr.on('data', (c: Buffer) => this.stderr.push(c));
    this.child.stdin.on('error', () => undefined); // EPIPE once the server is gone: reported through exit
    this.exited = new Promise<ExitInfo>((resolve) => {
      this.child.once('error', (e: NodeJS.ErrnoException) => {
        this.spawnError = e;
        this.exit ??= { code: null, signal: null };
        resolve(this.exit);
      });
      this.child.once('exit', (code, sig) => {
        this.exit = { code, signal: sig };
        resolve(this.exit);
      });
    });
    live.add(this);
  }

  static start(spec: SpawnSpec): ServerProcess {
    return new ServerProcess(spec);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Remember the current descendants (called periodically by the session, and before a kill). */
  snapshot(): void {
    if (this.pid === undefined) return;
    for (const p of descendants(this.pid)) this.seen.add(p);
    for (const p of markedProcesses(this.marker)) this.seen.add(p);
  }

  /**
   * Kill the child and all its descendants: SIGTERM to the process group and every known
   * descendant, then SIGKILL to whatever is still alive after `graceMs`. Idempotent.
   */
  kill(graceMs = 1500): Promise<void> {
    return (this.killing ??= this.doKill(graceMs).finally(() => live.delete(this)));
  }

  private async doKill(graceMs: number): Promise<void> {
    const pid = this.pid;
    if (pid === undefined) return;
    if (process.platform === 'win32') {
      try {
        execFileSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' });
      } catch {
        /* already gone */
      }
      return;
    }
    this.snapshot();
    const targets = () => [...this.seen].filter(isAlive);
    const settled = () => this.exit !== undefined && targets().length === 0;
    signal(-pid, 'SIGTERM');
    for (const p of targets()) signal(p, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && !settled()) await sleep(25);
    // whatever is left of the group (also members we never saw) and every known descendant
    this.snapshot();
    signal(-pid, 'SIGKILL');
    for (const p of targets()) signal(p, 'SIGKILL');
    const hard = Date.now() + 1000;
    while (Date.now() < hard && !settled()) await sleep(20);
  }
}

/** Kill every live server process (Ctrl-C, fatal errors). */
export async function killAll(): Promise<void> {
  await Promise.all([...live].map((p) => p.kill(500)));
}

/**
 * Run `fn` with a SIGINT / SIGTERM / SIGHUP handler that kills every server process (with its whole
 * tree) first; `interrupted` resolves so that the command can stop waiting and return exit code 130.
 * SIGHUP is a closed terminal: without the handler Node would exit at once and leave the trees.
 */
export async function withInterruptHandler<T>(fn: (interrupted: Promise<void>) => Promise<T>): Promise<T> {
  let fire!: () => void;
  const interrupted = new Promise<void>((r) => (fire = r));
  const handler = () => {
    // tell the waiting session first (so it reports `interrupted`, not the exit the kill causes)
    fire();
    void killAll();
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', ...(process.platform !== 'win32' ? (['SIGHUP'] as const) : [])];
  for (const s of signals) process.on(s, handler);
  try {
    return await fn(interrupted);
  } finally {
    for (const s of signals) process.off(s, handler);
  }
}
