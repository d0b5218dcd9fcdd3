import * as fs from 'node:fs';
import * as path from 'node:path';
import { hydrate, hydrateFile, HydrateError, hydrationPlan, inputIdFor, parseHostConfig, toTemplate } from './index';
import { CANARY, tempDir, write } from './__fixtures__/helpers';

const claudeFile = JSON.stringify({
  mcpServers: {
    eks: { command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37', '--allow-write'], env: { AWS_PROFILE: 'acme-dev-admin', AWS_REGION: 'eu-west-1', AWS_SECRET_ACCESS_KEY: CANARY } },
    api: { command: 'uvx', args: ['awslabs.aws-api-mcp-server==1.0.0', '--profile=acme-dev-admin'], env: { AWS_API_MCP_PROFILE_NAME: 'acme-dev-admin', ROLE: 'arn:aws:iam::123456789012:role/x' } },
  },
});
const entries = parseHostConfig(claudeFile, { file: '/w/.mcp.json', home: '/h' }).servers;

describe('toTemplate', () => {
  it('Claude Code: ${NAME} placeholders the host expands; secrets by name; real values gone', () => {
    const t = toTemplate(entries, { AWS_ACCOUNT_ID: '123456789012' });
    expect(t.host).toBe('claude-code');
    expect(t.variables).toEqual(['AWS_ACCOUNT_ID', 'AWS_PROFILE', 'AWS_REGION', 'AWS_SECRET_ACCESS_KEY']);
    const json = JSON.parse(t.text);
    expect(json.mcpServers.eks.env).toEqual({ AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: '${AWS_REGION}', AWS_SECRET_ACCESS_KEY: '${AWS_SECRET_ACCESS_KEY}' });
    expect(json.mcpServers.api.args).toEqual(['awslabs.aws-api-mcp-server==1.0.0', '--profile=${AWS_PROFILE}']);
    expect(json.mcpServers.api.env.ROLE).toBe('arn:aws:iam::${AWS_ACCOUNT_ID}:role/x');
    for (const secret of ['acme-dev-admin', 'eu-west-1', CANARY, '123456789012']) expect(t.text).not.toContain(secret);
  });

  it('drops the local _account note and swaps real values inside other extra keys', () => {
    const t = toTemplate(
      [{ name: 'eks', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: 'acme-dev-admin' }, extra: { _account: '123456789012 (acme-dev-admin)', disabled: false, note: 'for acme-dev-admin', autoApprove: ['acme-dev-admin-tool'] } }],
      { AWS_PROFILE: 'acme-dev-admin' },
      { host: 'kiro' },
    );
    const eks = JSON.parse(t.text).mcpServers.eks;
    expect(eks._account).toBeUndefined();
    expect(eks).toMatchObject({ disabled: false, note: 'for ${AWS_PROFILE}', autoApprove: ['acme-dev-admin-tool'] });
    expect(t.text).not.toContain('123456789012');
  });

  it('VS Code: ${input:...} with inputs (secrets as password), or ${env:...}', () => {
    const t = toTemplate(entries, {}, { host: 'vscode' });
    const json = JSON.parse(t.text);
    expect(Object.keys(json)).toEqual(['inputs', 'servers']);
    expect(json.servers.eks).toMatchObject({ type: 'stdio', env: { AWS_PROFILE: '${input:awsProfile}', AWS_SECRET_ACCESS_KEY: '${input:awsSecretAccessKey}' } });
    expect(json.inputs).toContainEqual({ type: 'promptString', id: 'awsSecretAccessKey', description: 'Value for AWS_SECRET_ACCESS_KEY', password: true });
    expect(json.inputs).toContainEqual({ type: 'promptString', id: 'awsProfile', description: 'AWS profile name' });
    const env = JSON.parse(toTemplate(entries, {}, { host: 'vscode', vscodeVariables: 'env' }).text);
    expect(env.inputs).toBeUndefined();
    expect(env.servers.eks.env.AWS_REGION).toBe('${env:AWS_REGION}');
    expect(inputIdFor('AWS_API_MCP_PROFILE_NAME')).toBe('awsApiMcpProfileName');
  });

  it('Claude Desktop / Cursor / Amazon Q: ${NAME} placeholders to hydrate; headers keep their scheme', () => {
    const json = JSON.parse(toTemplate([{ name: 'r', url: 'https://mcp.example.com', headers: { Authorization: `Bearer ${CANARY}` } }], {}, { host: 'cursor' }).text);
    // a secret is read from the environment at start (${env:NAME}), never hydrated into the file
    expect(json.mcpServers.r.headers.Authorization).toBe('Bearer ${env:AUTHORIZATION}');
    expect(JSON.parse(toTemplate(entries, {}, { host: 'claude-desktop' }).text).mcpServers.eks.env.AWS_PROFILE).toBe('${AWS_PROFILE}');
  });
});

describe('hydrate', () => {
  const template = toTemplate(entries, { AWS_ACCOUNT_ID: '123456789012' }).text;

  const plain = toTemplate(entries.map((e) => ({ ...e, env: Object.fromEntries(Object.entries(e.env ?? {}).filter(([k]) => k !== 'AWS_SECRET_ACCESS_KEY')) })), { AWS_ACCOUNT_ID: '123456789012' }).text;

  it('fills only the variables it may, JSON-escaped, and validates', () => {
    const out = hydrate(plain, { AWS_PROFILE: 'dev "quoted" \\ name', AWS_REGION: 'eu-west-1', AWS_ACCOUNT_ID: '111122223333' }, 'claude-code');
    const doc = parseHostConfig(out, { file: '/w/.mcp.json', home: '/h' });
    expect(doc.servers[0]!.env!.AWS_PROFILE).toBe('dev "quoted" \\ name');
    expect(doc.servers[1]!.args![1]).toBe('--profile=dev "quoted" \\ name');
    const partial = hydrate(plain, { AWS_REGION: 'eu-west-1' }, 'claude-code', { variables: ['AWS_REGION'] });
    expect(partial).toContain('"AWS_PROFILE": "${AWS_PROFILE}"');
    expect(partial).not.toContain('${AWS_REGION}');
    // AWS_ACCOUNT_ID is neither a profile / region variable nor declared: left for the host
    expect(hydrate(plain, { AWS_PROFILE: 'dev', AWS_REGION: 'eu-west-1' }, 'claude-code')).toContain('${AWS_ACCOUNT_ID}');
  });

  it('never fills a secret name (issue 15, item 4)', () => {
    // a template that names static AWS credentials is refused outright
    expect(() => hydrate(template, { AWS_PROFILE: 'dev', AWS_REGION: 'eu-west-1' }, 'claude-code')).toThrow(/asks for AWS_SECRET_ACCESS_KEY, static AWS credentials; hydrate never puts AWS keys into a host file/);
    const tpl = '{"_hydrate": ["CLUSTER"], "mcpServers": {"a": {"command": "x", "env": {"AWS_PROFILE": "${AWS_PROFILE}", "C": "${CLUSTER}", "T": "${GITHUB_TOKEN}", "K": "${DD_APP_KEY}"}}}}';
    const out = hydrate(tpl, { AWS_PROFILE: 'dev', CLUSTER: 'c1' }, 'claude-code');
    expect(JSON.parse(out)).toEqual({ mcpServers: { a: { command: 'x', env: { AWS_PROFILE: 'dev', C: 'c1', T: '${GITHUB_TOKEN}', K: '${DD_APP_KEY}' } } } });
    expect(() => hydrate(tpl, { AWS_PROFILE: 'dev', CLUSTER: 'c1', GITHUB_TOKEN: 'ghp_live' }, 'claude-code')).toThrow(/GITHUB_TOKEN is a secret; hydrate never writes a secret into a file/);
    expect(() => hydrate('{"_hydrate": ["DB_PASSWORD"], "mcpServers": {}}', {}, 'claude-code')).toThrow(/DB_PASSWORD is a secret/);
    expect(hydrationPlan(tpl)).toEqual({ placeholders: ['AWS_PROFILE', 'CLUSTER', 'DD_APP_KEY', 'GITHUB_TOKEN'], declared: ['CLUSTER'], fill: ['AWS_PROFILE', 'CLUSTER'], left: ['DD_APP_KEY', 'GITHUB_TOKEN'], secrets: ['DD_APP_KEY', 'GITHUB_TOKEN'] });
  });

  it('reports every missing variable at once', () => {
    const err = (() => {
      try {
        hydrate(plain, { AWS_REGION: 'eu-west-1' }, 'claude-code', { variables: ['AWS_PROFILE', 'AWS_REGION', 'AWS_ACCOUNT_ID'] });
      } catch (e) {
        return e as HydrateError;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(HydrateError);
    expect(err!.missing).toEqual(['AWS_ACCOUNT_ID', 'AWS_PROFILE']);
    expect(err!.message).toBe('missing values for AWS_ACCOUNT_ID, AWS_PROFILE: nothing was written');
  });

  it('uses ${NAME:-default}, leaves VS Code references and comments alone', () => {
    expect(hydrate('{"mcpServers": {"a": {"command": "x", "env": {"R": "${AWS_REGION:-us-east-1}"}}}}', {}, 'claude-code')).toContain('"R": "us-east-1"');
    const vs = '{\n  // ${AWS_PROFILE} in a comment stays\n  "servers": {"a": {"type": "stdio", "command": "x", "env": {"P": "${input:awsProfile}", "W": "${workspaceFolder}", "R": "${AWS_REGION}"}}}\n}';
    const out = hydrate(vs, { AWS_REGION: 'eu-west-1' }, 'vscode');
    expect(out).toContain('// ${AWS_PROFILE} in a comment stays');
    expect(out).toContain('"P": "${input:awsProfile}", "W": "${workspaceFolder}", "R": "eu-west-1"');
  });

  it('validates against the host schema', () => {
    expect(() => hydrate('{"servers": {"a": {"type": "ws", "command": "${CMD}"}}}', { CMD: 'x' }, 'vscode')).toThrow(/not valid for VS Code.*expected "type"/);
    expect(() => hydrate('{"mcpServers": {"a": {"command": "${CMD}"}}}', { CMD: '' }, 'cursor')).toThrow(HydrateError);
  });

  it('hydrateFile writes nothing when anything is missing', async () => {
    const dir = tempDir();
    const tpl = write(path.join(dir, '.mcp.json.template'), plain);
    const target = path.join(dir, '.mcp.json');
    await expect(hydrateFile(tpl, target, { AWS_REGION: 'eu-west-1' }, 'claude-code')).rejects.toThrow(HydrateError);
    expect(fs.existsSync(target)).toBe(false);
    const r = await hydrateFile(tpl, target, { AWS_PROFILE: 'dev', AWS_REGION: 'eu-west-1', AWS_ACCOUNT_ID: '111122223333' }, 'claude-code');
    expect(r.changed).toBe(true);
    expect(parseHostConfig(fs.readFileSync(target, 'utf8'), { file: target, home: '/h' }).servers).toHaveLength(2);
  });
});
