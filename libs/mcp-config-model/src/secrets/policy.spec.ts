import * as fc from 'fast-check';
import {
  classifySecretName,
  diffConfigValues,
  isTemplateSecretName,
  escapeJsonForTerminal,
  isSecretName,
  isSecretValue,
  maskSecretsInText,
  redactArgs,
  redactEntry,
  sanitizeLine,
  sanitizeText,
  secretArgIndexes,
  secretMaskerFor,
  SECRET_MASK,
} from '../index';
import * as safety from '../safety';

describe('secret policy: names', () => {
  it.each([
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_ACCESS_KEY_ID',
    'GITHUB_TOKEN',
    'GITHUB_PERSONAL_ACCESS_TOKEN',
    'Authorization',
    'X-Api-Key',
    'x-api-key',
    'DD_APP_KEY',
    'DD_API_KEY',
    'DATABASE_URL',
    'SENTRY_DSN',
    'DB_PASSWORD',
    'PGPASSWORD',
    'MYSQL_PWD',
    'OPENAI_APIKEY',
    'PRIVATE_KEY',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'SLACK_BOT_TOKEN',
    '--api-key',
    '--token',
    'apiKey',
    'githubToken',
    'Cookie',
    'MONGO_CONNECTION_STRING',
  ])('%s is secret', (name) => expect(isSecretName(name)).toBe(true));

  it.each(['AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_API_MCP_PROFILE_NAME', 'FASTMCP_LOG_LEVEL', 'command', 'args', '--profile', '--region', 'HOME', 'PATH', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'keyboard', 'monkey'])(
    '%s is not secret',
    (name) => expect(isSecretName(name)).toBe(false),
  );
});

describe('secret policy: values', () => {
  it.each([
    'AKIAIOSFODNN7EXAMPLE',
    'ASIAXXXXXXXXXXXXXXXX',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'ghp_1234567890abcdefABCDEF',
    'github_pat_11ABCDEFG_xyz123456',
    'gho_abcdefgh12345',
    'xoxb-1234-5678-abcdef',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdef',
    'Bearer abc.def',
    'https://user:hunter2@db.example.com/x',
    'https://api.example.com/v1?token=abc123',
    'sk-ant-api03-abcdefghijklmnop',
  ])('%s is secret', (value) => expect(isSecretValue(value)).toBe(true));

  it.each(['prod-eu', 'us-east-1', 'uvx', 'awslabs.aws-api-mcp-server@latest', '--profile', 'https://example.com/mcp', 'dev', '0123456789abcdef0123456789abcdef01234567'])('%s is not secret', (value) =>
    expect(isSecretValue(value)).toBe(false),
  );
});

describe('secret policy: arguments', () => {
  it('masks flag values, --x=y, docker -e KEY=VALUE and secret-looking values', () => {
    const args = ['run', '-i', '--rm', '-e', 'GITHUB_TOKEN=ghp_secret123456', '-e', 'AWS_PROFILE=dev', '--api-key', 'x', '--token=dashed-secret-1', '--profile', 'prod', 'AKIAIOSFODNN7EXAMPLE', '-eDB_PASSWORD=pw', 'image'];
    expect(redactArgs(args)).toEqual(['run', '-i', '--rm', '-e', `GITHUB_TOKEN=${SECRET_MASK}`, '-e', 'AWS_PROFILE=dev', '--api-key', SECRET_MASK, `--token=${SECRET_MASK}`, '--profile', 'prod', SECRET_MASK, `-eDB_PASSWORD=${SECRET_MASK}`, 'image']);
    expect(secretArgIndexes(args)).toEqual([4, 8, 9, 12, 13]);
  });

  it('keeps placeholders', () => {
    expect(redactArgs(['--api-key', '${input:key}', '-e', 'TOKEN=${env:TOKEN}'])).toEqual(['--api-key', '${input:key}', '-e', 'TOKEN=${env:TOKEN}']);
  });
});

describe('secret policy: entries and text', () => {
  it('redactEntry masks env, headers, args and URL credentials; profile and region stay', () => {
    const e = redactEntry({
      command: 'docker',
      args: ['--api-key', 'k1'],
      env: { AWS_PROFILE: 'prod-eu', AWS_REGION: 'eu-west-1', AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjE', X: 'ghp_abcdefgh12345678' },
      headers: { Authorization: 'Bearer abc', 'X-Api-Key': 'short' },
      url: 'https://bob:pw@example.com/mcp?sig=abc&x=1',
    });
    expect(e).toEqual({
      command: 'docker',
      args: ['--api-key', SECRET_MASK],
      env: { AWS_PROFILE: 'prod-eu', AWS_REGION: 'eu-west-1', AWS_SESSION_TOKEN: SECRET_MASK, X: SECRET_MASK },
      headers: { Authorization: SECRET_MASK, 'X-Api-Key': SECRET_MASK },
      url: `https://bob:${SECRET_MASK}@example.com/mcp?sig=${SECRET_MASK}&x=1`,
    });
  });

  it.each([
    ['token ghp_abcdefghij1234 leaked', `token ${SECRET_MASK} leaked`],
    ['Authorization: Bearer abc.def-ghi', `Authorization: Bearer ${SECRET_MASK}`],
    ['docker run -e GITHUB_TOKEN=s3cr3t-with-dash image', `docker run -e GITHUB_TOKEN=${SECRET_MASK} image`],
    ['connect postgres://app:p4ss@db:5432/x failed', `connect postgres://app:${SECRET_MASK}@db:5432/x failed`],
    ['credential_process: my-tool --password hunter2 --profile dev', `credential_process: my-tool --password ${SECRET_MASK} --profile dev`],
    ['"GITHUB_TOKEN": "x",', `"GITHUB_TOKEN": "${SECRET_MASK}",`],
    ['AWS_SECRET_ACCESS_KEY: abc', `AWS_SECRET_ACCESS_KEY: ${SECRET_MASK}`],
    ['profile prod-eu in us-east-1', 'profile prod-eu in us-east-1'],
  ])('maskSecretsInText(%j)', (text, masked) => expect(maskSecretsInText(text)).toBe(masked));

  it('secretMaskerFor masks an argument on the line after its flag', () => {
    const text = '{\n  "servers": {\n    "x": {\n      "args": [\n        "--api-key",\n        "CANARY-arg-value"\n      ]\n    }\n  }\n}\n';
    const mask = secretMaskerFor(text);
    expect(mask('        "CANARY-arg-value"')).toBe(`        "${SECRET_MASK}"`);
  });

  it('secretMaskerFor on a large file (no parse): arguments from the literals of the line and the one before', () => {
    const big = 'x'.repeat(300 * 1024);
    const mask = secretMaskerFor(big);
    expect(mask('        "CANARY-split"', '        "--api-key",')).toBe(`        "${SECRET_MASK}"`);
    expect(mask('"args": ["run", "-e", "GITHUB_TOKEN=CANARY-e", "--token=CANARY-t", "--profile", "dev"],')).toBe(`"args": ["run", "-e", "GITHUB_TOKEN=${SECRET_MASK}", "--token=${SECRET_MASK}", "--profile", "dev"],`);
    expect(mask('"env": { "AWS_PROFILE": "dev", "DD_APP_KEY": "CANARY-dd" }')).toBe(`"env": { "AWS_PROFILE": "dev", "DD_APP_KEY": "${SECRET_MASK}" }`);
  });

  it('diffConfigValues names changed paths, masking secrets', () => {
    const before = JSON.stringify({ oauthAccount: { accessToken: 'CANARY-1' }, mcpServers: { a: { env: { AWS_PROFILE: 'dev', AWS_SESSION_TOKEN: 'CANARY-2' } } } });
    const after = JSON.stringify({ oauthAccount: { accessToken: 'CANARY-1' }, mcpServers: { a: { env: { AWS_PROFILE: 'prod', AWS_SESSION_TOKEN: 'CANARY-3' } } } });
    const d = diffConfigValues(before, after)!;
    expect(d).toEqual([
      { path: 'mcpServers.a.env.AWS_PROFILE', kind: 'changed', before: '"dev"', after: '"prod"' },
      { path: 'mcpServers.a.env.AWS_SESSION_TOKEN', kind: 'changed', before: `"${SECRET_MASK}"`, after: `${SECRET_MASK} (changed)` },
    ]);
    expect(JSON.stringify(d)).not.toContain('CANARY');
  });
});

describe('output sanitiser', () => {
  it('shows controls, ESC, OSC, CSI and bidi overrides visibly', () => {
    expect(sanitizeLine('a\x1b]52;c;ZXZpbA==\x07b')).toBe('a\\x1b]52;c;ZXZpbA==\\x07b');
    expect(sanitizeLine('x\x1b[2Jy\r\nz')).toBe('x\\x1b[2Jy\\r\\nz');
    expect(sanitizeLine('\u202egnp.exe')).toBe('\\u202egnp.exe');
    expect(sanitizeLine('\u009b31m')).toBe('\\x9b31m');
    expect(sanitizeText('line1\nline2\t\x1b[1m')).toBe('line1\nline2\t\\x1b[1m');
    expect(sanitizeLine('plain ✓ ü')).toBe('plain ✓ ü');
    expect(escapeJsonForTerminal(JSON.stringify({ a: '\u202e\u009b' }))).toBe('{"a":"\\u202e\\u009b"}');
    expect(JSON.parse(escapeJsonForTerminal(JSON.stringify({ a: '\u202e\u009b' })))).toEqual({ a: '\u202e\u009b' });
  });

  const forbidden = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
  const forbiddenBlock = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
  const nasty = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.array(fc.constantFrom('\x1b', '\x1b]52;c;', '\x07', '\x9b', '\x9d', '\u202e', '\u2066', '\r', '\n', '\t', 'a', '[2J', '\x00', '\x7f', '\u2028')).map((a) => a.join('')),
  );

  it('property: a sanitised line holds no control character at all', () => {
    fc.assert(fc.property(nasty, (s) => !forbidden.test(sanitizeLine(s))), { numRuns: 2000 });
  });

  it('property: sanitised text holds no control character but \\n and \\t', () => {
    fc.assert(fc.property(nasty, (s) => !forbiddenBlock.test(sanitizeText(s))), { numRuns: 2000 });
  });

  it('property: JSON escaped for the terminal means the same and holds no raw control character', () => {
    fc.assert(
      fc.property(fc.jsonValue(), nasty, (v, s) => {
        const text = escapeJsonForTerminal(JSON.stringify({ v, s }));
        return !forbidden.test(text) && JSON.stringify(JSON.parse(text)) === JSON.stringify({ v, s });
      }),
      { numRuns: 1000 },
    );
  });

  it('the ./safety entry point exports the same functions', () => {
    expect(safety.sanitizeLine).toBe(sanitizeLine);
    expect(safety.maskSecretsInText).toBe(maskSecretsInText);
  });
});

describe('one name rule, two thresholds (output masks `possible` too; templates replace `secret` only)', () => {
  it.each([
    ['GITHUB_TOKEN', 'secret'],
    ['X-Api-Key', 'secret'],
    ['DD_APP_KEY', 'secret'],
    ['DATABASE_URL', 'secret'],
    ['REDIS_URL', 'secret'],
    ['AWS_SECRET_ACCESS_KEY', 'secret'],
    ['AWS_ACCESS_KEY_ID', 'secret'],
    ['KMS_KEY_ID', 'possible'],
    ['SESSION_TTL', 'possible'],
    ['AWS_PROFILE', 'none'],
    ['AWS_REGION', 'none'],
    ['credential_process', 'none'],
    ['FASTMCP_LOG_LEVEL', 'none'],
  ])('%s: %s', (name, verdict) => {
    expect(classifySecretName(name)).toBe(verdict);
  });

  it('whatever a template must not hold, output masks', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,24}$/)), (name) => {
        if (isTemplateSecretName(name)) expect(isSecretName(name)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('secretMaskerFor on TOML and YAML host files (diffs of Codex, Goose, Continue files)', () => {
  it('masks secret values however they are written: quoted, single-quoted, bare, in inline tables', () => {
    const toml = '[mcp_servers.gh]\ncommand = "docker"\nenv = { GITHUB_TOKEN = "CANARY-toml-inline" }\n\n[mcp_servers.gh.http_headers]\nAuthorization = \'Bearer CANARY-toml-literal\'\n';
    const yaml = 'extensions:\n  gh:\n    cmd: docker\n    envs:\n      GITHUB_TOKEN: CANARY-yaml-bare\n      API_KEY: "CANARY-yaml-quoted"\n    timeout: 300\n';
    for (const text of [toml, yaml]) {
      const mask = secretMaskerFor(text);
      const shown = text.split('\n').map((l) => mask(l)).join('\n');
      expect(shown).not.toMatch(/CANARY-/);
      expect(shown).toContain('docker');
    }
    // non-secret values stay readable
    expect(secretMaskerFor(yaml)('    timeout: 300')).toBe('    timeout: 300');
  });
});
