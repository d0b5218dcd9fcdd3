// The hosts added for issue 14: paths per OS and config-home variables, detection by path, and per
// adapter read / list / patch / add / remove round trips on fixtures with comments, odd layout and
// CRLF, where every byte outside the edited value or entry stays identical.
import * as path from 'node:path';
import { addServers, ConfigParseError, detectHostFile, getHost, HOST_IDS, hostFiles, HOSTS, listServers, parseHostConfig, patchServer, removeServer, type HostId } from '../index';
import { changedRegion, tempDir, write } from '../__fixtures__/helpers';

const files = (id: HostId, platform: 'linux' | 'darwin' | 'win32', home: string, env: Record<string, string> = {}, workspace?: string) =>
  hostFiles([id], { home, platform, env, ...(workspace ? { workspace } : {}) }).map((f) => `${f.scope}:${f.file}`);

describe('registry', () => {
  it('HOST_IDS is the registry, in order; at least 22 hosts can be written', () => {
    expect(HOSTS.map((h) => h.id)).toEqual([...HOST_IDS]);
    expect(HOSTS.filter((h) => !h.legacy && !h.readOnly).length).toBeGreaterThanOrEqual(22);
    for (const h of HOSTS) expect(['json', 'jsonc', 'toml', 'yaml']).toContain(h.format);
  });
});

describe('files per OS and config-home variables', () => {
  it('Codex: $CODEX_HOME, else ~/.codex; project .codex/config.toml', () => {
    expect(files('codex', 'linux', '/home/dev', {}, '/src/app')).toEqual(['workspace:/src/app/.codex/config.toml', 'user:/home/dev/.codex/config.toml']);
    expect(files('codex', 'linux', '/home/dev', { CODEX_HOME: '/opt/codex' })).toEqual(['user:/opt/codex/config.toml']);
    expect(files('codex', 'win32', 'C:\\Users\\dev')).toEqual(['user:C:\\Users\\dev\\.codex\\config.toml']);
  });
  it('Copilot CLI: $COPILOT_HOME, .mcp.json and .github/mcp.json', () => {
    expect(files('copilot-cli', 'linux', '/home/dev', { COPILOT_HOME: '/c' }, '/src/app')).toEqual(['workspace:/src/app/.mcp.json', 'workspace:/src/app/.github/mcp.json', 'user:/c/mcp-config.json']);
  });
  it('Zed: ~/.config/zed on macOS and Linux (XDG honoured), %APPDATA%\\Zed on Windows', () => {
    expect(files('zed', 'darwin', '/Users/dev')).toEqual(['user:/Users/dev/.config/zed/settings.json']);
    expect(files('zed', 'linux', '/home/dev', { XDG_CONFIG_HOME: '/xdg' })).toEqual(['user:/xdg/zed/settings.json']);
    expect(files('zed', 'win32', 'C:\\Users\\dev', { APPDATA: 'D:\\R' })).toEqual(['user:D:\\R\\Zed\\settings.json']);
  });
  it('Goose: ~/.config/goose, %APPDATA%\\Block\\goose\\config on Windows', () => {
    expect(files('goose', 'darwin', '/Users/dev')).toEqual(['user:/Users/dev/.config/goose/config.yaml']);
    expect(files('goose', 'win32', 'C:\\Users\\dev', { APPDATA: 'D:\\R' })).toEqual(['user:D:\\R\\Block\\goose\\config\\config.yaml']);
  });
  it('opencode: XDG / OPENCODE_CONFIG; Cline CLI: CLINE_DIR / CLINE_MCP_SETTINGS_PATH; Grok: GROK_HOME', () => {
    expect(files('opencode', 'linux', '/home/dev', { OPENCODE_CONFIG: '/etc/oc.json' })).toEqual(['user:/home/dev/.config/opencode/opencode.json', 'user:/home/dev/.config/opencode/opencode.jsonc', 'user:/etc/oc.json']);
    expect(files('opencode', 'linux', '/home/dev', {}, '/src/app')).toEqual([
      'workspace:/src/app/opencode.json',
      'workspace:/src/app/opencode.jsonc',
      'workspace:/src/app/.opencode/opencode.json',
      'workspace:/src/app/.opencode/opencode.jsonc',
      'user:/home/dev/.config/opencode/opencode.json',
      'user:/home/dev/.config/opencode/opencode.jsonc',
    ]);
    expect(files('kilo', 'linux', '/home/dev')).toEqual(['user:/home/dev/.config/kilo/kilo.json', 'user:/home/dev/.config/kilo/kilo.jsonc']);
    expect(files('cline-cli', 'linux', '/home/dev', { CLINE_DIR: '/cl' })).toEqual(['user:/cl/data/settings/cline_mcp_settings.json']);
    expect(files('grok', 'linux', '/home/dev', { GROK_HOME: '/g' })).toEqual(['user:/g/config.toml']);
  });
  it('managed-mcp.json is not read for a sandbox home unless AWSMCP_SYSTEM_ROOT says where', () => {
    expect(files('claude-code-managed', 'linux', '/tmp/not-the-real-home')).toEqual([]);
    expect(files('claude-code-managed', 'linux', '/tmp/h', { AWSMCP_SYSTEM_ROOT: '/sys-root' })).toEqual(['user:/sys-root/etc/claude-code/managed-mcp.json']);
  });
});

describe('detectHostFile for the new hosts', () => {
  const home = '/home/dev';
  it.each([
    ['/home/dev/.codex/config.toml', 'codex', 'user'],
    ['/src/app/.codex/config.toml', 'codex', 'workspace'],
    ['/home/dev/.config/goose/config.yaml', 'goose', 'user'],
    ['/src/app/.continue/mcpServers/aws.yaml', 'continue', 'workspace'],
    ['/home/dev/.copilot/mcp-config.json', 'copilot-cli', 'user'],
    ['/src/app/.github/mcp.json', 'copilot-cli', 'workspace'],
    ['/src/app/.mcp.json', 'claude-code', 'workspace'],
    ['/home/dev/.mcp.json', 'claude-code', 'workspace'],
    ['/home/dev/.config/zed/settings.json', 'zed', 'user'],
    ['/src/app/.zed/settings.json', 'zed', 'workspace'],
    ['/src/app/opencode.json', 'opencode', 'workspace'],
    ['/home/dev/.codeium/windsurf/mcp_config.json', 'windsurf', 'user'],
    ['/home/dev/.aws/amazonq/default.json', 'amazonq-ide', 'user'],
    ['/home/dev/.kiro/agents/aws.json', 'kiro-agents', 'user'],
    ['/etc/claude-code/managed-mcp.json', 'claude-code-managed', 'user'],
  ])('%s -> %s (%s)', (file, host, scope) => {
    const d = detectHostFile(file, home);
    expect([d?.host.id, d?.scope]).toEqual([host, scope]);
  });
});

// ---- round trips -----------------------------------------------------------------------------

interface Fixture {
  host: HostId;
  text: string;
  /** The value the profile switch changes, as written in the file. */
  profileText: string;
}

const json = (root: string, entry: string, eol = '\n', comments = false) =>
  [
    '{',
    ...(comments ? ['  // MCP servers: edited by hand and by awsmcp'] : []),
    `  "${root}": {`,
    `    "aws-api": ${entry},`,
    `    "other":   {"command": "npx", "args": ["-y", "x"]}${comments ? ', // trailing comma' : ''}`,
    '  }',
    '}',
    '',
  ].join(eol);
const stdio = '{\n      "command": "uvx",\n      "args": ["awslabs.aws-api-mcp-server@latest"],\n      "env": { "AWS_PROFILE": "dev", "AWS_REGION": "us-east-1" }\n    }';
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

const FIXTURES: Fixture[] = [
  {
    host: 'codex',
    profileText: "'dev'",
    text: crlf(
      [
        '# Codex: model settings and MCP servers',
        'model = "o3"   # default model',
        '',
        '[profiles.work]',
        'model = "gpt-5"',
        '',
        '# the AWS API server',
        '[mcp_servers.aws-api]',
        'command = "uvx"',
        'args = [ "awslabs.aws-api-mcp-server@latest" ]',
        "env = { AWS_PROFILE = 'dev', AWS_REGION = \"us-east-1\" }",
        '',
        '[mcp_servers.other]',
        'command = "npx"',
        'args = ["-y", "x"]',
        '',
      ].join('\n'),
    ),
  },
  {
    host: 'grok',
    profileText: '"dev"',
    text: ['[mcp_servers.aws-api]', 'command = "uvx"', 'args = [', '  "awslabs.aws-api-mcp-server@latest",  # pinned below', ']', '', '[mcp_servers.aws-api.env]', 'AWS_PROFILE = "dev"', 'AWS_REGION = "us-east-1"', '', '[mcp_servers.other]', 'command = "npx"', ''].join('\n'),
  },
  {
    host: 'goose',
    profileText: 'dev',
    text: crlf(
      [
        '# goose config',
        'GOOSE_PROVIDER: anthropic     # provider',
        'extensions:',
        '  developer:',
        '    bundled: true',
        '    enabled: true',
        '    name: developer',
        '    type: builtin',
        '  aws-api:',
        '    name: aws-api',
        '    type: stdio',
        '    cmd: uvx',
        '    args: [awslabs.aws-api-mcp-server@latest]',
        '    envs:',
        '      AWS_PROFILE: dev    # switched by awsmcp',
        '      AWS_REGION: us-east-1',
        '    enabled: true',
        '  other: {name: other, type: stdio, cmd: npx, args: [-y, x], enabled: true}',
        'GOOSE_MODE: auto',
        '',
      ].join('\n'),
    ),
  },
  {
    host: 'continue',
    profileText: '"dev"',
    text: ['name: my-assistant', 'version: 1.0.0', 'schema: v1', 'mcpServers:', '  # AWS', '  - name: aws-api', '    command: uvx', '    args:', '      - awslabs.aws-api-mcp-server@latest', '    env:', '      AWS_PROFILE: "dev"', '  - name: other', '    command: npx', ''].join('\n'),
  },
  { host: 'copilot-cli', profileText: '"dev"', text: crlf(json('mcpServers', stdio.replace('{\n', '{\n      "type": "local",\n'))) },
  { host: 'gemini-cli', profileText: '"dev"', text: json('mcpServers', stdio) },
  { host: 'antigravity', profileText: '"dev"', text: json('mcpServers', stdio) },
  { host: 'windsurf', profileText: '"dev"', text: crlf(json('mcpServers', stdio)) },
  { host: 'cline', profileText: '"dev"', text: json('mcpServers', stdio.replace('{\n', '{\n      "disabled": false,\n      "autoApprove": [],\n')) },
  { host: 'cline-cli', profileText: '"dev"', text: json('mcpServers', stdio) },
  { host: 'roo', profileText: '"dev"', text: json('mcpServers', stdio.replace('{\n', '{\n      "alwaysAllow": [],\n')) },
  { host: 'zed', profileText: '"dev"', text: json('context_servers', stdio, '\n', true).replace('{\n', '{\n  "theme": "One Dark", // keep\n') },
  {
    host: 'opencode',
    profileText: '"dev"',
    text: crlf(
      [
        '{',
        '  "$schema": "https://opencode.ai/config.json",',
        '  // MCP servers (V2 layout)',
        '  "mcp": {',
        '    "servers": {',
        '      "aws-api": {',
        '        "type": "local",',
        '        "command": ["uvx", "awslabs.aws-api-mcp-server@latest", "--profile", "dev"],',
        '        "environment": { "AWS_REGION": "us-east-1" },',
        '      },',
        '      "other": { "type": "remote", "url": "https://example.com/mcp" },',
        '    },',
        '  },',
        '}',
        '',
      ].join('\n'),
    ),
  },
  {
    host: 'kilo',
    profileText: '"dev"',
    text: json('mcp', '{ "type": "local", "command": ["uvx", "awslabs.aws-api-mcp-server@latest"], "environment": { "AWS_PROFILE": "dev" } }', '\n', true).replace('"other":   {"command": "npx", "args": ["-y", "x"]}', '"other": {"type": "remote", "url": "https://example.com/mcp"}'),
  },
  { host: 'warp', profileText: '"dev"', text: json('mcpServers', stdio) },
  { host: 'visual-studio', profileText: '"dev"', text: json('servers', stdio.replace('{\n', '{\n      "type": "stdio",\n'), '\r\n', true).replace('"other":   {"command"', '"other":   {"type": "stdio", "command"') },
  { host: 'junie', profileText: '"dev"', text: json('mcpServers', stdio) },
  { host: 'amazonq-ide', profileText: '"dev"', text: json('mcpServers', stdio).replace('{\n', '{\n  "name": "default",\n  "tools": ["*"],\n') },
  { host: 'kiro-agents', profileText: '"dev"', text: json('mcpServers', stdio).replace('"other":   {"command": "npx", "args": ["-y", "x"]}', '"other":   {"command": "npx", "args": ["-y", "x"]}') },
];

describe.each(FIXTURES)('$host round trip', ({ host, text, profileText }) => {
  const file = `<${host}>`;
  it('reads the AWS server with its profile; other entries are read too', () => {
    const doc = parseHostConfig(text, { host, file, scope: 'user' });
    const names = doc.servers.map((s) => s.name);
    expect(names).toContain('aws-api');
    expect(names).toContain('other');
    expect(names).not.toContain('developer');
    const aws = doc.servers.find((s) => s.name === 'aws-api')!;
    expect(aws.command).toBe('uvx');
    expect(aws.args?.[0]).toBe('awslabs.aws-api-mcp-server@latest');
    expect(aws.aws.profile?.value).toBe('dev');
    expect(aws.location.host).toBe(host);
    // the location points at the entry's key
    const offset = text.split(/\n/).slice(0, aws.location.line - 1).join('\n').length + (aws.location.line > 1 ? 1 : 0) + aws.location.column - 1;
    expect(text.slice(offset)).toMatch(/^"?(name: )?aws-api/);
  });

  it('switching the profile changes only the profile bytes', () => {
    const doc = parseHostConfig(text, { host, file, scope: 'user' });
    const aws = doc.servers.find((s) => s.name === 'aws-api')!;
    const patch = aws.aws.profile!.source === 'arg --profile' ? { setArgs: { '--profile': 'prod' } } : { env: { AWS_PROFILE: 'prod' } };
    const out = patchServer(text, host, 'aws-api', patch, { file }).text;
    const r = changedRegion(text, out);
    expect(text.slice(r.start, r.endA)).toBe(profileText.includes('dev') ? 'dev' : profileText);
    expect(out.slice(r.start, r.endB)).toBe('prod');
    expect(parseHostConfig(out, { host, file, scope: 'user' }).servers.find((s) => s.name === 'aws-api')!.aws.profile?.value).toBe('prod');
  });

  it('adds a server in the host’s shape and removes it again, leaving the file as it was', () => {
    const spec = { name: 'aws-docs', command: 'uvx', args: ['awslabs.aws-documentation-mcp-server@latest'], env: { AWS_PROFILE: 'dev' } };
    const added = addServers(text, host, [spec], { file });
    expect(added.added).toEqual(['aws-docs']);
    const doc = parseHostConfig(added.text, { host, file, scope: 'user' });
    const got = doc.servers.find((s) => s.name === 'aws-docs')!;
    expect([got.command, got.args, got.env]).toEqual([spec.command, spec.args, spec.env]);
    // everything before the insertion point is untouched
    const r = changedRegion(text, added.text);
    expect(r.endA - r.start).toBeLessThanOrEqual(4);
    expect(addServers(added.text, host, [spec], { file }).unchanged).toEqual(['aws-docs']);
    const removed = removeServer(added.text, host, 'aws-docs', { file });
    expect(removed.removed).toEqual(['aws-docs']);
    expect(parseHostConfig(removed.text, { host, file, scope: 'user' }).servers.map((s) => s.name).sort()).toEqual(parseHostConfig(text, { host, file, scope: 'user' }).servers.map((s) => s.name).sort());
  });

  it('removes an existing server and nothing else of the other entries', () => {
    const out = removeServer(text, host, 'other', { file }).text;
    const doc = parseHostConfig(out, { host, file, scope: 'user' });
    expect(doc.servers.map((s) => s.name)).toEqual(['aws-api']);
    expect(out).toContain(text.includes('# the AWS API server') ? '# the AWS API server' : 'aws-api');
  });
});

describe('bad input', () => {
  it('a broken TOML / YAML file is a ConfigParseError at file:line:col with what was expected', () => {
    const toml = (() => {
      try {
        parseHostConfig('[mcp_servers.a]\ncommand = "uvx"\nargs = [\n', { host: 'codex', file: 'config.toml' });
      } catch (e) {
        return e as ConfigParseError;
      }
    })();
    expect(toml).toBeInstanceOf(ConfigParseError);
    expect(toml!.message).toMatch(/^config\.toml:\d+:\d+: /);
    const yaml = (() => {
      try {
        parseHostConfig('extensions:\n  a: [1, 2\nx: 1\n', { host: 'goose', file: 'config.yaml' });
      } catch (e) {
        return e as ConfigParseError;
      }
    })();
    expect(yaml).toBeInstanceOf(ConfigParseError);
    expect(yaml!.message).toMatch(/^config\.yaml:\d+:\d+: .*expected/);
  });

  it('a schema problem names the host key (Goose `envs`, opencode `command`)', () => {
    const doc = parseHostConfig('extensions:\n  a:\n    type: stdio\n    cmd: uvx\n    envs: [x]\n', { host: 'goose', file: 'c.yaml', strict: false });
    expect(doc.issues[0]).toMatchObject({ line: 5, code: 'SCHEMA', jsonPath: ['extensions', 'a', 'envs'] });
  });

  it('a broken file never hides the other hosts’ servers, and a shared .mcp.json is listed once with every host', async () => {
    const home = tempDir();
    const ws = path.join(home, 'ws');
    write(path.join(home, '.codex', 'config.toml'), '[mcp_servers.a\n');
    write(path.join(home, '.config', 'goose', 'config.yaml'), 'extensions:\n  eks:\n    type: stdio\n    cmd: uvx\n    envs: {AWS_PROFILE: dev}\n');
    write(path.join(ws, '.mcp.json'), '{"mcpServers": {"shared": {"command": "uvx"}}, "servers": {"vs-only": {"type": "stdio", "command": "uvx"}}}');
    const r = await listServers(undefined, { home, workspace: ws, platform: 'linux', env: {} });
    const codexFile = r.files.find((f) => f.host === 'codex' && f.scope === 'user')!;
    expect(codexFile.status).toBe('error');
    expect(codexFile.error?.message).toMatch(/config\.toml:\d+:\d+: /);
    expect(r.servers.find((s) => s.name === 'eks')?.aws.profile?.value).toBe('dev');
    const shared = r.files.filter((f) => f.file === path.join(ws, '.mcp.json'));
    expect(shared).toHaveLength(1);
    expect(shared[0]!.readBy).toEqual(['claude-code', 'copilot-cli', 'visual-studio']);
    expect(r.servers.filter((s) => s.name === 'shared')).toHaveLength(1);
    // Visual Studio's "servers" in .mcp.json: read for it, and only a warning for Claude Code
    expect(r.servers.find((s) => s.name === 'vs-only')?.location.host).toBe('visual-studio');
    expect(shared[0]!.issues.find((i) => i.code === 'WRONG_ROOT_KEY')).toMatchObject({ severity: 'warning', message: expect.stringContaining('Visual Studio') });
  });
});

it('getHost of a new id works and read-only hosts refuse edits', () => {
  expect(getHost('claude-code-managed').readOnly).toMatch(/administrator/);
  expect(() => addServers('{"mcpServers": {}}', 'claude-code-managed', [{ name: 'x', command: 'y' }])).toThrow(/read-only/);
});

describe('drift fixed for the first six hosts', () => {
  it('VS Code: an entry without `type`, env values that are numbers or null, `command` inputs are accepted', () => {
    const text = '{\n  "inputs": [{ "type": "command", "id": "tok", "command": "x.getToken" }],\n  "servers": {\n    // the docs\' own minimal example\n    "a": { "command": "uvx", "args": ["x"], "env": { "PORT": 8080, "UNSET": null, "AWS_PROFILE": "dev" } },\n  },\n}\n';
    const doc = parseHostConfig(text, { host: 'vscode', file: '.vscode/mcp.json' });
    expect(doc.servers[0]).toMatchObject({ name: 'a', transport: 'stdio', env: { PORT: '8080', AWS_PROFILE: 'dev' } });
    expect(doc.inputs[0]!.type).toBe('command');
    const out = patchServer(text, 'vscode', 'a', { env: { AWS_PROFILE: 'prod' } }).text;
    expect(out).toBe(text.replace('"AWS_PROFILE": "dev"', '"AWS_PROFILE": "prod"'));
  });
  it('Claude Code: CLAUDE_CONFIG_DIR moves ~/.claude.json; %USERPROFILE%\\.mcp.json is Visual Studio’s user file', () => {
    expect(files('claude-code', 'linux', '/home/dev', { CLAUDE_CONFIG_DIR: '/cfg/claude' })).toEqual(['user:/cfg/claude/.claude.json']);
    expect(files('visual-studio', 'win32', 'C:\\Users\\dev')).toEqual(['user:C:\\Users\\dev\\.mcp.json']);
    expect(getHost('visual-studio').match('C:\\Users\\dev\\.mcp.json', 'C:\\Users\\dev')).toBe('user');
  });
  it('Amazon Q: the mcp.json files are the IDE plugin’s legacy files', () => {
    expect(getHost('amazonq').displayName).toMatch(/IDE plugin \(legacy mcp\.json\)/);
    expect(getHost('amazonq').restartInstructions).toMatch(/Kiro CLI/);
  });
});
