/**
 * evaluate: one source of credentials by kind (SSO, Granted, aws login, web identity,
 * credential_process, static keys) against its cache files and the clock.
 */
import * as fs from 'node:fs';
import { credentialProcessTool, type Profile, type ProfileClassification } from '@awsmcp/aws-config-parser';
import { loginCacheKey, ssoRoleCredentialsCacheKey, webIdentityCacheKey } from './keys';
import type { FileResult } from './file';
import type { CacheFacts } from './read';
import type { ProviderResolution, SsoSettings } from './resolve';
import { assumeRoleResolved } from './chain-exec';
import type { Inspector } from './inspect';
import { configError, failureEvaluation, fileProblem, timed, value, type Evaluation } from './messages';
import { formatDuration, formatTime, parseTimestamp } from './times';
import type { CacheFileStatus } from './types';

export function sso(ix: Inspector, p: Profile, c: ProfileClassification): Evaluation {
  const legacy = c.kind === 'sso-legacy';
  const session = c.ssoSession;
  if (!legacy && session !== undefined && !ix.set.ssoSessions[session]) {
    return configError(ix, 
      `sso_session = ${session}, but there is no [sso-session ${session}] section`,
      `add [sso-session ${session}] with sso_start_url and sso_region to ~/.aws/config (aws configure sso-session)`,
    );
  }
  const token = ix.file('sso-token', p.name, ix.dirs.ssoCache, legacy ? ix.tokenKey(c.ssoStartUrl ?? '', false) : ix.tokenKey(session ?? '', true));
  let files: CacheFileStatus[];
  if (!ix.withFiles) {
    // the role credentials only fill the list: the token decides (no key to hash, no file to read)
    files = [];
  } else if (c.accountId && c.roleName) {
    const ref = legacy
      ? { accountId: c.accountId, roleName: c.roleName, startUrl: c.ssoStartUrl ?? '' }
      : { accountId: c.accountId, roleName: c.roleName, ssoSession: session ?? '' };
    // (an array literal of its final length: no growth per profile)
    files = [token.status, ix.file('sso-role-credentials', p.name, ix.dirs.cliCache, ssoRoleCredentialsCacheKey(ref)).status];
  } else {
    files = [token.status];
  }
  if (legacy) return fromToken(ix, token, files, `SSO token for ${c.ssoStartUrl}`, `aws sso login --profile ${p.name}`, false);
  // thousands of profiles share one sso-session: evaluate its token once, then attach each profile's files
  const sessionKey = session ?? 'undefined';
  let shared = ix.sessionEvaluations.get(sessionKey);
  if (!shared) {
    shared = fromToken(ix, token, [], `SSO token of sso-session ${session}`, `aws sso login --sso-session ${session}`, true);
    ix.sessionEvaluations.set(sessionKey, shared);
  }
  return ix.withFiles ? { ...shared, files } : shared;
}

/** The evaluation of an SSO token file: refresh-token aware when the flow can refresh. */
export function fromToken(ix: Inspector, token: FileResult, files: CacheFileStatus[], label: string, command: string, canRefresh: boolean, strict = false): Evaluation {
  if (!token.facts) return fileProblem(ix, token.status, label, command, files);
  const f = token.facts;
  const reg = f.registrationExpiresAtMs;
  if (reg !== undefined) ix.changesAt(reg);
  // botocore (tokens.SSOTokenProvider._refresh_access_token) also needs the client registration:
  // clientId, clientSecret and a registrationExpiresAt still ahead
  const missing = strict && f.hasRefreshToken === true ? registrationGaps(f, reg) : [];
  const refreshable = canRefresh && f.hasRefreshToken === true && missing.length === 0 && (reg === undefined || reg > ix.nowMs);
  if (!refreshable) {
    const e = timed(ix, f.expiresAtMs, label, command, files);
    if (canRefresh && missing.length > 0) {
      e.reason += `; it cannot refresh: the token file has a refresh token but no ${missing.join(', ')} (botocore needs the client registration too)`;
    } else if (canRefresh && f.hasRefreshToken && reg !== undefined && e.status === 'expired') {
      e.reason += `; its client registration expired too (${formatTime(reg)}), so it cannot refresh`;
    }
    return e;
  }
  const ttl = ix.countdown(f.expiresAtMs);
  const light = reg === undefined ? 'green' : ix.light(reg);
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

export function granted(ix: Inspector, p: Profile, c: ProfileClassification): Evaluation {
  const command = `assume ${p.name}`;
  const hasProcess = value(p, 'credential_process') !== undefined;
  if (!hasProcess) {
    return configError(ix, 
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
  const token = ix.file('sso-token', p.name, ix.dirs.ssoCache, ix.tokenKey(c.ssoStartUrl, false));
  if (token.status.state === 'missing') {
    return {
      status: 'external',
      light: 'none',
      refreshesItself: true,
      reason: `Granted credential_process renews the credentials; no SSO token in ${ix.show(ix.dirs.ssoCache)} (Granted keeps it in its own store by default)`,
      nextStep: 'nothing to do: Granted renews the credentials (and opens the browser when the SSO session ends)',
      command,
      files: [token.status],
    };
  }
  return fromToken(ix, token, [token.status], `SSO token for ${c.ssoStartUrl} (Granted)`, command, true);
}

export function login(ix: Inspector, p: Profile): Evaluation {
  const session = value(p, 'login_session') ?? '';
  const command = `aws login --profile ${p.name}`;
  const f = ix.file('login-session', p.name, ix.dirs.loginCache, loginCacheKey(session));
  const files = [f.status];
  if (!f.facts) return fileProblem(ix, f.status, 'aws login session', command, files);
  const facts = f.facts;
  const accountId = facts.accountId;
  if (!facts.hasRefreshToken) {
    const e = timed(ix, facts.expiresAtMs, 'aws login session (no refresh token)', command, files);
    if (accountId) e.accountId = accountId;
    return e;
  }
  const ttl = ix.countdown(facts.expiresAtMs);
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

/** `cliCache` false (botocore in a server): no ~/.aws/cli/cache, only the token file counts. */
export function webIdentity(ix: Inspector, p: Profile, cliCache = true): Evaluation {
  const tokenFile = value(p, 'web_identity_token_file') ?? '';
  const creds = cliCache ? ix.file('web-identity-credentials', p.name, ix.dirs.cliCache, webIdentityCacheKey(p.properties)) : undefined;
  const files = creds ? [creds.status] : [];
  let present = false;
  try {
    if (tokenFile !== '') ix.extraInputs.add(tokenFile);
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
  if (creds?.facts && ix.ttl(creds.facts.expiresAtMs) > 0) {
    const e = timed(ix, creds.facts.expiresAtMs, `cached web identity credentials (token file ${tokenFile} is absent)`, undefined, files);
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

export function credentialProcess(ix: Inspector, p: Profile): Evaluation {
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

export function staticKeys(ix: Inspector, p: Profile): Evaluation {
  const id = value(p, 'aws_access_key_id');
  const secret = value(p, 'aws_secret_access_key');
  if (!id || !secret) {
    return configError(ix, 
      `has ${id ? 'aws_access_key_id' : 'aws_secret_access_key'} without ${id ? 'aws_secret_access_key' : 'aws_access_key_id'}`,
      'complete the key pair, or better: remove it and use SSO (aws configure sso)',
    );
  }
  const files = Array.from(new Set(p.locations.map((l) => ix.show(l.file)))).join(', ');
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
      const e = timed(ix, t.epochMs, `temporary keys (aws_session_token, ${key}) in ${files}`, undefined, []);
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

export function settingsOnly(ix: Inspector, p: Profile): Evaluation {
  if (value(p, 'role_arn') !== undefined) {
    return configError(ix, 'has role_arn but neither source_profile nor credential_source', 'add source_profile = <profile> or credential_source = Ec2InstanceMetadata | EcsContainer | Environment');
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

/** What an SSO token file lacks for botocore to refresh it (besides the refresh token). */
function registrationGaps(f: CacheFacts, reg: number | undefined): string[] {
  const missing: string[] = [];
  if (!f.hasClientId) missing.push('clientId');
  if (!f.hasClientSecret) missing.push('clientSecret');
  if (reg === undefined) missing.push('registrationExpiresAt');
  return missing;
}

// ---------------------------------------------------------------- botocore: by provider

/** The evaluation of the provider botocore picks ({@link ProviderResolution} from resolve.ts). */
export function evaluateResolved(ix: Inspector, p: Profile, c: ProfileClassification, r: ProviderResolution): Evaluation {
  if (r.failure) {
    const e = failureEvaluation(ix, r.failure);
    // aws login still works on the terminal (and other tools read its cache): say how to log in
    if (r.failure.exception === 'MissingDependencyException' && p.properties.login_session !== undefined) e.command = `aws login --profile ${p.name}`;
    return e;
  }
  switch (r.provider) {
    case 'sso':
      return ssoResolved(ix, p, r.sso as SsoSettings);
    case 'assume-role':
      return assumeRoleResolved(ix, p, r);
    case 'assume-role-with-web-identity':
      return webIdentity(ix, p, false);
    case 'shared-credentials-file':
    case 'config-file':
      return staticKeys(ix, p);
    case 'login':
      return loginChecked(ix, p);
    case 'custom-process':
      return c.kind === 'granted' ? granted(ix, p, c) : credentialProcess(ix, p);
    default:
      return {
        status: 'no-credentials',
        light: 'none',
        refreshesItself: false,
        reason: 'botocore finds no credentials in this profile (settings only); it falls back to the container or instance role',
        nextStep: 'nothing to inspect; an MCP server using this profile gets the container or instance role, if any',
        files: [],
      };
  }
}

/** SSOProvider under botocore: no ~/.aws/cli/cache (role credentials stay in memory); strict refresh rules. */
function ssoResolved(ix: Inspector, p: Profile, s: SsoSettings): Evaluation {
  const legacy = s.session === undefined;
  const token = ix.file('sso-token', p.name, ix.dirs.ssoCache, legacy ? ix.tokenKey(s.startUrl, false) : ix.tokenKey(s.session as string, true));
  const files = ix.withFiles ? [token.status] : [];
  if (legacy) {
    const e = fromToken(ix, token, files, `SSO token for ${s.startUrl} (legacy: botocore does not refresh it)`, `aws sso login --profile ${p.name}`, false);
    return e;
  }
  const key = s.session as string;
  let shared = ix.sessionEvaluations.get(key);
  if (!shared) {
    shared = fromToken(ix, token, [], `SSO token of sso-session ${key}`, `aws sso login --sso-session ${key}`, true, true);
    ix.sessionEvaluations.set(key, shared);
  }
  return ix.withFiles ? { ...shared, files } : shared;
}

/**
 * An `aws login` profile as the SDK loads it: botocore with botocore[crt]
 * (LoginCredentialFetcher.load_cached_credentials: LoginTokenLoadError) and the JS SDK
 * (@aws-sdk/credential-provider-login: CredentialsProviderError) both need the cache file and its
 * accessToken, refreshToken, dpopKey and clientId; otherwise the SDK raises.
 */
export function loginChecked(ix: Inspector, p: Profile, runtime: 'botocore' | 'js-sdk' = 'botocore'): Evaluation {
  const session = p.properties.login_session ?? '';
  const command = `aws login --profile ${p.name}`;
  const exception = runtime === 'botocore' ? 'LoginTokenLoadError' : 'CredentialsProviderError';
  const f = ix.file('login-session', p.name, ix.dirs.loginCache, loginCacheKey(session));
  if (f.status.state === 'missing') {
    return failureEvaluation(ix, {
      exception,
      message:
        runtime === 'botocore'
          ? `Unable to load a existing login session for session ${session}. Please reauthenticate with 'aws login'.`
          : `Failed to load a token for session ${session}, please re-authenticate using aws login`,
      profile: p.name,
      fix: `run ${command}`,
    }, [f.status], { status: 'missing', command });
  }
  if (!f.facts) {
    // present but unusable: the SDK fails on it (no accessToken; unreadable JSON: botocore's
    // JSONFileCache raises KeyError, reported the same way here)
    return failureEvaluation(ix, {
      exception,
      message: `Failed to load access token from token cache (${ix.show(f.status.path)} ${f.status.detail ?? f.status.state}).`,
      profile: p.name,
      fix: `delete ${ix.show(f.status.path)}, then run ${command}`,
    }, [f.status], { status: f.status.state === 'ok' ? 'malformed' : f.status.state, command });
  }
  const missing = (
    [
      ['refreshToken', f.facts.hasRefreshToken],
      ['dpopKey', f.facts.hasDpopKey],
      ['clientId', f.facts.hasClientId],
    ] as const
  )
    .filter(([, present]) => !present)
    .map(([k]) => k);
  if (missing.length > 0) {
    return failureEvaluation(ix, {
      exception,
      message:
        runtime === 'botocore'
          ? `Failed to load access token from token cache, missing required fields: ${missing.join(', ')}.`
          : `Token validation failed, missing fields: ${missing.join(', ')}`,
      profile: p.name,
      fix: `run ${command} (the cached session lacks ${missing.join(', ')})`,
    }, [f.status], { command });
  }
  return login(ix, p);
}
