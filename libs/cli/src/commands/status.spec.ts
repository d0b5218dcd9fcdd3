import * as fs from 'node:fs';
import * as path from 'node:path';
import { StatusOutputSchema } from '../schemas';
import { CANARY, makeHome, run, writeFile } from '../testing/demo-home';

const vscode = (profile: string, extra = '') => `{
  // team servers: keep this comment
  "servers": {
    "eks": { "type": "stdio", "command": "uvx", "args": ["awslabs.eks-mcp-server==0.1.37"], "env": { "AWS_PROFILE": "${profile}", "AWS_REGION": "eu-west-1" } },
    "docs": { "type": "stdio", "command": "uvx", "args": ["awslabs.aws-documentation-mcp-server==1.1.30"] }${extra}
  }
}
`;

describe('awsmcp status', () => {
  it('every server in every host file with its profile, TTL, refresh and fix; legacy files marked', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json', vscode('dev-sandbox'));
    writeFile(t.workspace, '.mcp.json', JSON.stringify({ mcpServers: { api: { command: 'uvx', args: ['awslabs.aws-api-mcp-server==1.5.1'], env: { AWS_API_MCP_PROFILE_NAME: 'granted-prod', AWS_REGION: 'eu-west-1' } } } }));
    writeFile(t.home, '.claude/settings.json', JSON.stringify({ mcpServers: { old: { command: 'uvx', args: ['x'], env: { AWS_PROFILE: 'legacy-analytics' } } } }));
    writeFile(t.workspace, '.cursor/mcp.json', JSON.stringify({ mcpServers: { ghost: { command: 'uvx', args: ['y'], env: { AWS_PROFILE: 'no-such-profile' } } } }));
    const r = await run(t, ['status']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/eks\s+VS Code editor\s+workspace\s+dev-sandbox\s+eu-west-1\s+✓ green [\dhm ]+\s+auto/);
    // the repo-root .mcp.json is read by more hosts than Claude Code: "+N", then who reads it
    expect(r.stdout).toMatch(/api\s+Claude Code \+\d\s+workspace\s+granted-prod\s+eu-west-1\s+✗ red/);
    expect(r.stdout).toMatch(/^\.mcp\.json is read by Claude Code, GitHub Copilot CLI.*, Visual Studio/m);
    expect(r.stdout).toMatch(/old\s+Claude Code \(legacy ~\/\.claude\/settings\.json\)\s+user/);
    expect(r.stdout).toMatch(/✗ red api \(Claude Code, \.mcp\.json:\d+\): run assume granted-prod/);
    expect(r.stdout).toMatch(/ghost \(Cursor, .*\): profile 'no-such-profile' is not in/);
    expect(r.stdout).toMatch(/old \(Claude Code \(legacy ~\/\.claude\/settings\.json\), ~\/\.claude\/settings\.json:\d+\): not read by the host \(a legacy location\): move the server to /);
    // the catalog's deprecations: aws-api-mcp-server is superseded by the managed AWS MCP Server
    expect(r.stdout).toMatch(/Deprecated servers\n! api \(Claude Code, \.mcp\.json:\d+\): superseded by aws-mcp; /);
    expect(r.stdout).not.toMatch(/! eks /);
    const doc = StatusOutputSchema.parse(JSON.parse((await run(t, ['status', '--json'])).stdout));
    expect(doc.servers.find((s) => s.server === 'api')).toMatchObject({ supersededBy: 'aws-mcp', deprecated: expect.stringMatching(/superseded/) });
    expect(r.stdout + r.stderr).not.toContain(CANARY);
  });

  it('a file several hosts read is listed once, with every reader, and linted for each of them (a finding once)', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.mcp.json', JSON.stringify({ mcpServers: { eks: { command: 'uvx', args: ['awslabs.eks-mcp-server@latest'], env: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1' } } } }));
    const doc = StatusOutputSchema.parse(JSON.parse((await run(t, ['status', '--json'])).stdout));
    const file = doc.files.find((f) => f.file.endsWith('.mcp.json'))!;
    expect(file.readBy).toEqual(expect.arrayContaining(['claude-code', 'copilot-cli']));
    expect(doc.servers.filter((s) => s.server === 'eks')).toHaveLength(1);
    expect(doc.servers.find((s) => s.server === 'eks')!.readBy).toEqual(file.readBy);
    const unpinned = doc.audit.filter((a) => a.code === 'UNPINNED_VERSION' && a.server === 'eks');
    expect(unpinned).toHaveLength(1);
  });

  it("Kiro: a variable not on Kiro's approved list reaches the server as literal text — a warning in the audit", async () => {
    const t = makeHome();
    writeFile(t.workspace, '.kiro/settings/mcp.json', JSON.stringify({ mcpServers: { eks: { command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: '${AWS_REGION}' } } } }));
    // without Kiro's list nobody can tell: no finding
    const unknown = StatusOutputSchema.parse(JSON.parse((await run(t, ['status', '--json'])).stdout));
    expect(unknown.audit.filter((a) => a.code === 'UNAPPROVED_VARIABLE')).toEqual([]);
    writeFile(t.home, '.kiro/settings/cli.json', '{ "kiroAgent.mcpApprovedEnvVars": ["AWS_REGION"] }');
    const doc = StatusOutputSchema.parse(JSON.parse((await run(t, ['status', '--json'])).stdout));
    const found = doc.audit.filter((a) => a.code === 'UNAPPROVED_VARIABLE');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', server: 'eks', host: 'kiro', message: expect.stringContaining('${AWS_PROFILE} is not an approved variable'), fix: expect.stringContaining('kiroAgent.mcpApprovedEnvVars') })]);
  });

  it('a credentials file botocore refuses: the banner tops the output (every Python server fails to start)', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json', vscode('dev-sandbox'));
    const credentials = path.join(t.home, '.aws/credentials');
    writeFile(t.home, '.aws/credentials', `aws_access_key_id = AKIAEXAMPLEEXAMPLE12\n[ci-bot]\naws_secret_access_key = ${CANARY}\n`);
    const r = await run(t, ['status']);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(`!!! every Python MCP server on this machine fails to start: ${credentials}:1:1 MissingSectionHeaderError`);
    expect(r.stdout).toMatch(/eks\s+VS Code/);
    expect(r.stdout + r.stderr).not.toContain(CANARY);
    expect(r.stderr).not.toContain('AKIAEXAMPLEEXAMPLE12');
  });

  it('--json follows the schema; --all-hosts lists the files checked', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json', vscode('legacy-analytics'));
    const doc = StatusOutputSchema.parse(JSON.parse((await run(t, ['status', '--json', '--all-hosts'])).stdout));
    expect(doc.servers.map((s) => [s.server, s.profile ?? null, s.light])).toEqual([['eks', 'legacy-analytics', 'amber'], ['docs', null, 'none']]);
    expect(doc.servers[0].fix).toContain('aws sso login --profile legacy-analytics');
    expect(doc.files.length).toBeGreaterThan(5);
    expect(doc.files.find((f) => f.file === path.join(t.workspace, '.vscode/mcp.json'))).toMatchObject({ status: 'ok', servers: 2 });
  });

  it('each server is judged by its own SDK: uvx -> botocore, npx -> the JS SDK', async () => {
    const t = makeHome();
    fs.appendFileSync(path.join(t.home, '.aws/config'), '\n[profile recipe]\nsso_session = acme\nsso_account_id = 111111111111\nsso_role_name = PowerUserAccess\ncredential_process = aws-sso-util credential-process --profile recipe\n');
    writeFile(t.workspace, '.mcp.json', JSON.stringify({ mcpServers: { py: { command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: 'recipe' } }, js: { command: 'npx', args: ['-y', 'some-node-server'], env: { AWS_PROFILE: 'recipe' } } } }));
    const doc = StatusOutputSchema.parse(JSON.parse((await run(t, ['status', '--json'])).stdout));
    expect(doc.servers.find((s) => s.server === 'py')).toMatchObject({ runtime: 'botocore', provider: 'sso' });
    expect(doc.servers.find((s) => s.server === 'js')).toMatchObject({ runtime: 'js-sdk', provider: 'custom-process', state: 'external' });
  });

  it('a broken host file is reported with its line and the other files still show', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json', vscode('dev-sandbox'));
    writeFile(t.workspace, '.cursor/mcp.json', '{ "mcpServers": { "x": ');
    const r = await run(t, ['status']);
    expect(r.stdout).toMatch(/eks\s+VS Code/);
    expect(r.stdout).toMatch(/warning: \.cursor\/mcp\.json:1:\d+: /);
  });

  it('variables are shown as written and resolved where the value can be known', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.mcp.json', JSON.stringify({ mcpServers: { eks: { command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: '${AWS_PROFILE:-staging-eu}', AWS_REGION: 'eu-west-1' } } } }));
    writeFile(t.workspace, '.vscode/mcp.json', JSON.stringify({ servers: { eks: { type: 'stdio', command: 'uvx', args: ['a'], env: { AWS_PROFILE: '${input:awsProfile}' } } } }));
    const doc = StatusOutputSchema.parse(JSON.parse((await run(t, ['status', '--json'])).stdout));
    const claude = doc.servers.find((s) => s.host === 'claude-code')!;
    expect(claude).toMatchObject({ profile: 'staging-eu', profileSetting: '${AWS_PROFILE:-staging-eu}' });
    expect(claude.fix).toMatch(/\(profile the default\)$/);
    const code = doc.servers.find((s) => s.host === 'vscode')!;
    expect(code).toMatchObject({ state: 'variable', profileSetting: '${input:awsProfile}' });
    expect(code.fix).toBe('profile chosen when the host prompts');
  });
});
