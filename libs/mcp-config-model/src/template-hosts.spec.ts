// Templates and hydration on every host format (TOML, YAML, JSONC with other shapes), each host's
// own variable syntax, and warnings for what a host cannot take.
import * as fc from 'fast-check';
import { addServers, findTemplateSecrets, getHost, hydrate, HydrateError, hydrationPlan, HOSTS, parseHostConfig, removeServer, toTemplate, type HostId, type ServerSpec } from './index';
import { CANARY } from './__fixtures__/helpers';

const eks: ServerSpec = { name: 'eks', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37', '--profile', 'acme-dev'], env: { AWS_PROFILE: 'acme-dev', AWS_REGION: 'eu-west-1' } };
const entries = () => parseHostConfig(JSON.stringify({ mcpServers: { eks: { command: eks.command, args: eks.args, env: eks.env } } }), { file: '/w/.mcp.json', home: '/h' }).servers;

describe('toTemplate writes the host’s own format and variable syntax', () => {
  it.each(['codex', 'goose', 'continue', 'zed', 'opencode', 'kilo', 'grok', 'windsurf', 'gemini-cli'] as HostId[])('%s: the template parses for the host and holds no real value', (host) => {
    const t = toTemplate(entries(), {}, { host });
    expect(t.text).not.toContain('acme-dev');
    expect(t.text).not.toContain('eu-west-1');
    const s = parseHostConfig(t.text, { host, file: 'template' }).servers[0]!;
    expect(s.name).toBe('eks');
    expect(s.args).toEqual(['awslabs.eks-mcp-server==0.1.37', '--profile', expect.stringContaining('AWS_PROFILE')]);
  });

  it('Codex is TOML tables, Goose YAML `extensions` with `envs`, Continue a YAML list, opencode `mcp.servers`', () => {
    expect(toTemplate(entries(), {}, { host: 'codex' }).text).toBe(
      '[mcp_servers.eks]\ncommand = "uvx"\nargs = ["awslabs.eks-mcp-server==0.1.37", "--profile", "${AWS_PROFILE}"]\nenv = { AWS_PROFILE = "${AWS_PROFILE}", AWS_REGION = "${AWS_REGION}" }\n',
    );
    expect(toTemplate(entries(), {}, { host: 'goose' }).text).toContain('extensions:\n  eks:\n    name: eks\n    enabled: true\n    type: stdio\n    cmd: uvx\n');
    expect(toTemplate(entries(), {}, { host: 'goose' }).text).toContain('    envs:\n      AWS_PROFILE: "${AWS_PROFILE}"\n');
    expect(toTemplate(entries(), {}, { host: 'continue' }).text).toMatch(/^mcpServers:\n {2}- name: eks\n/);
    expect(JSON.parse(toTemplate(entries(), {}, { host: 'opencode' }).text).mcp.servers.eks).toMatchObject({ type: 'local', command: ['uvx', 'awslabs.eks-mcp-server==0.1.37', '--profile', '${AWS_PROFILE}'], environment: { AWS_REGION: '${AWS_REGION}' } });
  });

  it('per-host syntax comes from the adapter: ${env:NAME} for Cursor / Amazon Q / Windsurf, ${NAME} for Claude Code / Kiro, ${input:id} for VS Code', () => {
    const profileOf = (host: HostId) => parseHostConfig(toTemplate(entries(), {}, { host }).text, { host, file: 't' }).servers[0]!.env!.AWS_PROFILE;
    for (const host of ['cursor', 'amazonq', 'amazonq-ide', 'windsurf'] as HostId[]) expect(profileOf(host)).toBe('${env:AWS_PROFILE}');
    for (const host of ['claude-code', 'kiro', 'copilot-cli', 'grok', 'codex', 'goose', 'claude-desktop'] as HostId[]) expect(profileOf(host)).toBe('${AWS_PROFILE}');
    expect(profileOf('vscode')).toBe('${input:awsProfile}');
    // the adapters say it: native hosts have a syntax, hydrate hosts expand none
    for (const h of HOSTS) {
      if (h.templateStyle === 'hydrate') expect([h.id, h.variableSyntax]).toEqual([h.id, 'none']);
      else expect([h.id, h.variableSyntax]).not.toEqual([h.id, 'none']);
    }
  });

  it('Codex takes secrets from the environment by name (env_vars, bearer_token_env_var, env_http_headers)', () => {
    const t = toTemplate(
      [
        { name: 'gh', command: 'npx', args: ['-y', 'gh-mcp@1.0.0'], env: { GITHUB_TOKEN: CANARY } },
        { name: 'api', url: 'https://mcp.example.com/mcp', headers: { Authorization: `Bearer ${CANARY}`, 'X-Api-Key': CANARY } },
      ],
      {},
      { host: 'codex' },
    );
    expect(t.text).not.toContain(CANARY);
    expect(t.text).toContain('env_vars = ["GITHUB_TOKEN"]');
    expect(t.text).toContain('bearer_token_env_var = "AUTHORIZATION"');
    expect(t.text).toContain('env_http_headers = { X-Api-Key = "X_API_KEY" }');
    expect(t.warnings).toEqual([]);
  });

  it('warns (never silently drops) when a field cannot be written or a secret would pass literally', () => {
    const goose = toTemplate([{ name: 'gh', command: 'npx', env: { GITHUB_TOKEN: CANARY } }], {}, { host: 'goose' });
    expect(goose.text).not.toContain(CANARY);
    expect(goose.warnings).toEqual([{ server: 'gh', path: ['env', 'GITHUB_TOKEN'], message: expect.stringMatching(/^Goose expands no variables: env\.GITHUB_TOKEN would reach the server as the text \$\{GITHUB_TOKEN\}/) }]);
    const remote = toTemplate([{ name: 'r', url: 'https://mcp.example.com/mcp', env: { REGION: 'x' } }], {}, { host: 'cursor' });
    expect(remote.warnings).toEqual([{ server: 'r', path: ['env'], message: 'Cursor cannot take "env" for a http server: it was left out of the template' }]);
    const envFile = toTemplate([{ name: 'e', command: 'x', envFile: '.env' }], {}, { host: 'codex' });
    expect(envFile.warnings.map((w) => w.path)).toEqual([['envFile']]);
    expect(toTemplate([{ name: 'e', command: 'x', envFile: '.env' }], {}, { host: 'cursor' }).warnings).toEqual([]);
  });
});

describe('hydrate on TOML and YAML templates keeps every other byte', () => {
  const codexTpl = [
    '# team Codex config: committed template',
    'model = "o4"   # keep',
    '_hydrate = ["CLUSTER"]',
    '',
    '[mcp_servers.eks]',
    "command = 'uvx' # literal string",
    'args = [',
    '  "awslabs.eks-mcp-server==0.1.37", # pinned',
    '  "--profile", "${AWS_PROFILE}",',
    ']',
    '',
    '[mcp_servers.eks.env]',
    'AWS_REGION = "${AWS_REGION:-us-east-1}"',
    "CLUSTER = '${CLUSTER}'",
    'NOTE = "token stays ${GITHUB_TOKEN}"',
    '',
  ].join('\r\n');

  it('Codex TOML with comments and CRLF: only the placeholders change, _hydrate goes', () => {
    const out = hydrate(codexTpl, { AWS_PROFILE: 'dev "x"', CLUSTER: 'c1' }, 'codex', { file: '.codex/config.toml' });
    const want = codexTpl
      .replace('"${AWS_PROFILE}"', '"dev \\"x\\""')
      .replace('"${AWS_REGION:-us-east-1}"', '"us-east-1"')
      .replace("'${CLUSTER}'", "'c1'")
      .replace('_hydrate = ["CLUSTER"]\r\n', '');
    expect(out).toBe(want);
    const s = parseHostConfig(out, { host: 'codex', file: 'c.toml' }).servers[0]!;
    expect(s.args![2]).toBe('dev "x"');
    expect(s.env).toEqual({ AWS_REGION: 'us-east-1', CLUSTER: 'c1', NOTE: 'token stays ${GITHUB_TOKEN}' });
    expect(hydrationPlan(codexTpl, [], 't', 'codex')).toMatchObject({ declared: ['CLUSTER'], fill: ['AWS_PROFILE', 'AWS_REGION', 'CLUSTER'], secrets: ['GITHUB_TOKEN'] });
  });

  it('Goose / Continue YAML: quoting style and comments kept', () => {
    const goose = '# goose\r\nGOOSE_PROVIDER: anthropic   # provider\r\nextensions:\r\n  eks:\r\n    name: eks\r\n    type: stdio\r\n    cmd: uvx\r\n    args: [awslabs.eks-mcp-server==0.1.37]\r\n    envs:\r\n      AWS_PROFILE: ${AWS_PROFILE}   # plain\r\n      AWS_REGION: \'${AWS_REGION}\'\r\n';
    const out = hydrate(goose, { AWS_PROFILE: 'dev', AWS_REGION: 'eu-west-1' }, 'goose');
    expect(out).toBe(goose.replace('${AWS_PROFILE}   # plain', 'dev   # plain').replace("'${AWS_REGION}'", "'eu-west-1'"));
    const cont = 'name: team\nmcpServers:\n  - name: eks # the list form\n    command: uvx\n    env:\n      AWS_PROFILE: "${AWS_PROFILE}"\n';
    expect(hydrate(cont, { AWS_PROFILE: 'dev' }, 'continue')).toBe(cont.replace('"${AWS_PROFILE}"', '"dev"'));
  });

  it('reports every missing value at once, refuses secrets, and a broken template names file:line:col', () => {
    expect(() => hydrate(codexTpl, {}, 'codex')).toThrow(new HydrateError('missing values for AWS_PROFILE, CLUSTER: nothing was written', ['AWS_PROFILE', 'CLUSTER']));
    expect(() => hydrate(codexTpl, { AWS_PROFILE: 'd', CLUSTER: 'c', GITHUB_TOKEN: CANARY }, 'codex')).toThrow(/GITHUB_TOKEN is a secret/);
    expect(() => hydrate('[mcp_servers.a\ncommand = "x"\n', {}, 'codex', { file: 'config.toml.template' })).toThrow(/^the template is not valid TOML: config\.toml\.template:\d+:\d+: /);
    expect(() => hydrate('extensions:\n  a: [1, 2\n', {}, 'goose', { file: 'g.yaml' })).toThrow(/^the template is not valid YAML: g\.yaml:\d+:\d+: /);
  });

  it('a template from toTemplate hydrates into a concrete file for each TOML / YAML host', () => {
    for (const host of ['codex', 'grok', 'goose', 'continue'] as HostId[]) {
      const t = toTemplate(entries(), {}, { host });
      const out = hydrate(t.text, { AWS_PROFILE: 'dev', AWS_REGION: 'us-east-1' }, host);
      const s = parseHostConfig(out, { host, file: 'c' }).servers[0]!;
      expect([host, s.aws.profile?.value, s.aws.region?.value]).toEqual([host, 'dev', 'us-east-1']);
    }
  });
});

describe('add / remove round trips keep untouched bytes (CRLF, comments, odd layout)', () => {
  const fixtures: { host: HostId; text: string }[] = [
    { host: 'codex', text: '# top\r\nmodel = "o4"\r\n\r\n[mcp_servers.a]   # first\r\ncommand = "x"\r\nenv = {A="1"}\r\n\r\n# profiles below\r\n[profiles.p]\r\nmodel = "o3"\r\n' },
    { host: 'goose', text: '# goose\r\nGOOSE_MODEL: x   # m\r\nextensions:\r\n  developer: {type: builtin, name: developer, enabled: true}\r\n  a:\r\n    type: stdio\r\n    cmd: x   # c\r\n' },
    { host: 'continue', text: 'name: team # n\r\nmcpServers:\r\n  - name: a\r\n    command: x\r\nmodels: []\r\n' },
  ];
  it.each(fixtures)('$host', ({ host, text }) => {
    const spec: ServerSpec = { name: 'b', command: 'uvx', args: ['p==1'], env: { AWS_PROFILE: 'dev' } };
    const added = addServers(text, host, [spec]).text;
    expect(added.replace(/\r\n/g, '')).not.toContain('\n');
    expect(removeServer(added, host, 'b').text.replace(/\r?\n\r?\n/g, '\r\n')).toBe(text.replace(/\r?\n\r?\n/g, '\r\n'));
    expect(removeServer(text, host, 'a').text).not.toMatch(/command = "x"|cmd: x|command: x/);
  });
});

describe('property: hydrate changes only the placeholder scalars', () => {
  const value = fc.stringMatching(/^[A-Za-z0-9 "'\\_./:-]{0,12}$/);
  it.each(['codex', 'goose'] as HostId[])('%s', (host) => {
    fc.assert(
      fc.property(value, value, fc.boolean(), (profile, region, crlf) => {
        const base = toTemplate(entries(), {}, { host }).text;
        const eol = crlf ? '\r\n' : '\n';
        const tpl = ('# c1' + eol + base.replace(/\n/g, eol)).replace(/\r\r/g, '\r');
        const out = hydrate(tpl, { AWS_PROFILE: profile, AWS_REGION: region }, host);
        const s = parseHostConfig(out, { host, file: 'c' }).servers[0]!;
        expect(s.env![getHost(host).id === 'codex' ? 'AWS_PROFILE' : 'AWS_PROFILE']).toBe(profile);
        expect(s.env!.AWS_REGION).toBe(region);
        // every line without a placeholder is unchanged
        const keep = tpl.split(eol).filter((l) => !l.includes('${'));
        expect(out.split(eol).filter((l) => keep.includes(l))).toEqual(keep);
      }),
      { numRuns: 40 },
    );
  });
});

describe('odd layouts: add then remove gives the file back byte for byte', () => {
  const spec: ServerSpec = { name: 'b', command: 'uvx', args: ['p==1'], env: { AWS_PROFILE: 'dev' } };
  it.each([
    ['codex', 'model = "x"\nmcp_servers.a.command = "x" # dotted\nmcp_servers.a.args = ["1"]\n'],
    ['codex', 'mcp_servers = { a = { command = "x" } } # inline\n'],
    ['codex', '[mcp_servers]\r\na = { command = "x", env = { K = "v" } }\r\n\r\n[other]\r\nz = 1'],
    ['goose', 'extensions: {a: {type: stdio, cmd: x}}  # flow\nother: 1\n'],
    ['goose', 'extensions:\n    a:\n        type: stdio\n        cmd: x\nother: 1\n'],
    ['continue', 'mcpServers: [{name: a, command: x}]\n'],
    ['continue', 'mcpServers:\n- name: a\n  command: x\n'],
  ] as [HostId, string][])('%s %j', (host, text) => {
    const added = addServers(text, host, [spec]);
    expect(added.added).toEqual(['b']);
    expect(parseHostConfig(added.text, { host, file: 'f' }).servers.map((s) => [s.name, s.env?.AWS_PROFILE])).toEqual([['a', undefined], ['b', 'dev']]);
    expect(removeServer(added.text, host, 'b').text).toBe(text);
  });
});

it('a Codex template’s env-name keys are not secrets: mcp-check passes it, re-templating keeps them', () => {
  const t = toTemplate([{ name: 'api', url: 'https://mcp.example.com/mcp', headers: { 'X-Api-Key': CANARY } }], {}, { host: 'codex' });
  const s = parseHostConfig(t.text, { host: 'codex', file: 'c.toml' }).servers[0]!;
  expect(findTemplateSecrets(s, getHost('codex'))).toEqual([]);
  expect(findTemplateSecrets(s)).toHaveLength(1); // without the host: a secret-named key with a literal
  expect(toTemplate([s], {}, { host: 'codex' }).text).toBe(t.text);
});

it('a secret inside a longer value (a URL password) on a host that expands nothing is a warning too', () => {
  const t = toTemplate([{ name: 'db', command: 'db-mcp', env: { DATABASE_URI: `postgres://app:${CANARY}@db.internal/app` } }], {}, { host: 'codex' });
  expect(t.text).not.toContain(CANARY);
  expect(t.warnings).toEqual([{ server: 'db', path: ['env', 'DATABASE_URI'], message: expect.stringMatching(/^OpenAI Codex expands no variables: env\.DATABASE_URI would reach the server as the text \$\{DATABASE_PASSWORD\}/) }]);
});

it('no entries: a template that still parses for the host', () => {
  for (const host of ['claude-code', 'opencode', 'codex', 'goose', 'vscode'] as HostId[]) {
    const t = toTemplate([], {}, { host });
    expect(parseHostConfig(t.text, { host, file: 't' }).servers).toEqual([]);
  }
  expect(toTemplate([], {}, { host: 'opencode' }).text).toBe('{\n  "mcp": {\n    "servers": {}\n  }\n}\n');
});
