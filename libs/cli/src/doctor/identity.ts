/**
 * Layer 1: who are we? STS GetCallerIdentity through the SDK credential chain for the profile
 * (assume-role chains included). Before calling, the credential cache is inspected so that an
 * expired SSO / login session is answered with the login command instead of an SDK stack.
 */
import { ChainError, resolveChain, type ProfileSet } from '@awsmcp/aws-config-parser';
import { inspectProfile } from '@awsmcp/credential-cache-inspector';
import type { CliContext } from '../context';
import { classifyAwsError, clientConfig, credentialsFor, withDeadline, type AwsTarget } from './aws';
import type { IdentityLayer } from './schema';

export interface IdentityOptions extends AwsTarget {
  timeoutMs: number;
}

export interface IdentityResult {
  layer: IdentityLayer;
  /** Credentials to reuse for the permission probes (same provider, already resolved once). */
  credentials?: unknown;
}

function chainOf(set: ProfileSet, profile: string): string[] | undefined {
  try {
    const chain = resolveChain(set, profile);
    const base = chain.base.kind === 'credential-source' ? `(${chain.base.source})` : chain.base.profile;
    return [base, ...chain.roles.map((r) => r.profile)];
  } catch {
    return undefined;
  }
}

const EXPIRED_STATES = new Set(['expired', 'missing', 'empty', 'truncated', 'malformed', 'invalid-time', 'not-a-file', 'unreadable']);

export async function checkIdentity(ctx: CliContext, set: ProfileSet, options: IdentityOptions): Promise<IdentityResult> {
  const started = Date.now();
  const { profile, region } = options;
  const base = { layer: 'identity' as const, profile, region };
  const done = (rest: Omit<IdentityLayer, 'layer' | 'durationMs' | 'profile' | 'region'>): IdentityResult => ({
    layer: { ...base, ...rest, durationMs: Date.now() - started },
  });
  const chain = set.profiles[profile] ? chainOf(set, profile) : undefined;
  const withChain = chain && chain.length > 1 ? { chain } : {};

  if (!set.profiles[profile]) {
    return done({
      status: 'failed',
      summary: `profile '${profile}' is not defined in ${set.files.config} or ${set.files.credentials}`,
      fix: `add a [profile ${profile}] section (see \`awsmcp discover\` for the profiles you have), or pass --profile with an existing one`,
    });
  }

  // a broken chain (loop, missing source profile) is a config error: name it before any SDK call
  try {
    resolveChain(set, profile);
  } catch (e) {
    if (e instanceof ChainError) {
      return done({ status: 'failed', summary: `profile '${profile}' cannot resolve its credentials: ${e.message}`, fix: `fix the source_profile / credential_source settings of ${e.profiles.join(', ')} in ${set.files.config}` });
    }
  }

  // expired SSO / login sessions: the login command, from the cache inspector (no secret is read out)
  const status = inspectProfile(set, profile, { home: ctx.home, env: ctx.libEnv, now: ctx.now });
  const subject = status.source ?? status;
  const loginKind = ['sso', 'sso-legacy', 'login', 'granted'].includes(subject.kind);
  const failing = loginKind && !subject.refreshesItself && EXPIRED_STATES.has(subject.status) && subject.command ? subject : undefined;
  if (failing) {
    const who = status.source ? `the source profile '${status.source.profile}' of '${profile}'` : `profile '${profile}'`;
    const when = failing.expiresAt ? ` at ${failing.expiresAt}` : '';
    return done({
      status: 'failed',
      summary: `${who}: ${failing.status === 'expired' ? `credentials expired${when}` : `no usable cached login (${failing.status})`}`,
      fix: `run \`${failing.command}\`, then run doctor again`,
      command: failing.command,
      ...withChain,
    });
  }

  const credentials = credentialsFor(ctx, options);
  try {
    const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts') as typeof import('@aws-sdk/client-sts');
    const sts = new STSClient(clientConfig(ctx, options, 'STS', credentials) as NonNullable<ConstructorParameters<typeof STSClient>[0]>);
    const who = await withDeadline(options.timeoutMs, (abortSignal) => sts.send(new GetCallerIdentityCommand({}), { abortSignal }));
    sts.destroy();
    return {
      layer: {
        ...base,
        status: 'ok',
        summary: `account ${who.Account}, ${who.Arn}`,
        ...(who.Account ? { account: who.Account } : {}),
        ...(who.Arn ? { arn: who.Arn } : {}),
        ...withChain,
        durationMs: Date.now() - started,
      },
      credentials,
    };
  } catch (e) {
    const problem = classifyAwsError(e);
    const fix = identityFix(problem.kind, profile, status.command, chain);
    return done({ status: 'failed', summary: `GetCallerIdentity failed for profile '${profile}': ${problem.code}: ${problem.message}`, fix, error: problem, ...(status.command && (problem.kind === 'sso-expired' || problem.kind === 'expired-token') ? { command: status.command } : {}), ...withChain });
  }
}

function identityFix(kind: string, profile: string, command: string | undefined, chain: string[] | undefined): string {
  switch (kind) {
    case 'sso-expired':
    case 'expired-token':
      return command ? `run \`${command}\`, then run doctor again` : `refresh the credentials of profile '${profile}' (they expired)`;
    case 'invalid-credentials':
      return `the access key of ${chain ? `'${chain[0]}'` : `'${profile}'`} is not valid (deleted or rotated?): put a current key in ~/.aws/credentials or switch the profile to SSO`;
    case 'no-credentials':
      return `profile '${profile}' yields no credentials: check it with \`awsmcp discover --chain\`${command ? `, or run \`${command}\`` : ''}`;
    case 'assume-role-denied':
      return `the role of '${profile}' cannot be assumed by ${chain && chain.length > 1 ? `'${chain[chain.length - 2]}'` : 'its source'}: allow sts:AssumeRole in the role's trust policy and the caller's policy`;
    case 'access-denied':
      return `the caller is not allowed sts:GetCallerIdentity (an explicit deny, e.g. an SCP or a permissions boundary): ask your AWS admin`;
    case 'network':
      return 'STS cannot be reached: check the network, a proxy (HTTPS_PROXY) or AWS_ENDPOINT_URL';
    case 'timeout':
      return 'STS did not answer in time: check the network or a proxy, or raise --timeout';
    default:
      return `run \`aws sts get-caller-identity --profile ${profile}\` to see the same error from the AWS CLI`;
  }
}
