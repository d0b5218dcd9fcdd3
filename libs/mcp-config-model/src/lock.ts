/** lock: the lock of the safe-write module (one lock rule for every file awsmcp writes). */
export { withFileLock, lockFileFor, lockFile, lockFileSync } from './safe-write';
export type { LockOptions, FileLock } from './safe-write';
