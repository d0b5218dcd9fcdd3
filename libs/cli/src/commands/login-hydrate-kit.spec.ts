import * as fs from 'node:fs';
import * as path from 'node:path';
import { HydrateOutputSchema, KitOutputSchema, LoginOutputSchema } from '../schemas';
import { CANARY, makeHome, markInstalled, run, writeFile } from '../testing/demo-home';

describe('awsmcp login', () => {
  it.each([
    ['dev-sandbox', 'aws sso login --sso-session acme'],
    ['legacy-analytics', 'aws sso login --profile legacy-analytics'],
    ['granted-prod', 'assume granted-prod'],
    ['console-login', 'aws login --profile console-login'],
    ['security-audit', 'aws sso login --sso-session acme'],
  ])('%s -> %s', async (profile, command) => {
    const t = makeHome();
    const r = await run(t, ['login', profile]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(command);
    const doc = LoginOutputSchema.parse(JSON.parse((await run(t, ['login', profile, '--json'])).stdout));
    expect(doc.loginCommand).toBe(command);
  });

  it('names the source first for a role chain, and has no login flow for static keys', async () => {
    const t = makeHome();
    expect((await run(t, ['login', 'security-audit'])).stderr).toContain('security-audit assumes a role from dev-sandbox: log in to the source first');
    const r = await run(t, ['login', 'ci-bot']);
    expect(r.stdout).toContain('no login command for ci-bot (static): long-lived keys: rotate');
    expect(r.stdout + r.stderr).not.toContain(CANARY);
  });

  it('--exec runs the command without a shell, then shows the profile status', async () => {
    const t = makeHome();
    // a fake `aws` on PATH that records its arguments
    const bin = path.join(t.workspace, 'bin');
    writeFile(bin, 'aws', `#!/bin/sh\necho "$@" > "${path.join(t.workspace, 'aws-args')}"\n`);
    fs.chmodSync(path.join(bin, 'aws'), 0o755);
    const r = await run(t, ['login', 'legacy-analytics', '--exec', '--json'], { env: { PATH: `${bin}:${process.env.PATH}` } });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(t.workspace, 'aws-args'), 'utf8').trim()).toBe('sso login --profile=legacy-analytics'); // one argv element: a profile name never becomes an option
    expect(LoginOutputSchema.parse(JSON.parse(r.stdout)).after!.light).toBe('amber');
    const missing = await run(t, ['login', 'granted-prod', '--exec'], { env: { PATH: bin } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('assume is not installed');
  });
});

const TEMPLATE = `{
  // committed template: no real profile names
  "servers": {
    "eks": { "type": "stdio", "command": "uvx", "args": ["awslabs.eks-mcp-server==0.1.37"], "env": { "AWS_PROFILE": "\${AWS_PROFILE}", "AWS_REGION": "\${AWS_REGION}" } }
  }
}
`;

describe('awsmcp hydrate', () => {
  it('turns the template into the real file with flags or environment values, validated and atomic', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json.template', TEMPLATE);
    markInstalled(t, 'vscode'); // hydrate writes only to installed hosts by default
    const r = await run(t, ['hydrate', '--profile', 'dev-sandbox', '--region', 'eu-west-1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote \.vscode\/mcp\.json \(VS Code editor, from mcp\.json\.template; AWS_PROFILE, AWS_REGION\)/);
    const text = fs.readFileSync(path.join(t.workspace, '.vscode/mcp.json'), 'utf8');
    expect(text).toContain('"env": { "AWS_PROFILE": "dev-sandbox", "AWS_REGION": "eu-west-1" }');
    expect(text).toContain('// committed template: no real profile names');
    const fromEnv = makeHome();
    // Cursor reads plain JSON: no comments in its template
    writeFile(fromEnv.workspace, '.cursor/mcp.json.template', TEMPLATE.replace('"servers"', '"mcpServers"').replace('"type": "stdio", ', '').replace(/ *\/\/.*\n/, ''));
    markInstalled(fromEnv, 'cursor'); // hydrate writes only to installed hosts by default
    const doc = HydrateOutputSchema.parse(JSON.parse((await run(fromEnv, ['hydrate', '--json'], { env: { AWS_PROFILE: 'staging-eu', AWS_REGION: 'eu-central-1' } })).stdout));
    expect(doc.files[0]).toMatchObject({ host: 'cursor', changed: true, variables: ['AWS_PROFILE', 'AWS_REGION'] });
  });

  it('reports every missing value at once and writes nothing', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json.template', TEMPLATE);
    markInstalled(t, 'vscode'); // hydrate writes only to installed hosts by default
    const r = await run(t, ['hydrate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing values for AWS_PROFILE, AWS_REGION: nothing was written');
    expect(r.stderr).toContain('pass --profile P --region R');
    expect(fs.existsSync(path.join(t.workspace, '.vscode/mcp.json'))).toBe(false);
  });

  it('refuses to overwrite hand edits unless --force; re-hydrating its own output is fine', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json.template', TEMPLATE);
    markInstalled(t, 'vscode'); // hydrate writes only to installed hosts by default
    expect((await run(t, ['hydrate', '--profile', 'dev-sandbox', '--region', 'eu-west-1'])).code).toBe(0);
    expect((await run(t, ['hydrate', '--profile', 'staging-eu', '--region', 'eu-west-1'])).code).toBe(0);
    const file = path.join(t.workspace, '.vscode/mcp.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('// committed', '// my own note'));
    const refused = await run(t, ['hydrate', '--profile', 'dev-sandbox', '--region', 'eu-west-1']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('.vscode/mcp.json has changes that did not come from its template');
    expect(fs.readFileSync(file, 'utf8')).toContain('// my own note');
    const forced = await run(t, ['hydrate', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`backup: ${path.join(t.home, '.local/state/awsmcp/backups')}`);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.bak'))).toEqual([]);
    const records = path.join(t.home, '.cache/awsmcp/hydrated.json');
    expect(fs.statSync(records).mode & 0o777).toBe(0o600);
  });

  it('a prod profile needs --confirm', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json.template', TEMPLATE);
    markInstalled(t, 'vscode'); // hydrate writes only to installed hosts by default
    expect((await run(t, ['hydrate', '--profile', 'prod-eu', '--region', 'eu-west-1'])).code).toBe(3);
    expect((await run(t, ['hydrate', '--profile', 'prod-eu', '--region', 'eu-west-1', '--confirm'])).code).toBe(0);
  });
});

describe('awsmcp kit --list', () => {
  it('lists the kits and marks deprecated servers with their successor (text and --json)', async () => {
    const t = makeHome();
    writeFile(t.workspace, 'awsmcp-kits.yaml', 'kits:\n  old-api:\n    description: the old way\n    servers: [aws-api, ccapi]\n');
    const r = await run(t, ['kit', '--list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/deploy\s+aws-mcp, serverless/);
    expect(r.stdout).toMatch(/knowledge\s+aws-documentation, bedrock-kb, aws-knowledge/);
    expect(r.stdout).toContain('! aws-api is deprecated: use aws-mcp');
    expect(r.stdout).toContain('! ccapi is deprecated: use iac');
    const doc = KitOutputSchema.parse(JSON.parse((await run(t, ['kit', '--list', '--json'])).stdout));
    expect(doc.kits!.find((k) => k.name === 'old-api')!.deprecated!.map((d) => [d.server, d.supersededBy])).toEqual([['aws-api', 'aws-mcp'], ['ccapi', 'iac']]);
    expect(doc.kits!.find((k) => k.name === 'deploy')!.deprecated).toBeUndefined();
  });

  it('a remote server for a host that takes only local servers: usage error naming the alternatives, nothing written', async () => {
    const t = makeHome();
    const r = await run(t, ['kit', 'knowledge', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--hosts', 'claude-desktop', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("includes the remote server 'aws-knowledge'");
    expect(r.stderr).toContain('hosts that take remote servers: vscode, claude-code, cursor, kiro, amazonq');
    expect(fs.readdirSync(t.workspace).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('awsmcp kit', () => {
  it('shows the budget first and refuses over budget without a terminal unless --yes', async () => {
    const t = makeHome();
    const r = await run(t, ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^eks-debug: context budget\n {2}eks +9685 tokens {2}measured, 16 tools/);
    expect(r.stdout).toContain('aws eks list-clusters --profile dev-sandbox --region eu-west-1');
    expect(r.stderr).toContain('pass --yes to write it anyway');
    expect(fs.existsSync(path.join(t.workspace, '.vscode/mcp.json'))).toBe(false);
  });

  it('writes pinned entries for VS Code and Claude Code, merging into existing files with comments kept', async () => {
    const t = makeHome();
    writeFile(t.workspace, '.vscode/mcp.json', '{\n  // ours\n  "servers": {\n    "mine": { "type": "stdio", "command": "node", "args": ["x.js"] }\n  }\n}\n');
    const r = await run(t, ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--yes', '--hosts', 'vscode,claude-code', '--json']);
    expect(r.code).toBe(0);
    const doc = KitOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.files!.map((f) => [f.host, f.added])).toEqual([['vscode', ['eks', 'cloudwatch']], ['claude-code', ['eks', 'cloudwatch']]]);
    const vscode = fs.readFileSync(path.join(t.workspace, '.vscode/mcp.json'), 'utf8');
    expect(vscode).toContain('// ours');
    expect(vscode).toContain('"mine": { "type": "stdio", "command": "node", "args": ["x.js"] }');
    const parsed = JSON.parse(vscode.replace('// ours', ''));
    expect(parsed.servers.eks).toMatchObject({ type: 'stdio', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1' } });
    expect(JSON.parse(fs.readFileSync(path.join(t.workspace, '.mcp.json'), 'utf8')).mcpServers.cloudwatch.args).toEqual(['awslabs.cloudwatch-mcp-server==0.1.8']);
    // running again changes nothing
    const again = KitOutputSchema.parse(JSON.parse((await run(t, ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--yes', '--json'])).stdout));
    expect(again.files!.every((f) => !f.changed)).toBe(true);
  });

  it('--mode inputs writes VS Code inputs and ${AWS_PROFILE:-default} for Claude Code: no real profile name', async () => {
    const t = makeHome();
    const r = await run(t, ['kit', 'cost', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--mode', 'inputs', '--yes']);
    expect(r.code).toBe(0);
    const vscode = fs.readFileSync(path.join(t.workspace, '.vscode/mcp.json'), 'utf8');
    const claude = fs.readFileSync(path.join(t.workspace, '.mcp.json'), 'utf8');
    expect(vscode).toContain('${input:awsProfile}');
    expect(JSON.parse(vscode).inputs.map((i: { id: string }) => i.id)).toEqual(['awsProfile', 'awsRegion']);
    // one workflow with the Nx generator (planKit): Claude Code gets defaults, so an unset variable does not fail the config
    expect(claude).toContain('"AWS_PROFILE": "${AWS_PROFILE:-default}"');
    expect(claude).toContain('"AWS_REGION": "${AWS_REGION:-eu-west-1}"');
    for (const text of [vscode, claude]) {
      expect(text).not.toContain('dev-sandbox');
      expect(text).not.toContain('111111111111');
    }
  });

  it('errors: unknown kit lists the kits, unknown profile names the closest, prod needs --confirm', async () => {
    const t = makeHome();
    const unknown = await run(t, ['kit', 'eks-debg', '--profile', 'dev-sandbox', '--region', 'eu-west-1']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown kit 'eks-debg'; valid kits: eks-debug, observe, knowledge, deploy, cost");
    const badProfile = await run(t, ['kit', 'cost', '--profile', 'dev-sandbx', '--region', 'eu-west-1']);
    expect(badProfile.stderr).toContain("did you mean 'dev-sandbox'");
    expect((await run(t, ['kit', 'cost', '--profile', 'dev-sandbx', '--region', 'eu-west-1', '--no-validate-profile', '--yes'])).code).toBe(0);
    const prod = await run(t, ['kit', 'cost', '--profile', 'prod-eu', '--region', 'eu-west-1', '--yes']);
    expect(prod.code).toBe(3);
  });

  it('plans every host file first: a broken or read-only third file means nothing is written', async () => {
    const t = makeHome();
    const cursor = writeFile(t.workspace, '.cursor/mcp.json', '{ "mcpServers": { "x": { "command": "node" } } } trailing');
    const args = ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--yes', '--hosts', 'vscode,claude-code,cursor'];
    const r = await run(t, args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(cursor);
    expect(fs.existsSync(path.join(t.workspace, '.vscode/mcp.json'))).toBe(false);
    expect(fs.existsSync(path.join(t.workspace, '.mcp.json'))).toBe(false);
    fs.writeFileSync(cursor, '{ "mcpServers": {} }\n');
    fs.chmodSync(cursor, 0o444);
    const ro = await run(t, args);
    expect(ro.code).toBe(1);
    expect(ro.stderr).toMatch(/read-only \(mode 0444\)/);
    expect(fs.existsSync(path.join(t.workspace, '.vscode/mcp.json'))).toBe(false);
    fs.chmodSync(cursor, 0o644);
    expect((await run(t, args)).code).toBe(0);
    expect(fs.readdirSync(t.workspace).filter((f) => f.includes('.bak'))).toEqual([]);
  });

  it('a dangling symlink is refused: kit creates no file where it points', async () => {
    const t = makeHome();
    const elsewhere = path.join(path.dirname(t.workspace), 'elsewhere', 'planted.json');
    fs.symlinkSync(elsewhere, path.join(t.workspace, '.mcp.json'));
    const r = await run(t, ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--yes', '--hosts', 'vscode,claude-code']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not exist/);
    expect(fs.existsSync(elsewhere)).toBe(false);
    expect(fs.existsSync(path.join(t.workspace, '.vscode/mcp.json'))).toBe(false);
  });

  it('a workspace .mcp.json that links to ~/.claude.json is user scope for the prod guard', async () => {
    const t = makeHome();
    const user = path.join(t.home, '.claude.json');
    fs.writeFileSync(user, '{ "mcpServers": {} }\n');
    fs.symlinkSync(user, path.join(t.workspace, '.mcp.json'));
    const r = await run(t, ['kit', 'cost', '--profile', 'prod-eu', '--region', 'eu-west-1', '--yes', '--confirm', '--hosts', 'claude-code']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/user-scope/);
    expect(fs.readFileSync(user, 'utf8')).toBe('{ "mcpServers": {} }\n');
  });

  it('without --hosts: the hosts the workspace uses (the same rule as the Nx generator); a folder alone counts when the host is installed', async () => {
    const t = makeHome();
    fs.mkdirSync(path.join(t.workspace, '.cursor'));
    writeFile(t.workspace, '.kiro/settings/mcp.json', '{ "mcpServers": {} }\n');
    const args = ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--yes', '--dry-run', '--json'];
    const hostsOf = async () => KitOutputSchema.parse(JSON.parse((await run(t, args, { env: { PATH: '' } })).stdout)).files!.map((f) => f.host);
    expect(await hostsOf()).toEqual(['kiro']); // Cursor is not installed in the temp home
    fs.mkdirSync(path.join(t.home, '.cursor'));
    expect(await hostsOf()).toEqual(['cursor', 'kiro']);
  });

  it('--multi-account: one instance per prod-tagged profile', async () => {
    const t = makeHome({ tags: 'prod-eu: prod\nprod-us: prod\n' });
    const r = await run(t, ['kit', 'eks-debug', '--multi-account', '--yes', '--confirm', '--hosts', 'claude-code', '--json']);
    expect(r.code).toBe(0);
    const doc = KitOutputSchema.parse(JSON.parse(r.stdout));
    expect(doc.files![0].added).toEqual(['eks-prod-eu', 'eks-prod-us', 'cloudwatch-prod-eu', 'cloudwatch-prod-us']);
  });
});
