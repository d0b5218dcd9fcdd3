/**
 * Layer 4: one read-only call per service the server uses (the catalog's `probe`), with the
 * credentials of layer 1. AccessDenied is explained as the IAM action that is missing.
 */
import type { CatalogServer } from '@awsmcp/starter-kits';
import type { CliContext } from '../context';
import { classifyAwsError, clientConfig, withDeadline, type AwsTarget } from './aws';
import type { PermissionsLayer, Probe } from './schema';

/** A probe call; resolves to a short note on what it saw (`2 clusters: demo, web`). */
type ProbeCall = (ctx: CliContext, target: AwsTarget, credentials: unknown, signal: AbortSignal) => Promise<string | undefined>;

/** The probes this CLI can run, by `service:Operation` (others report the CLI command to run by hand). */
const CALLS: Record<string, ProbeCall> = {
  'eks:ListClusters': async (ctx, target, credentials, abortSignal) => {
    const { EKSClient, ListClustersCommand } = require('@aws-sdk/client-eks') as typeof import('@aws-sdk/client-eks');
    const client = new EKSClient(clientConfig(ctx, target, 'EKS', credentials) as NonNullable<ConstructorParameters<typeof EKSClient>[0]>);
    try {
      const r = await client.send(new ListClustersCommand({ maxResults: 10 }), { abortSignal });
      const names = r.clusters ?? [];
      return names.length === 0 ? 'no clusters in the region' : `${names.length}${r.nextToken ? '+' : ''} cluster${names.length === 1 ? '' : 's'}: ${names.join(', ')}`;
    } finally {
      client.destroy();
    }
  },
  'cloudwatch:DescribeAlarms': async (ctx, target, credentials, abortSignal) => {
    const { CloudWatchClient, DescribeAlarmsCommand } = require('@aws-sdk/client-cloudwatch') as typeof import('@aws-sdk/client-cloudwatch');
    const client = new CloudWatchClient(clientConfig(ctx, target, 'CloudWatch', credentials) as NonNullable<ConstructorParameters<typeof CloudWatchClient>[0]>);
    try {
      const r = await client.send(new DescribeAlarmsCommand({ MaxRecords: 10 }), { abortSignal });
      const n = (r.MetricAlarms?.length ?? 0) + (r.CompositeAlarms?.length ?? 0);
      return n === 0 ? 'no alarms in the region' : `${n}${r.NextToken ? '+' : ''} alarm${n === 1 ? '' : 's'}`;
    } finally {
      client.destroy();
    }
  },
  'sts:GetCallerIdentity': async (ctx, target, credentials, abortSignal) => {
    const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts') as typeof import('@aws-sdk/client-sts');
    const client = new STSClient(clientConfig(ctx, target, 'STS', credentials) as NonNullable<ConstructorParameters<typeof STSClient>[0]>);
    try {
      const r = await client.send(new GetCallerIdentityCommand({}), { abortSignal });
      return r.Account ? `account ${r.Account}` : undefined;
    } finally {
      client.destroy();
    }
  },
};

/** The IAM action prefix of a catalog probe service (they differ from the CLI names for a few). */
const IAM_PREFIX: Record<string, string> = {
  amp: 'aps',
  'bedrock-agent': 'bedrock',
  'cost-explorer': 'ce',
  'application-signals': 'application-signals',
};

export function iamAction(service: string, operation: string): string {
  return `${IAM_PREFIX[service] ?? service}:${operation}`;
}

/** Whether this CLI can run the probe itself. */
export function canProbe(service: string, operation: string): boolean {
  return `${service}:${operation}` in CALLS;
}

export interface ProbeInput {
  servers: readonly CatalogServer[];
  target: AwsTarget;
  credentials: unknown;
  /** Who the probes run as (layer 1's ARN), for the messages. */
  arn?: string;
  timeoutMs: number;
}

export async function checkPermissions(ctx: CliContext, input: ProbeInput): Promise<PermissionsLayer> {
  const started = Date.now();
  const probes: Probe[] = [];
  const seen = new Set<string>();
  for (const server of input.servers) {
    const p = server.probe;
    if (!p) continue;
    const key = `${p.service}:${p.operation}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const action = iamAction(p.service, p.operation);
    const cli = `${p.cli} --profile ${input.target.profile}${p.cli.includes('--region') ? '' : ` --region ${input.target.region}`}`;
    const base = { server: server.id, service: p.service, operation: p.operation, action, cli };
    const call = CALLS[key];
    if (!call) {
      probes.push({ ...base, status: 'not-implemented', message: `awsmcp cannot call ${action} itself: run \`${cli}\` to check it` });
      continue;
    }
    try {
      const detail = await withDeadline(input.timeoutMs, (signal) => call(ctx, input.target, input.credentials, signal));
      probes.push({ ...base, status: 'ok', ...(detail ? { detail } : {}) });
    } catch (e) {
      const problem = classifyAwsError(e);
      const who = input.arn ?? `profile ${input.target.profile}`;
      if (problem.kind === 'access-denied') {
        probes.push({
          ...base,
          status: 'denied',
          message: `${action} is denied for ${who}: ${problem.code}`,
          fix: `add ${action} to the IAM policy of ${describeRole(input.arn)} (for IAM Identity Center: the permission set), or use a profile whose role has it. Check with \`${cli}\``,
        });
      } else {
        probes.push({ ...base, status: 'error', message: `${action} failed: ${problem.code}: ${problem.message}`, fix: `run \`${cli}\` to see the same error from the AWS CLI` });
      }
    }
  }
  const denied = probes.filter((p) => p.status === 'denied' || p.status === 'error');
  const durationMs = Date.now() - started;
  if (probes.length === 0) {
    return { layer: 'permissions', status: 'skipped', summary: 'no catalog probe for this server', probes, durationMs };
  }
  if (denied.length > 0) {
    const first = denied[0];
    return {
      layer: 'permissions',
      status: 'failed',
      summary: denied.map((p) => (p.status === 'denied' ? `missing IAM permission ${p.action}` : `${p.action}: ${p.message}`)).join('; '),
      ...(first.fix ? { fix: first.fix } : {}),
      probes,
      durationMs,
    };
  }
  const ran = probes.filter((p) => p.status === 'ok').map((p) => p.action);
  const manual = probes.filter((p) => p.status === 'not-implemented').map((p) => p.action);
  return {
    layer: 'permissions',
    status: 'ok',
    summary: [ran.length > 0 ? `${ran.join(', ')} allowed` : '', manual.length > 0 ? `check by hand: ${manual.join(', ')}` : ''].filter(Boolean).join('; '),
    probes,
    durationMs,
  };
}

/** `the role Admin (account 111111111111)` from an assumed-role ARN, else a generic phrase. */
function describeRole(arn: string | undefined): string {
  const m = arn ? /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn) : null;
  if (m) {
    const sso = /^AWSReservedSSO_(.+)_[0-9a-f]{16}$/.exec(m[2]);
    return sso ? `the permission set ${sso[1]} (account ${m[1]})` : `the role ${m[2]} (account ${m[1]})`;
  }
  const u = arn ? /^arn:[^:]+:iam::(\d{12}):user\/(.+)$/.exec(arn) : null;
  if (u) return `the IAM user ${u[2]} (account ${u[1]})`;
  return 'the role or user the profile signs in as';
}
