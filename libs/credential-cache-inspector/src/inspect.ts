/**
 * inspect: every profile -> its cache files, time to live, light, whether it refreshes itself,
 * and what to run now.
 *
 * One {@link Inspector} per call: cache files are read at most once (a per-call memo), each cache
 * file is described once, and assume-role chains share their source's evaluation. A profile's own
 * evaluation is not memoised: each profile is inspected once, and its status can then be dropped
 * as soon as the caller is done with it ({@link inspectEach}).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ChainError,
  classifyProfile,
  credentialProcessTool,
  resolveChain,
  type BaseCredentials,
  type Profile,
  type ProfileClassification,
  type ProfileSet,
  type RoleChain,
} from '@awsmcp/aws-config-parser';
import {
  assumeRoleCacheKey,
  loginCacheKey,
  ssoRoleCredentialsCacheKey,
  ssoTokenCacheKey,
  webIdentityCacheKey,
  type CacheKey,
} from './keys';
import { lightForResolved, resolveThresholds, type Light, type Thresholds } from './light';
import { cacheDirectories, type CacheDirectories } from './paths';
import { describeCacheFile, type FileResult } from './file';
import { CacheFileStore } from './read';
import { formatDuration, formatTime, parseTimestamp } from './times';
import type { CacheFileKind, CacheFileStatus, InspectOptions, InspectSummary, ProfileState, ProfileStatus, SourceStatus } from './types';

/** What we know about one source of credentials, before it is shaped into a ProfileStatus. */
interface Evaluation {
  status: ProfileState;
  light: Light;
  expiresAtMs?: number;
  refreshesItself: boolean;
  refreshableUntilMs?: number;
  reason: string;
  nextStep: string;
  command?: string;
  accountId?: string;
  files: CacheFileStatus[];
  source?: SourceStatus;
}

const WORKING: ReadonlySet<ProfileState> = new Set(['valid', 'long-lived', 'external']);

function resolveNow(now: InspectOptions['now']): number {
  const v = typeof now === 'function' ? now() : now;
  if (v === undefined) return Date.now();
  return typeof v === 'number' ? v : v.getTime();
}

function has(p: Profile, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(p.properties, key);
}

function value(p: Profile, key: string): string | undefined {
  const v = p.properties[key];
  return v === undefined || v === '' ? undefined : v;
}

export class Inspector {
  readonly dirs: CacheDirectories;
  readonly nowMs: number;
  readonly thresholds: Thresholds;
  readonly store: CacheFileStore;
  /** Evaluations by sso-session name, and by base kind then profile name. */
  private readonly sessionEvaluations = new Map<string, Evaluation>();
  private readonly baseEvaluations = new Map<string, Map<string, Evaluation>>();
  private readonly classifications: Map<string, ProfileClassification>;
  private readonly given: ReadonlyMap<string, ProfileClassification> | undefined;
  /** Described cache files by kind, folder, then key (nested maps: no compound key strings to build). */
  private readonly files = new Map<CacheFileKind, Map<string, Map<string, FileResult>>>();
  /** SSO token keys by session name or start URL; assume-role keys by the profile holding the role. */
  private readonly tokenKeys = new Map<string, CacheKey>();
  private readonly roleKeys = new Map<string, CacheKey>();

  constructor(
    private readonly set: ProfileSet,
    options: InspectOptions = {},
  ) {
    this.dirs = cacheDirectories({ home: options.home, env: options.env });
    this.nowMs = resolveNow(options.now);
    this.thresholds = resolveThresholds(options.thresholds);
    this.store = new CacheFileStore(options.readFile);
    this.given = options.classifications;
    this.classifications = new Map();
    this.withFiles = options.cacheFiles !== false;
  }

  /** False (`cacheFiles: false`): statuses list no cache files; files only that list needs are skipped. */
  private readonly withFiles: boolean;

  /** The status of one profile. An undefined profile gives a `config-error` status, not a throw. */
  inspect(name: string): ProfileStatus {
    const profile = this.set.profiles[name];
    if (!profile) {
      return {
        profile: name,
        kind: 'unknown',
        status: 'config-error',
        cacheFiles: [],
        light: 'red',
        refreshesItself: false,
        reason: `profile '${name}' is not defined in the config or credentials file`,
        nextStep: `define [profile ${name}] in ~/.aws/config, or pick an existing profile`,
      };
    }
    const c = this.classify(profile);
    const e = this.evaluateProfile(profile, c);
    const out: ProfileStatus = {
      profile: name,
      kind: c.kind,
      status: e.status,
      cacheFiles: this.withFiles ? e.files : [],
      light: e.light,
      refreshesItself: e.refreshesItself,
      reason: e.reason,
      nextStep: e.nextStep,
    };
    this.setExpiry(out, e);
    if (e.refreshableUntilMs !== undefined) out.refreshableUntil = formatTime(e.refreshableUntilMs);
    if (e.command) out.command = e.command;
    const accountId = c.accountId ?? e.accountId;
    if (accountId) out.accountId = accountId;
    if (e.source) out.source = e.source;
    return out;
  }

  private classify(p: Profile): ProfileClassification {
    let c = this.given?.get(p.name) ?? this.classifications.get(p.name);
    if (!c) {
      c = classifyProfile(p, this.set);
      this.classifications.set(p.name, c);
    }
    return c;
  }

  /** A path for human text: `~/...` under the home folder. */
  private show(file: string): string {
    const home = this.dirs.home.replace(/[\\/]+$/, '');
    return file === home ? '~' : file.startsWith(home + path.sep) ? `~${file.slice(home.length)}` : file;
  }

  /** Files and folders beyond the store's (token files checked for existence). */
  private readonly extraInputs = new Set<string>();
  /** The earliest future moment a compared time changes an answer (see {@link changesAt}). */
  private stableUntilMs = Infinity;

  /** Record that an answer changes when the clock reaches `ms` (epoch milliseconds). */
  private changesAt(ms: number): void {
    if (ms > this.nowMs && ms < this.stableUntilMs) this.stableUntilMs = ms;
  }

  /** What the answers so far were read from, and how long they hold with those inputs unchanged. */
  summary(): InspectSummary {
    const inputs = [...this.store.inputs, ...this.extraInputs];
    return Number.isFinite(this.stableUntilMs) ? { inputs, stableUntilMs: this.stableUntilMs } : { inputs };
  }

  /** Whole seconds left until `ms`; its sign decides answers (it reaches 0 one second before `ms`). */
  private ttl(ms: number): number {
    this.changesAt(ms - 999);
    return this.countdown(ms);
  }

  /** Whole seconds left until `ms`, for `reason` sentences only (they count down; no dependency recorded). */
  private countdown(ms: number): number {
    return Math.floor((ms - this.nowMs) / 1000);
  }

  /** The light of credentials good until `ms`: it changes at the thresholds (see lightForResolved) and at `ms`. */
  private light(ms: number): Light {
    const t = this.thresholds;
    this.changesAt(Math.ceil(ms - t.greenAboveSeconds * 1000));
    this.changesAt(Math.floor(ms - t.redBelowSeconds * 1000) + 1);
    this.changesAt(ms);
    return lightForResolved((ms - this.nowMs) / 1000, t);
  }

  private memo(map: Map<string, Evaluation>, key: string, compute: () => Evaluation): Evaluation {
    let e = map.get(key);
    if (!e) {
      e = compute();
      map.set(key, e);
    }
    return e;
  }

  /** The inner map of `outer` for `key`, created on first use. */
  private static inner<K, V>(outer: Map<K, Map<string, V>>, key: K): Map<string, V> {
    let m = outer.get(key);
    if (!m) {
      m = new Map();
      outer.set(key, m);
    }
    return m;
  }

  // ---------------------------------------------------------------- files

  /** One cache file's status for one profile; each (file, kind) is described once per inspection. */
  private file(kind: CacheFileKind, profile: string, dir: string, key: CacheKey): FileResult {
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

  /** A bad or absent cache file as the profile's status. */
  private fileProblem(f: CacheFileStatus, what: string, command: string | undefined, files: CacheFileStatus[]): Evaluation {
    const then = command ? `, then run ${command}` : '';
    const run = command ? `run ${command}` : 'log in again';
    let reason: string;
    let nextStep: string;
    switch (f.state) {
      case 'missing':
        reason = `no ${what} cached (${this.show(f.path)} does not exist${f.detail ? `: ${f.detail}` : ''})`;
        nextStep = run;
        break;
      case 'not-a-file':
        reason = `${what}: ${this.show(f.path)} ${f.detail ?? 'is not a regular file'}`;
        nextStep = `remove ${this.show(f.path)}${then}`;
        break;
      case 'unreadable':
        reason = `${what}: ${this.show(f.path)} cannot be read: ${f.detail ?? 'unknown error'}`;
        nextStep = `make ${this.show(f.path)} readable by you (chmod 600) or delete it${then}`;
        break;
      case 'empty':
      case 'truncated':
      case 'malformed':
      case 'invalid-time':
        reason = `${what}: ${this.show(f.path)} ${f.detail ?? `is ${f.state}`}`;
        nextStep = `delete ${this.show(f.path)}${then}`;
        break;
      default:
        reason = `${what}: ${this.show(f.path)} is ${f.state}`;
        nextStep = run;
    }
    return {
      status: f.state === 'ok' ? 'valid' : f.state,
      light: 'red',
      refreshesItself: false,
      reason,
      nextStep,
      ...(command ? { command } : {}),
      files,
    };
  }

  /** Credentials good until `expiresAtMs` and renewed only by a human running `command`. */
  private timed(expiresAtMs: number, what: string, command: string | undefined, files: CacheFileStatus[]): Evaluation {
    const ttl = this.ttl(expiresAtMs);
    const at = formatTime(expiresAtMs);
    const light = this.light(expiresAtMs);
    const base = { expiresAtMs, refreshesItself: false, files, ...(command ? { command } : {}) };
    if (ttl <= 0) {
      return {
        ...base,
        status: 'expired',
        light: 'red',
        reason: `${what} expired ${formatDuration(ttl)} ago (${at})`,
        nextStep: command ? `run ${command}` : 'log in again',
      };
    }
    const nextStep =
      light === 'green'
        ? `nothing to do until ${at}${command ? `; then run ${command}` : ''}`
        : command
          ? `run ${command} ${light === 'red' ? 'now' : 'soon'}`
          : `renew ${light === 'red' ? 'now' : 'soon'}`;
    return { ...base, status: 'valid', light, reason: `${what} valid for ${formatDuration(ttl)} (until ${at})`, nextStep };
  }

  // ---------------------------------------------------------------- by kind

  /** Names some profile's source_profile points to: where chains may start (found on first use). */
  private sources: Set<string> | undefined;

  private isSource(name: string): boolean {
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

  private evaluateProfile(p: Profile, c: ProfileClassification): Evaluation {
    // An SSO profile that chains start from is evaluated once for itself and its chains: the same
    // computation as base() below, shared through its memo (other profiles are not kept).
    if ((c.kind === 'sso' || c.kind === 'sso-legacy') && this.isSource(p.name)) {
      return this.memo(Inspector.inner(this.baseEvaluations, 'sso'), p.name, () => this.sso(p, c));
    }
    switch (c.kind) {
      case 'sso':
      case 'sso-legacy':
        return this.sso(p, c);
      case 'granted':
        return this.granted(p, c);
      case 'assume-role':
        return this.assumeRole(p);
      case 'web-identity':
        return this.webIdentity(p);
      case 'credential-process':
        return this.credentialProcess(p);
      case 'login':
        return this.login(p);
      case 'static':
        return this.staticKeys(p);
      default:
        return this.unknown(p);
    }
  }

  /** The SSO token cache key of a session name or start URL (sha1 of the text either way), once per inspection. */
  private tokenKey(input: string, bySession: boolean): CacheKey {
    let k = this.tokenKeys.get(input);
    if (!k) {
      k = ssoTokenCacheKey(bySession ? { ssoSession: input } : { startUrl: input });
      this.tokenKeys.set(input, k);
    }
    return k;
  }

  private sso(p: Profile, c: ProfileClassification): Evaluation {
    const legacy = c.kind === 'sso-legacy';
    const session = c.ssoSession;
    if (!legacy && session !== undefined && !this.set.ssoSessions[session]) {
      return this.configError(
        `sso_session = ${session}, but there is no [sso-session ${session}] section`,
        `add [sso-session ${session}] with sso_start_url and sso_region to ~/.aws/config (aws configure sso-session)`,
      );
    }
    const token = this.file('sso-token', p.name, this.dirs.ssoCache, legacy ? this.tokenKey(c.ssoStartUrl ?? '', false) : this.tokenKey(session ?? '', true));
    let files: CacheFileStatus[];
    if (!this.withFiles) {
      // the role credentials only fill the list: the token decides (no key to hash, no file to read)
      files = [];
    } else if (c.accountId && c.roleName) {
      const ref = legacy
        ? { accountId: c.accountId, roleName: c.roleName, startUrl: c.ssoStartUrl ?? '' }
        : { accountId: c.accountId, roleName: c.roleName, ssoSession: session ?? '' };
      // (an array literal of its final length: no growth per profile)
      files = [token.status, this.file('sso-role-credentials', p.name, this.dirs.cliCache, ssoRoleCredentialsCacheKey(ref)).status];
    } else {
      files = [token.status];
    }
    if (legacy) return this.fromToken(token, files, `SSO token for ${c.ssoStartUrl}`, `aws sso login --profile ${p.name}`, false);
    // thousands of profiles share one sso-session: evaluate its token once, then attach each profile's files
    const sessionKey = session ?? 'undefined';
    let shared = this.sessionEvaluations.get(sessionKey);
    if (!shared) {
      shared = this.fromToken(token, [], `SSO token of sso-session ${session}`, `aws sso login --sso-session ${session}`, true);
      this.sessionEvaluations.set(sessionKey, shared);
    }
    return this.withFiles ? { ...shared, files } : shared;
  }

  /** The evaluation of an SSO token file: refresh-token aware when the flow can refresh. */
  private fromToken(token: FileResult, files: CacheFileStatus[], label: string, command: string, canRefresh: boolean): Evaluation {
    if (!token.facts) return this.fileProblem(token.status, label, command, files);
    const f = token.facts;
    const reg = f.registrationExpiresAtMs;
    if (reg !== undefined) this.changesAt(reg);
    const refreshable = canRefresh && f.hasRefreshToken === true && (reg === undefined || reg > this.nowMs);
    if (!refreshable) {
      const e = this.timed(f.expiresAtMs, label, command, files);
      if (canRefresh && f.hasRefreshToken && reg !== undefined && e.status === 'expired') {
        e.reason += `; its client registration expired too (${formatTime(reg)}), so it cannot refresh`;
      }
      return e;
    }
    const ttl = this.countdown(f.expiresAtMs);
    const light = reg === undefined ? 'green' : this.light(reg);
    const access =
      ttl > 0
        ? `${label}: access token valid for ${formatDuration(ttl)} (until ${formatTime(f.expiresAtMs)})`
        : `${label}: access token expired ${formatDuration(ttl)} ago (${formatTime(f.expiresAtMs)})`;
    const until = reg === undefined ? '' : ` until ${formatTime(reg)} (client registration expiry)`;
    return {
      status: 'valid',
      light,
      expiresAtMs: f.expiresAtMs,
      refreshesItself: true,
      ...(reg !== undefined ? { refreshableUntilMs: reg } : {}),
      reason: `${access}; renews itself with its refresh token${until}, unless the IAM Identity Center session ends first`,
      nextStep:
        light === 'green'
          ? 'nothing to do: renews itself'
          : `the refresh stops at ${formatTime(reg as number)}: run ${command} ${light === 'red' ? 'now' : 'soon'}`,
      command,
      files,
    };
  }

  private granted(p: Profile, c: ProfileClassification): Evaluation {
    const command = `assume ${p.name}`;
    const hasProcess = value(p, 'credential_process') !== undefined;
    if (!hasProcess) {
      return this.configError(
        'granted_sso_* keys are read only by Granted; the AWS SDKs (and MCP servers) find no credentials in this profile',
        `add credential_process = granted credential-process --profile ${p.name}, or use it only through Granted's assume`,
      );
    }
    if (!c.ssoStartUrl) {
      return {
        status: 'external',
        light: 'none',
        refreshesItself: true,
        reason: 'Granted credential_process renews the credentials (no granted_sso_start_url to find its SSO token)',
        nextStep: 'nothing to do: Granted renews the credentials (and opens the browser when the SSO session ends)',
        command,
        files: [],
      };
    }
    const token = this.file('sso-token', p.name, this.dirs.ssoCache, this.tokenKey(c.ssoStartUrl, false));
    if (token.status.state === 'missing') {
      return {
        status: 'external',
        light: 'none',
        refreshesItself: true,
        reason: `Granted credential_process renews the credentials; no SSO token in ${this.show(this.dirs.ssoCache)} (Granted keeps it in its own store by default)`,
        nextStep: 'nothing to do: Granted renews the credentials (and opens the browser when the SSO session ends)',
        command,
        files: [token.status],
      };
    }
    return this.fromToken(token, [token.status], `SSO token for ${c.ssoStartUrl} (Granted)`, command, true);
  }

  private login(p: Profile): Evaluation {
    const session = value(p, 'login_session') ?? '';
    const command = `aws login --profile ${p.name}`;
    const f = this.file('login-session', p.name, this.dirs.loginCache, loginCacheKey(session));
    const files = [f.status];
    if (!f.facts) return this.fileProblem(f.status, 'aws login session', command, files);
    const facts = f.facts;
    const accountId = facts.accountId;
    if (!facts.hasRefreshToken) {
      const e = this.timed(facts.expiresAtMs, 'aws login session (no refresh token)', command, files);
      if (accountId) e.accountId = accountId;
      return e;
    }
    const ttl = this.countdown(facts.expiresAtMs);
    const access =
      ttl > 0
        ? `aws login session: access keys valid for ${formatDuration(ttl)} (until ${formatTime(facts.expiresAtMs)})`
        : `aws login session: access keys expired ${formatDuration(ttl)} ago (${formatTime(facts.expiresAtMs)})`;
    return {
      status: 'valid',
      light: 'green',
      expiresAtMs: facts.expiresAtMs,
      refreshesItself: true,
      reason: `${access}; renew themselves with the refresh token until the console session ends`,
      nextStep: `nothing to do: renews itself (when the console session ends, run ${command})`,
      command,
      ...(accountId ? { accountId } : {}),
      files,
    };
  }

  private webIdentity(p: Profile): Evaluation {
    const tokenFile = value(p, 'web_identity_token_file') ?? '';
    const creds = this.file('web-identity-credentials', p.name, this.dirs.cliCache, webIdentityCacheKey(p.properties));
    const files = [creds.status];
    let present = false;
    try {
      if (tokenFile !== '') this.extraInputs.add(tokenFile);
      present = tokenFile !== '' && fs.statSync(tokenFile).isFile();
    } catch {
      present = false;
    }
    if (present) {
      return {
        status: 'valid',
        light: 'none',
        refreshesItself: true,
        reason: `web identity token file ${tokenFile} is present; the SDK exchanges it (AssumeRoleWithWebIdentity) whenever needed`,
        nextStep: 'nothing to do: renews itself while the platform keeps the token file fresh',
        files,
      };
    }
    if (creds.facts && this.ttl(creds.facts.expiresAtMs) > 0) {
      const e = this.timed(creds.facts.expiresAtMs, `cached web identity credentials (token file ${tokenFile} is absent)`, undefined, files);
      e.nextStep = `${e.light === 'green' ? 'works until then; ' : ''}run this where ${tokenFile} exists (CI, an EKS pod)`;
      return e;
    }
    return {
      status: 'missing',
      light: 'red',
      refreshesItself: false,
      reason: `web identity token file ${tokenFile || '(not set)'} does not exist here`,
      nextStep: `use this profile where ${tokenFile || 'the token file'} exists (CI, an EKS pod), or pick another profile`,
      files,
    };
  }

  private credentialProcess(p: Profile): Evaluation {
    const tool = credentialProcessTool(value(p, 'credential_process') ?? '');
    const name = tool === 'other' ? 'the credential_process command' : tool;
    return {
      status: 'external',
      light: 'none',
      refreshesItself: true,
      reason: `credential_process (${tool}) fetches credentials whenever needed; nothing for the AWS CLI to cache`,
      nextStep: `nothing to do: ${name} renews the credentials itself`,
      files: [],
    };
  }

  private staticKeys(p: Profile): Evaluation {
    const id = value(p, 'aws_access_key_id');
    const secret = value(p, 'aws_secret_access_key');
    if (!id || !secret) {
      return this.configError(
        `has ${id ? 'aws_access_key_id' : 'aws_secret_access_key'} without ${id ? 'aws_secret_access_key' : 'aws_access_key_id'}`,
        'complete the key pair, or better: remove it and use SSO (aws configure sso)',
      );
    }
    const files = Array.from(new Set(p.locations.map((l) => this.show(l.file)))).join(', ');
    if (value(p, 'aws_session_token') !== undefined) {
      // Tools that write temporary keys often record when they end (saml2aws, aws-mfa, ...).
      for (const key of ['x_security_token_expires', 'aws_expiration', 'expiration', 'aws_session_expiration']) {
        const raw = value(p, key);
        if (raw === undefined) continue;
        const t = parseTimestamp(raw);
        if (!t.ok) {
          return {
            status: 'invalid-time',
            light: 'red',
            refreshesItself: false,
            reason: `temporary keys (aws_session_token) in ${files}: ${key} ${t.problem}`,
            nextStep: 're-run the tool that wrote these keys, or switch to SSO',
            files: [],
          };
        }
        const e = this.timed(t.epochMs, `temporary keys (aws_session_token, ${key}) in ${files}`, undefined, []);
        e.nextStep = e.light === 'green' ? `nothing to do until ${formatTime(t.epochMs)}` : 're-run the tool that wrote these keys (or switch to SSO)';
        return e;
      }
      return {
        status: 'external',
        light: 'none',
        refreshesItself: false,
        reason: `temporary keys (aws_session_token) in ${files} with no recorded expiry`,
        nextStep: 'if calls fail with ExpiredToken, re-run the tool that wrote these keys; better: switch to SSO',
        files: [],
      };
    }
    return {
      status: 'long-lived',
      light: 'none',
      refreshesItself: false,
      reason: `static access keys in ${files}: long-lived, no expiry`,
      nextStep: 'long-lived keys: rotate to SSO (aws configure sso)',
      files: [],
    };
  }

  private unknown(p: Profile): Evaluation {
    if (value(p, 'role_arn') !== undefined) {
      return this.configError('has role_arn but neither source_profile nor credential_source', 'add source_profile = <profile> or credential_source = Ec2InstanceMetadata | EcsContainer | Environment');
    }
    return {
      status: 'no-credentials',
      light: 'none',
      refreshesItself: false,
      reason: 'no credentials configured in this profile (settings only)',
      nextStep: 'nothing to inspect; an MCP server using this profile falls back to the environment or instance role',
      files: [],
    };
  }

  private configError(reason: string, nextStep: string): Evaluation {
    return { status: 'config-error', light: 'red', refreshesItself: false, reason, nextStep, files: [] };
  }

  // ---------------------------------------------------------------- role chains

  private assumeRole(p: Profile): Evaluation {
    let chain: RoleChain;
    try {
      chain = resolveChain(this.set, p.name);
    } catch (err) {
      const message = err instanceof ChainError ? err.message : err instanceof Error ? err.message : 'the role chain cannot be resolved';
      return this.configError(message, 'fix the chain in ~/.aws/config');
    }
    if (chain.roles.length === 0) return this.base(chain.base);
    const source = this.base(chain.base);
    const steps = chain.roles.map((step) => {
      const props = this.set.profiles[step.profile]?.properties ?? { role_arn: step.roleArn };
      let key = this.roleKeys.get(step.profile);
      if (!key) {
        key = assumeRoleCacheKey(props);
        this.roleKeys.set(step.profile, key);
      }
      return { step, mfa: Object.prototype.hasOwnProperty.call(props, 'mfa_serial'), file: this.file('assume-role-credentials', step.profile, this.dirs.cliCache, key) };
    });
    const files = [...source.files, ...steps.map((s) => s.file.status)];
    const sourceStatus = this.sourceStatus(chain.base, source);
    const last = steps[steps.length - 1];
    const roleLabel = (s: (typeof steps)[number]) => `role ${s.step.roleName ?? s.step.roleArn}${s.step.profile !== p.name ? ` (profile ${s.step.profile})` : ''}`;
    let mfaIndex = -1;
    steps.forEach((s, i) => {
      if (s.mfa) mfaIndex = i;
    });

    let e: Evaluation;
    if (mfaIndex >= 0) {
      // Renewing needs a person to type an MFA code: the cached credentials of the last MFA step decide.
      const s = steps[mfaIndex];
      const command = `aws sts get-caller-identity --profile ${p.name}`;
      e = s.file.facts
        ? this.timed(s.file.facts.expiresAtMs, `cached credentials for ${roleLabel(s)} (MFA)`, command, files)
        : this.fileProblem(s.file.status, `credentials for ${roleLabel(s)} (MFA)`, command, files);
      if (e.status === 'expired' || e.status === 'missing') e.reason += ` (needs MFA: ${s.step.mfaSerial ?? 'mfa_serial'})`;
      if (!WORKING.has(source.status) && e.light !== 'green') {
        e.nextStep = `${source.command ? `run ${source.command} (source ${chain.base.profile}), then ` : `fix source ${chain.base.profile}, then `}run ${command} and enter the MFA code`;
      } else if (e.light !== 'green') {
        e.nextStep = `run ${command} and enter the MFA code`;
      }
    } else if (WORKING.has(source.status)) {
      const expiresAtMs = source.expiresAtMs;
      e = {
        status: 'valid',
        light: source.light,
        ...(expiresAtMs !== undefined ? { expiresAtMs } : {}),
        ...(source.refreshableUntilMs !== undefined ? { refreshableUntilMs: source.refreshableUntilMs } : {}),
        refreshesItself: source.refreshesItself || expiresAtMs === undefined,
        reason: `assumes ${steps.map(roleLabel).join(' -> ')}${chain.base.profile === p.name ? '' : ` from ${chain.base.profile}`}: ${source.reason}`,
        nextStep: source.nextStep.startsWith('nothing to do') ? source.nextStep : `source ${chain.base.profile}: ${source.nextStep}`,
        ...(source.command ? { command: source.command } : {}),
        files,
      };
    } else if (last.file.facts && this.ttl(last.file.facts.expiresAtMs) > 0) {
      // The source is broken, but the AWS CLI still holds role credentials for a while.
      e = this.timed(last.file.facts.expiresAtMs, `cached credentials for ${roleLabel(last)} (AWS CLI cache; source ${chain.base.profile} cannot renew them: ${source.reason})`, source.command, files);
      e.nextStep = `source ${chain.base.profile}: ${source.nextStep}`;
    } else {
      e = {
        status: source.status,
        light: 'red',
        refreshesItself: false,
        ...(source.expiresAtMs !== undefined ? { expiresAtMs: source.expiresAtMs } : {}),
        reason: `source ${chain.base.profile}: ${source.reason}`,
        nextStep: `source ${chain.base.profile}: ${source.nextStep}`,
        ...(source.command ? { command: source.command } : {}),
        files,
      };
    }
    e.source = sourceStatus;
    const accountId = last.file.facts?.accountId;
    if (accountId) e.accountId = accountId;
    return e;
  }

  private sourceStatus(base: BaseCredentials, e: Evaluation): SourceStatus {
    const s: SourceStatus = {
      profile: base.profile,
      kind: base.kind,
      status: e.status,
      light: e.light,
      refreshesItself: e.refreshesItself,
      reason: e.reason,
    };
    this.setExpiry(s, e);
    if (e.command) s.command = e.command;
    return s;
  }

  /** `expiresAt` and `ttlSeconds` of a status from its evaluation, when it expires at all. */
  private setExpiry(target: { expiresAt?: string; ttlSeconds?: number }, e: Evaluation): void {
    if (e.expiresAtMs === undefined) return;
    target.expiresAt = formatTime(e.expiresAtMs);
    target.ttlSeconds = this.countdown(e.expiresAtMs);
  }

  /** The credentials a chain starts from, by the chain's own reading (static keys end a chain). */
  private base(base: BaseCredentials): Evaluation {
    return this.memo(Inspector.inner(this.baseEvaluations, base.kind), base.profile, () => {
      const p = this.set.profiles[base.profile];
      switch (base.kind) {
        case 'static':
          return this.staticKeys(p);
        case 'credential-source':
          return {
            status: 'external',
            light: 'none',
            refreshesItself: true,
            reason: `credential_source = ${base.source}: credentials from the ${base.source === 'Environment' ? 'environment variables' : base.source === 'EcsContainer' ? 'container role' : 'instance role'}`,
            nextStep: 'nothing to do: the platform renews them',
            files: [],
          };
        case 'web-identity':
          return this.webIdentity(p);
        case 'credential-process':
          return this.credentialProcess(p);
        case 'login':
          return this.login(p);
        case 'sso': {
          const c = this.classify(p);
          if (c.kind === 'sso' || c.kind === 'sso-legacy') return this.sso(p, c);
          if (c.kind === 'granted') return this.granted(p, c);
          return this.evaluateProfile(p, c);
        }
      }
    });
  }
}

/** Inspect every profile of a set (or `options.profiles`), in the set's order. Never throws on file content. */
export function inspectProfiles(set: ProfileSet, options: InspectOptions = {}): ProfileStatus[] {
  const inspector = new Inspector(set, options);
  const names = options.profiles ?? Object.keys(set.profiles);
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
  const names = options.profiles ?? Object.keys(set.profiles);
  for (let i = 0; i < names.length; i++) each(inspector.inspect(names[i]), i);
  return inspector.summary();
}

/** Inspect one profile. An undefined profile gives a `config-error` status. */
export function inspectProfile(set: ProfileSet, name: string, options: InspectOptions = {}): ProfileStatus {
  return new Inspector(set, options).inspect(name);
}
