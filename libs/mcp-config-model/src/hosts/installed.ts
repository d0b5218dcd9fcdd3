/**
 * Is a host installed here? One rule for `awsmcp hosts` and for the commands that write only to
 * installed hosts by default (`switch`, `hydrate`, `kit`, `remove`): a host is installed when one of
 * its config files exists, one of its install markers (app folders) exists, or one of its
 * executables is on PATH.
 */
import * as fs from 'node:fs';
import type { HostId } from '../model/schema';
import { getHost, HOSTS } from './index';
import { resolvePathContext, type PathContextInput } from './paths';
import type { HostAdapter } from './types';

export interface HostInstallation {
  host: HostId;
  installed: boolean;
  /** The host's config files that exist (any scope). */
  files: string[];
  /** The install markers (app folders, config homes) that exist. */
  markers: string[];
  /** The first of the host's executables found by `which`. */
  binary?: string;
}

export interface HostInstallationOptions {
  /**
   * Finds an executable on PATH: its path, or undefined. Without it executables are not looked for
   * (the CLI passes its own resolver, the one `doctor` uses, so PATH / PATHEXT have one rule).
   */
  which?: (name: string) => string | undefined;
  /** Existence check (tests; default `fs.existsSync`). */
  exists?: (file: string) => boolean;
}

/** What on this machine says `host` is installed: its existing files, markers and executable. */
export function hostInstallation(host: HostId | HostAdapter, ctx: PathContextInput = {}, options: HostInstallationOptions = {}): HostInstallation {
  const adapter = getHost(host);
  const pc = resolvePathContext(ctx);
  const exists = options.exists ?? ((f: string) => fs.existsSync(f));
  const files = adapter.files(pc).map((f) => f.file).filter((f) => exists(f));
  const markers = (adapter.installMarkers?.(pc) ?? []).filter((m) => exists(m));
  let binary: string | undefined;
  if (options.which && adapter.binaries) {
    for (const name of adapter.binaries) {
      if (options.which(name) !== undefined) {
        binary = name;
        break;
      }
    }
  }
  return { host: adapter.id, installed: files.length > 0 || markers.length > 0 || binary !== undefined, files, markers, ...(binary !== undefined ? { binary } : {}) };
}

/** The ids of the hosts installed here (registry order; legacy locations included when their file exists). */
export function installedHostIds(ctx: PathContextInput = {}, options: HostInstallationOptions = {}, hosts: readonly (HostId | HostAdapter)[] = HOSTS): HostId[] {
  const pc = resolvePathContext(ctx);
  return hosts.map((h) => hostInstallation(h, pc, options)).filter((i) => i.installed).map((i) => i.host);
}
