/**
 * paths: the three cache folders the AWS CLI writes, for a given home and environment.
 *
 * - `<home>/.aws/sso/cache`: SSO tokens (botocore `SSOProvider._SSO_TOKEN_CACHE_DIR`, fixed).
 * - `<home>/.aws/cli/cache`: SSO role credentials and assume-role / web identity credentials
 *   (aws-cli `customizations/assumerole.py` and `customizations/sso`: `CACHE_DIR`, fixed).
 * - `<home>/.aws/login/cache`: `aws login` sessions, moved by `AWS_LOGIN_CACHE_DIRECTORY`
 *   (botocore `utils.get_login_token_cache_directory`: `$VAR` / `${VAR}` and `~` expanded).
 */
import * as path from 'node:path';
import { resolveHome, type Env } from '@awsmcp/aws-config-parser';

export interface CacheDirectories {
  /** The home folder the paths were derived from. */
  home: string;
  ssoCache: string;
  cliCache: string;
  loginCache: string;
}

export interface CacheDirectoryOptions {
  /** The home folder; defaults to HOME (or USERPROFILE...) from `env`, then `os.homedir()`. */
  home?: string;
  /** Defaults to `process.env`. */
  env?: Env;
}

/** Python's `os.path.expandvars` (POSIX): `$NAME` and `${NAME}` when NAME is set, else left as is. */
export function expandVars(value: string, env: Env): string {
  return value.replace(/\$(\w+)|\$\{([^}]*)\}/g, (whole, bare: string | undefined, braced: string | undefined) => {
    const name = bare ?? braced ?? '';
    const v = env[name];
    return v === undefined ? whole : v;
  });
}

/** Python's `os.path.expanduser` for `~` and `~/...` (other users' `~name` are left as is). */
export function expandUser(value: string, home: string): string {
  if (value === '~') return home;
  if (value.startsWith('~/') || (path.sep === '\\' && value.startsWith('~\\'))) return path.join(home, value.slice(2));
  return value;
}

/** The home folder used for the caches: `options.home`, else the one home rule (`resolveHome`). */
export function resolveCacheHome(options: CacheDirectoryOptions = {}): string {
  if (options.home !== undefined) return options.home;
  return resolveHome(options.env ?? process.env);
}

/** Where the AWS CLI keeps its caches for this home and environment. */
export function cacheDirectories(options: CacheDirectoryOptions = {}): CacheDirectories {
  const env = options.env ?? process.env;
  const home = resolveCacheHome(options);
  const aws = path.join(home, '.aws');
  const moved = env.AWS_LOGIN_CACHE_DIRECTORY;
  const loginCache =
    moved !== undefined && moved !== '' ? path.resolve(expandUser(expandVars(moved, env), home)) : path.join(aws, 'login', 'cache');
  return {
    home,
    ssoCache: path.join(aws, 'sso', 'cache'),
    cliCache: path.join(aws, 'cli', 'cache'),
    loginCache,
  };
}
