/**
 * locate: where the config and credentials files are, from the environment, as every AWS SDK
 * resolves it (vectors: file-location-tests.json).
 */
import * as path from 'node:path';

export type { Env, PlatformName } from './home';
import { resolveHome, type Env, type PlatformName } from './home';
export { resolveHome };

export interface ProfileFileLocations {
  configFile: string;
  credentialsFile: string;
  /** The profile selected by AWS_PROFILE (or `default`). */
  profile: string;
  /** The home folder used (see {@link resolveHome}). */
  home: string;
}

function isWindows(platform: PlatformName): boolean {
  return platform === 'windows' || platform === 'win32';
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}

/** Expand a leading `~` (followed by a separator or nothing) to the home folder. */
export function expandHome(p: string, env: Env, platform: PlatformName = process.platform): string {
  if (p === '~' || p.startsWith('~/') || (isWindows(platform) && p.startsWith('~\\'))) {
    const home = resolveHome(env, platform);
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
  const defaultFile = (name: string) => lib.join(home, '.aws', name);
  const configFile = nonEmpty(env.AWS_CONFIG_FILE);
  const credentialsFile = nonEmpty(env.AWS_SHARED_CREDENTIALS_FILE);
  return {
    configFile: configFile ? expandHome(configFile, env, platform) : defaultFile('config'),
    credentialsFile: credentialsFile ? expandHome(credentialsFile, env, platform) : defaultFile('credentials'),
    profile: nonEmpty(env.AWS_PROFILE) ?? nonEmpty(env.AWS_DEFAULT_PROFILE) ?? 'default',
    home,
  };
}
