import { addServers, ConfigEditError, ConfigParseError, parseHostConfig, patchServer, removeServer, type ServerSpec } from './index';
import { changedRegion, memberSpan, memberText } from './__fixtures__/helpers';

const eks: ServerSpec = { name: 'eks', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: 'dev', AWS_REGION: 'eu-west-1' } };

const VS = `{
\t// shared with the team
\t"inputs": [],
\t"servers": {
\t\t"cw": {
\t\t\t"type": "stdio", // CloudWatch
\t\t\t"command": "uvx",
\t\t\t"args": ["awslabs.cloudwatch-mcp-server==0.1.8"],
\t\t\t"env": { "AWS_PROFILE": "\${input:awsProfile}" },
\t\t},
\t},
}`;

describe('addServers', () => {
  it('adds in the host shape with the file layout (tabs, trailing commas, no final newline, comments kept)', () => {
    const r = addServers(VS, 'vscode', [eks]);
    expect(r).toMatchObject({ changed: true, added: ['eks'] });
    expect(r.text).toBe(`{
\t// shared with the team
\t"inputs": [],
\t"servers": {
\t\t"cw": {
\t\t\t"type": "stdio", // CloudWatch
\t\t\t"command": "uvx",
\t\t\t"args": ["awslabs.cloudwatch-mcp-server==0.1.8"],
\t\t\t"env": { "AWS_PROFILE": "\${input:awsProfile}" },
\t\t},
\t\t"eks": {
\t\t\t"type": "stdio",
\t\t\t"command": "uvx",
\t\t\t"args": [
\t\t\t\t"awslabs.eks-mcp-server==0.1.37"
\t\t\t],
\t\t\t"env": {
\t\t\t\t"AWS_PROFILE": "dev",
\t\t\t\t"AWS_REGION": "eu-west-1"
\t\t\t}
\t\t},
\t},
}`);
    expect(parseHostConfig(r.text, { file: '/r/.vscode/mcp.json', home: '/h' }).servers.map((s) => s.name)).toEqual(['cw', 'eks']);
  });

  it('is idempotent, keeps an existing name unless asked, replaces only when asked', () => {
    const once = addServers(VS, 'vscode', [eks]).text;
    expect(addServers(once, 'vscode', [eks])).toMatchObject({ changed: false, unchanged: ['eks'], text: once });
    const other = { ...eks, env: { AWS_PROFILE: 'prod', AWS_REGION: 'eu-west-1' } };
    expect(addServers(once, 'vscode', [other])).toMatchObject({ changed: false, skipped: ['eks'] });
    const replaced = addServers(once, 'vscode', [other], { replace: true });
    expect(replaced).toMatchObject({ changed: true, replaced: ['eks'] });
    expect(memberText(replaced.text, ['servers', 'cw'])).toBe(memberText(once, ['servers', 'cw']));
    expect(addServers(replaced.text, 'vscode', [other], { replace: true }).changed).toBe(false);
  });

  it('creates the file content, the root key, Claude Code local scope and VS Code inputs', () => {
    expect(addServers('', 'claude-code', [eks]).text).toBe(
      '{\n  "mcpServers": {\n    "eks": {\n      "type": "stdio",\n      "command": "uvx",\n      "args": [\n        "awslabs.eks-mcp-server==0.1.37"\n      ],\n      "env": {\n        "AWS_PROFILE": "dev",\n        "AWS_REGION": "eu-west-1"\n      }\n    }\n  }\n}\n',
    );
    const claudeJson = '{\n  "numStartups": 4,\n  "projects": {\n    "/w/app": {\n      "allowedTools": []\n    }\n  }\n}';
    const local = addServers(claudeJson, 'claude-code', [eks], { project: '/w/app' });
    const doc = parseHostConfig(local.text, { file: '/h/.claude.json', home: '/h' });
    expect(doc.servers[0]!.location).toMatchObject({ scope: 'local', project: '/w/app' });
    expect(local.text.startsWith('{\n  "numStartups": 4,\n  "projects": {\n    "/w/app": {\n      "allowedTools": [],\n      "mcpServers": {')).toBe(true);
    const withInputs = addServers('{\n  "servers": {}\n}\n', 'vscode', [{ ...eks, env: { AWS_PROFILE: '${input:awsProfile}' } }], { inputs: [{ type: 'promptString', id: 'awsProfile', description: 'AWS profile' }] });
    expect(parseHostConfig(withInputs.text, { file: '/r/.vscode/mcp.json', home: '/h' }).inputs).toEqual([{ type: 'promptString', id: 'awsProfile', description: 'AWS profile' }]);
    expect(addServers(withInputs.text, 'vscode', [{ ...eks, env: { AWS_PROFILE: '${input:awsProfile}' } }], { inputs: [{ type: 'promptString', id: 'awsProfile' }] }).changed).toBe(false);
  });

  it('writes each host in its own shape', () => {
    const remote: ServerSpec = { name: 'r', url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer ${TOKEN}' } };
    expect(JSON.parse(addServers('', 'kiro', [{ name: 'k', command: 'uvx' }]).text).mcpServers.k).toEqual({ command: 'uvx', args: [] });
    expect(JSON.parse(addServers('', 'cursor', [remote]).text).mcpServers.r).toEqual({ url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer ${TOKEN}' } });
    expect(JSON.parse(addServers('', 'vscode', [remote]).text).servers.r.type).toBe('http');
    expect(() => addServers('', 'claude-desktop', [remote])).toThrow('Claude Desktop does not support http servers (server "r")');
    expect(JSON.parse(addServers('', 'amazonq', [{ ...eks, extra: { timeout: 60000 } }]).text).mcpServers.eks.timeout).toBe(60000);
  });

  it('refuses legacy locations, broken files and duplicated names', () => {
    expect(() => addServers('{}', 'vscode-legacy', [eks])).toThrow(ConfigEditError);
    expect(() => addServers('{}', 'claude-code-legacy', [eks])).toThrow(/never written/);
    expect(() => addServers('{"mcpServers": {', 'claude-code', [eks])).toThrow(ConfigParseError);
    expect(() => addServers('[]', 'claude-code', [eks])).toThrow(/root is not a JSON object/);
    expect(() => addServers('{"mcpServers": []}', 'claude-code', [eks])).toThrow(/mcpServers is not an object/);
    const dup = '{"mcpServers": {"eks": {"command": "a"}, "eks": {"command": "b"}}}';
    expect(() => addServers(dup, 'claude-code', [eks], { replace: true })).toThrow('server "eks" is defined 2 times');
    expect(() => addServers('{}', 'claude-code', [{ name: 'x' } as ServerSpec])).toThrow(/needs a command/);
  });

  it('keeps CRLF, a BOM and a one-line layout', () => {
    const crlf = '\uFEFF{\r\n    "mcpServers": {\r\n        "a": { "command": "x" }\r\n    }\r\n}\r\n';
    const r = addServers(crlf, 'cursor', [{ name: 'b', command: 'y' }]);
    expect(r.text).toBe('\uFEFF{\r\n    "mcpServers": {\r\n        "a": { "command": "x" },\r\n        "b": {\r\n            "command": "y"\r\n        }\r\n    }\r\n}\r\n');
    const oneLine = '{"mcpServers":{"a":{"command":"x"}}}';
    expect(addServers(oneLine, 'cursor', [{ name: 'b', command: 'y', args: ['1'] }]).text).toBe('{"mcpServers":{"a":{"command":"x"},"b":{"command":"y","args":["1"]}}}');
  });
});

describe('patchServer', () => {
  const text = `{
  "servers": {
    "api": {
      "type": "stdio",
      "command": "uvx",
      "args": ["awslabs.aws-api-mcp-server==1.0.0", "--profile", "dev", "--region=eu-west-1", "--allow-write"],
      "env": {
        "AWS_REGION": "eu-west-1" // keep this comment
      }
    },
    "other": { "type": "stdio", "command": "npx", "args": ["-y", "x@1.0.0"] }
  }
}
`;
  const other = memberText(text, ['servers', 'other']);

  it('sets an arg value in either form, sets / removes env vars, edits only that server', () => {
    const r = patchServer(text, 'vscode', 'api', { setArgs: { '--profile': 'staging', '--region': 'us-east-1' }, env: { AWS_REGION: 'us-east-1', AWS_PROFILE: 'staging' } });
    expect(r.text).toContain('"args": ["awslabs.aws-api-mcp-server==1.0.0", "--profile", "staging", "--region=us-east-1", "--allow-write"],');
    expect(r.text).toContain('"AWS_REGION": "us-east-1", // keep this comment\n        "AWS_PROFILE": "staging"\n');
    expect(memberText(r.text, ['servers', 'other'])).toBe(other);
    const region = changedRegion(text, r.text);
    const span = memberSpan(text, ['servers', 'api']);
    expect(region.start).toBeGreaterThanOrEqual(span.start);
    expect(region.endA).toBeLessThanOrEqual(span.end);
    expect(patchServer(r.text, 'vscode', 'api', { setArgs: { '--profile': 'staging', '--region': 'us-east-1' }, env: { AWS_REGION: 'us-east-1', AWS_PROFILE: 'staging' } }).changed).toBe(false);
  });

  it('replaces exact positional arguments (a proxy endpoint, KEY=value metadata)', () => {
    const r = patchServer(text, 'vscode', 'api', { replaceArgs: { 'awslabs.aws-api-mcp-server==1.0.0': 'awslabs.aws-api-mcp-server==1.5.1', absent: 'x' } });
    expect(r.text).toContain('"args": ["awslabs.aws-api-mcp-server==1.5.1", "--profile"');
    expect(patchServer(text, 'vscode', 'api', { replaceArgs: { absent: 'x' } }).changed).toBe(false);
  });

  it('removes a flag with its value, a joined flag and a boolean flag; appends missing ones', () => {
    const r = patchServer(text, 'vscode', 'api', { removeArgs: ['--profile', '--region', '--allow-write'], addFlags: ['--read-only'] });
    expect(r.text).toContain('"args": ["awslabs.aws-api-mcp-server==1.0.0", "--read-only"],');
    const again = patchServer(r.text, 'vscode', 'api', { removeArgs: ['--profile'], addFlags: ['--read-only'] });
    expect(again.changed).toBe(false);
    const appended = patchServer(text, 'vscode', 'other', { setArgs: { '--region': 'eu-west-1' } });
    expect(appended.text).toContain('"other": { "type": "stdio", "command": "npx", "args": ["-y", "x@1.0.0", "--region", "eu-west-1"] }');
    const envRemoved = patchServer(text, 'vscode', 'api', { env: { AWS_REGION: null } });
    expect(envRemoved.text).toContain('"env": {\n         // keep this comment\n      }');
    expect(patchServer(text.replace(' // keep this comment', ''), 'vscode', 'api', { env: { AWS_REGION: null } }).text).toContain('"env": {}\n    },');
  });

  it('refuses an unknown server, and a patch that makes the entry invalid', () => {
    expect(() => patchServer(text, 'vscode', 'nope', { env: { A: '1' } })).toThrow('no server "nope" in servers');
    expect(() => patchServer('{"servers": {"a": {"type": "stdio", "command": "x"}}}', 'vscode', 'a', { command: '' })).toThrow(/would not be valid/);
  });
});

describe('removeServer', () => {
  it('removes its lines and the now-dangling comma, keeps everything else, is idempotent', () => {
    const text = '{\n  "mcpServers": {\n    "a": { "command": "x" },\n    "b": { "command": "y" }\n  }\n}';
    const r = removeServer(text, 'cursor', 'b');
    expect(r).toMatchObject({ text: '{\n  "mcpServers": {\n    "a": { "command": "x" }\n  }\n}', removed: ['b'] });
    expect(removeServer(r.text, 'cursor', 'b')).toMatchObject({ changed: false, removed: [] });
    expect(removeServer(text, 'cursor', 'a').text).toBe('{\n  "mcpServers": {\n    "b": { "command": "y" }\n  }\n}');
    expect(removeServer('', 'cursor', 'a').changed).toBe(false);
  });

  it('keeps comments around the removed entry and trailing commas style', () => {
    const text = '{\n  // team\n  "servers": {\n    // first\n    "a": { "type": "stdio", "command": "x" }, // about a\n    "b": { "type": "stdio", "command": "y" }, // about b\n  },\n}\n';
    expect(removeServer(text, 'vscode', 'b').text).toBe('{\n  // team\n  "servers": {\n    // first\n    "a": { "type": "stdio", "command": "x" }, // about a\n  },\n}\n');
    expect(removeServer(text, 'vscode', 'a').text).toBe('{\n  // team\n  "servers": {\n    // first\n    "b": { "type": "stdio", "command": "y" }, // about b\n  },\n}\n');
  });
});

describe('patchServers', () => {
  const FILE = '{\n  // keep\n  "servers": {\n    "a": { "type": "stdio", "command": "uvx", "args": ["x", "--profile", "p"], "env": { "AWS_PROFILE": "p" } },\n    "b": {\n      "type": "stdio",\n      "command": "uvx"\n    },\n    "c": { "type": "stdio", "command": "uvx" }\n  }\n}\n';
  const { patchServers: many, patchServer: one } = require('./index') as typeof import('./index');

  it('one pass gives the text of one patchServer per entry, in order; others untouched', () => {
    const patches: Array<{ name: string; patch: import('./index').ServerPatch }> = [
      { name: 'a', patch: { env: { AWS_PROFILE: 'q', AWS_REGION: 'eu-west-1' }, setArgs: { '--profile': 'q' } } },
      { name: 'b', patch: { env: { AWS_PROFILE: 'q' } } },
      { name: 'a', patch: { env: { AWS_REGION: null } } },
    ];
    const sequential = patches.reduce((t, p) => one(t, 'vscode', p.name, p.patch).text, FILE);
    const r = many(FILE, 'vscode', patches);
    expect(r.text).toBe(sequential);
    expect(r.text).toContain('// keep');
    expect(r.text).toContain('"c": { "type": "stdio", "command": "uvx" }');
    expect(r.text).toContain('"args": ["x", "--profile", "q"], "env": { "AWS_PROFILE": "q" }');
    expect(r.text).toContain('      "command": "uvx",\n      "env": {\n        "AWS_PROFILE": "q"\n      }\n');
  });

  it('a minified file stays on one line; a missing or duplicated server is an error', () => {
    const min = '{"servers":{"a":{"type":"stdio","command":"uvx","env":{"AWS_PROFILE":"p"}},"b":{"type":"stdio","command":"uvx"}}}';
    expect(many(min, 'vscode', [{ name: 'a', patch: { env: { AWS_PROFILE: 'q' } } }, { name: 'b', patch: { env: { AWS_PROFILE: 'q' } } }]).text).toBe(
      '{"servers":{"a":{"type":"stdio","command":"uvx","env":{"AWS_PROFILE":"q"}},"b":{"type":"stdio","command":"uvx","env":{"AWS_PROFILE":"q"}}}}',
    );
    expect(() => many(FILE, 'vscode', [{ name: 'zz', patch: { env: { A: '1' } } }])).toThrow('no server "zz"');
    expect(() => many('{"servers":{"a":{"command":"x"},"a":{"command":"y"}}}', 'vscode', [{ name: 'a', patch: { env: { A: '1' } } }])).toThrow('defined 2 times');
  });
});
