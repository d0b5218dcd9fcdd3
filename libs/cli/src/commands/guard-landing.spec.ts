/**
 * Issue 15, items 3, 4 and 17: the prod guard judges the profile that ends up in the file, hydrate
 * fills no secret, a terminal gets a real prompt, kit --multi-account makes safe names and leaves
 * out profiles an MCP server cannot use.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../program';
import { HydrateOutputSchema, KitOutputSchema } from '../schemas';
import { CANARY, makeHome, markInstalled, run, writeFile, type TempEnv } from '../testing/demo-home';

/** Run in-process on a "terminal": stdout and stdin are TTYs and stdin holds `answers`. */
async function runTty(t: TempEnv, argv: string[], answers: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    env: t.env,
    cwd: t.workspace,
    io: {
      stdout: { write: (s: string | Uint8Array) => (stdout += String(s)), isTTY: true, columns: 120 },
      stderr: { write: (s: string | Uint8Array) => (stderr += String(s)), isTTY: true },
      stdinIsTTY: true,
      stdin: Readable.from(answers.map((a) => a + '\n')),
    },
  });
  return { code, stdout, stderr };
}

jest.setTimeout(60_000);

const template = (env: Record<string, string>, args: string[] = ['awslabs.eks-mcp-server==0.1.37']) =>
  JSON.stringify({ mcpServers: { eks: { command: 'uvx', args, env } } }, null, 2) + '\n';

const target = (t: TempEnv) => path.join(t.workspace, '.mcp.json');

describe('hydrate: the prod guard on every profile that lands (item 3)', () => {
  it.each([
    ['--set AWS_PROFILE=prod-eu', template({ AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: '${AWS_REGION}' }), ['--set', 'AWS_PROFILE=prod-eu', '--region', 'eu-west-1']],
    ['a template default ${AWS_PROFILE:-prod-eu}', template({ AWS_PROFILE: '${AWS_PROFILE:-prod-eu}', AWS_REGION: 'eu-west-1' }), []],
    ['a literal prod profile', template({ AWS_PROFILE: 'prod-eu', AWS_REGION: '${AWS_REGION}' }), ['--region', 'eu-west-1']],
    ['another variable (--set PROFILE=)', template({ AWS_PROFILE: '${PROFILE}', AWS_REGION: 'eu-west-1' }), ['--set', 'PROFILE=prod-eu']],
    ['AWS_API_MCP_PROFILE_NAME', template({ AWS_API_MCP_PROFILE_NAME: '${AWS_API_MCP_PROFILE_NAME}', AWS_REGION: 'eu-west-1' }, ['awslabs.aws-api-mcp-server==1.5.1']), ['--set', 'AWS_API_MCP_PROFILE_NAME=prod-eu']],
    ['a --profile argument', template({ AWS_REGION: 'eu-west-1' }, ['awslabs.prometheus-mcp-server==0.2.20', '--profile', '${AWS_PROFILE}']), ['--profile', 'prod-eu']],
    ['a glued prod name in another profile variable', template({ EKS_PROFILE: '${EKS_PROFILE}', AWS_REGION: 'eu-west-1' }), ['--set', 'EKS_PROFILE=acmeprod']],
  ])('%s: refused (exit 3) without a confirmation, nothing written', async (_what, text, flags) => {
    const t = makeHome();
    writeFile(t.workspace, '.mcp.json.template', text);
    markInstalled(t, 'claude-code'); // hydrate writes only to installed hosts by default
    const r = await run(t, ['hydrate', ...flags]);
    expect(r.stderr).toMatch(/is production/);
    expect(r.code).toBe(3);
    expect(fs.existsSync(target(t))).toBe(false);
    expect((await run(t, ['hydrate', ...flags, '--confirm'])).code).toBe(0);
    expect(fs.existsSync(target(t))).toBe(true);
  });

  it('a literal prod profile with --allow-write is refused even with --confirm', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.mcp.json.template', template({ AWS_PROFILE: 'prod-eu', AWS_REGION: 'eu-west-1' }, ['awslabs.eks-mcp-server==0.1.37', '--allow-write']));
    markInstalled(t, 'claude-code'); // hydrate writes only to installed hosts by default
    const r = await run(t, ['hydrate', '--confirm']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('enables writes (--allow-write)');
    expect(fs.existsSync(target(t))).toBe(false);
  });

  it('a non-prod profile lands without a question', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.mcp.json.template', template({ AWS_PROFILE: '${AWS_PROFILE:-dev-sandbox}', AWS_REGION: 'eu-west-1' }));
    markInstalled(t, 'claude-code'); // hydrate writes only to installed hosts by default
    expect((await run(t, ['hydrate'])).code).toBe(0);
  });

  it('in a terminal, asks: typing the profile name confirms, anything else refuses', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.mcp.json.template', template({ AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: 'eu-west-1' }));
    markInstalled(t, 'claude-code'); // hydrate writes only to installed hosts by default
    const no = await runTty(t, ['hydrate', '--profile', 'prod-eu'], ['y']);
    expect(no.stderr).toContain('Type the profile name (prod-eu) to confirm production');
    expect(no.code).toBe(3);
    expect(no.stderr).toContain('not confirmed');
    expect(fs.existsSync(target(t))).toBe(false);
    const yes = await runTty(t, ['hydrate', '--profile', 'prod-eu'], ['prod-eu']);
    expect(yes.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(target(t), 'utf8')).mcpServers.eks.env.AWS_PROFILE).toBe('prod-eu');
  });
});

describe('hydrate: never a secret name (item 4)', () => {
  it('a template naming ${AWS_SECRET_ACCESS_KEY} does not get live keys from the environment: a clear error, nothing written', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.mcp.json.template', template({ AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: '${AWS_ACCESS_KEY_ID}', AWS_SECRET_ACCESS_KEY: '${AWS_SECRET_ACCESS_KEY}' }));
    markInstalled(t, 'claude-code'); // hydrate writes only to installed hosts by default
    const r = await run(t, ['hydrate', '--profile', 'dev-sandbox'], { env: { AWS_ACCESS_KEY_ID: 'AKIACANARY0000000009', AWS_SECRET_ACCESS_KEY: CANARY } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the template asks for AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, static AWS credentials; hydrate never puts AWS keys into a host file');
    expect(r.stdout + r.stderr).not.toContain(CANARY);
    expect(fs.existsSync(target(t))).toBe(false);
  });

  it('other secrets stay placeholders for the host; undeclared names are not read from the environment', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.mcp.json.template', template({ AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: 'eu-west-1', GITHUB_TOKEN: '${GITHUB_TOKEN}', HOME_DIR: '${HOME}' }));
    markInstalled(t, 'claude-code'); // hydrate writes only to installed hosts by default
    const r = await run(t, ['hydrate', '--profile', 'dev-sandbox', '--json'], { env: { GITHUB_TOKEN: CANARY } });
    expect(r.code).toBe(0);
    const written = fs.readFileSync(target(t), 'utf8');
    expect(written).not.toContain(CANARY);
    expect(JSON.parse(written).mcpServers.eks.env).toEqual({ AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1', GITHUB_TOKEN: '${GITHUB_TOKEN}', HOME_DIR: '${HOME}' });
    expect(HydrateOutputSchema.parse(JSON.parse(r.stdout)).files[0]!.left).toEqual(['GITHUB_TOKEN', 'HOME']);
  });

  it('_hydrate and --var declare more names; a secret name there, in --var or in --set is refused', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.mcp.json.template', JSON.stringify({ _hydrate: ['CLUSTER'], mcpServers: { eks: { command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: 'eu-west-1', CLUSTER: '${CLUSTER}', TEAM: '${TEAM}' } } } }));
    markInstalled(t, 'claude-code'); // hydrate writes only to installed hosts by default
    expect((await run(t, ['hydrate', '--profile', 'dev-sandbox', '--var', 'TEAM'], { env: { CLUSTER: 'c1', TEAM: 'blue' } })).code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(target(t), 'utf8'));
    expect(doc._hydrate).toBeUndefined();
    expect(doc.mcpServers.eks.env).toMatchObject({ CLUSTER: 'c1', TEAM: 'blue' });
    for (const flags of [['--var', 'GITHUB_TOKEN'], ['--set', `DD_APP_KEY=${CANARY}`]]) {
      const r = await run(t, ['hydrate', '--profile', 'dev-sandbox', '--force', ...flags]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/(GITHUB_TOKEN|DD_APP_KEY) is a secret; hydrate never writes a secret into a file/);
      expect(r.stderr).not.toContain(CANARY);
    }
    writeFile(t.workspace, '.mcp.json.template', JSON.stringify({ _hydrate: ['DB_PASSWORD'], mcpServers: {} }));
    markInstalled(t, 'claude-code'); // hydrate writes only to installed hosts by default
    const declared = await run(t, ['hydrate', '--profile', 'dev-sandbox', '--force']);
    expect(declared.code).toBe(1);
    expect(declared.stderr).toContain('DB_PASSWORD is a secret');
  });
});

describe('hydrate: says what it did (item 17)', () => {
  it('never says "nothing was written" after writing a file: every template is checked before any is written', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.mcp.json.template', template({ AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: 'eu-west-1' }));
    markInstalled(t, 'claude-code'); // hydrate writes only to installed hosts by default
    writeFile(t.workspace, '.cursor/mcp.json.template', template({ AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: 'eu-west-1', CLUSTER: '${CLUSTER}' }).replace('{\n', '{\n  "_hydrate": ["CLUSTER"],\n'));
    markInstalled(t, 'cursor'); // hydrate writes only to installed hosts by default
    const r = await run(t, ['hydrate', '--profile', 'dev-sandbox']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing value for CLUSTER: nothing was written/);
    expect(fs.existsSync(target(t))).toBe(false);
    expect(fs.existsSync(path.join(t.workspace, '.cursor/mcp.json'))).toBe(false);
    const ok = await run(t, ['hydrate', '--profile', 'dev-sandbox', '--set', 'CLUSTER=c1']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/wrote \.mcp\.json/);
    expect(ok.stdout).toMatch(/wrote \.cursor\/mcp\.json/);
    expect(ok.stdout + ok.stderr).not.toMatch(/nothing was written/);
  });
});

const SWITCH_FILE = JSON.stringify(
  {
    servers: {
      prom: { type: 'stdio', command: 'uvx', args: ['awslabs.prometheus-mcp-server==0.2.20', '--profile', 'prod-eu', '--region=eu-west-1'], env: { AWS_PROFILE: 'prod-eu', AWS_REGION: 'eu-west-1' } },
      eks: { type: 'stdio', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: 'prod-eu', AWS_REGION: 'eu-west-1' } },
    },
  },
  null,
  2,
);

describe('switch judges the profile that ends up in the file (item 17)', () => {
  it('switching away from prod needs no confirmation (the old --profile argument is not judged)', async () => {
    const t = makeHome();
    const file = writeFile(t.workspace, '.vscode/mcp.json', SWITCH_FILE);
    const r = await run(t, ['switch', 'dev-sandbox']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(doc.servers.prom.args).toEqual(['awslabs.prometheus-mcp-server==0.2.20', '--profile', 'dev-sandbox', '--region=eu-west-1']);
    expect(doc.servers.eks.env.AWS_PROFILE).toBe('dev-sandbox');
  });

  it('switching to prod: refused without a terminal (exit 3); in a terminal a real prompt, asked once', async () => {
    const t = makeHome();
    const file = writeFile(t.workspace, '.vscode/mcp.json', SWITCH_FILE.replace(/prod-eu/g, 'dev-sandbox'));
    const refused = await run(t, ['switch', 'prod-eu']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('there is no terminal to confirm it on');
    expect(fs.readFileSync(file, 'utf8')).not.toContain('prod-eu');
    const declined = await runTty(t, ['switch', 'prod-eu'], ['']);
    expect(declined.code).toBe(3);
    expect(declined.stderr).toContain('Type the profile name (prod-eu) to confirm production');
    expect(declined.stderr).not.toContain('answer the prompt');
    expect(fs.readFileSync(file, 'utf8')).not.toContain('prod-eu');
    const confirmed = await runTty(t, ['switch', 'prod-eu'], ['prod-eu']);
    expect(confirmed.code).toBe(0);
    expect(confirmed.stderr.match(/Type the profile name/g)).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).servers.eks.env.AWS_PROFILE).toBe('prod-eu');
  });
});

describe('kit (item 17)', () => {
  it('in a terminal, prod gets a real prompt instead of "answer the prompt" and exit 3', async () => {
    const t = makeHome();
    const r = await runTty(t, ['kit', 'cost', '--profile', 'prod-eu', '--region', 'eu-west-1', '--yes', '--hosts', 'claude-code'], ['prod-eu']);
    expect(r.stderr).toContain('Type the profile name (prod-eu) to confirm production');
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(t.workspace, '.mcp.json'), 'utf8')).toContain('prod-eu');
  });

  it('--multi-account: safe server names (no /), MFA-only and broken profiles left out with the reason', async () => {
    const t = makeHome({ tags: 'prod-eu: prod\nacme/prod-us: prod\nprod-deployer: prod\nghost-prod: prod\n' });
    fs.appendFileSync(path.join(t.home, '.aws/config'), '\n[profile acme/prod-us]\nsso_session = acme\nsso_account_id = 333333333333\nsso_role_name = ReadOnlyAccess\nregion = us-east-1\n');
    const r = await run(t, ['kit', 'eks-debug', '--multi-account', '--yes', '--confirm', '--hosts', 'claude-code', '--json']);
    expect(r.code).toBe(0);
    const doc = KitOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.files![0]!.added).toEqual(['eks-prod-eu', 'eks-acme-prod-us', 'cloudwatch-prod-eu', 'cloudwatch-acme-prod-us']);
    for (const name of Object.keys(JSON.parse(fs.readFileSync(path.join(t.workspace, '.mcp.json'), 'utf8')).mcpServers)) expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(doc.skippedProfiles).toEqual([
      { profile: 'prod-deployer', reason: 'needs MFA (mfa_serial in profile prod-deployer): an MCP server cannot answer the MFA prompt' },
      { profile: 'ghost-prod', reason: expect.stringMatching(/^not in .*\.aws\/config$/) },
    ]);
    const text = await run(t, ['kit', 'eks-debug', '--multi-account', '--yes', '--confirm', '--hosts', 'claude-code', '--dry-run']);
    expect(text.stderr).toContain('skipped profile prod-deployer: needs MFA');
  });
});
