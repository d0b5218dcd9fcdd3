/**
 * End to end, the way a user gets @awsmcp/nx: the packages built and packed with `npm pack`, a fresh
 * Nx workspace in a temp folder with nx 23.2.1 and @nx/devkit 23.2.1 from the npm registry and our
 * tarballs, then the real CLI: `nx g @awsmcp/nx:init`, `nx g @awsmcp/nx:kit`, `nx g @awsmcp/nx:template`
 * and `nx run <root>:mcp-check`, asserting on files and exit codes, including failing checks. This
 * proves the packages' `files`, `exports`, `generators.json` and `executors.json` when installed.
 *
 * Needs the npm registry (or a warm ~/.npm cache): when it is unreachable the test fails saying so.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const NX_VERSION = '23.2.1';
const PACKAGES: Record<string, string> = {
  'nx-plugin': 'generators/nx',
  'starter-kits': 'libs/starter-kits',
  'mcp-config-model': 'libs/mcp-config-model',
  'prod-guard': 'libs/prod-guard',
  'aws-config-parser': 'libs/aws-config-parser',
};
const CANARY = 'CANARY-SECRET-e2e-nx-51c0';

const AWS_CONFIG = `[sso-session acme]
sso_start_url = https://acme-e2e.awsapps.com/start
sso_region = eu-west-1

[profile dev-sandbox]
sso_session = acme
sso_account_id = 111111111111
sso_role_name = PowerUserAccess
region = eu-west-1

[profile prod-eu]
sso_session = acme
sso_account_id = 333333333333
sso_role_name = ReadOnlyAccess
region = eu-west-1

[profile ci-keys]
region = us-east-1
`;

let tmp: string;
let ws: string;
let home: string;
const started = Date.now();

/** Only what a child needs from our environment: no NX_* of the Nx run that started this test. */
function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = /^(PATH|TMPDIR|TEMP|TMP|LANG|LC_ALL|USER|LOGNAME|SHELL|SystemRoot|COMSPEC|PATHEXT|NODE_EXTRA_CA_CERTS|https?_proxy|no_proxy|HTTPS?_PROXY|NO_PROXY|npm_config_(registry|cache|proxy|https_proxy|strict_ssl|cafile|userconfig))$/;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (keep.test(k) && v !== undefined) env[k] = v;
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

/** The environment of the nx commands: HOME is the test's own, with its own ~/.aws. */
function nxEnv(): NodeJS.ProcessEnv {
  return baseEnv({ HOME: home, USERPROFILE: home, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true', NX_TUI: 'false', CI: 'true' });
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeout = 120_000): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
}

function out(r: SpawnSyncReturns<string>): string {
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

/** `npx nx ...` in the fresh workspace. */
function nx(...args: string[]): SpawnSyncReturns<string> {
  return run('npx', ['--no-install', 'nx', ...args], ws, nxEnv());
}

function must(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${out(r).slice(-4000)}`);
  return out(r);
}

function read(rel: string): string {
  return fs.readFileSync(path.join(ws, rel), 'utf8');
}

function git(...args: string[]): string {
  return must(run('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', '-c', 'init.defaultBranch=main', ...args], ws, baseEnv({ HOME: home })), `git ${args.join(' ')}`);
}

/** The default npm cache (fast on repeat runs); a cache of the test's own only when that one is unusable. */
function npmCache(): string | undefined {
  const r = run('npm', ['config', 'get', 'cache'], repo, baseEnv({ HOME: os.homedir() }));
  const dir = r.stdout.trim();
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    return undefined;
  } catch {
    return path.join(tmp, 'npm-cache');
  }
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-e2e-nx-'));
  ws = path.join(tmp, 'workspace');
  home = path.join(tmp, 'home');
  const packs = path.join(tmp, 'packs');
  for (const d of [ws, home, packs, path.join(home, '.aws')]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(home, '.aws', 'config'), AWS_CONFIG);
  fs.writeFileSync(path.join(home, '.aws', 'credentials'), `[ci-keys]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${CANARY}\n`);
  fs.writeFileSync(path.join(home, '.aws-profile-tags.yaml'), 'dev-sandbox: dev\nprod-eu: prod\n');

  // 1. build (Nx's dependsOn has done it when this runs as the e2e-nx:test task)
  if (process.env.NX_TASK_TARGET_PROJECT !== 'e2e-nx') {
    must(
      run(process.execPath, [require.resolve('nx/bin/nx', { paths: [repo] }), 'run-many', '-t', 'build', '-p', ...Object.keys(PACKAGES), '--outputStyle=static'], repo, baseEnv({ HOME: os.homedir(), NX_DAEMON: 'false', NX_NO_CLOUD: 'true' }), 240_000),
      `npx nx run-many -t build -p ${Object.keys(PACKAGES).join(',')}`,
    );
  }
  // 2. pack every package
  const tarballs: Record<string, string> = {};
  for (const dir of Object.values(PACKAGES)) {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, dir, 'package.json'), 'utf8')) as { name: string };
    if (!fs.existsSync(path.join(repo, dir, 'dist', 'index.js'))) throw new Error(`${dir}/dist is missing: run npx nx run-many -t build -p ${Object.keys(PACKAGES).join(',')}`);
    const r = must(run('npm', ['pack', '--json', '--pack-destination', packs], path.join(repo, dir), baseEnv({ HOME: os.homedir() })), `npm pack (${dir})`);
    const filename = (JSON.parse(r.slice(r.indexOf('['))) as { filename: string }[])[0]!.filename;
    tarballs[pkg.name] = path.join(packs, path.basename(filename));
  }
  // 3. a fresh workspace: package.json + nx.json, nx from the registry, our tarballs
  fs.writeFileSync(
    path.join(ws, 'package.json'),
    JSON.stringify(
      {
        name: 'e2e-ws',
        version: '0.0.0',
        private: true,
        devDependencies: { nx: NX_VERSION, '@nx/devkit': NX_VERSION, ...Object.fromEntries(Object.entries(tarballs).map(([n, f]) => [n, `file:${f}`])) },
      },
      null,
      2,
    ) + '\n',
  );
  fs.writeFileSync(path.join(ws, 'nx.json'), JSON.stringify({ $schema: './node_modules/nx/schemas/nx-schema.json', neverConnectToCloud: true }, null, 2) + '\n');
  fs.writeFileSync(path.join(ws, 'README.md'), '# e2e workspace\n');
  const cache = npmCache();
  const install = run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', ...(cache ? ['--cache', cache] : [])],
    ws,
    baseEnv({ HOME: os.homedir() }),
    240_000,
  );
  if (install.status !== 0) {
    const text = out(install);
    const network = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network|getaddrinfo|socket hang up/i.test(text);
    throw new Error(
      network
        ? `the npm registry is unreachable: the e2e test installs nx@${NX_VERSION} and @nx/devkit@${NX_VERSION} from it (npm install said:\n${text.slice(-2000)})`
        : `npm install in the fresh workspace failed (exit ${install.status}):\n${text.slice(-4000)}`,
    );
  }
  git('init', '-q');
}, 280_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  // eslint-disable-next-line no-console
  console.log(`e2e-nx: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
});

describe('@awsmcp/nx installed from its tarball in a fresh Nx workspace', () => {
  it('installs only the packed files, and resolves by package name', () => {
    const installed = path.join(ws, 'node_modules/@awsmcp/nx');
    expect(fs.existsSync(path.join(installed, 'src'))).toBe(false);
    for (const f of ['generators.json', 'executors.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/generators/kit/schema.json', 'dist/generators/template/files/docs/__onboardingFile__.template']) {
      expect([f, fs.existsSync(path.join(installed, f))]).toEqual([f, true]);
    }
    const r = must(run(process.execPath, ['-e', "const p = require('@awsmcp/nx'); console.log(typeof p.createNodes[1], typeof p.kitGenerator, require.resolve('@awsmcp/starter-kits'))"], ws, nxEnv()), 'require @awsmcp/nx');
    expect(r).toMatch(/^function function .*node_modules\/@awsmcp\/starter-kits\/dist\/index\.js/);
    const esm = must(run(process.execPath, ['--input-type=module', '-e', "import { checkExecutor, kitGenerator, createNodesV2 } from '@awsmcp/nx'; import { createNodesV2 as light } from '@awsmcp/nx/plugin'; console.log(typeof checkExecutor, typeof kitGenerator, typeof createNodesV2[1], typeof light[1])"], ws, nxEnv()), 'import @awsmcp/nx (ESM)');
    expect(esm.trim()).toBe('function function function function');
  });

  it('init: registers the plugin in nx.json; the root project gets mcp-check', () => {
    must(nx('g', '@awsmcp/nx:init', '--no-cli', '--no-interactive'), 'nx g @awsmcp/nx:init');
    expect(JSON.parse(read('nx.json')).plugins).toEqual(['@awsmcp/nx/plugin']);
    const project = JSON.parse(must(nx('show', 'project', 'e2e-ws', '--json'), 'nx show project'));
    expect(project.targets['mcp-check']).toMatchObject({ executor: '@awsmcp/nx:check' });
  });

  it('kit: refuses a profile that is not in ~/.aws/config, naming the closest', () => {
    const r = nx('g', '@awsmcp/nx:kit', 'eks-debug', '--profile', 'dev-sandbx', '--region', 'eu-west-1', '--yes', '--no-interactive');
    expect(r.status).not.toBe(0);
    expect(out(r)).toMatch(/profile 'dev-sandbx' is not in .*\/\.aws\/config; did you mean 'dev-sandbox'\? Pass an existing --profile/);
  });

  it('kit: a mistyped option is refused by Nx (additionalProperties: false), naming it; --help lists the valid ones', () => {
    // Nx validates options before the generator runs and its message does not list the valid options
    // (nx/src/utils/params.js: "'profil' is not found in schema"); `--help` does, with the aliases
    const r = nx('g', '@awsmcp/nx:kit', 'eks-debug', '--profil', 'dev-sandbox', '--region', 'eu-west-1', '--yes', '--no-interactive');
    expect(r.status).not.toBe(0);
    expect(out(r)).toMatch(/'profil' is not found in schema/);
    expect(fs.existsSync(path.join(ws, '.vscode/mcp.json'))).toBe(false);
    const help = must(nx('g', '@awsmcp/nx:kit', '--help'), 'nx g @awsmcp/nx:kit --help');
    for (const option of ['--profile', '--region', '--hosts', '--mode', '--yes', '--dry-run']) expect(help).toContain(option);
    expect(help).toMatch(/-p\b/);
  });

  it('kit: shows the budget and refuses an over-budget kit without --yes (non-interactive), writing nothing', () => {
    const r = nx('g', '@awsmcp/nx:kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--no-interactive');
    expect(r.status).not.toBe(0);
    expect(out(r)).toMatch(/Context budget for kit 'eks-debug'/);
    expect(out(r)).toMatch(/Re-run with --yes to write it anyway/);
    expect(fs.existsSync(path.join(ws, '.vscode/mcp.json'))).toBe(false);
  });

  it('kit --dry-run shows the files and writes none', () => {
    const r = must(nx('g', '@awsmcp/nx:kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--yes', '--dry-run', '--no-interactive'), 'kit --dry-run');
    expect(r).toMatch(/CREATE \.vscode\/mcp\.json/);
    expect(r).toMatch(/CREATE \.mcp\.json/);
    expect(fs.existsSync(path.join(ws, '.vscode/mcp.json'))).toBe(false);
  });

  it('kit eks-debug --profile dev-sandbox --region eu-west-1 --yes: pinned VS Code and Claude Code configs', () => {
    const r = must(nx('g', '@awsmcp/nx:kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--yes', '--no-interactive'), 'nx g @awsmcp/nx:kit');
    expect(r).toMatch(/\.vscode\/mcp\.json: added eks, cloudwatch/);
    const vscode = JSON.parse(read('.vscode/mcp.json'));
    expect(Object.keys(vscode)).toEqual(['servers']);
    for (const e of Object.values(vscode.servers) as { type: string; args: string[]; env: Record<string, string> }[]) {
      expect(e.type).toBe('stdio');
      expect(e.args[0]).toMatch(/^awslabs\.[a-z-]+-mcp-server==\d+\.\d+\.\d+$/);
      expect(e.env).toEqual({ AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' });
    }
    expect(vscode.servers.eks.args).not.toContain('--region');
    expect(Object.keys(JSON.parse(read('.mcp.json')).mcpServers)).toEqual(['eks', 'cloudwatch']);
    // a second run changes nothing
    const before = read('.vscode/mcp.json') + read('.mcp.json');
    const again = must(nx('g', '@awsmcp/nx:kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--yes', '--no-interactive'), 'kit again');
    expect(again).toMatch(/unchanged eks, cloudwatch/);
    expect(again).not.toMatch(/(CREATE|UPDATE) /);
    expect(read('.vscode/mcp.json') + read('.mcp.json')).toBe(before);
  });

  it('kit: a prod profile needs --confirm', () => {
    const r = nx('g', '@awsmcp/nx:kit', 'cost', '--profile', 'prod-eu', '--yes', '--hosts', 'cursor', '--no-interactive');
    expect(r.status).not.toBe(0);
    expect(out(r)).toMatch(/profile "prod-eu" is production .*Re-run with --confirm/);
    expect(fs.existsSync(path.join(ws, '.cursor/mcp.json'))).toBe(false);
  });

  it('template: placeholder-only templates, .gitignore lines, the onboarding page', () => {
    must(nx('g', '@awsmcp/nx:template', '--no-interactive'), 'nx g @awsmcp/nx:template');
    const vscode = read('.vscode/mcp.json.template');
    const claude = read('.mcp.json.template');
    expect(JSON.parse(vscode).servers.eks.env).toEqual({ AWS_PROFILE: '${input:awsProfile}', AWS_REGION: '${input:awsRegion}', AWS_DEFAULT_REGION: '${input:awsRegion}' });
    expect(JSON.parse(claude).mcpServers.eks.env).toEqual({ AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: '${AWS_REGION}', AWS_DEFAULT_REGION: '${AWS_REGION}' });
    expect(vscode + claude).not.toMatch(/dev-sandbox|\d{12}/);
    expect(read('.gitignore').split('\n')).toEqual(expect.arrayContaining(['.vscode/mcp.json', '!.vscode/mcp.json.template', '.mcp.json', '!.mcp.json.template']));
    expect(read('docs/mcp-onboarding.md')).toContain('npx @awsmcp/cli hydrate --profile <your-profile> --region eu-west-1');
    expect(read('README.md')).toContain('<!-- awsmcp:onboarding:start -->');
  });

  it('mcp-check passes on the committed templates (real configs ignored by git)', () => {
    git('add', '-A');
    const staged = git('diff', '--cached', '--name-only');
    expect(staged).toContain('.vscode/mcp.json.template');
    expect(staged.split('\n')).not.toContain('.vscode/mcp.json');
    const r = nx('run', 'e2e-ws:mcp-check');
    expect([r.status, out(r)]).toEqual([0, expect.stringMatching(/mcp-check: ok: 0 errors, 0 warnings; 4 files checked/)]);
  });

  it('mcp-check fails on an unpinned @latest server in a template, with the line and the fix', () => {
    const file = path.join(ws, '.mcp.json.template');
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, original.replace(/awslabs\.cloudwatch-mcp-server==[\d.]+/, 'awslabs.cloudwatch-mcp-server@latest'));
    try {
      const r = nx('run', 'e2e-ws:mcp-check');
      expect(r.status).not.toBe(0);
      expect(out(r)).toMatch(/\.mcp\.json\.template:\d+:\d+: error UNPINNED_VERSION: server "cloudwatch": awslabs\.cloudwatch-mcp-server is not pinned \(@latest\).*Fix: pin an exact version: awslabs\.cloudwatch-mcp-server==\d/);
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('mcp-check fails when the real .vscode/mcp.json is committed; --json gives the findings', () => {
    git('add', '-f', '.vscode/mcp.json');
    git('commit', '-q', '-m', 'oops');
    const r = nx('run', 'e2e-ws:mcp-check');
    expect(r.status).not.toBe(0);
    expect(out(r)).toMatch(/\.vscode\/mcp\.json:\d+:\d+: error TRACKED_REAL_CONFIG: \.vscode\/mcp\.json is tracked by git and holds real values.*Fix: git rm --cached \.vscode\/mcp\.json/);

    const j = nx('run', 'e2e-ws:mcp-check', '--json', '--outputFile=tmp/mcp-check.json');
    expect(j.status).not.toBe(0);
    const report = JSON.parse(read('tmp/mcp-check.json'));
    expect(report).toMatchObject({ ok: false, git: true });
    expect(report.findings.map((f: { code: string; file: string }) => `${f.code} ${f.file}`)).toContain('TRACKED_REAL_CONFIG .vscode/mcp.json');
    expect(out(j)).toContain('"TRACKED_REAL_CONFIG"');
  });

  it('never shows a secret of the credentials file', () => {
    const all = [nx('g', '@awsmcp/nx:kit', 'deploy', '--profile', 'ci-keys', '--yes', '--dry-run', '--no-interactive'), nx('run', 'e2e-ws:mcp-check')].map(out).join('\n');
    expect(all).not.toContain(CANARY);
    expect(all).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });
});
