/**
 * inspect: every profile -> its cache files, time to live, light, whether it refreshes itself,
 * and what to run now.
 *
 * One {@link Inspector} per call: cache files are read at most once (a per-call memo), each cache
 * file is described once, and assume-role chains share their source's evaluation. A profile's own
 * evaluation is not memoised: each profile is inspected once, and its status can then be dropped
 * as soon as the caller is done with it ({@link inspectEach}).
 */
import * as path from 'node:path';
import { classifyProfile, type Profile, type ProfileClassification, type ProfileSet } from '@awsmcp/aws-config-parser';
import { ssoTokenCacheKey, type CacheKey } from './keys';
import { lightForResolved, resolveThresholds, type Light, type Thresholds } from './light';
import { cacheDirectories, type CacheDirectories } from './paths';
import { describeCacheFile, type FileResult } from './file';
import { CacheFileStore } from './read';
import { formatTime } from './times';
import { credentialProcess, evaluateResolved, granted, loginChecked, settingsOnly, sso, staticKeys, webIdentity } from './evaluate';
import { assumeRole } from './chain-exec';
import { type Evaluation } from './messages';
import { ProviderResolver, type ProviderResolution, type Runtime } from './resolve';
import type { CacheFileKind, InspectOptions, InspectSummary, ProfileStatus } from './types';

function resolveNow(now: InspectOptions['now']): number {
  const v = typeof now === 'function' ? now() : now;
  if (v === undefined) return Date.now();
  return typeof v === 'number' ? v : v.getTime();
}

export class Inspector {
  readonly dirs: CacheDirectories;
  readonly nowMs: number;
  readonly thresholds: Thresholds;
  readonly store: CacheFileStore;
  /** Evaluations by sso-session name, and by base kind then profile name. */
  readonly sessionEvaluations = new Map<string, Evaluation>();
  readonly baseEvaluations = new Map<string, Map<string, Evaluation>>();
  readonly classifications: Map<string, ProfileClassification>;
  readonly given: ReadonlyMap<string, ProfileClassification> | undefined;
  /** Described cache files by kind, folder, then key (nested maps: no compound key strings to build). */
  readonly files = new Map<CacheFileKind, Map<string, Map<string, FileResult>>>();
  /** SSO token keys by session name or start URL; assume-role keys by the profile holding the role. */
  readonly tokenKeys = new Map<string, CacheKey>();
  readonly roleKeys = new Map<string, CacheKey>();

  constructor(
    readonly set: ProfileSet,
    options: InspectOptions = {},
  ) {
    this.dirs = cacheDirectories({ home: options.home, env: options.env });
    this.nowMs = resolveNow(options.now);
    this.thresholds = resolveThresholds(options.thresholds);
    this.store = new CacheFileStore(options.readFile);
    this.given = options.classifications;
    this.classifications = new Map();
    this.withFiles = options.cacheFiles !== false;
    this.runtime = options.runtime ?? 'botocore';
    this.crt = options.crt === true;
    this.resolver = new ProviderResolver(set);
  }

  /** The SDK whose rules decide (botocore: Python servers; js-sdk: Node servers). */
  readonly runtime: Runtime;
  /** botocore: the server's environment has botocore[crt]. */
  readonly crt: boolean;
  readonly resolver: ProviderResolver;

  /** Names botocore lists that the profile set does not (names the cross-SDK rules reject). */
  botocoreOnly(): string[] {
    if (this.runtime !== 'botocore') return [];
    return this.resolver.botocore().names().filter((n) => !Object.prototype.hasOwnProperty.call(this.set.profiles, n));
  }

  /** The profile `name` as the inspector evaluates it: the set's, or botocore's reading of it. */
  profileFor(name: string): Profile {
    const p = Object.prototype.hasOwnProperty.call(this.set.profiles, name) ? this.set.profiles[name] : undefined;
    if (p) return p;
    return { name, properties: this.resolver.botocore().properties(name) ?? {}, subProperties: {}, locations: [] };
  }

  /** False (`cacheFiles: false`): statuses list no cache files; files only that list needs are skipped. */
  readonly withFiles: boolean;

  /** The status of one profile. An undefined profile gives a `config-error` status, not a throw. */
  inspect(name: string): ProfileStatus {
    const r = this.resolver.resolve(name, { runtime: this.runtime, crt: this.crt });
    const known = Object.prototype.hasOwnProperty.call(this.set.profiles, name);
    const botocoreOnly = !known && this.runtime === 'botocore' && this.resolver.botocore().profile(name) !== undefined;
    if (!known && !botocoreOnly) {
      return {
        profile: name,
        kind: 'unknown',
        status: 'config-error',
        cacheFiles: [],
        light: 'red',
        refreshesItself: false,
        reason: `profile '${name}' is not defined in the config or credentials file`,
        nextStep: `define [profile ${name}] in ~/.aws/config, or pick an existing profile`,
        runtime: this.runtime,
        provider: null,
        ...(r.failure ? { failure: r.failure } : {}),
      };
    }
    const profile = this.profileFor(name);
    const c = this.classify(profile);
    const e = this.runtime === 'botocore' ? evaluateResolved(this, profile, c, r) : this.evaluateProfile(profile, c);
    const failure = e.failure ?? r.failure;
    const out: ProfileStatus = {
      profile: name,
      kind: c.kind,
      status: e.status,
      cacheFiles: this.withFiles ? e.files : [],
      light: e.light,
      refreshesItself: e.refreshesItself,
      reason: e.reason,
      nextStep: e.nextStep,
      runtime: this.runtime,
      provider: failure ? null : r.provider,
    };
    if (failure) out.failure = failure;
    if (botocoreOnly) out.botocoreOnly = true;
    this.setExpiry(out, e);
    if (e.refreshableUntilMs !== undefined) out.refreshableUntil = formatTime(e.refreshableUntilMs);
    if (e.command) out.command = e.command;
    const accountId = (r.provider === 'sso' ? r.sso?.accountId : undefined) ?? c.accountId ?? e.accountId;
    if (accountId) out.accountId = accountId;
    if (e.source) out.source = e.source;
    return out;
  }

  /** The provider the runtime picks for `name` (the data the status is executed from). */
  resolution(name: string): ProviderResolution {
    return this.resolver.resolve(name, { runtime: this.runtime, crt: this.crt });
  }

  classify(p: Profile): ProfileClassification {
    let c = this.given?.get(p.name) ?? this.classifications.get(p.name);
    if (!c) {
      c = classifyProfile(p, this.set);
      this.classifications.set(p.name, c);
    }
    return c;
  }

  /** A path for human text: `~/...` under the home folder. */
  show(file: string): string {
    const home = this.dirs.home.replace(/[\\/]+$/, '');
    return file === home ? '~' : file.startsWith(home + path.sep) ? `~${file.slice(home.length)}` : file;
  }

  /** Files and folders beyond the store's (token files checked for existence). */
  readonly extraInputs = new Set<string>();
  /** The earliest future moment a compared time changes an answer (see {@link changesAt}). */
  stableUntilMs = Infinity;

  /** Record that an answer changes when the clock reaches `ms` (epoch milliseconds). */
  changesAt(ms: number): void {
    if (ms > this.nowMs && ms < this.stableUntilMs) this.stableUntilMs = ms;
  }

  /** What the answers so far were read from, and how long they hold with those inputs unchanged. */
  summary(): InspectSummary {
    const inputs = [...this.store.inputs, ...this.extraInputs];
    return Number.isFinite(this.stableUntilMs) ? { inputs, stableUntilMs: this.stableUntilMs } : { inputs };
  }

  /** Whole seconds left until `ms`; its sign decides answers (it reaches 0 one second before `ms`). */
  ttl(ms: number): number {
    this.changesAt(ms - 999);
    return this.countdown(ms);
  }

  /** Whole seconds left until `ms`, for `reason` sentences only (they count down; no dependency recorded). */
  countdown(ms: number): number {
    return Math.floor((ms - this.nowMs) / 1000);
  }

  /** The light of credentials good until `ms`: it changes at the thresholds (see lightForResolved) and at `ms`. */
  light(ms: number): Light {
    const t = this.thresholds;
    this.changesAt(Math.ceil(ms - t.greenAboveSeconds * 1000));
    this.changesAt(Math.floor(ms - t.redBelowSeconds * 1000) + 1);
    this.changesAt(ms);
    return lightForResolved((ms - this.nowMs) / 1000, t);
  }

  memo(map: Map<string, Evaluation>, key: string, compute: () => Evaluation): Evaluation {
    let e = map.get(key);
    if (!e) {
      e = compute();
      map.set(key, e);
    }
    return e;
  }

  /** The inner map of `outer` for `key`, created on first use. */
  static inner<K, V>(outer: Map<K, Map<string, V>>, key: K): Map<string, V> {
    let m = outer.get(key);
    if (!m) {
      m = new Map();
      outer.set(key, m);
    }
    return m;
  }

  // ---------------------------------------------------------------- files

  /** One cache file's status for one profile; each (file, kind) is described once per inspection. */
  file(kind: CacheFileKind, profile: string, dir: string, key: CacheKey): FileResult {
    const memo = Inspector.inner(Inspector.inner(this.files, kind), dir);
    let described = memo.get(key.key);
    if (!described) {
      described = describeCacheFile(this.store, kind, profile, dir, `${key.key}.json`, key, this.nowMs);
      memo.set(key.key, described);
      return described;
    }
    // without cache-file lists, the status is read only for its state and path: no per-profile copy
    if (!this.withFiles) return described;
    const status = Object.assign({}, described.status);
    status.profile = profile;
    status.keyInput = key.input;
    return { status, facts: described.facts };
  }

  // ---------------------------------------------------------------- by kind

  /** Names some profile's source_profile points to: where chains may start (found on first use). */
  sources: Set<string> | undefined;

  isSource(name: string): boolean {
    if (!this.sources) {
      const sources = new Set<string>();
      const profiles = this.set.profiles;
      for (const key in profiles) {
        const source = profiles[key].properties.source_profile;
        if (source !== undefined) sources.add(source);
      }
      this.sources = sources;
    }
    return this.sources.has(name);
  }

  evaluateProfile(p: Profile, c: ProfileClassification): Evaluation {
    // An SSO profile that chains start from is evaluated once for itself and its chains: the same
    // computation as base() below, shared through its memo (other profiles are not kept).
    if ((c.kind === 'sso' || c.kind === 'sso-legacy') && this.isSource(p.name)) {
      return this.memo(Inspector.inner(this.baseEvaluations, 'sso'), p.name, () => sso(this, p, c));
    }
    switch (c.kind) {
      case 'sso':
      case 'sso-legacy':
        return sso(this, p, c);
      case 'granted':
        return granted(this, p, c);
      case 'assume-role':
        return assumeRole(this, p);
      case 'web-identity':
        return webIdentity(this, p);
      case 'credential-process':
        return credentialProcess(this, p);
      case 'login':
        return loginChecked(this, p, 'js-sdk');
      case 'static':
        return staticKeys(this, p);
      default:
        return settingsOnly(this, p);
    }
  }

  /** The SSO token cache key of a session name or start URL (sha1 of the text either way), once per inspection. */
  tokenKey(input: string, bySession: boolean): CacheKey {
    let k = this.tokenKeys.get(input);
    if (!k) {
      k = ssoTokenCacheKey(bySession ? { ssoSession: input } : { startUrl: input });
      this.tokenKeys.set(input, k);
    }
    return k;
  }

  // ---------------------------------------------------------------- role chains

  /** `expiresAt` and `ttlSeconds` of a status from its evaluation, when it expires at all. */
  setExpiry(target: { expiresAt?: string; ttlSeconds?: number }, e: Evaluation): void {
    if (e.expiresAtMs === undefined) return;
    target.expiresAt = formatTime(e.expiresAtMs);
    target.ttlSeconds = this.countdown(e.expiresAtMs);
  }

}

/** Inspect every profile of a set (or `options.profiles`), in the set's order. Never throws on file content. */
export function inspectProfiles(set: ProfileSet, options: InspectOptions = {}): ProfileStatus[] {
  const inspector = new Inspector(set, options);
  const names = options.profiles ?? [...Object.keys(set.profiles), ...inspector.botocoreOnly()];
  return names.map((name) => inspector.inspect(name));
}

/**
 * {@link inspectProfiles} one profile at a time: hands each status to `each` (with its index in
 * the order inspected) as soon as it is known, and keeps none of them. The same statuses, in the
 * same order; for callers that keep only part of each status (a table row), so that thousands of
 * full statuses never have to be held at once.
 */
export function inspectEach(set: ProfileSet, options: InspectOptions, each: (status: ProfileStatus, index: number) => void): InspectSummary {
  const inspector = new Inspector(set, options);
  const names = options.profiles ?? [...Object.keys(set.profiles), ...inspector.botocoreOnly()];
  for (let i = 0; i < names.length; i++) each(inspector.inspect(names[i]), i);
  return inspector.summary();
}

/** Inspect one profile. An undefined profile gives a `config-error` status. */
export function inspectProfile(set: ProfileSet, name: string, options: InspectOptions = {}): ProfileStatus {
  return new Inspector(set, options).inspect(name);
}
