import { hydrate, parseHostConfig } from '@awsmcp/mcp-config-model';
import { useGeneratorSandbox } from '../../__fixtures__/sandbox';
import { changedSince, contents } from '../../__fixtures__/tree';
import { kitGenerator } from '../kit/generator';
import { templateGenerator } from './generator';

const sb = useGeneratorSandbox();

const kit = (extra: Record<string, unknown> = {}) => kitGenerator(sb.tree, { name: 'eks-debug', profile: 'dev-sandbox', region: 'eu-west-1', yes: true, ...extra });

function value(file: string, host: 'vscode' | 'claude-code'): Record<string, Record<string, Record<string, unknown>>> {
  return parseHostConfig(sb.tree.read(file, 'utf-8')!, { file, host, strict: true }).value as Record<string, Record<string, Record<string, unknown>>>;
}

describe('template generator', () => {
  it('templates the real configs: host variables, no profile name, no account id; .gitignore; onboarding', async () => {
    await kit();
    const before = contents(sb.tree);
    await templateGenerator(sb.tree, {});
    const written = changedSince(sb.tree, before);
    expect(Object.keys(written).sort()).toEqual(['.gitignore', '.mcp.json.template', '.vscode/mcp.json.template', 'docs/mcp-onboarding.md']);
    expect(written).toMatchSnapshot();

    const all = Object.values(written).join('\n');
    expect(all).not.toMatch(/dev-sandbox|\d{12}|_account/);

    const vscode = value('.vscode/mcp.json.template', 'vscode');
    expect(vscode.servers!.eks).toMatchObject({ type: 'stdio', env: { AWS_PROFILE: '${input:awsProfile}', AWS_REGION: '${input:awsRegion}', AWS_DEFAULT_REGION: '${input:awsRegion}' } });
    expect((vscode.inputs as unknown as { id: string }[]).map((i) => i.id)).toEqual(['awsProfile', 'awsRegion']);
    const claude = value('.mcp.json.template', 'claude-code');
    expect(claude.mcpServers!.eks!.env).toEqual({ AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: '${AWS_REGION}', AWS_DEFAULT_REGION: '${AWS_REGION}' });

    // the template hydrates back to the real config (minus the local account note)
    const hydrated = hydrate(sb.tree.read('.mcp.json.template', 'utf-8')!, { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' }, 'claude-code');
    const real = value('.mcp.json', 'claude-code').mcpServers!;
    for (const e of Object.values(real)) delete e._account;
    expect(JSON.parse(hydrated).mcpServers).toEqual(real);

    const gitignore = sb.tree.read('.gitignore', 'utf-8')!.split('\n');
    expect(gitignore).toEqual(expect.arrayContaining(['.vscode/mcp.json', '!.vscode/mcp.json.template', '.mcp.json', '!.mcp.json.template']));
    expect(sb.tree.read('docs/mcp-onboarding.md', 'utf-8')).toContain('npx @awsmcp/cli hydrate --profile <your-profile> --region eu-west-1');
  });

  it('is idempotent: a second run changes nothing', async () => {
    await kit();
    sb.tree.write('README.md', '# My workspace\n');
    await templateGenerator(sb.tree, {});
    const first = contents(sb.tree);
    await templateGenerator(sb.tree, {});
    expect(contents(sb.tree)).toEqual(first);
    expect(sb.tree.read('README.md', 'utf-8')!.match(/awsmcp:onboarding:start/g)).toHaveLength(1);
  });

  it('adds a README section linking the onboarding page, or the whole snippet with --onboarding readme', async () => {
    await kit({ hosts: 'claude-code' });
    sb.tree.write('README.md', '# My workspace\n\nSome text.\n');
    await templateGenerator(sb.tree, {});
    expect(sb.tree.read('README.md', 'utf-8')).toMatch(
      /^# My workspace\n\nSome text\.\n\n<!-- awsmcp:onboarding:start -->\n## AWS MCP servers\n\nOnboarding: `npx @awsmcp\/cli hydrate --profile <your-profile> --region eu-west-1` \(see \[docs\/mcp-onboarding\.md\]/,
    );
    await templateGenerator(sb.tree, { onboarding: 'readme' });
    const readme = sb.tree.read('README.md', 'utf-8')!;
    expect(readme.match(/awsmcp:onboarding:start/g)).toHaveLength(1);
    expect(readme).toContain('```sh\nnpx @awsmcp/cli hydrate --profile <your-profile> --region eu-west-1\n```');
  });

  it('writes templates straight from a kit, with --onboarding none', async () => {
    await templateGenerator(sb.tree, { kit: 'observe', hosts: ['vscode', 'claude-code', 'cursor'], onboarding: 'none', region: 'us-east-1' });
    expect(sb.tree.exists('docs/mcp-onboarding.md')).toBe(false);
    const cursor = parseHostConfig(sb.tree.read('.cursor/mcp.json.template', 'utf-8')!, { file: 'x', host: 'cursor', strict: true });
    expect(cursor.servers.map((s) => [s.name, s.env])).toEqual([
      // Cursor expands only ${env:NAME} (issue 14): the template uses its syntax
      ['cloudwatch', { AWS_PROFILE: '${env:AWS_PROFILE}', AWS_REGION: '${env:AWS_REGION}', AWS_DEFAULT_REGION: '${env:AWS_REGION}' }],
      ['prometheus', { AWS_PROFILE: '${env:AWS_PROFILE}', AWS_REGION: '${env:AWS_REGION}', AWS_DEFAULT_REGION: '${env:AWS_REGION}' }],
    ]);
    // prometheus also takes --profile / --region flags: placeholders there too
    expect(cursor.servers[1]!.args!.join(' ')).not.toMatch(/awsmcp-(profile|region)-placeholder/);
  });

  it('merges into an existing template, keeping its comments and other servers', async () => {
    await kit({ hosts: 'vscode' });
    sb.tree.write('.vscode/mcp.json.template', '{\n  // shared by the team\n  "servers": {\n    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" }\n  }\n}\n');
    await templateGenerator(sb.tree, { onboarding: 'none' });
    const text = sb.tree.read('.vscode/mcp.json.template', 'utf-8')!;
    expect(text).toContain('// shared by the team');
    expect(Object.keys(value('.vscode/mcp.json.template', 'vscode').servers!)).toEqual(['github', 'eks', 'cloudwatch']);
    expect(text).toContain('"inputs"');
  });

  it('refuses a template that would carry a real profile name (multi-account instance names)', async () => {
    await kit({ profile: undefined, multiAccount: true, confirm: true, hosts: 'claude-code' });
    const before = contents(sb.tree);
    await expect(templateGenerator(sb.tree, {})).rejects.toThrow(/refusing to write \.mcp\.json\.template: it would hold real values\n.*server "eks-prod-eu": the configured profile name "prod-eu" appears in the server name/);
    expect(changedSince(sb.tree, before)).toEqual({});
  });

  it('replaces every secret-looking value with a placeholder: args, docker -e, URL passwords, X-Api-Key, DD_APP_KEY, DATABASE_URL, AWS keys (issue 15, item 2)', async () => {
    const secrets = ['ghp_CANARYcanary0123456789abcdefABCDEF', 'apikey-canary', 'tok-canary', 'pw-canary', 'hdr-canary', 'dd-canary', 'postgres-canary', 'AKIAZZZZCANARY7F3A9B', 'q-canary'];
    sb.tree.write(
      '.mcp.json',
      JSON.stringify(
        {
          mcpServers: {
            gh: { command: 'docker', args: ['run', '-i', '--rm', '-e', `GITHUB_TOKEN=${secrets[0]}`, '-e', 'AWS_REGION', 'ghcr.io/github/github-mcp-server:1.0.0', '--api-key', secrets[1], `--token=${secrets[2]}`] },
            db: { command: 'npx', args: ['-y', 'db-mcp@1.0.0', `postgres://app:${secrets[3]}@db.internal:5432/app`], env: { DATABASE_URL: `postgres://app:${secrets[6]}@db/app`, DD_APP_KEY: secrets[5], NOTE: `key ${secrets[7]}` } },
            remote: { type: 'http', url: `https://mcp.example.com/mcp?token=${secrets[8]}`, headers: { 'X-Api-Key': secrets[4] } },
          },
        },
        null,
        2,
      ),
    );
    await templateGenerator(sb.tree, { hosts: 'claude-code', onboarding: 'none' });
    const text = sb.tree.read('.mcp.json.template', 'utf-8')!;
    for (const s of secrets) expect(text).not.toContain(s);
    expect(sb.log.text()).not.toMatch(/canary|CANARY/);
    const t = value('.mcp.json.template', 'claude-code').mcpServers!;
    expect(t.gh!.args).toEqual(['run', '-i', '--rm', '-e', 'GITHUB_TOKEN=${GITHUB_TOKEN}', '-e', 'AWS_REGION', 'ghcr.io/github/github-mcp-server:1.0.0', '--api-key', '${API_KEY}', '--token=${TOKEN}']);
    expect(t.db!.env).toEqual({ DATABASE_URL: '${DATABASE_URL}', DD_APP_KEY: '${DD_APP_KEY}', NOTE: 'key ${AWS_ACCESS_KEY_ID}' });
    expect((t.db!.args as string[])[2]).toBe('postgres://app:${URL_PASSWORD}@db.internal:5432/app');
    expect(t.remote).toMatchObject({ url: 'https://mcp.example.com/mcp?token=${TOKEN}', headers: { 'X-Api-Key': '${X_API_KEY}' } });
  });

  it('refuses a literal it cannot classify (naming the field, never the value) unless --allow-literal', async () => {
    const opaque = 'x7Kq2mP9vL4nR8tBq2Zw';
    sb.tree.write('.mcp.json', JSON.stringify({ mcpServers: { svc: { command: 'svc-mcp', args: ['--opaque', opaque], env: { SVC_OPAQUE: opaque } } } }, null, 2));
    const before = contents(sb.tree);
    let message = '';
    await templateGenerator(sb.tree, { hosts: 'claude-code', onboarding: 'none' }).catch((e: Error) => (message = e.message));
    expect(message).toBe('refusing to write .mcp.json.template: refusing to template 2 values that may be credentials: server "svc" env.SVC_OPAQUE, server "svc" args[1]. Replace them with a ${NAME} placeholder, or keep them with --allow-literal');
    expect(changedSince(sb.tree, before)).toEqual({});
    await templateGenerator(sb.tree, { hosts: 'claude-code', onboarding: 'none', allowLiteral: true });
    expect(sb.tree.read('.mcp.json.template', 'utf-8')).toContain(opaque);
  });

  it('refuses a template that would carry an account id', async () => {
    sb.tree.write(
      '.mcp.json',
      JSON.stringify({ mcpServers: { api: { command: 'uvx', args: ['awslabs.aws-api-mcp-server==1.0.0'], env: { AWS_PROFILE: 'dev-sandbox', ROLE: 'arn:aws:iam::444455556666:role/Deploy' } } } }, null, 2),
    );
    await expect(templateGenerator(sb.tree, {})).rejects.toThrow(/a 12-digit AWS account id in a committed template/);
  });

  it('says what to do when there is nothing to template', async () => {
    await expect(templateGenerator(sb.tree, {})).rejects.toThrow('nothing to template: no workspace MCP config exists yet. Run nx g @awsmcp/nx:kit <kit> first, or pass --kit <kit>');
    await expect(templateGenerator(sb.tree, { hosts: 'cursor' })).rejects.toThrow(/\.cursor\/mcp\.json does not exist: run nx g @awsmcp\/nx:kit <kit> --hosts cursor first/);
  });

  it('warns when .gitignore ignores a whole host folder', async () => {
    await kit({ hosts: 'vscode' });
    sb.tree.write('.gitignore', 'node_modules\n.vscode/\n');
    await templateGenerator(sb.tree, { onboarding: 'none' });
    expect(sb.log.text()).toMatch(/\.gitignore ignores the folder '\.vscode\/': git cannot keep a template inside it/);
    expect(sb.tree.read('.gitignore', 'utf-8')).toBe(
      'node_modules\n.vscode/\n\n# awsmcp: real MCP configs hold profile names and stay local; the .template files are committed\n.vscode/mcp.json\n!.vscode/mcp.json.template\n',
    );
  });
});
