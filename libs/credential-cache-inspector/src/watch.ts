/**
 * watch: re-inspect when a cache file or the config changes, and when a light is due to change.
 *
 * - File-system events (`fs.watch`, no polling) on the three cache folders and the folders of the
 *   config and credentials files. A folder that does not exist yet (no `aws sso login` ever) is
 *   covered by watching its nearest existing parent; when it appears the watch moves down to it.
 * - Events are debounced (a login writes several files in a burst).
 * - One timer, only for the next threshold crossing (green -> amber -> red -> expired) of any
 *   profile; it is re-armed after every inspection.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProfiles, locateProfileFiles, type ProfileSet } from '@awsmcp/aws-config-parser';
import { inspectEach } from './inspect';
import { resolveThresholds } from './light';
import { cacheDirectories } from './paths';
import type { InspectOptions, ProfileStatus } from './types';

export interface WatchOptions extends Omit<InspectOptions, 'home'> {
  /** Quiet time after the last file event before inspecting again. Default 100 ms. */
  debounceMs?: number;
  /** Also call `onChange` once with the initial state (reason `initial`). Default false. */
  emitInitial?: boolean;
  /** Errors while re-inspecting (an unreadable config file...). The previous state is kept. */
  onError?: (error: unknown) => void;
  /** Where profiles come from; default `loadProfiles({ home, env, tolerant: true })`. */
  loadProfileSet?: () => ProfileSet;
  /** Keep the process alive while watching (fs.watch `persistent`). Default true. */
  persistent?: boolean;
}

export interface WatchChange {
  /** Why it ran: the initial inspection, file-system events, or a threshold timer. */
  cause: 'initial' | 'files' | 'timer' | 'refresh';
  /** Every profile's status now. */
  statuses: ProfileStatus[];
  /** The profiles whose status, light, expiry or cache files changed (all of them for `initial`). */
  changed: ProfileStatus[];
  /** Profiles that disappeared from the config. */
  removed: string[];
}

export interface WatchHandle {
  /** Stop watching: closes every watcher and timer. Idempotent. */
  close(): void;
  /** The latest statuses. */
  current(): ProfileStatus[];
  /** Inspect now (outside the debounce) and return the statuses; reports changes to `onChange`. */
  refresh(): ProfileStatus[];
  /** The folders currently watched (for diagnostics and tests). */
  watchedPaths(): string[];
}

/** The longest delay setTimeout accepts. */
const MAX_DELAY_MS = 2 ** 31 - 1;

type Filter = 'all' | Set<string>;
interface Target {
  dir: string;
  names: Filter;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function fingerprint(s: ProfileStatus): string {
  return JSON.stringify([
    s.kind,
    s.status,
    s.light,
    s.expiresAt,
    s.refreshesItself,
    s.refreshableUntil,
    s.source?.status,
    s.source?.light,
    s.cacheFiles.map((f) => [f.path, f.state, f.expiresAt, f.hasRefreshToken, f.registrationExpiresAt]),
  ]);
}

/**
 * The next moment any light changes: a threshold crossing or an expiry, after `nowMs`, judged from
 * the statuses alone. (The watch itself uses the inspection's `stableUntilMs`, which also covers
 * statuses and next steps that change at an expiry.)
 */
export function nextCrossing(statuses: readonly ProfileStatus[], nowMs: number, options: Pick<InspectOptions, 'thresholds'> = {}): number | undefined {
  const t = resolveThresholds(options.thresholds);
  let next: number | undefined;
  const consider = (ms: number) => {
    if (ms > nowMs && (next === undefined || ms < next)) next = ms;
  };
  for (const s of statuses) {
    if (s.light === 'none') continue;
    const decisive = s.refreshesItself ? s.refreshableUntil : s.expiresAt;
    if (decisive === undefined) continue;
    const end = Date.parse(decisive);
    consider(end - t.greenAboveSeconds * 1000);
    consider(end - t.redBelowSeconds * 1000);
    consider(end);
  }
  return next;
}

/**
 * Watch a home's AWS caches and config; call `onChange` when any profile's state changes.
 * Always `close()` the handle when done.
 */
export function watch(home: string, onChange: (change: WatchChange) => void, options: WatchOptions = {}): WatchHandle {
  const env = options.env ?? process.env;
  const debounceMs = options.debounceMs ?? 100;
  const persistent = options.persistent ?? true;
  const now = (): number => {
    const v = typeof options.now === 'function' ? options.now() : options.now;
    return v === undefined ? Date.now() : typeof v === 'number' ? v : v.getTime();
  };
  const load = options.loadProfileSet ?? (() => loadProfiles({ home, env: { ...env, HOME: home }, tolerant: true }));
  const dirs = cacheDirectories({ home, env });
  const located = locateProfileFiles({ ...env, HOME: home });

  // What to watch: every file in the cache folders; only the profile files in their folders.
  const targets: Target[] = [
    { dir: dirs.ssoCache, names: 'all' },
    { dir: dirs.cliCache, names: 'all' },
    { dir: dirs.loginCache, names: 'all' },
  ];
  for (const file of [located.configFile, located.credentialsFile]) {
    targets.push({ dir: path.dirname(path.resolve(file)), names: new Set([path.basename(file)]) });
  }

  const watchers = new Map<string, { watcher: fs.FSWatcher; filter: Filter }>();
  let closed = false;
  let debounce: NodeJS.Timeout | undefined;
  let timer: NodeJS.Timeout | undefined;
  let statuses: ProfileStatus[] = [];
  /** When the last inspection's answers can next change with no file changing (its summary). */
  let stableUntilMs: number | undefined;
  let fingerprints = new Map<string, string>();

  const report = (error: unknown) => {
    if (options.onError) {
      try {
        options.onError(error);
      } catch {
        // a throwing error handler must not break the watch
      }
    }
  };

  const merge = (a: Filter | undefined, b: Filter): Filter => {
    if (a === undefined) return b;
    if (a === 'all' || b === 'all') return 'all';
    return new Set([...a, ...b]);
  };

  /** Watch each target, or its nearest existing parent (for the name leading to it). */
  const resync = () => {
    if (closed) return;
    const wanted = new Map<string, Filter>();
    for (const t of targets) {
      let dir = t.dir;
      let filter: Filter = t.names;
      while (!isDirectory(dir)) {
        const parent = path.dirname(dir);
        if (parent === dir) break;
        filter = new Set([path.basename(dir)]);
        dir = parent;
      }
      if (isDirectory(dir)) wanted.set(dir, merge(wanted.get(dir), filter));
    }
    for (const [dir, entry] of watchers) {
      if (!wanted.has(dir)) {
        entry.watcher.close();
        watchers.delete(dir);
      }
    }
    for (const [dir, filter] of wanted) {
      const existing = watchers.get(dir);
      if (existing) {
        existing.filter = filter;
        continue;
      }
      try {
        const watcher = fs.watch(dir, { persistent }, (_event, name) => {
          const entry = watchers.get(dir);
          if (closed || !entry) return;
          const file = name === null || name === undefined ? undefined : String(name);
          if (entry.filter !== 'all' && file !== undefined && !entry.filter.has(file)) return;
          resync();
          schedule();
        });
        watcher.on('error', (err) => {
          // The folder went away (or the platform gave up on it): watch from its parent again.
          watcher.close();
          if (watchers.get(dir)?.watcher === watcher) watchers.delete(dir);
          if (!closed) {
            if (isDirectory(dir)) report(err);
            resync();
            schedule();
          }
        });
        watchers.set(dir, { watcher, filter });
      } catch (err) {
        report(err);
      }
    }
  };

  const armTimer = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (closed) return;
    const t = now();
    // the inspector's own record of every time it compared with the clock (thresholds, expiries)
    const next = stableUntilMs;
    if (next === undefined) return;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, next - t) + 25);
    timer = setTimeout(() => {
      timer = undefined;
      run('timer');
    }, delay);
    timer.unref?.();
  };

  const run = (cause: WatchChange['cause']): ProfileStatus[] => {
    if (closed) return statuses;
    try {
      const set = load();
      const fresh: ProfileStatus[] = [];
      stableUntilMs = inspectEach(set, { ...options, home, env }, (s) => fresh.push(s)).stableUntilMs;
      const prints = new Map(fresh.map((s) => [s.profile, fingerprint(s)]));
      const changed = cause === 'initial' ? fresh : fresh.filter((s) => fingerprints.get(s.profile) !== prints.get(s.profile));
      const removed = [...fingerprints.keys()].filter((name) => !prints.has(name));
      statuses = fresh;
      fingerprints = prints;
      if (cause !== 'initial' && (changed.length > 0 || removed.length > 0)) {
        try {
          onChange({ cause, statuses: fresh, changed, removed });
        } catch (err) {
          report(err);
        }
      }
    } catch (err) {
      report(err);
    }
    armTimer();
    return statuses;
  };

  function schedule() {
    if (closed) return;
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = undefined;
      run('files');
    }, debounceMs);
  }

  resync();
  run('initial');
  if (options.emitInitial) {
    process.nextTick(() => {
      if (closed) return;
      try {
        onChange({ cause: 'initial', statuses, changed: statuses, removed: [] });
      } catch (err) {
        report(err);
      }
    });
  }

  return {
    close() {
      if (closed) return;
      closed = true;
      if (debounce) clearTimeout(debounce);
      if (timer) clearTimeout(timer);
      debounce = timer = undefined;
      for (const { watcher } of watchers.values()) watcher.close();
      watchers.clear();
    },
    current: () => statuses,
    refresh: () => run('refresh'),
    watchedPaths: () => [...watchers.keys()].sort(),
  };
}
