/**
 * home: the one home-folder rule of every @awsmcp package, the AWS SDKs' own. Also published as
 * `@awsmcp/aws-config-parser/home`: a module with no other import, for start-up paths that must not
 * load the parser (the CLI's context).
 *
 * Order (AWS SDK for JavaScript v3 `@smithy/shared-ini-file-loader` `getHomeDir`; the SDKs'
 * file-location-tests.json): HOME, then USERPROFILE, then HOMEDRIVE + HOMEPATH, then the OS home
 * (`os.homedir()`: the user database entry, which is what botocore's `os.path.expanduser` uses on
 * POSIX without HOME). Never a literal `~`: a path relative to the working folder would read files
 * that belong to nobody.
 */
export type Env = Record<string, string | undefined>;
export type PlatformName = 'linux' | 'macos' | 'windows' | NodeJS.Platform;

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}

/** `os.homedir()`, loaded only when no variable names the home (node:os costs start-up time). */
function osHomeDir(): string {
  return (require('node:os') as typeof import('node:os')).homedir();
}

/**
 * The user's home folder from `env`: HOME, USERPROFILE, HOMEDRIVE + HOMEPATH (empty values count
 * as unset), else `osHome()` (default `os.homedir()`).
 */
export function resolveHome(env: Env = process.env, _platform: PlatformName = process.platform, osHome: () => string = osHomeDir): string {
  const home = nonEmpty(env.HOME) ?? nonEmpty(env.USERPROFILE);
  if (home !== undefined) return home;
  const homePath = nonEmpty(env.HOMEPATH);
  if (homePath !== undefined) return (env.HOMEDRIVE ?? '') + homePath;
  return osHome();
}
