/**
 * @awsmcp/credential-cache-inspector: for every AWS profile, where its credentials are cached, how
 * long they are good, whether they refresh by themselves, and what to run now. Never returns a
 * secret: only times, presence flags and identifiers leave the reader.
 */
export { inspectProfiles, inspectProfile, inspectEach } from './inspect';
export { inspectCacheFile } from './file';
export type { InspectCacheFileOptions } from './file';
export { watch, nextCrossing } from './watch';
export type { WatchOptions, WatchChange, WatchHandle } from './watch';
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
  ProfileState,
  ProfileStatus,
  SourceStatus,
} from './types';
