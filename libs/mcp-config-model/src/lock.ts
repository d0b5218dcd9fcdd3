/**
 * A lock file next to the target (`<file>.lock`, created with O_CREAT|O_EXCL), so two writers never
 * interleave their read-modify-write. A lock whose holder process is gone (same machine), or that
 * is older than `staleMs`, is taken over.
 */
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import { ConfigLockError } from './errors';
import { fsApi, type FsApi } from './read';

export interface LockOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** A lock older than this is stale even when its holder cannot be checked (default 30 s). */
  staleMs?: number;
  fs?: Partial<FsApi>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface LockInfo {
  pid: number;
  host: string;
  token: string;
}

function parseLock(text: string): LockInfo | undefined {
  const [pid, host, token] = text.trim().split(/\s+/);
  const n = Number(pid);
  return Number.isInteger(n) && host && token ? { pid: n, host, token } : undefined;
}

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export function lockFileFor(target: string): string {
  return `${target}.lock`;
}

/** The lock's text when it is stale (holder gone, or older than `staleMs`), else undefined. */
async function staleLockText(fs: FsApi, lockFile: string, staleMs: number): Promise<string | undefined> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, mtimeMs] = await Promise.all([fs.readFile(lockFile, 'utf8'), fs.stat(lockFile).then((s) => s.mtimeMs)]);
  } catch {
    return undefined; // gone already: just retry
  }
  const info = parseLock(text);
  if (info && info.host === os.hostname() && processGone(info.pid)) return text;
  if (Date.now() - mtimeMs > staleMs) return text;
  return undefined;
}

/** Take the lock for `target`, run `fn`, release the lock (also when `fn` throws). */
export async function withFileLock<T>(target: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const fs = fsApi(options.fs);
  const lockFile = lockFileFor(target);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const token = randomBytes(8).toString('hex');
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await fs.open(lockFile, 'wx', 0o600);
      try {
        await handle.writeFile(`${process.pid} ${os.hostname()} ${token} ${new Date().toISOString()}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new ConfigLockError(target, lockFile, `cannot create the lock file ${lockFile}: ${(e as Error).message}`);
    }
    const stale = await staleLockText(fs, lockFile, staleMs);
    if (stale !== undefined) {
      // Take the stale lock over by renaming it away; if what was renamed turns out to be another
      // writer's fresh lock (it took over first), put it back.
      const aside = `${lockFile}.stale-${token}`;
      try {
        await fs.rename(lockFile, aside);
        if ((await fs.readFile(aside, 'utf8')) !== stale) await fs.link(aside, lockFile).catch(() => undefined);
        await fs.unlink(aside).catch(() => undefined);
      } catch {
        /* someone else got there first */
      }
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      throw new ConfigLockError(target, lockFile, `the file is locked by another writer (${lockFile}); gave up after ${timeoutMs} ms`);
    }
    await sleep(Math.min(100, 5 + attempt * 2) + Math.random() * 10);
  }
  try {
    return await fn();
  } finally {
    try {
      const held = parseLock(await fs.readFile(lockFile, 'utf8'));
      if (held?.token === token) await fs.unlink(lockFile);
    } catch {
      /* already gone */
    }
  }
}
