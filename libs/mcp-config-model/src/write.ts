/**
 * write: the config-file front of the safe-write module (atomic, mode kept, symlinks followed,
 * dangling links and read-only files refused, backups outside the workspace, under the lock).
 */
import { resolveWriteTargetSync, safeUpdateFile, type SafeFs, type SafeWriteOptions, type SafeWriteResult } from './safe-write';

export interface WriteOptions extends Omit<SafeWriteOptions, 'fs'> {
  /**
   * Keep the current content in the per-user backup folder (`$XDG_STATE_HOME/awsmcp/backups/...`,
   * see `backupRoot`) before replacing it; never next to the file. Nothing is kept when the file
   * does not exist yet or nothing changes.
   */
  backup?: SafeWriteOptions['backup'];
  fs?: Partial<SafeFs>;
}

export type WriteResult = SafeWriteResult;

/** Follow symlinks to the file that holds the content; a dangling link is refused. */
export async function resolveWriteTarget(file: string): Promise<string> {
  return resolveWriteTargetSync(file);
}

/**
 * Replace the content of `file` atomically, under its lock. Writing the content it already has is
 * a no-op (`changed: false`), so repeated runs do not touch the file.
 */
export async function writeConfigFile(file: string, text: string, options: WriteOptions = {}): Promise<WriteResult> {
  return safeUpdateFile(file, () => text, options);
}

export type UpdateOptions = WriteOptions;

/**
 * Read-modify-write under the lock: `update` gets the current text (`''` when the file does not
 * exist) and returns the new text; returning the same text writes nothing.
 */
export async function updateConfigFile(file: string, update: (text: string) => string | Promise<string>, options: UpdateOptions = {}): Promise<WriteResult> {
  return safeUpdateFile(file, (text) => update(text), options);
}
