/**
 * safe-write: the one way awsmcp writes a file (host configs, the tags file, the hydrate records,
 * the discover cache, ~/.aws/config stanzas). See docs/decisions/0007-one-safe-write-module.md.
 *
 * - atomic: a temporary file in the same folder with an unpredictable name, created with O_EXCL and
 *   mode 0600, written, fsync'd, given the final mode, then renamed over the target;
 * - the target's mode is kept (new files: 0600 unless asked otherwise); a read-only target (no owner
 *   write bit, e.g. 0444) is refused unless `force`;
 * - symlinks are followed: the link stays, its target gets the content; a dangling link is refused
 *   (nothing is ever created at the place a link points to); `realPathOf` gives the real path so a
 *   caller can judge the scope of a file by where it really is;
 * - backups go to a per-user folder outside the workspace (`$XDG_STATE_HOME/awsmcp/backups`, else
 *   `~/.local/state/awsmcp/backups`; folders 0700, files 0600), pruned to the last `keep` per file;
 * - idempotent: the same content writes nothing and makes no backup;
 * - one lock rule: `<target>.lock` created with O_EXCL; only its holder removes it; a lock is stale
 *   only when its holder is provably gone (same host, pid dead or reused) or, for a holder that
 *   cannot be checked (another host, unreadable lock), when it is older than `staleMs`; a stale lock
 *   is broken under a second O_EXCL file so two writers never both break it;
 * - temporary files left by a killed writer (`kill -9`) are 0600 and removed by the next write to
 *   the same file;
 * - several files: `planWrites([...])` reads and edits every file first (any error: nothing is
 *   written), then `commitAll()` locks them all, writes them, and restores the ones already written
 *   when a later one fails.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigLockError, ConfigReadError, ConfigWriteError } from './errors';
import { decodeUtf8 } from './text/position';

/** The synchronous file-system calls safe-write uses (replaceable in tests to inject failures). */
export type SafeFs = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'fchmodSync' | 'fchownSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'statSync' | 'lstatSync' | 'readlinkSync' | 'readFileSync' | 'mkdirSync' | 'readdirSync' | 'chmodSync' | 'realpathSync'
>;

export interface BackupOptions {
  /** Folder of all backups (default `backupRoot()`). */
  root?: string;
  /** Backups kept per file (default 10). */
  keep?: number;
}

export interface LockOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** A lock whose holder cannot be checked (other host, unreadable) is stale after this long (default 30 s). */
  staleMs?: number;
}

export interface SafeWriteOptions extends LockOptions {
  /** Keep the previous content in the per-user backup folder before replacing it. */
  backup?: boolean | BackupOptions;
  /** Mode of a new file (default `0o600`); an existing file keeps its own mode. */
  mode?: number;
  /** Create missing parent folders (default true; created with mode 0700). */
  mkdir?: boolean;
  /** Replace a read-only (no owner write bit) file anyway; it keeps its mode. */
  force?: boolean;
  /** Take the lock around the write (default true). */
  lock?: boolean;
  /** Clock for backup names (tests). */
  now?: () => Date;
  fs?: Partial<SafeFs>;
}

export interface SafeWriteResult {
  /** The path given. */
  file: string;
  /** The file actually replaced (the symlink's target when `file` is a link). */
  target: string;
  /** False when the file already had exactly this content (nothing was written). */
  changed: boolean;
  /** Where the previous content was kept. */
  backup?: string;
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException)?.code;
const io = (o?: Partial<SafeFs>): SafeFs => ({ ...(nodeFs as unknown as SafeFs), ...o });
const TMP = /^\.(.+)\.awsmcp-(\d+)-[0-9a-f]+\.tmp$/;

// ---------------------------------------------------------------------------------------------
// paths

/**
 * The file that holds the content of `file`: symlinks followed (relative links against their
 * folder). A missing file is fine (it will be created); a symlink to a missing file is refused.
 */
export function resolveWriteTargetSync(file: string, fsOverride?: Partial<SafeFs>): string {
  const fs = io(fsOverride);
  let current = path.resolve(file);
  let viaLink = false;
  for (let i = 0; i < 40; i++) {
    let st: nodeFs.Stats;
    try {
      st = fs.lstatSync(current);
    } catch (e) {
      if (errno(e) === 'ENOENT') {
        if (viaLink) throw new ConfigWriteError(file, `is a symbolic link to ${current}, which does not exist; awsmcp does not create files through a dangling link (remove the link or create the target first)`, 'EDANGLING');
        return current;
      }
      throw new ConfigWriteError(file, `cannot inspect ${current}: ${(e as Error).message}`, errno(e));
    }
    if (!st.isSymbolicLink()) return current;
    viaLink = true;
    current = path.resolve(path.dirname(current), fs.readlinkSync(current));
  }
  throw new ConfigWriteError(file, 'too many levels of symbolic links', 'ELOOP');
}

/**
 * The real path of `file` (every symlink in it resolved; for a missing file, its folder's real path
 * plus its name). Judge the scope of a file by this: a workspace `.mcp.json` that links to
 * `~/.claude.json` is the user-scope file.
 */
export function realPathOf(file: string): string {
  const abs = path.resolve(file);
  try {
    return nodeFs.realpathSync(abs);
  } catch {
    try {
      return path.join(nodeFs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** True when `a` and `b` are the same file once every symlink is resolved. */
export function sameRealFile(a: string, b: string): boolean {
  return realPathOf(a) === realPathOf(b);
}

// ---------------------------------------------------------------------------------------------
// backups

/** `$XDG_STATE_HOME/awsmcp/backups` (when absolute), else `<home>/.local/state/awsmcp/backups`. */
export function backupRoot(options: { env?: Record<string, string | undefined>; home?: string } = {}): string {
  const env = options.env ?? process.env;
  const xdg = env.XDG_STATE_HOME;
  const home = options.home ?? env.HOME ?? os.homedir();
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.local', 'state'), 'awsmcp', 'backups');
}

/** The backup folder of one file: `<root>/<name>-<12 hex of the real path's sha256>`. */
export function backupDirFor(target: string, root: string = backupRoot()): string {
  const real = realPathOf(target);
  const hash = createHash('sha256').update(real).digest('hex').slice(0, 12);
  const name = path.basename(real).replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '') || 'file';
  return path.join(root, `${name}-${hash}`);
}

const STAMP = /^\d{8}T\d{9}Z(-\d+)?$/;

/** The backups of `target`, oldest first. */
export function listBackups(target: string, options: BackupOptions = {}): string[] {
  const dir = backupDirFor(target, options.root ?? backupRoot());
  let names: string[];
  try {
    names = nodeFs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => STAMP.test(n)).sort().map((n) => path.join(dir, n));
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '');
}

function writeBackup(fs: SafeFs, target: string, text: string, options: BackupOptions, now: Date): string {
  const root = options.root ?? backupRoot();
  const dir = backupDirFor(target, root);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  // which file the folder is for (a human looking for a backup reads this)
  const origin = path.join(dir, 'ORIGIN');
  try {
    fs.statSync(origin);
  } catch {
    writeAtomic(fs, origin, realPathOf(target) + '\n', 0o600);
  }
  let name = stamp(now);
  let file = path.join(dir, name);
  for (let i = 1; ; i++) {
    try {
      fs.statSync(file);
      name = `${stamp(now)}-${i}`;
      file = path.join(dir, name);
    } catch {
      break;
    }
  }
  writeAtomic(fs, file, text, 0o600);
  const keep = Math.max(1, options.keep ?? 10);
  const all = fs.readdirSync(dir).filter((n) => STAMP.test(n)).sort();
  for (const old of all.slice(0, Math.max(0, all.length - keep))) {
    try {
      fs.unlinkSync(path.join(dir, old));
    } catch {
      /* pruned by someone else */
    }
  }
  return file;
}

// ---------------------------------------------------------------------------------------------
// liveness

function startTimeOf(pid: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = nodeFs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errno(e) === 'EPERM';
  }
}

// ---------------------------------------------------------------------------------------------
// temporary files

/** Remove the temporary files a killed writer left next to `target` (their writer is gone). */
export function cleanStaleTemps(target: string, fsOverride?: Partial<SafeFs>): string[] {
  const fs = io(fsOverride);
  const dir = path.dirname(target);
  const base = path.basename(target);
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const n of names) {
    const m = TMP.exec(n);
    if (!m || m[1] !== base) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || pidAlive(pid)) continue;
    try {
      fs.unlinkSync(path.join(dir, n));
      removed.push(path.join(dir, n));
    } catch {
      /* gone already */
    }
  }
  return removed;
}

function tempName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.awsmcp-${process.pid}-${randomBytes(8).toString('hex')}.tmp`);
}

/** Temp file (O_EXCL, 0600) + fsync + final mode + rename. Throws the raw errno error. */
function writeAtomic(fs: SafeFs, target: string, text: string | Uint8Array, mode: number, owner?: { uid: number; gid: number }): void {
  const tmp = tempName(target);
  let fd: number | undefined;
  let renamed = false;
  try {
    fd = fs.openSync(tmp, nodeFs.constants.O_WRONLY | nodeFs.constants.O_CREAT | nodeFs.constants.O_EXCL | (nodeFs.constants.O_NOFOLLOW ?? 0), 0o600);
    const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    let off = 0;
    while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off);
    fs.fsyncSync(fd);
    if (owner && typeof process.getuid === 'function' && process.getuid() === 0) {
      try {
        fs.fchownSync(fd, owner.uid, owner.gid);
      } catch {
        /* best effort */
      }
    }
    // the copy stays 0600 while it has a temporary name (a writer killed here leaves nothing
    // readable by others); it gets its final mode once it is the target
    fs.renameSync(tmp, target);
    renamed = true;
    fs.fchmodSync(fd, mode);
    fs.closeSync(fd);
    fd = undefined;
  } catch (e) {
    if (renamed) {
      if (fd !== undefined) {
        try {
          fs.closeSync(fd);
        } catch {
          /* closed */
        }
      }
      throw e;
    }
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* closed */
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* never created, or renamed */
    }
    throw e;
  }
  try {
    const dfd = fs.openSync(path.dirname(target), 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    /* some file systems cannot fsync a folder */
  }
}

function writeFailure(file: string, target: string, e: unknown): ConfigWriteError {
  if (e instanceof ConfigWriteError) return e;
  const code = errno(e);
  const dir = path.dirname(target);
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? `permission denied writing in ${dir}`
      : code === 'EROFS'
        ? `${dir} is on a read-only file system`
        : code === 'ENOTDIR'
          ? `a parent of ${target} is not a directory`
          : code === 'ENOSPC'
            ? `no space left on the device holding ${dir}`
            : (e as Error).message;
  return new ConfigWriteError(file, `${reason}; the original file is unchanged`, code);
}

// ---------------------------------------------------------------------------------------------
// reading

interface Current {
  exists: boolean;
  text: string;
  mode: number;
  uid: number;
  gid: number;
}

function readCurrent(fs: SafeFs, file: string, target: string): Current {
  let st: nodeFs.Stats;
  try {
    st = fs.statSync(target);
  } catch (e) {
    if (errno(e) === 'ENOENT') return { exists: false, text: '', mode: 0, uid: -1, gid: -1 };
    throw new ConfigWriteError(file, `cannot inspect the file: ${(e as Error).message}`, errno(e));
  }
  if (st.isDirectory()) throw new ConfigWriteError(file, 'is a directory, expected a file', 'EISDIR');
  let buf: Buffer;
  try {
    buf = fs.readFileSync(target) as Buffer;
  } catch (e) {
    throw new ConfigReadError(file, errno(e) === 'EACCES' ? 'permission denied: cannot read the file' : `cannot read: ${(e as Error).message}`, errno(e));
  }
  const decoded = decodeUtf8(buf);
  if ('invalidAt' in decoded) {
    const { line, column, byte } = decoded.invalidAt;
    throw new ConfigReadError(file, `invalid UTF-8 (byte 0x${buf[byte]!.toString(16).padStart(2, '0')} at offset ${byte}): expected UTF-8 text`, 'EILSEQ', { line, column });
  }
  return { exists: true, text: decoded.text, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
}

function refuseReadOnly(file: string, cur: Current, options: SafeWriteOptions): void {
  if (cur.exists && (cur.mode & 0o200) === 0 && !options.force) {
    throw new ConfigWriteError(file, `is read-only (mode ${cur.mode.toString(8).padStart(4, '0')}); awsmcp does not replace a read-only file (make it writable with chmod u+w, or force the write)`, 'EREADONLY');
  }
}

/** Write `text` over the current content (already read under the lock). */
function replace(fs: SafeFs, file: string, target: string, cur: Current, text: string, options: SafeWriteOptions): SafeWriteResult {
  if (cur.exists && cur.text === text) return { file, target, changed: false };
  refuseReadOnly(file, cur, options);
  const result: SafeWriteResult = { file, target, changed: true };
  try {
    if (!cur.exists && options.mkdir !== false) fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    cleanStaleTemps(target, fs);
    if (cur.exists && options.backup) {
      try {
        result.backup = writeBackup(fs, target, cur.text, options.backup === true ? {} : options.backup, (options.now ?? (() => new Date()))());
      } catch (e) {
        throw new ConfigWriteError(file, `cannot keep a backup (${errno(e) ?? (e as Error).message}); the original file is unchanged`, errno(e));
      }
    }
    writeAtomic(fs, target, text, cur.exists ? cur.mode : (options.mode ?? 0o600), cur.exists ? { uid: cur.uid, gid: cur.gid } : undefined);
  } catch (e) {
    throw writeFailure(file, target, e);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// lock

interface LockInfo {
  pid: number;
  host: string;
  token: string;
  start?: string;
}

function parseLock(text: string): LockInfo | undefined {
  const [pid, host, token, start] = text.trim().split(/\s+/);
  const n = Number(pid);
  return Number.isInteger(n) && n > 0 && host && token ? { pid: n, host, token, ...(start && /^\d+$/.test(start) ? { start } : {}) } : undefined;
}

export function lockFileFor(target: string): string {
  return `${target}.lock`;
}

/** A held lock; `release()` removes it only when it is still ours. */
export interface FileLock {
  target: string;
  lockFile: string;
  release(): void;
}

function tryLock(fs: SafeFs, target: string, token: string): FileLock | undefined {
  const lockFile = lockFileFor(target);
  let fd: number;
  try {
    fd = fs.openSync(lockFile, 'wx', 0o600);
  } catch (e) {
    if (errno(e) === 'EEXIST') return undefined;
    throw new ConfigLockError(target, lockFile, `cannot create the lock file ${lockFile}: ${(e as Error).message}`);
  }
  try {
    fs.writeSync(fd, `${process.pid} ${os.hostname()} ${token} ${startTimeOf(process.pid) ?? '-'} ${new Date().toISOString()}\n`);
  } finally {
    fs.closeSync(fd);
  }
  return {
    target,
    lockFile,
    release: () => {
      try {
        if (parseLock(String(fs.readFileSync(lockFile, 'utf8')))?.token === token) fs.unlinkSync(lockFile);
      } catch {
        /* already gone */
      }
    },
  };
}

/** Is the lock's holder provably gone (or, when it cannot be checked, is the lock older than staleMs)? */
function isStale(text: string, mtimeMs: number, staleMs: number): boolean {
  const info = parseLock(text);
  if (info && info.host === os.hostname()) {
    if (!pidAlive(info.pid)) return true;
    // the pid was reused by another process: the holder is gone
    const now = startTimeOf(info.pid);
    return info.start !== undefined && now !== undefined && now !== info.start;
  }
  return Date.now() - mtimeMs > staleMs;
}

/** Break a stale lock under `<lock>.break` (O_EXCL), re-checking it is still the same stale lock. */
function breakIfStale(fs: SafeFs, target: string, staleMs: number): void {
  const lockFile = lockFileFor(target);
  let text: string;
  let mtimeMs: number;
  try {
    text = String(fs.readFileSync(lockFile, 'utf8'));
    mtimeMs = fs.statSync(lockFile).mtimeMs;
  } catch {
    return; // released meanwhile
  }
  if (!isStale(text, mtimeMs, staleMs)) return;
  const breaker = `${lockFile}.break`;
  let fd: number;
  try {
    fd = fs.openSync(breaker, 'wx', 0o600);
  } catch (e) {
    if (errno(e) !== 'EEXIST') return;
    // a breaker killed mid-way: breaking takes microseconds, so an old one is abandoned
    try {
      if (Date.now() - fs.statSync(breaker).mtimeMs > 10_000) fs.unlinkSync(breaker);
    } catch {
      /* gone */
    }
    return;
  }
  try {
    fs.closeSync(fd);
    if (String(fs.readFileSync(lockFile, 'utf8')) === text) fs.unlinkSync(lockFile);
  } catch {
    /* released meanwhile */
  } finally {
    try {
      fs.unlinkSync(breaker);
    } catch {
      /* gone */
    }
  }
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function lockTimeout(target: string, timeoutMs: number, fs: SafeFs): ConfigLockError {
  const lockFile = lockFileFor(target);
  let holder = '';
  try {
    const info = parseLock(String(fs.readFileSync(lockFile, 'utf8')));
    if (info) holder = ` (held by process ${info.pid} on ${info.host})`;
  } catch {
    /* gone */
  }
  return new ConfigLockError(target, lockFile, `the file is locked by another writer${holder}: ${lockFile}; gave up after ${timeoutMs} ms`);
}

/**
 * One attempt at the lock of `target`: the lock when taken; else a stale lock is broken and
 * undefined is returned, or the timeout error is thrown. Then the caller waits {@link lockBackoff}.
 */
function lockAttempt(fs: SafeFs, target: string, token: string, options: LockOptions, started: number): FileLock | undefined {
  const held = tryLock(fs, target, token);
  if (held) return held;
  breakIfStale(fs, target, options.staleMs ?? 30_000);
  if (Date.now() - started > (options.timeoutMs ?? 10_000)) throw lockTimeout(target, options.timeoutMs ?? 10_000, fs);
  return undefined;
}

/** The wait before attempt `attempt + 1`: growing to 100 ms, with jitter so writers do not march in step. */
function lockBackoff(attempt: number): number {
  return Math.min(100, 5 + attempt * 2) + Math.random() * 10;
}

/** Take the lock of `target`, waiting (blocking) up to `timeoutMs`. */
export function lockFileSync(target: string, options: LockOptions & { fs?: Partial<SafeFs> } = {}): FileLock {
  const fs = io(options.fs);
  const token = randomBytes(8).toString('hex');
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    const held = lockAttempt(fs, target, token, options, started);
    if (held) return held;
    sleepSync(lockBackoff(attempt));
  }
}

/** Take the lock of `target`, waiting (without blocking the event loop) up to `timeoutMs`. */
export async function lockFile(target: string, options: LockOptions & { fs?: Partial<SafeFs> } = {}): Promise<FileLock> {
  const fs = io(options.fs);
  const token = randomBytes(8).toString('hex');
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    const held = lockAttempt(fs, target, token, options, started);
    if (held) return held;
    await sleep(lockBackoff(attempt));
  }
}

/** Take the lock for `target`, run `fn`, release the lock (also when `fn` throws). */
export async function withFileLock<T>(target: string, fn: () => Promise<T>, options: LockOptions & { fs?: Partial<SafeFs> } = {}): Promise<T> {
  const held = await lockFile(target, options);
  try {
    return await fn();
  } finally {
    held.release();
  }
}

// ---------------------------------------------------------------------------------------------
// single files

/** Replace the content of `file` safely (see the module comment). Same content: nothing written. */
export function safeWriteFileSync(file: string, text: string, options: SafeWriteOptions = {}): SafeWriteResult {
  return safeUpdateFileSync(file, () => text, options);
}

/** Read-modify-write under the lock; `update` gets `''` for a missing file. Same text: nothing written. */
export function safeUpdateFileSync(file: string, update: (text: string, exists: boolean) => string, options: SafeWriteOptions = {}): SafeWriteResult {
  const fs = io(options.fs);
  const target = resolveWriteTargetSync(file, fs);
  if (options.lock === false) {
    const cur = readCurrent(fs, file, target);
    return replace(fs, file, target, cur, update(cur.text, cur.exists), options);
  }
  ensureDir(fs, file, target, options);
  const held = lockFileSync(target, options);
  try {
    const cur = readCurrent(fs, file, target);
    return replace(fs, file, target, cur, update(cur.text, cur.exists), options);
  } finally {
    held.release();
  }
}

/** Async form of `safeUpdateFileSync` (the wait for the lock does not block the event loop). */
export async function safeUpdateFile(file: string, update: (text: string, exists: boolean) => string | Promise<string>, options: SafeWriteOptions = {}): Promise<SafeWriteResult> {
  const fs = io(options.fs);
  const target = resolveWriteTargetSync(file, fs);
  ensureDir(fs, file, target, options);
  const held = options.lock === false ? undefined : await lockFile(target, options);
  try {
    const cur = readCurrent(fs, file, target);
    return replace(fs, file, target, cur, await update(cur.text, cur.exists), options);
  } finally {
    held?.release();
  }
}

function ensureDir(fs: SafeFs, file: string, target: string, options: SafeWriteOptions): void {
  if (options.mkdir === false) return;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new ConfigWriteError(file, `cannot create the folder ${path.dirname(target)}: ${(e as Error).message}`, errno(e));
  }
}

/**
 * For awsmcp's own caches: write `data` atomically (the same temporary-file rules: O_EXCL, 0600,
 * unpredictable name, fsync, rename; dead writers' leftovers removed), without lock, backup or
 * read-back; a symlink at `file` is replaced, never followed. Last writer wins.
 */
export function writeFileAtomicSync(file: string, data: string | Uint8Array, options: { mode?: number; fs?: Partial<SafeFs> } = {}): void {
  const fs = io(options.fs);
  const target = path.resolve(file);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    cleanStaleTemps(target, fs);
    writeAtomic(fs, target, data, options.mode ?? 0o600);
  } catch (e) {
    throw writeFailure(file, target, e);
  }
}

// ---------------------------------------------------------------------------------------------
// several files: plan, then commit all or restore all

export interface PlannedWrite {
  file: string;
  /** The new text from the current one (`''` for a missing file); may throw to abort the plan. */
  update: (text: string, exists: boolean) => string;
  /** Per-file options (mode of a new file, force); backup / lock options come from the plan. */
  mode?: number;
  force?: boolean;
}

export interface PlannedFile {
  file: string;
  target: string;
  exists: boolean;
  before: string;
  after: string;
  changed: boolean;
}

export interface CommittedFile extends SafeWriteResult {
  before: string;
  after: string;
}

export interface WritePlan {
  /** Every file as planned (read and edited, nothing written yet). */
  readonly files: readonly PlannedFile[];
  readonly changed: boolean;
  /**
   * Lock every file (in path order, so two plans never deadlock), re-read and re-edit each under
   * the lock, write them; if one write fails, write the others back as they were and throw.
   */
  commitAll(): Promise<CommittedFile[]>;
  commitAllSync(): CommittedFile[];
}

/**
 * Plan writes to several files: each is read and edited now (its `update` may parse, edit and run
 * the prod guard; any error aborts with nothing written). A dangling symlink or a read-only target
 * is refused at planning time.
 */
export function planWrites(items: readonly PlannedWrite[], options: SafeWriteOptions = {}): WritePlan {
  const fs = io(options.fs);
  const groups = new Map<string, PlannedWrite[]>();
  const files: PlannedFile[] = [];
  for (const item of items) {
    const target = resolveWriteTargetSync(item.file, fs);
    const list = groups.get(target) ?? [];
    list.push(item);
    groups.set(target, list);
  }
  const apply = (list: PlannedWrite[], text: string, exists: boolean) => list.reduce((t, i) => i.update(t, exists), text);
  for (const [target, list] of groups) {
    const cur = readCurrent(fs, list[0]!.file, target);
    const after = apply(list, cur.text, cur.exists);
    const changed = cur.exists ? after !== cur.text : after !== '';
    if (changed) refuseReadOnly(list[0]!.file, cur, { ...options, force: options.force || list.some((i) => i.force) });
    files.push({ file: list[0]!.file, target, exists: cur.exists, before: cur.text, after, changed });
  }
  const targets = [...groups.keys()].sort();

  const commitLocked = (): CommittedFile[] => {
    const done: Array<{ target: string; cur: Current; file: string }> = [];
    const results: CommittedFile[] = [];
    try {
      for (const target of targets) {
        const list = groups.get(target)!;
        const file = list[0]!.file;
        const cur = readCurrent(fs, file, target);
        // unchanged since planning: the planned edit stands; else edit the current text again
        const planned = files.find((f) => f.target === target)!;
        const after = planned.exists === cur.exists && planned.before === cur.text ? planned.after : apply(list, cur.text, cur.exists);
        if (cur.exists && after === cur.text) {
          results.push({ file, target, changed: false, before: cur.text, after });
          continue;
        }
        if (!cur.exists && after === '') {
          results.push({ file, target, changed: false, before: '', after });
          continue;
        }
        const mode = list.find((i) => i.mode !== undefined)?.mode ?? options.mode;
        const r = replace(fs, file, target, cur, after, { ...options, ...(mode !== undefined ? { mode } : {}), force: options.force || list.some((i) => i.force) });
        done.push({ target, cur, file });
        results.push({ ...r, before: cur.text, after });
      }
    } catch (e) {
      const failed: string[] = [];
      for (const d of done.reverse()) {
        try {
          if (d.cur.exists) writeAtomic(fs, d.target, d.cur.text, d.cur.mode, { uid: d.cur.uid, gid: d.cur.gid });
          else fs.unlinkSync(d.target);
        } catch {
          failed.push(d.file);
        }
      }
      const err = e instanceof Error ? e : new Error(String(e));
      if (done.length > 0) {
        err.message += failed.length === 0
          ? `; the ${done.length} file(s) already written were restored (${done.map((d) => d.file).join(', ')})`
          : `; could not restore ${failed.join(', ')} (its previous content is in the backup folder ${backupRoot()})`;
      }
      throw err;
    }
    return results;
  };

  return {
    files,
    changed: files.some((f) => f.changed),
    commitAllSync(): CommittedFile[] {
      const held: FileLock[] = [];
      try {
        for (const t of targets) {
          ensureDir(fs, t, t, options);
          held.push(lockFileSync(t, { ...options, fs }));
        }
        return commitLocked();
      } finally {
        for (const h of held.reverse()) h.release();
      }
    },
    async commitAll(): Promise<CommittedFile[]> {
      const held: FileLock[] = [];
      try {
        for (const t of targets) {
          ensureDir(fs, t, t, options);
          held.push(await lockFile(t, { ...options, fs }));
        }
        return commitLocked();
      } finally {
        for (const h of held.reverse()) h.release();
      }
    },
  };
}
