import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findServer } from '@awsmcp/starter-kits';
import type { ExecutorContext } from '@nx/devkit';
import checkExecutor from '../executors/check/executor';
import { CANARY, makeHome, type TestHome } from '../__fixtures__/home';
import { formatReport, lintCatalog, runCheck, type CheckReport } from './check';

const EKS = `awslabs.eks-mcp-server==${findServer('eks')!.version}`;
const CW = `awslabs.cloudwatch-mcp-server==${findServer('cloudwatch')!.version}`;

let home: TestHome;
let root: string;

function write(rel: string, value: unknown): void {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2) + '\n');
}

function git(...args: string[]): void {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

const vscodeReal = (profile = 'dev-sandbox', args: string[] = [EKS]) => ({
  servers: { eks: { type: 'stdio', command: 'uvx', args, env: { AWS_PROFILE: profile, AWS_REGION: 'eu-west-1' } } },
});
const vscodeTemplate = (env: Record<string, string> = { AWS_PROFILE: '${input:awsProfile}', AWS_REGION: '${input:awsRegion}' }) => ({
  inputs: [
    { type: 'promptString', id: 'awsProfile', description: 'AWS profile name' },
    { type: 'promptString', id: 'awsRegion', description: 'AWS region' },
  ],
  servers: { eks: { type: 'stdio', command: 'uvx', args: [EKS], env } },
});

async function check(extra: { failOnWarnings?: boolean; files?: string[] } = {}): Promise<CheckReport> {
  return runCheck({ root, env: home.env, ...extra });
}

const codes = (r: CheckReport) => r.findings.map((f) => `${f.severity} ${f.code} ${f.file}`);

beforeEach(() => {
  home = makeHome();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-nx-check-'));
  write('package.json', { name: 'ws' });
  git('init', '-q');
});

afterEach(() => {
  home.remove();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('runCheck', () => {
  it('passes a workspace with an ignored real config and clean templates', async () => {
    write('.gitignore', '.vscode/mcp.json\n.mcp.json\n');
    write('.vscode/mcp.json', vscodeReal());
    write('.vscode/mcp.json.template', vscodeTemplate());
    write('.mcp.json.template', { mcpServers: { cloudwatch: { command: 'uvx', args: [CW], env: { AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: '${AWS_REGION}' } } } });
    git('add', '-A');
    const r = await check();
    expect(codes(r)).toEqual([]);
    expect(r).toMatchObject({ ok: true, errors: 0, warnings: 0, git: true, files: ['.mcp.json.template', '.vscode/mcp.json', '.vscode/mcp.json.template'] });
  });

  it('fails on a real .vscode/mcp.json tracked by git', async () => {
    write('.vscode/mcp.json', vscodeReal());
    git('add', '-A');
    const r = await check();
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      expect.objectContaining({
        file: '.vscode/mcp.json',
        severity: 'error',
        code: 'TRACKED_REAL_CONFIG',
        line: 10,
        column: 9,
        fix: 'git rm --cached .vscode/mcp.json, add it to .gitignore and commit .vscode/mcp.json.template instead (nx g @awsmcp/nx:template)',
      }),
    ]);
  });

  it('accepts a tracked host file that holds only variables (kit --mode inputs)', async () => {
    write('.vscode/mcp.json', vscodeTemplate());
    write('.mcp.json', { mcpServers: { eks: { command: 'uvx', args: [EKS], env: { AWS_PROFILE: '${AWS_PROFILE:-default}', AWS_REGION: '${AWS_REGION:-eu-west-1}' } } } });
    git('add', '-A');
    expect(codes(await check())).toEqual([]);
  });

  it('fails on a template that leaks a profile name or an account id, anywhere in it', async () => {
    write('.vscode/mcp.json.template', vscodeTemplate({ AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1' }));
    write('.mcp.json.template', {
      mcpServers: {
        'eks-staging-eu': { command: 'uvx', args: [EKS], env: { AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: '${AWS_REGION}', NOTE: 'arn:aws:iam::444455556666:role/x' } },
      },
    });
    const r = await check();
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual([
      'error ACCOUNT_ID_IN_TEMPLATE .mcp.json.template',
      'error PROFILE_NAME_IN_TEMPLATE .mcp.json.template',
      'error REAL_PROFILE_IN_TEMPLATE .vscode/mcp.json.template',
    ]);
  });

  it('fails on a template that holds a secret in args, URLs, headers or env; warns on an unclassifiable literal (issue 15, item 2)', async () => {
    write('.mcp.json.template', {
      mcpServers: {
        gh: { command: 'docker', args: ['run', '-i', '--rm', '-e', `GITHUB_TOKEN=ghp_${CANARY}abcdefghij0123456789`, 'ghcr.io/github/github-mcp-server:1.0.0', '--api-key', CANARY], env: { DD_APP_KEY: CANARY, OPAQUE: 'x7Kq2mP9vL4nR8tBq2Zw' } },
        db: { type: 'http', url: `https://admin:${CANARY}@db.example.com/x?token=${CANARY}`, headers: { 'X-Api-Key': CANARY } },
        ok: { command: 'uvx', args: [CW], env: { AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: '${AWS_REGION}', GITHUB_TOKEN: '${GITHUB_TOKEN}' } },
      },
    });
    git('add', '-A');
    const r = await check();
    expect(r.ok).toBe(false);
    const secrets = r.findings.filter((f) => f.code === 'SECRET_IN_TEMPLATE').map((f) => f.message.replace(/ \(.*$/, ''));
    expect(secrets).toEqual([
      'server "gh": env.DD_APP_KEY holds a secret',
      'server "gh": args[4] holds a secret',
      'server "gh": args[7] holds a secret',
      'server "db": headers["X-Api-Key"] holds a secret',
      'server "db": url holds a secret',
    ]);
    expect(r.findings.filter((f) => f.code === 'SECRET_IN_TEMPLATE').every((f) => f.severity === 'error')).toBe(true);
    expect(r.findings.filter((f) => f.code === 'LITERAL_IN_TEMPLATE')).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('server "gh": env.OPAQUE holds a long random-looking literal') })]);
    expect(formatReport(r).join('\n')).not.toContain(CANARY);
    expect(formatReport(r).join('\n')).not.toContain('x7Kq2mP9vL4nR8tBq2Zw');
  });

  it('fails on an unpinned version and on a flag the server does not accept', async () => {
    write('.gitignore', '.mcp.json\n');
    write('.mcp.json', {
      mcpServers: {
        eks: { command: 'uvx', args: ['awslabs.eks-mcp-server@latest', '--region', 'eu-west-1'], env: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1' } },
      },
    });
    const r = await check();
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.severity, f.code, f.fix])).toEqual([
      ['error', 'UNPINNED_VERSION', `pin an exact version: ${EKS}`],
      ['error', 'UNKNOWN_FLAG', 'remove --region (and its value) and set env AWS_REGION and AWS_DEFAULT_REGION instead'],
    ]);
  });

  it('fails on a prod profile in a shared file; warns for a local, ignored one', async () => {
    write('.gitignore', '.mcp.json\n');
    write('.mcp.json', { mcpServers: { eks: { command: 'uvx', args: [EKS], env: { AWS_PROFILE: 'prod-eu', AWS_REGION: 'eu-west-1' } } } });
    let r = await check();
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'warning', code: 'PROD_PROFILE', server: 'eks', file: '.mcp.json' })]);
    expect(r.findings[0]!.message).toMatch(/production profile "prod-eu" \(tagged prod in .*\); local file only/);
    expect((await check({ failOnWarnings: true })).ok).toBe(false);

    write('.cursor/mcp.json', { mcpServers: { eks: { command: 'uvx', args: [EKS], env: { AWS_PROFILE: 'prod-us', AWS_REGION: 'us-east-1' } } } });
    git('add', '.cursor/mcp.json');
    r = await check();
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(expect.arrayContaining(['error PROD_PROFILE .cursor/mcp.json', 'error TRACKED_REAL_CONFIG .cursor/mcp.json']));
  });

  it('warns when a real config is neither tracked nor ignored', async () => {
    write('.vscode/mcp.json', vscodeReal());
    const r = await check();
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'NOT_IGNORED', fix: 'add .vscode/mcp.json to .gitignore (nx g @awsmcp/nx:template writes the lines)' }),
    ]);
  });

  it('finds host files in sub-projects through git', async () => {
    write('apps/web/.vscode/mcp.json', vscodeReal());
    git('add', '-A');
    const r = await check();
    expect(codes(r)).toEqual(['error TRACKED_REAL_CONFIG apps/web/.vscode/mcp.json']);
  });

  it('reports a broken file as a finding and checks the others', async () => {
    write('.vscode/mcp.json.template', '{ "servers": { ');
    write('.mcp.json.template', { mcpServers: { eks: { command: 'uvx', args: ['awslabs.eks-mcp-server'] } } });
    const r = await check();
    expect(new Set(codes(r))).toEqual(new Set(['error UNPINNED_VERSION .mcp.json.template', 'error INVALID_CONFIG .vscode/mcp.json.template']));
    expect(r.findings.find((f) => f.code === 'INVALID_CONFIG')).toMatchObject({ line: 1, column: 16 });
  });

  it('checks extra files and names the ones that are not host files', async () => {
    write('configs/mcp.json', '{}');
    const r = await check({ files: ['configs/mcp.json'] });
    expect(codes(r)).toEqual(['error UNKNOWN_FILE configs/mcp.json']);
  });

  it('says so when the workspace is not a git work tree (shared = everything)', async () => {
    fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
    write('.mcp.json', { mcpServers: { eks: { command: 'uvx', args: [EKS], env: { AWS_PROFILE: 'prod-eu', AWS_REGION: 'eu-west-1' } } } });
    const r = await check();
    expect(r.git).toBe(false);
    expect(codes(r)).toEqual(['error PROD_PROFILE .mcp.json']);
    expect(formatReport(r).at(-1)).toMatch(/not a git work tree, so tracking was not checked$/);
  });

  it('prints one line per finding with file:line:column and the fix, never a secret', async () => {
    write('.vscode/mcp.json', vscodeReal('dev-sandbox', [EKS, '--region', 'eu-west-1']));
    git('add', '-A');
    const lines = formatReport(await check());
    expect(lines).toEqual([
      '.vscode/mcp.json:8:9: error UNKNOWN_FLAG: server "eks": awslabs.eks-mcp-server does not accept --region; the server exits at start. Fix: remove --region (and its value) and set env AWS_REGION and AWS_DEFAULT_REGION instead',
      expect.stringMatching(/^\.vscode\/mcp\.json:\d+:\d+: error TRACKED_REAL_CONFIG: .*\. Fix: git rm --cached \.vscode\/mcp\.json, /),
      'mcp-check: FAILED: 2 errors, 0 warnings; 1 file checked (.vscode/mcp.json)',
    ]);
    expect(lines.join('\n')).not.toContain(CANARY);
  });

  it('the starter-kits catalog is the shape lint reads', () => {
    const eks = lintCatalog().servers.find((s) => s.package === 'awslabs.eks-mcp-server')!;
    expect(eks.version).toBe(findServer('eks')!.version);
    expect(eks.acceptedFlags).toEqual(findServer('eks')!.acceptedFlags);
    expect(eks.rejectsUnknownFlags).toBe(true);
  });
});

describe('check executor', () => {
  const context = () => ({ root, cwd: root, isVerbose: false, projectName: 'ws', targetName: 'mcp-check' }) as unknown as ExecutorContext;
  let out: string[];
  let spies: jest.SpyInstance[];
  let restoreEnv: () => void;

  beforeEach(() => {
    out = [];
    restoreEnv = home.activate();
    spies = [
      jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true)),
      jest.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s)),
      jest.spyOn(console, 'error').mockImplementation((s: string) => void out.push(s)),
    ];
  });
  afterEach(() => {
    spies.forEach((s) => s.mockRestore());
    restoreEnv();
  });

  it('returns success: false with one line per finding', async () => {
    write('.mcp.json', { mcpServers: { eks: { command: 'uvx', args: ['awslabs.eks-mcp-server@latest'], env: { AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: 'eu-west-1' } } } });
    git('add', '-A');
    expect(await checkExecutor({}, context())).toEqual({ success: false });
    expect(out[0]).toMatch(/^\.mcp\.json:\d+:\d+: error UNPINNED_VERSION: .*@latest.*\. Fix: pin an exact version: awslabs\.eks-mcp-server==/);
  });

  it('--json prints the report; outputFile writes it', async () => {
    write('.vscode/mcp.json.template', vscodeTemplate());
    expect(await checkExecutor({ json: true, outputFile: 'tmp/mcp-check.json' }, context())).toEqual({ success: true });
    const printed = JSON.parse(out.join(''));
    expect(printed).toMatchObject({ ok: true, errors: 0, warnings: 0, files: ['.vscode/mcp.json.template'], git: true, findings: [] });
    expect(JSON.parse(fs.readFileSync(path.join(root, 'tmp/mcp-check.json'), 'utf8'))).toEqual(printed);
  });
});
