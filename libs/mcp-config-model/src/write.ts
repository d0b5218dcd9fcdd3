/**
 * write: atomic (temporary file in the same folder + rename), file mode kept, symlinks followed
 * (the link stays a link, its target gets the new content), optional backup, and a lock around
 * read-modify-write so concurrent writers never lose an update.
 */
import { constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { ConfigWriteError } from './errors';
import { withFileLock, type LockOptions } from './lock';
import { fsApi, readConfigText, type FsApi } from './read';

export interface WriteOptions {
  /**
   * Copy the current file to `<file>.bak-<timestamp>` (UTC, e.g. `mcp.json.bak-20260301T101500123Z`)
   * before replacing it. Nothing is copied when the file does not exist yet or nothing changes.
   */
  backup?: boolean;
  /** Mode of a new file (default `0o600`); an existing file keeps its own mode. */
  mode?: number;
  /** Create missing parent folders (default true). */
  mkdir?: boolean;
  fs?: Partial<FsApi>;
  /** Clock for the backup name (tests). */
  now?: () => Date;
}

export interface WriteResult {
  /** The path given. */
  file: string;
  /** The file actually replaced (the symlink target when `file` is a link). */
  target: string;
  /** False when the file already had exactly this content (nothing was written). */
  changed: boolean;
  backup?: string;
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code;

/** Follow symlinks (also dangling ones) to the file that holds the content. */
export async function resolveWriteTarget(file: string, fs: FsApi = fsApi()): Promise<string> {
  let current = path.resolve(file);
  for (let i = 0; i < 40; i++) {
    let st;
    try {
      st = await fs.lstat(current);
    } catch (e) {
      if (errno(e) === 'ENOENT') return current;
      throw new ConfigWriteError(file, `cannot inspect ${current}: ${(e as Error).message}`, errno(e));
    }
    if (!st.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await fs.readlink(current));
  }
  throw new ConfigWriteError(file, 'too many levels of symbolic links', 'ELOOP');
}

export function backupName(target: string, now: Date): string {
  return `${target}.bak-${now.toISOString().replace(/[-:.]/g, '')}`;
}

async function writeResolved(file: string, target: string, text: string, options: WriteOptions, fs: FsApi): Promise<WriteResult> {
  let st: import('node:fs').Stats | undefined;
  try {
    st = (await fs.stat(target)) as import('node:fs').Stats;
  } catch (e) {
    if (errno(e) !== 'ENOENT') throw new ConfigWriteError(file, `cannot inspect the file: ${(e as Error).message}`, errno(e));
  }
  if (st?.isDirectory()) throw new ConfigWriteError(file, 'is a directory, expected a file', 'EISDIR');
  if (st) {
    const current = await fs.readFile(target, 'utf8').catch(() => undefined);
    if (current === text) return { file, target, changed: false };
  }
  const dir = path.dirname(target);
  if (!st && options.mkdir !== false) {
    try {
      await fs.mkdir(dir, { recursive: true });
    } catch (e) {
      throw new ConfigWriteError(file, `cannot create the folder ${dir}: ${(e as Error).message}`, errno(e));
    }
  }
  const result: WriteResult = { file, target, changed: true };
  if (options.backup && st) {
    const backup = backupName(target, (options.now ?? (() => new Date()))());
    try {
      await fs.copyFile(target, backup, constants.COPYFILE_EXCL);
      await fs.chmod(backup, st.mode & 0o7777);
    } catch (e) {
      throw new ConfigWriteError(file, `cannot write the backup ${backup}: ${(e as Error).message}`, errno(e));
    }
    result.backup = backup;
  }
  const mode = st ? st.mode & 0o7777 : (options.mode ?? 0o600);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await fs.open(tmp, 'wx', mode);
    created = true;
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.chmod(tmp, mode);
    if (st && typeof process.getuid === 'function' && process.getuid() === 0 && (st.uid !== 0 || st.gid !== 0)) {
      await fs.chown(tmp, st.uid, st.gid).catch(() => undefined);
    }
    await fs.rename(tmp, target);
  } catch (e) {
    if (created) await fs.unlink(tmp).catch(() => undefined);
    const code = errno(e);
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? `permission denied writing in ${dir}`
        : code === 'EROFS'
          ? `${dir} is on a read-only file system`
          : code === 'ENOTDIR'
            ? `a parent of ${target} is not a directory`
            : (e as Error).message;
    throw new ConfigWriteError(file, `${reason}; the original file is unchanged`, code);
  }
  return result;
}

/**
 * Replace the content of `file` atomically. Writing the content it already has is a no-op
 * (`changed: false`), so repeated runs do not touch the file.
 */
export async function writeConfigFile(file: string, text: string, options: WriteOptions = {}): Promise<WriteResult> {
  const fs = fsApi(options.fs);
  return writeResolved(file, await resolveWriteTarget(file, fs), text, options, fs);
}

export type UpdateOptions = WriteOptions & LockOptions;

/**
 * Read-modify-write under the lock: `update` gets the current text (`''` when the file does not
 * exist) and returns the new text; returning the same text writes nothing.
 */
export async function updateConfigFile(
  file: string,
  update: (text: string) => string | Promise<string>,
  options: UpdateOptions = {},
): Promise<WriteResult> {
  const fs = fsApi(options.fs);
  const target = await resolveWriteTarget(file, fs);
  if (options.mkdir !== false) await fs.mkdir(path.dirname(target), { recursive: true }).catch(() => undefined);
  return withFileLock(
    target,
    async () => {
      let current = '';
      try {
        current = await readConfigText(target, { fs });
      } catch (e) {
        if ((e as { errno?: string }).errno !== 'ENOENT') throw e;
      }
      const next = await update(current);
      if (next === current) return { file, target, changed: false };
      return writeResolved(file, target, next, options, fs);
    },
    options,
  );
}
