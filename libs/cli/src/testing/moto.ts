/**
 * Test harness: a real `moto_server` (the AWS API emulator) on a free loopback port, started and
 * stopped by the test, plus helpers that seed it (organization with accounts, EKS cluster, IAM users
 * for AccessDenied). A missing moto_server is a failure with what to install, never a skip.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const MOTO_INSTALL_HINT = 'moto_server is not installed: `pip install "moto[server]"` (moto 5; it provides moto_server). The doctor / org-scan tests need it to emulate STS, Organizations, EKS and CloudWatch on loopback.';

export interface Moto {
  port: number;
  endpoint: string;
  pid: number;
  /** Enforce IAM authentication from now on (`true`), or accept every request (`false`). */
  setAuth(enforce: boolean): Promise<void>;
  stop(): Promise<void>;
}

/** Where moto_server is, or undefined. */
export function findMotoServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, 'moto_server');
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      /* next */
    }
  }
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

// the SDK's notice about its own future Node requirement is noise in test output
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function answers(endpoint: string): Promise<boolean> {
  try {
    const res = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Start moto_server on a free 127.0.0.1 port and wait until it answers (up to `timeoutMs`). */
export async function startMoto(options: { timeoutMs?: number } = {}): Promise<Moto> {
  const bin = findMotoServer();
  if (!bin) throw new Error(MOTO_INSTALL_HINT);
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    let stderr = '';
    const child: ChildProcess = spawn(bin, ['-H', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
      env: { ...process.env, INITIAL_NO_AUTH_ACTION_COUNT: 'inf' },
    });
    child.stderr?.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString()).slice(-4000);
    });
    let exited = false;
    child.once('exit', () => (exited = true));
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    while (Date.now() < deadline && !exited && !(await answers(endpoint))) await sleep(100);
    if (!exited && (await answers(endpoint))) {
      const stop = async () => {
        if (exited) return;
        const gone = new Promise<void>((r) => child.once('exit', () => r()));
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          /* gone */
        }
        await Promise.race([gone, sleep(3000)]);
        if (!exited) {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* gone */
          }
          await Promise.race([gone, sleep(2000)]);
        }
      };
      return {
        port,
        endpoint,
        pid: child.pid!,
        async setAuth(enforce) {
          const res = await fetch(`${endpoint}/moto-api/reset-auth`, { method: 'POST', body: enforce ? '0' : 'inf' });
          if (res.status !== 200) throw new Error(`moto reset-auth answered ${res.status}`);
        },
        stop,
      };
    }
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
    if (attempt >= 2) throw new Error(`moto_server did not answer on ${endpoint}: ${stderr.trim().split('\n').slice(-5).join('\n')}`);
  }
}

/** Static credentials moto accepts while authentication is off (any key works then). */
export const MOTO_KEYS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

type Creds = { accessKeyId: string; secretAccessKey: string };

/** Create the organization and `count` member accounts named `names(i)`; returns their ids. */
export async function seedOrganization(endpoint: string, count: number, names: (i: number) => string, credentials: Creds = MOTO_KEYS): Promise<string[]> {
  const { OrganizationsClient, CreateOrganizationCommand, CreateAccountCommand, DescribeCreateAccountStatusCommand } = require('@aws-sdk/client-organizations') as typeof import('@aws-sdk/client-organizations');
  const org = new OrganizationsClient({ region: 'us-east-1', endpoint, credentials });
  await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await org.send(new CreateAccountCommand({ AccountName: names(i), Email: `acct${i}@example.com` }));
    const status = await org.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: r.CreateAccountStatus!.Id! }));
    ids.push(status.CreateAccountStatus!.AccountId!);
  }
  org.destroy();
  return ids;
}

/** Credentials of a role in `accountId` (moto keeps each account's resources apart). */
export async function accountCredentials(endpoint: string, accountId: string, roleName = 'Seeder'): Promise<Creds & { sessionToken: string }> {
  const { STSClient, AssumeRoleCommand } = require('@aws-sdk/client-sts') as typeof import('@aws-sdk/client-sts');
  const sts = new STSClient({ region: 'us-east-1', endpoint, credentials: MOTO_KEYS });
  const r = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/${roleName}`, RoleSessionName: 'seed' }));
  sts.destroy();
  return { accessKeyId: r.Credentials!.AccessKeyId!, secretAccessKey: r.Credentials!.SecretAccessKey!, sessionToken: r.Credentials!.SessionToken! };
}

/** An EKS cluster in `region` of the account the credentials belong to. */
export async function createCluster(endpoint: string, region: string, name: string, credentials: Creds = MOTO_KEYS): Promise<void> {
  const { EKSClient, CreateClusterCommand } = require('@aws-sdk/client-eks') as typeof import('@aws-sdk/client-eks');
  const eks = new EKSClient({ region, endpoint, credentials });
  await eks.send(new CreateClusterCommand({ name, roleArn: 'arn:aws:iam::123456789012:role/eks-cluster', resourcesVpcConfig: { subnetIds: [] } }));
  eks.destroy();
}

/**
 * An IAM user whose inline policy allows exactly `actions`; returns its access key. With
 * authentication enforced (`moto.setAuth(true)`), moto answers AccessDenied for anything else.
 */
export async function createLimitedUser(endpoint: string, userName: string, actions: string[]): Promise<Creds> {
  const { IAMClient, CreateUserCommand, PutUserPolicyCommand, CreateAccessKeyCommand } = require('@aws-sdk/client-iam') as typeof import('@aws-sdk/client-iam');
  const iam = new IAMClient({ region: 'us-east-1', endpoint, credentials: MOTO_KEYS });
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'limited',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }),
    }),
  );
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  iam.destroy();
  return { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! };
}
