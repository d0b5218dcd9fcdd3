/**
 * locate: where the config and credentials files are, from the environment, as every AWS SDK
 * resolves it (vectors: file-location-tests.json).
 */
import * as path from 'node:path';

export type Env = Record<string, string | undefined>;
export type PlatformName = 'linux' | 'macos' | 'windows' | NodeJS.Platform;

export interface ProfileFileLocations {
  configFile: string;
  credentialsFile: string;
  /** The profile selected by AWS_PROFILE (or `default`). */
  profile: string;
  /** The home folder used, when one could be determined. */
  home?: string;
}

function isWindows(platform: PlatformName): boolean {
  return platform === 'windows' || platform === 'win32';
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}

/**
 * The user's home folder: HOME first on every platform; on Windows then USERPROFILE, then
 * HOMEDRIVE + HOMEPATH.
 */
export function resolveHome(env: Env, platform: PlatformName = process.platform): string | undefined {
  const home = nonEmpty(env.HOME);
  if (home) return home;
  if (isWindows(platform)) {
    const profile = nonEmpty(env.USERPROFILE);
    if (profile) return profile;
    const drive = nonEmpty(env.HOMEDRIVE);
    const homePath = nonEmpty(env.HOMEPATH);
    if (homePath) return (drive ?? '') + homePath;
  }
  return undefined;
}

/** Expand a leading `~` (followed by a separator or nothing) to the home folder. */
export function expandHome(p: string, env: Env, platform: PlatformName = process.platform): string {
  if (p === '~' || p.startsWith('~/') || (isWindows(platform) && p.startsWith('~\\'))) {
    const home = resolveHome(env, platform);
    if (home === undefined) return p;
    const lib = isWindows(platform) ? path.win32 : path.posix;
    return p === '~' ? home : lib.join(home, p.slice(2));
  }
  return p;
}

/**
 * Where the files are: AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE when set (with `~`
 * expanded), else `<home>/.aws/config` and `<home>/.aws/credentials`.
 */
export function locateProfileFiles(env: Env = process.env, platform: PlatformName = process.platform): ProfileFileLocations {
  const lib = isWindows(platform) ? path.win32 : path.posix;
  const home = resolveHome(env, platform);
  const base = home ?? '~';
  const defaultFile = (name: string) => lib.join(base, '.aws', name);
  const configFile = nonEmpty(env.AWS_CONFIG_FILE);
  const credentialsFile = nonEmpty(env.AWS_SHARED_CREDENTIALS_FILE);
  return {
    configFile: configFile ? expandHome(configFile, env, platform) : defaultFile('config'),
    credentialsFile: credentialsFile ? expandHome(credentialsFile, env, platform) : defaultFile('credentials'),
    profile: nonEmpty(env.AWS_PROFILE) ?? nonEmpty(env.AWS_DEFAULT_PROFILE) ?? 'default',
    ...(home !== undefined ? { home } : {}),
  };
}
