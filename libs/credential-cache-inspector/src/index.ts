/**
 * @awsmcp/credential-cache-inspector: for every AWS profile, where its credentials are cached, how
 * long they are good, whether they refresh by themselves, and what to run now. Never returns a
 * secret: only times, presence flags and identifiers leave the reader.
 */
export { inspectProfiles, inspectProfile, inspectEach } from './inspect';
export { inspectCacheFile } from './file';
export { resolveProvider, ProviderResolver, CREDENTIAL_PROVIDERS, RUNTIMES } from './resolve';
export type { Runtime, CredentialProvider, ProviderResolution, ProviderFailure, ResolveOptions, SsoSettings, CredentialSourceName } from './resolve';
export { runtimeOfCommand } from './runtime';
export { botocoreOnlyProfiles } from './botocore-reading';
export type { BotocoreReading, BotocoreFileError } from './botocore-reading';
export type { InspectCacheFileOptions } from './file';
export type { WatchOptions, WatchChange, WatchHandle } from './watch';
import type { InspectOptions, ProfileStatus } from './types';
import type { WatchChange, WatchHandle, WatchOptions } from './watch';

/** `./watch`, loaded on first use: a one-shot inspection (`awsmcp discover`) never needs it. */
function watchModule(): typeof import('./watch') {
  return require('./watch') as typeof import('./watch');
}

/**
 * Watch a home's AWS caches and config; call `onChange` when any profile's state changes.
 * Always `close()` the handle when done.
 */
export function watch(home: string, onChange: (change: WatchChange) => void, options?: WatchOptions): WatchHandle {
  return watchModule().watch(home, onChange, options);
}

/** The next moment any light changes: a threshold crossing or an expiry, after `nowMs`. */
export function nextCrossing(statuses: readonly ProfileStatus[], nowMs: number, options?: Pick<InspectOptions, 'thresholds'>): number | undefined {
  return watchModule().nextCrossing(statuses, nowMs, options);
}
export { lightFor, resolveThresholds, DEFAULT_THRESHOLDS } from './light';
export type { Light, Thresholds } from './light';
export { cacheDirectories } from './paths';
export type { CacheDirectories, CacheDirectoryOptions } from './paths';
export {
  ssoTokenCacheKey,
  ssoRoleCredentialsCacheKey,
  assumeRoleCacheKey,
  assumeRoleCacheArgs,
  webIdentityCacheKey,
  loginCacheKey,
  pythonJsonDumps,
} from './keys';
export type { CacheKey, PyInt } from './keys';
export { parseTimestamp, formatDuration } from './times';
export type { ParsedTime } from './times';
export { defaultReader, MAX_CACHE_FILE_BYTES } from './read';
export type { CacheFileReader } from './read';
export type {
  CacheFileKind,
  CacheFileState,
  CacheFileStatus,
  InspectOptions,
  InspectSummary,
  ProfileState,
  ProfileStatus,
  SourceStatus,
} from './types';
