/** source: read a profile file from disk, telling "missing" (normal) from "unreadable" (an error). */
import * as fs from 'node:fs';
import { ProfileFileReadError } from './errors';

/**
 * The file's text, or `undefined` when it does not exist (the SDKs treat a missing file as empty).
 * Throws {@link ProfileFileReadError} when the path is a directory or cannot be read.
 */
export function readProfileFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'EISDIR') throw new ProfileFileReadError(file, 'is a directory, expected a file', code);
    if (code === 'EACCES' || code === 'EPERM') throw new ProfileFileReadError(file, 'permission denied: cannot read it', code);
    throw new ProfileFileReadError(file, `cannot be read (${code ?? (err as Error).message})`, code);
  }
}
