import * as path from 'node:path';
import { detectServerPackage, lint, lintText, type LintFinding } from '../index';
import { CANARY, CANARY_KEY_ID, loadCatalog, tempDir, write } from '../__fixtures__/helpers';

const catalog = loadCatalog();
const HOME = '/home/dev';
const codes = (f: LintFinding[]) => f.map((x) => `${x.code}@${x.jsonPath.join('.')}`);

describe('detectServerPackage', () => {
  it.each([
    ['uvx', ['awslabs.eks-mcp-server==0.1.37', '--allow-write'], { runner: 'uvx', package: 'awslabs.eks-mcp-server', version: '0.1.37', pinned: true, specIndex: 0, serverArgsStart: 1 }],
    ['uvx', ['awslabs.eks-mcp-server@0.1.37'], { package: 'awslabs.eks-mcp-server', pinned: true }],
    ['uvx', ['awslabs.eks-mcp-server@latest'], { pinned: false, latest: true }],
    ['uvx', ['awslabs.eks-mcp-server'], { pinned: false, latest: false }],
    ['uvx', ['awslabs.eks-mcp-server>=0.1'], { pinned: false, version: '0.1' }],
    ['/usr/local/bin/uvx', ['--python', '3.12', '--from', 'awslabs.aws-api-mcp-server==1.0.0', 'awslabs.aws-api-mcp-server', '--read-only'], { package: 'awslabs.aws-api-mcp-server', pinned: true, specIndex: 3, serverArgsStart: 5 }],
    ['uv', ['tool', 'run', 'awslabs.ecs-mcp-server==0.1.0'], { package: 'awslabs.ecs-mcp-server', specIndex: 2 }],
    ['npx', ['-y', '@modelcontextprotocol/server-everything@2026.8.31', 'stdio'], { runner: 'npx', package: '@modelcontextprotocol/server-everything', version: '2026.8.31', pinned: true, serverArgsStart: 2 }],
    ['npx.cmd', ['--yes', 'some-server@latest'], { pinned: false, latest: true }],
    ['npx', ['-y', 'some-server'], { pinned: false }],
  ] as const)('%s %j', (cmd, args, expected) => {
    expect(detectServerPackage(cmd, args)).toMatchObject(expected);
  });
  it('other commands', () => expect(detectServerPackage('docker', ['run', 'x'])).toBeUndefined());
});

describe('lint rules', () => {
  const text = JSON.stringify({
    mcpServers: {
      eks: { command: 'uvx', args: ['awslabs.eks-mcp-server@latest', '--region', 'eu-west-1'], env: { AWS_PROFILE: 'acme-dev', AWS_REGION: 'us-east-1' } },
      cw: { command: 'uvx', args: ['awslabs.cloudwatch-mcp-server==0.1.8'], env: { AWS_PROFILE: 'acme-prod-admin' } },
      keys: { command: 'uvx', args: ['awslabs.aws-api-mcp-server==1.0.0', CANARY_KEY_ID], env: { AWS_ACCESS_KEY_ID: CANARY_KEY_ID, AWS_SECRET_ACCESS_KEY: CANARY, AWS_SESSION_TOKEN: CANARY, AWS_REGION: 'eu-west-1', SAFE: '${AWS_SESSION_TOKEN}' } },
    },
  }, null, 2);

  it('unpinned, unknown flag, region mismatch, profile without region, static keys, prod in user scope', () => {
    const findings = lintText(text, { file: `${HOME}/.claude.json` }, { catalog, tags: { 'acme-prod-admin': 'prod', 'acme-dev': 'dev' }, home: HOME });
    expect(codes(findings)).toEqual([
      'UNPINNED_VERSION@mcpServers.eks.args.0',
      'UNKNOWN_FLAG@mcpServers.eks.args.1',
      'REGION_MISMATCH@mcpServers.eks.args.2',
      'PROFILE_WITHOUT_REGION@mcpServers.cw.env.AWS_PROFILE',
      'PROD_PROFILE_IN_USER_SCOPE@mcpServers.cw.env.AWS_PROFILE',
      'STATIC_CREDENTIALS@mcpServers.keys.env.AWS_ACCESS_KEY_ID',
      'STATIC_CREDENTIALS@mcpServers.keys.env.AWS_SECRET_ACCESS_KEY',
      'STATIC_CREDENTIALS@mcpServers.keys.env.AWS_SESSION_TOKEN',
      'STATIC_CREDENTIALS@mcpServers.keys.args.1',
    ]);
    const [unpinned, flag] = findings;
    expect(unpinned).toMatchObject({ severity: 'warning', line: 6, column: 9, fix: 'pin an exact version: awslabs.eks-mcp-server==0.1.37' });
    expect(flag).toMatchObject({ severity: 'error', fix: 'remove --region (and its value) and set env AWS_REGION and AWS_DEFAULT_REGION instead', message: 'server "eks": awslabs.eks-mcp-server does not accept --region; the server exits at start' });
    expect(findings.find((f) => f.code === 'STATIC_CREDENTIALS')!.line).toBe(31);
  });

  it('an extra flag is an error only for servers that reject unknown flags; deprecated servers are flagged', () => {
    const t = JSON.stringify({
      mcpServers: {
        cw: { command: 'uvx', args: ['awslabs.cloudwatch-mcp-server==0.1.8', '--region', 'eu-west-1'], env: { AWS_PROFILE: 'dev', AWS_REGION: 'eu-west-1' } },
        cc: { command: 'uvx', args: ['awslabs.ccapi-mcp-server==1.0.25', '--readonly'], env: { AWS_PROFILE: 'dev', AWS_REGION: 'eu-west-1' } },
      },
    });
    const findings = lintText(t, { file: `${HOME}/.claude.json` }, { catalog, home: HOME });
    expect(codes(findings)).toEqual(['UNKNOWN_FLAG@mcpServers.cw.args.1', 'DEPRECATED_SERVER@mcpServers.cc.args.0']);
    expect(findings[0]).toMatchObject({ severity: 'warning', message: 'server "cw": awslabs.cloudwatch-mcp-server does not read --region; it ignores the flag, so the setting has no effect' });
    expect(findings[0]!.message).not.toContain('exits at start');
    expect(findings[1]).toMatchObject({ severity: 'warning', message: expect.stringContaining('superseded by iac') });
  });

  it('never echoes a secret value (canary)', () => {
    const all = JSON.stringify(lintText(text, { file: `${HOME}/.claude.json` }, { catalog, home: HOME }));
    expect(all).not.toContain(CANARY);
    expect(all).not.toContain(CANARY_KEY_ID);
  });

  it('a prod profile in a workspace file is not a user-scope finding', () => {
    const f = lintText(text, { file: '/w/app/.mcp.json' }, { tags: { 'acme-prod-admin': 'PROD' }, home: HOME });
    expect(f.map((x) => x.code)).not.toContain('PROD_PROFILE_IN_USER_SCOPE');
    expect(lintText(text, { file: '/w/app/.mcp.json', scope: 'user' }, { tags: { 'acme-prod-admin': 'PROD' }, home: HOME }).map((x) => x.code)).toContain('PROD_PROFILE_IN_USER_SCOPE');
  });

  it('templates: real profile names and account ids; placeholders are fine', () => {
    const tpl = JSON.stringify({ servers: {
      a: { type: 'stdio', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: 'acme-dev', AWS_REGION: '${input:awsRegion}', ROLE: 'arn:aws:iam::123456789012:role/r' } },
      b: { type: 'stdio', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: '${input:awsProfile}', AWS_REGION: '${input:awsRegion}' } },
    } });
    const f = lintText(tpl, { file: '/w/app/.vscode/mcp.json.template' }, { catalog, home: HOME });
    expect(codes(f)).toEqual(['REAL_PROFILE_IN_TEMPLATE@servers.a.env.AWS_PROFILE', 'ACCOUNT_ID_IN_TEMPLATE@servers.a.env.ROLE']);
    expect(JSON.stringify(f)).not.toContain('acme-dev');
    expect(JSON.stringify(f)).not.toContain('123456789012');
    expect(f[0]!.fix).toBe('use ${input:awsProfile} (or ${env:AWS_PROFILE})');
  });

  it('wrong root key, legacy location, invalid entries', () => {
    expect(lintText('{"mcpServers": {"a": {"command": "x"}}}', { file: '/w/.vscode/mcp.json' }, { home: HOME })[0]).toMatchObject({ code: 'WRONG_ROOT_KEY', severity: 'error', fix: 'rename "mcpServers" to "servers"', line: 1, column: 2 });
    expect(lintText('{"mcpServers": {"a": {"command": "x"}}}', { file: `${HOME}/.claude/settings.json` }, { home: HOME })[0]).toMatchObject({ code: 'LEGACY_LOCATION', severity: 'warning' });
    expect(lintText('{"mcpServers": {"a": 1}}', { file: '/w/.mcp.json' }, { home: HOME })[0]).toMatchObject({ code: 'INVALID_CONFIG', line: 1, column: 22 });
    expect(lintText('{"mcpServers": ', { file: '/w/.mcp.json' }, { home: HOME })[0]).toMatchObject({ code: 'INVALID_CONFIG', line: 1 });
  });
});

describe('SERVER_CAVEAT', () => {
  const withCaveats = {
    servers: [
      {
        id: 'cc',
        package: 'awslabs.ccapi-mcp-server',
        version: '1.0.25',
        acceptedFlags: ['--readonly'],
        rejectsUnknownFlags: true,
        caveats: [
          { severity: 'warning' as const, message: 'prints to stdout before it serves', fix: 'replace it with iac' },
          { severity: 'info' as const, message: 'is read-only', whenArg: '--readonly' },
        ],
      },
    ],
  };
  const lintCc = (args: string[]) =>
    lintText(JSON.stringify({ mcpServers: { cc: { command: 'uvx', args: ['awslabs.ccapi-mcp-server==1.0.25', ...args], env: { AWS_PROFILE: 'p', AWS_REGION: 'eu-west-1' } } } }), { file: `${HOME}/.claude.json` }, { catalog: withCaveats, home: HOME });

  it('one finding per caveat of the catalog, at the package argument, with its severity and fix', () => {
    const f = lintCc([]);
    expect(codes(f)).toEqual(['SERVER_CAVEAT@mcpServers.cc.args.0']);
    expect(f[0]).toMatchObject({ severity: 'warning', server: 'cc', message: 'server "cc": awslabs.ccapi-mcp-server prints to stdout before it serves', fix: 'replace it with iac', line: 1 });
  });

  it('a caveat with whenArg only when the entry passes that argument', () => {
    expect(lintCc(['--readonly']).map((x) => [x.code, x.severity, x.message])).toEqual([
      ['SERVER_CAVEAT', 'warning', 'server "cc": awslabs.ccapi-mcp-server prints to stdout before it serves'],
      ['SERVER_CAVEAT', 'info', 'server "cc": awslabs.ccapi-mcp-server is read-only'],
    ]);
  });
});

describe('lint(files)', () => {
  it('reads files, reports unreadable ones, and never stops at a bad file', async () => {
    const dir = tempDir();
    const good = write(path.join(dir, 'app', '.mcp.json'), '{"mcpServers": {"eks": {"command": "uvx", "args": ["awslabs.eks-mcp-server"]}}}');
    const bad = write(path.join(dir, 'app', '.cursor', 'mcp.json'), Buffer.from([0x7b, 0xff, 0x7d]));
    const findings = await lint([bad, { file: good }, path.join(dir, 'missing', '.mcp.json')], { catalog, home: dir });
    expect(findings.map((f) => f.code)).toEqual(['READ_ERROR', 'UNPINNED_VERSION', 'READ_ERROR']);
    expect(findings[0]).toMatchObject({ line: 1, column: 2 });
  });
});

describe('lint on TOML and YAML hosts: host paths and file:line:col', () => {
  const at = (f: LintFinding) => `${f.code}@${f.jsonPath.join('.')}:${f.line}:${f.column}`;

  it('Codex config.toml (comments, CRLF, dotted keys): findings point at the TOML keys', () => {
    const text = ['# codex', 'model = "o4"', '', '[mcp_servers.eks]', 'command = "uvx"', 'args = ["awslabs.eks-mcp-server@latest"]', '', '[mcp_servers.eks.env]', `AWS_ACCESS_KEY_ID = "${CANARY_KEY_ID}"`, 'AWS_PROFILE = "dev"', ''].join('\r\n');
    const f = lintText(text, { file: `${HOME}/.codex/config.toml` }, { catalog, home: HOME });
    expect(f.map(at)).toEqual(['UNPINNED_VERSION@mcp_servers.eks.args.0:6:9', 'PROFILE_WITHOUT_REGION@mcp_servers.eks.env.AWS_PROFILE:10:1', 'STATIC_CREDENTIALS@mcp_servers.eks.env.AWS_ACCESS_KEY_ID:9:1']);
    for (const x of f) expect(x.message).not.toContain(CANARY_KEY_ID);
  });

  it('Goose config.yaml: `envs`, not `env`, at its line', () => {
    const text = '# goose\nextensions:\n  eks:\n    type: stdio\n    cmd: uvx\n    args: [awslabs.eks-mcp-server==0.1.37]\n    envs:\n      AWS_PROFILE: dev\n';
    const f = lintText(text, { file: `${HOME}/.config/goose/config.yaml` }, { catalog, home: HOME });
    expect(f.map(at)).toEqual(['PROFILE_WITHOUT_REGION@extensions.eks.envs.AWS_PROFILE:8:7']);
  });

  it('a committed Continue template with a real profile: the list item path and line', () => {
    const text = 'mcpServers:\n  - name: eks\n    command: uvx\n    args: ["awslabs.eks-mcp-server==0.1.37"]\n    env:\n      AWS_PROFILE: acme-dev\n      AWS_REGION: eu-west-1\n';
    const f = lintText(text, { file: '/w/.continue/mcpServers/aws.yaml.template' }, { catalog, home: HOME });
    expect(f.map(at)).toEqual(['REAL_PROFILE_IN_TEMPLATE@mcpServers.0.env.AWS_PROFILE:6:7']);
    expect(f[0]!.fix).toBe('use the placeholder ${AWS_PROFILE}');
  });

  it('a broken TOML file is INVALID_CONFIG at file:line:col with a TOML fix', () => {
    const f = lintText('[mcp_servers.a\n', { file: `${HOME}/.codex/config.toml` }, { home: HOME });
    expect(f[0]).toMatchObject({ code: 'INVALID_CONFIG', file: `${HOME}/.codex/config.toml`, line: 2, column: 1, fix: 'fix the TOML syntax' });
  });
});

describe('Kiro expands only approved variables', () => {
  const text = JSON.stringify({ mcpServers: { eks: { command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: '${AWS_PROFILE}', AWS_REGION: '${AWS_REGION}', X: '${AWS_PROFILE}' } } } }, null, 2);
  const file = '/w/.kiro/settings/mcp.json';
  it('a variable not on the approved list is a warning naming the setting', () => {
    const f = lintText(text, { file }, { catalog, home: HOME, approvedVariables: ['AWS_REGION'] });
    expect(f.map((x) => [x.code, x.severity, x.jsonPath.join('.'), x.line])).toEqual([['UNAPPROVED_VARIABLE', 'warning', 'mcpServers.eks.env.AWS_PROFILE', 9]]);
    expect(f[0]!.fix).toMatch(/^approve AWS_PROFILE in Mcp Approved Env Vars \(kiroAgent\.mcpApprovedEnvVars\)/);
  });
  it('without the list, each variable is an info finding; other hosts never get one', () => {
    expect(lintText(text, { file }, { catalog, home: HOME }).map((x) => `${x.code}:${x.severity}`)).toEqual(['UNAPPROVED_VARIABLE:info', 'UNAPPROVED_VARIABLE:info']);
    expect(lintText(text, { file: '/w/.mcp.json' }, { catalog, home: HOME })).toEqual([]);
    expect(lintText(text, { file }, { catalog, home: HOME, approvedVariables: ['AWS_PROFILE', 'AWS_REGION'] })).toEqual([]);
  });
});

it('REAL_PROFILE_IN_TEMPLATE says the placeholder in the host’s own syntax', () => {
  const text = JSON.stringify({ mcpServers: { eks: { command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: 'acme-dev', AWS_REGION: 'eu-west-1' } } } });
  expect(lintText(text, { file: '/w/.cursor/mcp.json.template' }, { home: HOME }).map((f) => f.fix)).toEqual(['use the placeholder ${env:AWS_PROFILE}']);
  expect(lintText(text, { file: '/w/.mcp.json.template' }, { home: HOME }).map((f) => f.fix)).toEqual(['use the placeholder ${AWS_PROFILE}']);
});

it('opencode: an arg finding points into the command array (command[i + 1]) at its line', () => {
  const text = '{\n  // opencode V2\n  "mcp": {\n    "servers": {\n      "eks": {\n        "type": "local",\n        "command": ["uvx", "awslabs.eks-mcp-server@latest"],\n      },\n    },\n  },\n}\n';
  const f = lintText(text, { file: '/w/opencode.json' }, { catalog, home: HOME });
  expect(f.map((x) => `${x.code}@${x.jsonPath.join('.')}:${x.line}:${x.column}`)).toEqual(['UNPINNED_VERSION@mcp.servers.eks.command.1:7:28']);
});
