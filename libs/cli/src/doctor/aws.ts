/**
 * AWS SDK v3 clients for a profile, built from the CLI context rather than the process: the
 * profile files located from `--home` / AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, the
 * endpoint from AWS_ENDPOINT_URL(_<SERVICE>), credentials through `fromIni` (assume-role chains,
 * SSO, credential_process, web identity), and errors explained in words without any secret.
 */
import { locateProfileFiles, type ProfileSet } from '@awsmcp/aws-config-parser';
import { cacheDirectories } from '@awsmcp/credential-cache-inspector';
import type { CliContext } from '../context';
import { maskSecretsInText, safe, SECRET_MASK } from '../output/safe';

export interface AwsTarget {
  profile: string;
  region: string;
}

export interface ClientConfig {
  region: string;
  credentials: unknown;
  endpoint?: string;
  maxAttempts: number;
}

/** The SDK's Node-version notice is about the SDK's own future, not something awsmcp users act on. */
function quietSdkNotices(): void {
  if (process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === undefined) process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}

/** AWS_ENDPOINT_URL_<SERVICE> then AWS_ENDPOINT_URL (the SDKs' rule), unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true. */
export function endpointFor(env: CliContext['env'], serviceId: string): string | undefined {
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true') return undefined;
  const key = `AWS_ENDPOINT_URL_${serviceId.toUpperCase().replace(/[ -]/g, '_')}`;
  return env[key] || env.AWS_ENDPOINT_URL || undefined;
}

/** Region: explicit, then the profile's, then AWS_REGION / AWS_DEFAULT_REGION, then us-east-1. */
export function regionFor(ctx: CliContext, set: ProfileSet | undefined, profile: string, explicit?: string): string {
  return explicit || set?.profiles[profile]?.properties.region || ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION || 'us-east-1';
}

/**
 * Credentials for `profile` through the SDK's own chain logic (fromIni), reading the files the CLI
 * located. No `region` in `clientConfig`: the SDK's SSO client would take it over the profile's
 * `sso_region` (credential-provider-sso `resolveSSOCredentials`: `clientConfig?.region ?? ssoRegion`),
 * and its STS client already takes the profile's `region`, then the calling client's.
 * Run SDK calls that use these credentials inside {@link withSdkFiles}.
 */
export function credentialsFor(ctx: CliContext, target: AwsTarget): unknown {
  quietSdkNotices();
  const { fromIni } = require('@aws-sdk/credential-provider-ini') as typeof import('@aws-sdk/credential-provider-ini');
  const files = locateProfileFiles(ctx.libEnv, ctx.platform);
  const stsEndpoint = endpointFor(ctx.env, 'STS');
  return fromIni({
    profile: target.profile,
    filepath: files.credentialsFile,
    configFilepath: files.configFile,
    ignoreCache: true,
    ...(stsEndpoint ? { clientConfig: { endpoint: stsEndpoint } } : {}),
  });
}

/**
 * The variables through which the AWS SDK for JavaScript finds files no option can name: the SSO
 * token cache (`@smithy/shared-ini-file-loader` `getSSOTokenFilepath`: `getHomeDir()`, i.e. HOME,
 * USERPROFILE, HOMEDRIVE+HOMEPATH), the `aws login` cache (credential-provider-login:
 * AWS_LOGIN_CACHE_DIRECTORY, else `os.homedir()`), and the profile files of nested lookups.
 * Values: the CLI's home (`--home`) and the files and caches it located.
 */
export function sdkFileEnv(ctx: CliContext): Record<string, string> {
  const files = locateProfileFiles(ctx.libEnv, ctx.platform);
  return {
    HOME: ctx.home,
    USERPROFILE: ctx.home,
    AWS_CONFIG_FILE: files.configFile,
    AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile,
    AWS_LOGIN_CACHE_DIRECTORY: cacheDirectories({ home: ctx.home, env: ctx.libEnv }).loginCache,
  };
}

/**
 * Run `fn` (SDK calls) with {@link sdkFileEnv} in `process.env`, restored afterwards: the SDK reads
 * these from the process, so without this `doctor --home DIR` would use the real home's SSO and
 * login caches.
 */
export async function withSdkFiles<T>(ctx: CliContext, fn: () => Promise<T>): Promise<T> {
  const vars = sdkFileEnv(ctx);
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(vars)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The config for one SDK client (`serviceId` as in AWS_ENDPOINT_URL_<ID>: STS, EKS, CloudWatch, Organizations). */
export function clientConfig(ctx: CliContext, target: AwsTarget, serviceId: string, credentials?: unknown): ClientConfig {
  quietSdkNotices();
  const endpoint = endpointFor(ctx.env, serviceId);
  return {
    region: target.region,
    credentials: credentials ?? credentialsFor(ctx, target),
    ...(endpoint ? { endpoint } : {}),
    maxAttempts: 2,
  };
}

/** Run an SDK call with a deadline (the SDK's own retries stay inside it). */
export async function withDeadline<T>(ms: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await fn(controller.signal);
  } catch (e) {
    if (controller.signal.aborted) {
      const err = new Error(`no answer within ${Math.round(ms / 1000)} s`);
      err.name = 'TimeoutError';
      throw err;
    }
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

export type AwsErrorKind =
  | 'access-denied'
  | 'expired-token'
  | 'invalid-credentials'
  | 'no-credentials'
  | 'sso-expired'
  | 'assume-role-denied'
  | 'network'
  | 'timeout'
  | 'not-in-use'
  | 'other';

export interface AwsProblem {
  kind: AwsErrorKind;
  /** The SDK error name (`AccessDeniedException`...). */
  code: string;
  /** The error message, with anything that looks like a key or token removed. */
  message: string;
}

const SECRETISH = /\b(AKIA|ASIA)[A-Z0-9]{12,}\b|[A-Za-z0-9/+=]{40,}/g;

/**
 * A message or stderr line safe to show: every secret the policy knows masked (tokens, keys,
 * `-e KEY=VALUE`, `Authorization: Bearer`, `user:pass@`, a failed command's line), anything that
 * looks like a key or a long secret too, control characters shown visibly.
 */
export function scrub(message: string): string {
  return safe(maskSecretsInText(message).replace(SECRETISH, SECRET_MASK));
}

/** Sort an SDK / credential-provider error into something we can explain. */
export function classifyAwsError(e: unknown): AwsProblem {
  const err = e as { name?: string; Code?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number }; cause?: { code?: string } };
  const status = err?.$metadata?.httpStatusCode;
  const name = err?.name ?? err?.Code ?? 'Error';
  // an error body the SDK could not parse leaves only the HTTP status as evidence
  const code = status !== undefined && /^(SyntaxError|TypeError|Error|UnknownError)$/.test(name) ? `HTTP ${status}` : name;
  const message = scrub(String(err?.message ?? e));
  const netCode = err?.code ?? err?.cause?.code;
  let kind: AwsErrorKind = 'other';
  if (code === 'TimeoutError' || code === 'AbortError') kind = 'timeout';
  else if (netCode === 'ECONNREFUSED' || netCode === 'ENOTFOUND' || netCode === 'ECONNRESET' || netCode === 'EAI_AGAIN' || /ECONNREFUSED|ENOTFOUND|getaddrinfo/.test(message)) kind = 'network';
  else if (/sso session .*expired|token .*expired.*sso|sso.*(refresh|login)|To refresh this SSO session/i.test(message)) kind = 'sso-expired';
  else if (code === 'ExpiredToken' || code === 'ExpiredTokenException' || code === 'RequestExpired') kind = 'expired-token';
  else if (code === 'InvalidClientTokenId' || code === 'UnrecognizedClientException' || code === 'SignatureDoesNotMatch' || code === 'InvalidSignatureException') kind = 'invalid-credentials';
  else if (code === 'CredentialsProviderError' || /Could not load credentials|could not be found|Unable to find|not configured/i.test(message)) kind = 'no-credentials';
  else if (code === 'AWSOrganizationsNotInUseException') kind = 'not-in-use';
  else if (code === 'AccessDenied' || code === 'AccessDeniedException' || code === 'UnauthorizedOperation' || code === 'AuthorizationError' || code === 'UnauthorizedException' || status === 403) kind = /AssumeRole/i.test(message) ? 'assume-role-denied' : 'access-denied';
  return { kind, code, message };
}
