/**
 * `awsmcp doctor` against real components: moto_server (STS incl. a two-deep assume-role chain,
 * EKS, CloudWatch, IAM-enforced AccessDenied) and real MCP servers over stdio (server-everything,
 * a broken one, a silent one). In-process runs, plus the built bin for Ctrl-C.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DoctorJsonSchema, type DoctorJson } from '../doctor/schema';
import { accountCredentials, createCluster, createLimitedUser, startMoto, MOTO_KEYS, type Moto } from '../testing/moto';
import { alive, CANARY, everythingServer, FIXTURES, makeTestHome, runCli, startBin, waitFor, type TestHome } from '../testing/home';

let moto: Moto;
let t: TestHome;
let limitedKeys: { accessKeyId: string; secretAccessKey: string };
const pidsFile = () => path.join(t.base, 'pids.json');

beforeAll(async () => {
  moto = await startMoto();
  // the cluster lives in the account the chain ends in (moto keeps accounts apart)
  await createCluster(moto.endpoint, 'eu-west-1', 'demo-cluster', await accountCredentials(moto.endpoint, '222222222222'));
  limitedKeys = await createLimitedUser(moto.endpoint, 'probe-user', ['sts:GetCallerIdentity', 'eks:ListClusters']);
  t = makeTestHome({
    endpoint: moto.endpoint,
    config: [
      '[profile base]',
      'region = eu-west-1',
      '',
      '[profile mid]',
      'role_arn = arn:aws:iam::111111111111:role/Mid',
      'source_profile = base',
      '',
      '[profile top]',
      'role_arn = arn:aws:iam::222222222222:role/Top',
      'source_profile = mid',
      'region = eu-west-1',
      '',
      '[profile limited]',
      'region = eu-west-1',
      '',
      '[profile expired-sso]',
      'sso_session = corp',
      'sso_account_id = 333333333333',
      'sso_role_name = ReadOnly',
      'region = eu-west-1',
      '',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      'sso_region = eu-west-1',
      '',
    ].join('\n'),
    credentials: `[base]\naws_access_key_id = ${MOTO_KEYS.accessKeyId}\naws_secret_access_key = ${CANARY}\n\n[limited]\naws_access_key_id = ${limitedKeys.accessKeyId}\naws_secret_access_key = ${limitedKeys.secretAccessKey}\n`,
  });
  const { writeSsoToken } = require('../testing/home') as typeof import('../testing/home');
  writeSsoToken(t, 'corp', new Date(Date.now() - 3600_000), 'https://corp.awsapps.com/start');
  // PATH holds node and nothing else: uvx is surely missing
  const bin = path.join(t.base, 'bin');
  fs.mkdirSync(bin);
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  t.env.PATH = bin;
  t.write(
    '.mcp.json',
    JSON.stringify(
      {
        mcpServers: {
          everything: { command: 'node', args: [everythingServer(), 'stdio'], env: { AWS_PROFILE: 'top', AWS_REGION: 'eu-west-1' } },
          broken: { command: 'node', args: [path.join(FIXTURES, 'broken-server.js'), '--region', 'eu-west-1'] },
          silent: { command: 'node', args: [path.join(FIXTURES, 'silent-server.js')], env: { PIDS_FILE: pidsFile() } },
          eks: { command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: 'top', AWS_REGION: 'eu-west-1' } },
        },
      },
      null,
      2,
    ),
    'workspace',
  );
}, 60_000);

afterAll(async () => {
  await moto?.stop();
  t?.cleanup();
});

function parse(stdout: string): DoctorJson {
  return DoctorJsonSchema.parse(JSON.parse(stdout));
}

function noCanary(...texts: string[]): void {
  for (const s of texts) expect(s).not.toContain(CANARY);
}

describe('awsmcp doctor', () => {
  it('--profile through a two-deep assume-role chain resolved by moto STS; EKS and CloudWatch probes pass', async () => {
    const r = await runCli(t, ['doctor', '--profile', 'top', '--probe', 'eks,cloudwatch', '--json']);
    noCanary(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    const doc = parse(r.stdout);
    expect(doc.ok).toBe(true);
    expect(doc.target).toMatchObject({ kind: 'profile', profile: 'top', profileSource: '--profile', region: 'eu-west-1' });
    const identity = doc.layers[0];
    expect(identity).toMatchObject({ layer: 'identity', status: 'ok', account: '222222222222', chain: ['base', 'mid', 'top'] });
    if (identity.layer === 'identity') expect(identity.arn).toMatch(/^arn:aws:sts::222222222222:assumed-role\/Top\//);
    expect(doc.layers.map((l) => [l.layer, l.status])).toEqual([
      ['identity', 'ok'],
      ['binary', 'skipped'],
      ['mcp', 'skipped'],
      ['permissions', 'ok'],
    ]);
    const perms = doc.layers[3];
    if (perms.layer !== 'permissions') throw new Error('layer order');
    expect(perms.probes.map((p) => [p.action, p.status])).toEqual([
      ['eks:ListClusters', 'ok'],
      ['cloudwatch:DescribeAlarms', 'ok'],
    ]);
    expect(perms.probes[0].detail).toBe('1 cluster: demo-cluster');
  }, 30_000);

  it('a host-file server: all four layers pass (server-everything spawned as the host would)', async () => {
    const r = await runCli(t, ['doctor', 'everything', '--probe', 'eks']);
    noCanary(r.stdout, r.stderr);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/awsmcp doctor everything \(claude-code, workspace: .*\.mcp\.json\)/);
    expect(r.stdout).toContain('profile top (from env.AWS_PROFILE), region eu-west-1');
    expect(r.stdout).toMatch(/✓ ok +identity +account 222222222222, arn:aws:sts::222222222222:assumed-role\/Top\//);
    expect(r.stdout).toMatch(/✓ ok +binary +node -> /);
    expect(r.stdout).toMatch(/✓ ok +mcp +.*everything.*: \d+ tools/);
    expect(r.stdout).toMatch(/✓ ok +permissions +eks:ListClusters allowed/);
    expect(r.stdout).toContain('all layers passed');
    expect(r.stdout).not.toMatch(/\x1b\[/);
  }, 30_000);

  it('AccessDenied from an IAM-enforcing moto is explained as the missing IAM permission', async () => {
    await moto.setAuth(true);
    try {
      const r = await runCli(t, ['doctor', '--profile', 'limited', '--probe', 'eks,cloudwatch']);
      noCanary(r.stdout, r.stderr);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/✓ ok +identity +account 123456789012, arn:aws:iam::123456789012:user\/probe-user/);
      expect(r.stdout).toContain('✓ ok eks:ListClusters');
      expect(r.stdout).toMatch(/✗ FAILED +permissions +missing IAM permission cloudwatch:DescribeAlarms/);
      expect(r.stdout).toContain('fix: add cloudwatch:DescribeAlarms to the IAM policy of the IAM user probe-user (account 123456789012)');
      const j = await runCli(t, ['doctor', '--profile', 'limited', '--probe', 'cloudwatch', '--json']);
      const doc = parse(j.stdout);
      expect(doc.failedLayer).toBe('permissions');
      const perms = doc.layers[3];
      if (perms.layer === 'permissions') expect(perms.probes[0]).toMatchObject({ action: 'cloudwatch:DescribeAlarms', status: 'denied' });
    } finally {
      await moto.setAuth(false);
    }
  }, 30_000);

  it('an expired SSO session: the login command, nothing else runs, the cached token never shows', async () => {
    const r = await runCli(t, ['doctor', '--profile', 'expired-sso', '--probe', 'eks', '--json']);
    noCanary(r.stdout, r.stderr);
    expect(r.code).toBe(1);
    const doc = parse(r.stdout);
    expect(doc.failedLayer).toBe('identity');
    expect(doc.layers[0]).toMatchObject({ status: 'failed', command: 'aws sso login --sso-session corp', fix: 'run `aws sso login --sso-session corp`, then run doctor again' });
    expect(doc.layers.slice(1).every((l) => l.status === 'skipped' && l.summary === 'not run: identity failed')).toBe(true);
    const human = await runCli(t, ['doctor', '--profile', 'expired-sso']);
    expect(human.stdout).toContain('fix: run `aws sso login --sso-session corp`, then run doctor again');
  }, 20_000);

  it('--home DIR: the SDK reads the SSO token from DIR and calls IAM Identity Center in sso_region, not region', async () => {
    const { makeTestHome: make, writeSsoToken } = require('../testing/home') as typeof import('../testing/home');
    const sso = make({
      config: [
        '[profile fresh-sso]',
        'sso_session = corp2',
        'sso_account_id = 333333333333',
        'sso_role_name = ReadOnly',
        'region = us-west-2',
        '',
        '[sso-session corp2]',
        'sso_start_url = https://corp2.awsapps.com/start',
        'sso_region = eu-central-1',
        '',
      ].join('\n'),
    });
    try {
      writeSsoToken(sso, 'corp2', new Date(Date.now() + 3600_000), 'https://corp2.awsapps.com/start', 'eu-central-1');
      const before = { HOME: process.env.HOME, AWS_CONFIG_FILE: process.env.AWS_CONFIG_FILE };
      // no endpoint override: the SSO portal's host name (unreachable here) shows the region used
      const r = await runCli(sso, ['--home', sso.home, 'doctor', '--profile', 'fresh-sso', '--json', '--timeout', '15'], { env: { HOME: '/nonexistent' } });
      noCanary(r.stdout, r.stderr);
      const identity = parse(r.stdout).layers[0];
      expect(identity.status).toBe('failed');
      // the token was found under --home (else: "SSO session token ... not found or is invalid")
      expect(identity.summary).not.toMatch(/token.*(not found|invalid)|could not be found/i);
      expect(identity.summary).toContain('portal.sso.eu-central-1.amazonaws.com');
      expect(identity.summary).not.toContain('us-west-2');
      // the process environment is given back
      expect({ HOME: process.env.HOME, AWS_CONFIG_FILE: process.env.AWS_CONFIG_FILE }).toEqual(before);
    } finally {
      sso.cleanup();
    }
  }, 40_000);

  it('a config botocore refuses: the banner comes first, on stderr, also with --json', async () => {
    const { makeTestHome: make } = require('../testing/home') as typeof import('../testing/home');
    const dup = make({ endpoint: moto.endpoint, config: '[profile base]\nregion = eu-west-1\nRegion = eu-west-2\n', credentials: `[base]\naws_access_key_id = ${MOTO_KEYS.accessKeyId}\naws_secret_access_key = ${CANARY}\n` });
    try {
      const r = await runCli(dup, ['doctor', '--profile', 'base', '--json']);
      noCanary(r.stdout, r.stderr);
      expect(r.stderr.split('\n')[0]).toBe(`!!! every Python MCP server on this machine fails to start: ${path.join(dup.home, '.aws/config')}:3:1 DuplicateOptionError`);
      expect(parse(r.stdout).layers[0]).toMatchObject({ layer: 'identity', status: 'ok' });
    } finally {
      dup.cleanup();
    }
  }, 20_000);

  it('a server that rejects its arguments: MCP fails with its stderr tail and the fix', async () => {
    const r = await runCli(t, ['doctor', 'broken']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/- skipped +identity +this server uses no AWS profile/);
    expect(r.stdout).toMatch(/✗ FAILED +mcp +the server exited with code 2 during initialize: awslabs.fake-mcp-server: error: unrecognized arguments: --region eu-west-1/);
    expect(r.stdout).toContain('    awslabs.fake-mcp-server: error: unrecognized arguments: --region eu-west-1');
    expect(r.stdout).toContain('fix: the server does not accept --region: remove it (and its value) from "args" in');
    const j = parse((await runCli(t, ['doctor', 'broken', '--json'])).stdout);
    const mcp = j.layers[2];
    expect(mcp).toMatchObject({ layer: 'mcp', status: 'failed', reason: 'exited', exitCode: 2, step: 'initialize' });
    if (mcp.layer === 'mcp') expect(mcp.stderrTail).toContain('awslabs.fake-mcp-server: error: unrecognized arguments: --region eu-west-1');
  }, 20_000);

  it('a command missing from PATH: the binary layer says how to install it', async () => {
    const r = await runCli(t, ['doctor', 'eks', '--json']);
    expect(r.code).toBe(1);
    const doc = parse(r.stdout);
    expect(doc.target).toMatchObject({ catalogId: 'eks', command: 'uvx', profile: 'top', source: 'host-file' });
    expect(doc.layers[0].status).toBe('ok');
    expect(doc.failedLayer).toBe('binary');
    expect(doc.layers[1]).toMatchObject({ status: 'failed', summary: 'uvx is not on PATH' });
    expect(doc.layers[1].fix).toContain('install uv, which provides uvx');
  }, 20_000);

  it('a catalog id that is in no host file runs with its pinned command and the --profile given', async () => {
    const r = await runCli(t, ['doctor', 'cloudwatch', '--profile', 'top', '--json']);
    const doc = parse(r.stdout);
    expect(doc.target).toMatchObject({ kind: 'server', name: 'cloudwatch', source: 'catalog', catalogId: 'cloudwatch', command: 'uvx', profile: 'top', region: 'eu-west-1' });
    expect(doc.target.args![0]).toMatch(/^awslabs\.cloudwatch-mcp-server==\d/);
    expect(doc.layers.map((l) => l.status)).toEqual(['ok', 'failed', 'skipped', 'skipped']);
  }, 20_000);

  it('a server that never answers: timeout, and no process of it is left', async () => {
    const r = await runCli(t, ['doctor', 'silent', '--timeout', '1.5', '--json']);
    expect(r.code).toBe(1);
    const doc = parse(r.stdout);
    expect(doc.layers[2]).toMatchObject({ layer: 'mcp', status: 'failed', reason: 'timeout', step: 'initialize', summary: 'no answer to initialize within 1.5 s; the server was stopped' });
    const pids = JSON.parse(fs.readFileSync(pidsFile(), 'utf8')) as { server: number; grandchild: number };
    expect(await waitFor(() => !alive(pids.server) && !alive(pids.grandchild), 3000)).toBe(true);
  }, 20_000);

  it('usage errors: no target (exit 2), an unknown server names the ones found', async () => {
    const none = await runCli(t, ['doctor']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('doctor needs a server name or --profile');
    const unknown = await runCli(t, ['doctor', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no server named 'nope'");
    expect(unknown.stderr).toContain('servers found: everything, broken, silent, eks');
    const typo = await runCli(t, ['doctor', 'brokn']);
    expect([typo.code, typo.stderr]).toEqual([2, expect.stringContaining("did you mean 'broken'?")]);
  });

  it('the built bin: Ctrl-C during the MCP layer kills the server tree and exits 130', async () => {
    fs.rmSync(pidsFile(), { force: true });
    const r = await startBin(t, ['doctor', 'silent', '--timeout', '60'], { interruptWhen: (out) => out.includes('binary') && fs.existsSync(pidsFile()), timeoutMs: 30_000 });
    expect(r.code).toBe(130);
    expect(r.stdout).toMatch(/✗ FAILED +mcp +interrupted during initialize; the server was stopped/);
    const pids = JSON.parse(fs.readFileSync(pidsFile(), 'utf8')) as { server: number; grandchild: number };
    expect(await waitFor(() => !alive(pids.server) && !alive(pids.grandchild), 3000)).toBe(true);
  }, 40_000);

  it('the built bin: doctor --profile against moto, and --help with examples', async () => {
    const r = await startBin(t, ['doctor', '--profile', 'top', '--probe', 'eks']);
    noCanary(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('account 222222222222');
    expect(r.stdout).toContain('via base -> mid -> top');
    const help = await startBin(t, ['doctor', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('awsmcp doctor --profile dev-sandbox --probe eks,cloudwatch');
  }, 30_000);
});
