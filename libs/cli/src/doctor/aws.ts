/**
 * AWS SDK v3 clients for a profile, built from the CLI context rather than the process: the
 * profile files located from `--home` / AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, the
 * endpoint from AWS_ENDPOINT_URL(_<SERVICE>), credentials through `fromIni` (assume-role chains,
 * SSO, credential_process, web identity), and errors explained in words without any secret.
 */
import { locateProfileFiles, type ProfileSet } from '@awsmcp/aws-config-parser';
import type { CliContext } from '../context';

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

/** Credentials for `profile` through the SDK's own chain logic (fromIni), reading the files the CLI located. */
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
    clientConfig: { region: target.region, ...(stsEndpoint ? { endpoint: stsEndpoint } : {}) },
  });
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

/** Scrub anything that looks like an access key id or a long secret out of a message. */
export function scrub(message: string): string {
  return message.replace(SECRETISH, '[redacted]');
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
