import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ConfigParseError,
  ConfigReadError,
  ConfigSchemaError,
  parseHostConfig,
  readHostConfig,
  type ConfigIssue,
} from './index';
import { tempDir, write } from './__fixtures__/helpers';

const HOME = '/home/dev';
const issuesOf = (fn: () => unknown): ConfigIssue[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigParseError || e instanceof ConfigSchemaError) return e.issues;
    throw e;
  }
  throw new Error('expected an error');
};

describe('parseHostConfig: good files', () => {
  it('reads a VS Code file with comments and trailing commas, keeping unknown keys', () => {
    const text = `{
  // team servers
  "inputs": [{ "type": "promptString", "id": "awsProfile", "description": "AWS profile" }],
  "servers": {
    "eks": {
      "type": "stdio",
      "command": "uvx",
      "args": ["awslabs.eks-mcp-server==0.1.37", "--allow-write",],
      "env": { "AWS_PROFILE": "\${input:awsProfile}", "AWS_REGION": "eu-west-1" },
      "_account": "sandbox", /* kept */
    },
  },
}`;
    const doc = parseHostConfig(text, { file: '/repo/.vscode/mcp.json', home: HOME });
    expect(doc.host).toBe('vscode');
    expect(doc.scope).toBe('workspace');
    expect(doc.inputs).toEqual([{ type: 'promptString', id: 'awsProfile', description: 'AWS profile' }]);
    const [eks] = doc.servers;
    expect(eks).toMatchObject({
      name: 'eks',
      transport: 'stdio',
      command: 'uvx',
      extra: { _account: 'sandbox' },
      location: { host: 'vscode', scope: 'workspace', jsonPath: ['servers', 'eks'], line: 5, column: 5, legacy: false },
    });
    expect(eks!.aws.profile).toMatchObject({ source: 'env.AWS_PROFILE', refs: [{ kind: 'input', name: 'awsProfile' }] });
    expect(eks!.aws.region).toMatchObject({ value: 'eu-west-1', source: 'env.AWS_REGION', jsonPath: ['servers', 'eks', 'env', 'AWS_REGION'] });
  });

  it('reads Claude Code user and local scope from ~/.claude.json', () => {
    const text = JSON.stringify({
      numStartups: 3,
      mcpServers: { api: { type: 'stdio', command: 'uvx', args: ['awslabs.aws-api-mcp-server==1.0.0'], env: { AWS_API_MCP_PROFILE_NAME: '${AWS_PROFILE:-dev}' } } },
      projects: {
        '/work/app': { allowedTools: [], mcpServers: { eks: { command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: 'dev', AWS_REGION: 'eu-west-1' } } } },
        '/work/other': { allowedTools: [] },
      },
    }, null, 2);
    const doc = parseHostConfig(text, { file: `${HOME}/.claude.json`, home: HOME });
    expect(doc.servers.map((s) => [s.name, s.location.scope, s.location.project])).toEqual([
      ['api', 'user', undefined],
      ['eks', 'local', '/work/app'],
    ]);
    expect(doc.servers[1]!.location.jsonPath).toEqual(['projects', '/work/app', 'mcpServers', 'eks']);
    expect(doc.servers[0]!.aws.profile).toMatchObject({ source: 'env.AWS_API_MCP_PROFILE_NAME', refs: [{ kind: 'env', name: 'AWS_PROFILE', default: 'dev' }] });
  });

  it('detects --profile / --region in both forms, and the effective values', () => {
    const text = JSON.stringify({ mcpServers: { a: { command: 'x', args: ['--profile=p1', '--region', 'us-east-1'], env: { AWS_PROFILE: 'p2', AWS_DEFAULT_REGION: 'eu-west-1' } } } });
    const [a] = parseHostConfig(text, { file: '/r/.cursor/mcp.json', home: HOME }).servers;
    expect(a!.aws.profile).toMatchObject({ value: 'p1', source: 'arg --profile', jsonPath: ['mcpServers', 'a', 'args', 0] });
    expect(a!.aws.profiles.map((p) => p.value)).toEqual(['p1', 'p2']);
    expect(a!.aws.region).toMatchObject({ value: 'us-east-1', source: 'arg --region', jsonPath: ['mcpServers', 'a', 'args', 2] });
    expect(a!.aws.regions.map((r) => r.source)).toEqual(['arg --region', 'env.AWS_DEFAULT_REGION']);
  });

  it('classifies references per host syntax', () => {
    const vs = parseHostConfig(JSON.stringify({ servers: { a: { type: 'stdio', command: 'x', env: { AWS_PROFILE: '${env:AWS_PROFILE}' } } } }), { file: '/r/.vscode/mcp.json', home: HOME });
    expect(vs.servers[0]!.aws.profile!.refs).toEqual([{ kind: 'env', name: 'AWS_PROFILE', text: '${env:AWS_PROFILE}' }]);
    const cd = parseHostConfig(JSON.stringify({ mcpServers: { a: { command: 'x', env: { AWS_PROFILE: '${AWS_PROFILE}' } } } }), { file: '/x/claude_desktop_config.json', home: HOME });
    expect(cd.servers[0]!.aws.profile!.refs[0]!.kind).toBe('placeholder');
  });

  it('accepts {} as a file with no servers', () => {
    expect(parseHostConfig('{}', { file: '/r/.mcp.json', home: HOME }).servers).toEqual([]);
  });

  it('infers http transport from a url and keeps headers', () => {
    const doc = parseHostConfig(JSON.stringify({ mcpServers: { r: { type: 'http', url: 'https://x/mcp', headers: { Authorization: 'Bearer ${TOKEN}' } } } }), { file: '/r/.mcp.json', home: HOME });
    expect(doc.servers[0]).toMatchObject({ transport: 'http', url: 'https://x/mcp', headers: { Authorization: 'Bearer ${TOKEN}' } });
  });
});

describe('parseHostConfig: bad input names file:line:column and what was expected', () => {
  it('empty file', () => {
    const [i] = issuesOf(() => parseHostConfig('  \n', { file: 'a/.mcp.json', home: HOME }));
    expect(i).toMatchObject({ line: 1, column: 1, code: 'EMPTY' });
    expect(() => parseHostConfig('', { file: 'a/.mcp.json', home: HOME })).toThrow(/^a\/\.mcp\.json:1:1: the file is empty: expected a JSON object/);
  });

  it('an array at the root', () => {
    expect(() => parseHostConfig('\n[1]', { file: 'a/.mcp.json', home: HOME })).toThrow('a/.mcp.json:2:1: expected a JSON object at the root (with "mcpServers"), found an array');
  });

  it("the other host's root key", () => {
    const issues = issuesOf(() => parseHostConfig('{\n  "mcpServers": {}\n}', { file: '/r/.vscode/mcp.json', home: HOME }));
    expect(issues[0]).toMatchObject({ code: 'WRONG_ROOT_KEY', line: 2, column: 3, severity: 'error' });
    expect(issues[0]!.message).toMatch(/reads servers from "servers"/);
    const doc = parseHostConfig('{"servers": {}}', { file: '/r/.mcp.json', home: HOME, strict: false });
    expect(doc.issues[0]).toMatchObject({ code: 'WRONG_ROOT_KEY', message: expect.stringContaining('reads servers from "mcpServers"') });
  });

  it('duplicate server names', () => {
    const text = '{"mcpServers": {\n"a": {"command": "x"},\n"a": {"command": "y"}}}';
    const issues = issuesOf(() => parseHostConfig(text, { file: 'f/.mcp.json', home: HOME }));
    expect(issues[0]).toMatchObject({ code: 'DUPLICATE_SERVER', line: 3, column: 1, message: 'server "a" is defined twice (first at line 2); hosts keep only the last one' });
  });

  it('a server that is a string', () => {
    const issues = issuesOf(() => parseHostConfig('{"mcpServers": {"a": "uvx x"}}', { file: 'f/.mcp.json', home: HOME }));
    expect(issues[0]).toMatchObject({ code: 'NOT_AN_OBJECT', line: 1, column: 22, message: 'server "a": expected an object describing the server, found a string' });
  });

  it('comments in a host that allows none', () => {
    expect(() => parseHostConfig('{\n  // note\n  "mcpServers": {}\n}', { file: 'f/.mcp.json', home: HOME })).toThrow(
      'f/.mcp.json:2:3: comments are not allowed: Claude Code reads this file as strict JSON',
    );
  });

  it('a trailing comma in a strict-JSON host', () => {
    expect(() => parseHostConfig('{"mcpServers": {"a": {"command": "x"},}}', { file: 'f/.mcp.json', home: HOME })).toThrow(/f\/\.mcp\.json:1:39: trailing comma/);
  });

  it('syntax errors', () => {
    expect(() => parseHostConfig('{"mcpServers": {"a" {}}}', { file: 'f/.mcp.json', home: HOME })).toThrow("f/.mcp.json:1:21: expected ':' after the property name");
  });

  it('schema errors carry the line:column of the offending node', () => {
    const text = '{\n  "servers": {\n    "a": {\n      "type": "stdio",\n      "command": "x",\n      "args": ["ok", 42]\n    },\n    "b": { "type": "ws", "command": "y" }\n  }\n}';
    const issues = issuesOf(() => parseHostConfig(text, { file: 'f/.vscode/mcp.json', home: HOME }));
    expect(issues.map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual([
      '6:22 server "a" (.args[1]): expected a string, found a number',
      '8:20 server "b" (.type): expected "type" to be one of "stdio", "http", "sse"',
    ]);
    const doc = parseHostConfig(text, { file: 'f/.vscode/mcp.json', home: HOME, strict: false });
    expect(doc.servers).toEqual([]);
    expect(doc.issues).toHaveLength(2);
  });

  it('stdio without command, remote without url, Claude Desktop remote', () => {
    const d = parseHostConfig('{"mcpServers": {"a": {"args": []}, "b": {"type": "sse"}}}', { file: 'f/.mcp.json', home: HOME, strict: false });
    expect(d.issues.map((i) => i.message)).toEqual([
      'server "a": expected "command" (a local stdio server) or "url" (a remote server)',
      'server "b": expected "url" for a sse server',
    ]);
    const cd = parseHostConfig('{"mcpServers": {"r": {"url": "https://x"}}}', { file: '/x/claude_desktop_config.json', home: HOME, strict: false });
    expect(cd.issues[0]!.message).toBe('server "r": expected a stdio server: this host does not run http servers');
  });

  it('Kiro requires args for local servers', () => {
    const d = parseHostConfig('{"mcpServers": {"a": {"command": "x"}}}', { file: '/r/.kiro/settings/mcp.json', home: HOME, strict: false });
    expect(d.issues[0]!.message).toMatch(/expected "args"/);
  });
});

describe('readHostConfig: files', () => {
  const dir = tempDir();

  it('reads and detects the host from the path; keeps a BOM aside', async () => {
    const f = write(path.join(dir, 'ws', '.mcp.json'), '\uFEFF{"mcpServers": {"a": {"command": "x"}}}');
    const doc = await readHostConfig(f);
    expect(doc).toMatchObject({ host: 'claude-code', scope: 'workspace', bom: true });
    expect(doc.text.startsWith('{')).toBe(true);
  });

  it('a 5 MB file parses (a real ~/.claude.json grows this big)', async () => {
    const servers: Record<string, unknown> = {};
    for (let i = 0; i < 20000; i++) servers[`s${i}`] = { command: 'uvx', args: [`pkg${i}==1.0.${i}`, '--flag'], env: { AWS_PROFILE: `p${i}`, AWS_REGION: 'eu-west-1' } };
    const text = JSON.stringify({ history: 'x'.repeat(3_000_000), mcpServers: servers }, null, 2);
    expect(text.length).toBeGreaterThan(5_000_000);
    const f = write(path.join(dir, 'big', '.claude.json'), text);
    // correctness only: speed is for `npm run bench`, not a wall-clock bound in a unit test (the
    // machines are shared); the jest timeout below still fails a hang
    const doc = await readHostConfig(f, 'claude-code');
    expect(doc.servers).toHaveLength(20000);
    await expect(readHostConfig(f, 'claude-code', { maxBytes: 1_000_000 })).rejects.toThrow(/more than the 1000000 byte limit/);
  }, 60_000);

  it('invalid UTF-8 is reported with its line and column', async () => {
    const f = write(path.join(dir, 'utf', '.mcp.json'), Buffer.concat([Buffer.from('{\n  "mcpServers": {"é": '), Buffer.from([0xff, 0xfe]), Buffer.from('}}')]));
    const err = await readHostConfig(f).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigReadError);
    expect(err.message).toBe(`${f}:2:23: invalid UTF-8 (byte 0xff at offset 25): expected UTF-8 text`);
  });

  it('a file that is a directory', async () => {
    const d = path.join(dir, 'isdir', '.mcp.json');
    fs.mkdirSync(d, { recursive: true });
    await expect(readHostConfig(d)).rejects.toThrow(`${d}: is a directory, expected a JSON file`);
  });

  it('no permission to read (injected: tests run as root, where chmod 000 does not stop reads)', async () => {
    const f = write(path.join(dir, 'perm', '.mcp.json'), '{}');
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const err = await readHostConfig(f, undefined, { fs: { readFile: (async () => { throw denied; }) as never } }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigReadError);
    expect(err).toMatchObject({ errno: 'EACCES', message: `${f}: permission denied: cannot read the file` });
  });

  it('a missing file', async () => {
    await expect(readHostConfig(path.join(dir, 'nope', '.mcp.json'))).rejects.toMatchObject({ errno: 'ENOENT' });
  });

  it('an unknown location needs an explicit host', async () => {
    const f = write(path.join(dir, 'x.json'), '{}');
    await expect(readHostConfig(f)).rejects.toThrow(/cannot tell which host/);
    expect((await readHostConfig(f, 'cursor')).host).toBe('cursor');
  });
});
