/** file: one cache file -> its public status (times, flags, account id; never a secret). */
import * as path from 'node:path';
import { extractFacts, CacheFileStore, type CacheFacts, type CacheFileReader, type CacheSchema } from './read';
import { formatTime } from './times';
import type { CacheFileKind, CacheFileStatus } from './types';

const SCHEMA: Record<CacheFileKind, CacheSchema> = {
  'sso-token': 'sso-token',
  'sso-role-credentials': 'role-credentials',
  'assume-role-credentials': 'role-credentials',
  'web-identity-credentials': 'role-credentials',
  'login-session': 'login-session',
};

export interface FileResult {
  status: CacheFileStatus;
  facts?: CacheFacts;
}

/** Read (through the memo) and describe one cache file (`dir/name`). */
export function describeCacheFile(
  store: CacheFileStore,
  kind: CacheFileKind,
  profile: string,
  dir: string,
  name: string,
  key: { key: string; input: string },
  nowMs: number,
): FileResult {
  const file = dir + path.sep + name;
  const raw = store.get(dir, name, file);
  const status: CacheFileStatus = { kind, profile, path: file, key: key.key, keyInput: key.input, state: raw.state };
  if (raw.detail) status.detail = raw.detail;
  if (raw.state !== 'ok' || !raw.data) return { status };
  const r = extractFacts(SCHEMA[kind], raw.data);
  if (!r.ok) {
    status.state = r.state;
    status.detail = r.detail;
    return { status };
  }
  const f = r.facts;
  status.expiresAt = formatTime(f.expiresAtMs);
  status.ttlSeconds = Math.floor((f.expiresAtMs - nowMs) / 1000);
  if (f.hasRefreshToken !== undefined) status.hasRefreshToken = f.hasRefreshToken;
  if (f.registrationExpiresAtMs !== undefined) status.registrationExpiresAt = formatTime(f.registrationExpiresAtMs as number);
  if (f.accountId) status.accountId = f.accountId;
  return { status, facts: f };
}

export interface InspectCacheFileOptions {
  /** The clock (default now). */
  now?: Date | number;
  readFile?: CacheFileReader;
}

/**
 * Describe any one cache file, given what kind it is (e.g. to list every file of
 * `~/.aws/sso/cache`). `profile` and `keyInput` are empty: no profile was involved.
 */
export function inspectCacheFile(file: string, kind: CacheFileKind, options: InspectCacheFileOptions = {}): CacheFileStatus {
  const nowMs = options.now === undefined ? Date.now() : typeof options.now === 'number' ? options.now : options.now.getTime();
  const key = path.basename(file).replace(/\.json$/, '');
  // no folder listing here: the one file is read directly
  const store = new CacheFileStore(options.readFile, () => {
    throw Object.assign(new Error('not listed'), { code: 'ENOTSUP' });
  });
  return describeCacheFile(store, kind, '', path.dirname(file), path.basename(file), { key, input: '' }, nowMs).status;
}
