/** Per-OS folders, from an explicit context (home, platform, env) rather than the running process. */
import * as os from 'node:os';
import * as path from 'node:path';
import type { Env, PathContext, Platform } from './types';

export function pathLib(platform: Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

export function toPlatform(p: string): Platform {
  return p === 'win32' || p === 'darwin' ? p : 'linux';
}

export interface PathContextInput {
  home?: string;
  workspace?: string;
  platform?: Platform | NodeJS.Platform;
  env?: Env;
}

/** Fill a context: `home` from the input, else HOME / USERPROFILE, else `os.homedir()`. */
export function resolvePathContext(input: PathContextInput = {}): PathContext {
  const env = input.env ?? process.env;
  const platform = toPlatform(input.platform ?? process.platform);
  const home = input.home ?? env.HOME ?? (platform === 'win32' ? env.USERPROFILE : undefined) ?? os.homedir();
  return { home, platform, env, ...(input.workspace !== undefined ? { workspace: input.workspace } : {}) };
}

/**
 * The per-user application data folder of Electron apps (VS Code, Claude Desktop):
 * macOS `~/Library/Application Support`, Windows `%APPDATA%` (else `~\AppData\Roaming`),
 * Linux `$XDG_CONFIG_HOME` (when absolute) else `~/.config`.
 */
export function appDataDir(ctx: PathContext): string {
  const lib = pathLib(ctx.platform);
  if (ctx.platform === 'darwin') return lib.join(ctx.home, 'Library', 'Application Support');
  if (ctx.platform === 'win32') return ctx.env.APPDATA || lib.join(ctx.home, 'AppData', 'Roaming');
  const xdg = ctx.env.XDG_CONFIG_HOME;
  return xdg && xdg.startsWith('/') ? xdg : lib.join(ctx.home, '.config');
}

/** Forward slashes, no trailing slash: for comparing paths by suffix on any OS. */
export function normalizeSlashes(p: string): string {
  return p.replace(/\\/g, '/').replace(/\/+$/, '');
}

/** `file` is `<dir>/<suffix>` with `<dir>` equal to home. */
export function isUnderHomeRoot(file: string, suffix: string, home: string): boolean {
  return normalizeSlashes(file).toLowerCase() === (normalizeSlashes(home) + '/' + suffix).toLowerCase();
}
