/** Test fixtures: temp homes (never the real ~/.aws), the demo home, cache writers, the canary. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Planted in every secret field of every fixture; must never appear in any output. */
export const CANARY = 'CANARY-SECRET-7f3a';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const DEMO_HOME = path.join(REPO_ROOT, 'tools/demo/home');

const made: string[] = [];

/** A fresh temp home; `demo: true` copies the demo home's config and credentials into it. */
export function makeHome(options: { demo?: boolean; config?: string; credentials?: string } = {}): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-cci-'));
  made.push(home);
  const aws = path.join(home, '.aws');
  fs.mkdirSync(aws, { recursive: true });
  if (options.demo) {
    fs.copyFileSync(path.join(DEMO_HOME, '.aws/config'), path.join(aws, 'config'));
    // the demo's fake keys replaced by the canary: static keys are secrets too
    const creds = fs.readFileSync(path.join(DEMO_HOME, '.aws/credentials'), 'utf8').replace(/(aws_secret_access_key\s*=\s*).*/g, `$1${CANARY}`);
    fs.writeFileSync(path.join(aws, 'credentials'), creds);
  }
  if (options.config !== undefined) fs.writeFileSync(path.join(aws, 'config'), options.config);
  if (options.credentials !== undefined) fs.writeFileSync(path.join(aws, 'credentials'), options.credentials);
  return home;
}

export function cleanupHomes(): void {
  for (const home of made.splice(0)) {
    try {
      fs.chmodSync(home, 0o700);
    } catch {
      // ignore
    }
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** Write `<dir>/<key>.json` (creating the folder) and return its path. */
export function writeCache(dir: string, key: string, value: unknown): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${key}.json`);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An SSO token file with the canary in every secret field. */
export function ssoToken(expiresAt: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { startUrl: 'https://example.awsapps.com/start', region: 'eu-west-1', accessToken: CANARY, expiresAt, ...extra };
}

/** The refreshable parts of an sso-session token file (canary values). */
export function refreshable(registrationExpiresAt: string): Record<string, unknown> {
  return { clientId: CANARY, clientSecret: CANARY, refreshToken: CANARY, registrationExpiresAt };
}

/** A cli/cache role credentials file with the canary in every secret field. */
export function roleCreds(expiration: unknown, accountId = '123456789012'): Record<string, unknown> {
  return {
    Credentials: { AccessKeyId: CANARY, SecretAccessKey: CANARY, SessionToken: CANARY, Expiration: expiration, AccountId: accountId },
    AssumedRoleUser: { AssumedRoleId: CANARY, Arn: `arn:aws:sts::${accountId}:assumed-role/R/s` },
    ResponseMetadata: { RequestId: 'r' },
  };
}

/** An `aws login` cache file with the canary in every secret field. */
export function loginSession(expiresAt: string, withRefresh = true, accountId = '999999999999'): Record<string, unknown> {
  return {
    accessToken: { accessKeyId: CANARY, secretAccessKey: CANARY, sessionToken: CANARY, accountId, expiresAt },
    tokenType: 'aws_sigv4',
    clientId: 'arn:aws:signin:::devtools/same-device',
    ...(withRefresh ? { refreshToken: CANARY } : {}),
    idToken: CANARY,
    dpopKey: `-----BEGIN EC PRIVATE KEY-----\n${CANARY}\n-----END EC PRIVATE KEY-----\n`,
  };
}

/** Fail with the path of the first string holding the canary. */
export function expectNoCanary(value: unknown): void {
  const text = JSON.stringify(value);
  if (text.includes(CANARY)) throw new Error(`the canary secret leaked into the output: ${text.slice(Math.max(0, text.indexOf(CANARY) - 200), text.indexOf(CANARY) + 40)}`);
}
