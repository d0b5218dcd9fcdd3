import { classifyTemplateValue, findTemplateSecrets, isSecretValue, isTemplateSecretName, looksRandom, TemplateSecretError, toTemplate } from './index';
import { CANARY, CANARY_KEY_ID } from './__fixtures__/helpers';

// canaries shaped like real credentials (each must vanish from every template)
const GH = 'ghp_CANARYcanary0123456789abcdefABCDEF';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY1';
const RANDOM = 'x7Kq2mP9vL4nR8tBq2Zw';

describe('isTemplateSecretName', () => {
  it.each(['DD_APP_KEY', 'DD_API_KEY', 'X-Api-Key', 'x-api-key', 'DATABASE_URL', 'SENTRY_DSN', 'GITHUB_PERSONAL_ACCESS_TOKEN', 'Authorization', 'AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SESSION_TOKEN', '--api-key', '--token', '--password', 'DB_PASS', 'Cookie', 'CLIENT_SECRET', 'SLACK_WEBHOOK_URL', 'REDIS_URL', 'KEY'])('%s is secret', (n) => {
    expect(isTemplateSecretName(n)).toBe(true);
  });
  it.each(['AWS_PROFILE', 'AWS_REGION', 'AWS_API_MCP_PROFILE_NAME', 'FASTMCP_LOG_LEVEL', 'READ_OPERATIONS_ONLY', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'KMS_KEY_ID', 'AUTH_URL', 'PWD', '--profile', '--region', 'AUTHOR'])('%s is not secret', (n) => {
    expect(isTemplateSecretName(n)).toBe(false);
  });
});

describe('value shapes', () => {
  it('knows credential shapes and random literals, not names, versions, images or ids', () => {
    for (const v of [CANARY_KEY_ID, AWS_SECRET, GH, 'xoxb-1234567890-abcdefghij', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U']) expect(isSecretValue(v)).toBe(true);
    for (const v of ['dev-sandbox', 'eu-west-1', 'awslabs.eks-mcp-server==0.1.37', '123456789012', 'd41d8cd98f00b204e9800998ecf8427e'.toUpperCase().slice(0, 20)]) expect(isSecretValue(v)).toBe(false);
    expect(looksRandom(RANDOM)).toBe(true);
    for (const v of ['public.ecr.aws/awslabs-mcp/awslabs/aws-api-mcp-server:latest', 'my-cluster-name-2024', '2024-01-01T00:00:00Z', 'ReadOnlyAccess-123456789012', '123e4567-e89b-12d3-a456-426614174000']) expect(looksRandom(v)).toBe(false);
  });

  it('classifyTemplateValue: safe / secret / unknown, never echoing the value', () => {
    expect(classifyTemplateValue('abc', { field: 'env', key: 'DD_APP_KEY' })).toEqual({ kind: 'secret', reason: 'env DD_APP_KEY names a secret' });
    expect(classifyTemplateValue('https://u:pw@db/x', { field: 'url' }).kind).toBe('secret');
    expect(classifyTemplateValue(RANDOM, { field: 'env', key: 'SOMETHING' })).toEqual({ kind: 'unknown', reason: 'env.SOMETHING holds a long random-looking literal that may be a credential' });
    expect(classifyTemplateValue('eu-west-1', { field: 'env', key: 'AWS_REGION' }).kind).toBe('safe');
    expect(classifyTemplateValue('true', { field: 'env', key: 'AUTH_ENABLED' }).kind).toBe('safe');
    // identifiers are not credentials: by name, and AWS resource ids by shape
    expect(classifyTemplateValue('d41d8cd98f00b204e9800998ecf8427e', { field: 'env', key: 'APP_ID' }).kind).toBe('safe');
    expect(classifyTemplateValue('vpc-0a1b2c3d4e5f67890', { field: 'env', key: 'NETWORK' }).kind).toBe('safe');
    expect(classifyTemplateValue('d41d8cd98f00b204e9800998ecf8427e', { field: 'env', key: 'SIGNING' }).kind).toBe('unknown');
    expect(JSON.stringify(classifyTemplateValue(RANDOM, { field: 'env', key: 'X' }))).not.toContain(RANDOM);
  });
});

describe('toTemplate replaces every secret-looking value (issue 15, item 2)', () => {
  const entries = [
    {
      name: 'docker',
      command: 'docker',
      args: ['run', '-i', '--rm', '-e', `GITHUB_TOKEN=${GH}`, '-e', 'PASSTHROUGH', '--env=DD_APP_KEY=dd-canary-1', 'ghcr.io/acme/server:1.2.3', '--api-key', 'apikey-canary-2', `--token=${CANARY}`, '--url', 'https://admin:hunter2canary@db.example.com:5432/x?token=qcanary3&region=eu', '-H', 'X-Api-Key: hdr-canary-4', '--key-id', CANARY_KEY_ID],
      env: { DATABASE_URL: 'postgres://u:pcanary5@db/app', DD_APP_KEY: 'dd-canary-6', AWS_SECRET_ACCESS_KEY: AWS_SECRET, NOTE: `uses ${CANARY_KEY_ID}`, FASTMCP_LOG_LEVEL: 'ERROR', AWS_REGION: 'eu-west-1' },
    },
    { name: 'remote', url: 'https://mcp.example.com/sse?api_key=qcanary7&X-Amz-Signature=sigcanary8', headers: { 'X-Api-Key': 'hdr-canary-9', Authorization: 'Bearer bearer-canary-10', Accept: 'application/json' } },
  ];
  const canaries = [GH, 'dd-canary-1', 'apikey-canary-2', CANARY, 'hunter2canary', 'qcanary3', 'hdr-canary-4', CANARY_KEY_ID, 'pcanary5', 'dd-canary-6', AWS_SECRET, 'qcanary7', 'sigcanary8', 'hdr-canary-9', 'bearer-canary-10'];

  it.each(['claude-code', 'vscode', 'cursor', 'kiro'] as const)('%s: no canary survives, placeholders instead', (host) => {
    const t = toTemplate(entries, {}, { host });
    for (const c of canaries) expect(t.text).not.toContain(c);
    for (const name of ['GITHUB_TOKEN', 'DD_APP_KEY', 'API_KEY', 'TOKEN', 'URL_PASSWORD', 'X_API_KEY', 'AWS_ACCESS_KEY_ID', 'DATABASE_URL', 'AWS_SECRET_ACCESS_KEY', 'AUTHORIZATION', 'X_AMZ_SIGNATURE']) expect(t.variables).toContain(name);
    expect(t.secrets.map((s) => s.path.join('.'))).toEqual(expect.arrayContaining(['args.4', 'args.7', 'args.10', 'args.11', 'args.13', 'args.15', 'args.17', 'env.DATABASE_URL', 'env.NOTE', 'url', 'headers.X-Api-Key', 'headers.Authorization']));
    expect(JSON.stringify(t.secrets)).not.toMatch(/canary|CANARY/);
  });

  it('Claude Code: the placeholders in place, safe values kept', () => {
    const json = JSON.parse(toTemplate(entries, {}, { host: 'claude-code' }).text);
    const d = json.mcpServers.docker;
    expect(d.args).toEqual(['run', '-i', '--rm', '-e', 'GITHUB_TOKEN=${GITHUB_TOKEN}', '-e', 'PASSTHROUGH', '--env=DD_APP_KEY=${DD_APP_KEY}', 'ghcr.io/acme/server:1.2.3', '--api-key', '${API_KEY}', '--token=${TOKEN}', '--url', 'https://admin:${URL_PASSWORD}@db.example.com:5432/x?token=${TOKEN}&region=eu', '-H', 'X-Api-Key: ${X_API_KEY}', '--key-id', '${AWS_ACCESS_KEY_ID}']);
    expect(d.env).toEqual({ DATABASE_URL: '${DATABASE_URL}', DD_APP_KEY: '${DD_APP_KEY}', AWS_SECRET_ACCESS_KEY: '${AWS_SECRET_ACCESS_KEY}', NOTE: 'uses ${AWS_ACCESS_KEY_ID}', FASTMCP_LOG_LEVEL: 'ERROR', AWS_REGION: 'eu-west-1' });
    expect(json.mcpServers.remote).toEqual({ type: 'http', url: 'https://mcp.example.com/sse?api_key=${API_KEY}&X-Amz-Signature=${X_AMZ_SIGNATURE}', headers: { 'X-Api-Key': '${X_API_KEY}', Authorization: 'Bearer ${AUTHORIZATION}', Accept: 'application/json' } });
  });

  it('refuses a literal it cannot classify, naming the field and not the value; --allow-literal keeps it', () => {
    const odd = [{ name: 'svc', command: 'svc', args: ['--opaque', RANDOM], env: { SOMETHING: RANDOM } }];
    let err: unknown;
    try {
      toTemplate(odd, {}, { host: 'claude-code' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateSecretError);
    expect((err as Error).message).toBe('refusing to template 2 values that may be credentials: server "svc" env.SOMETHING, server "svc" args[1]. Replace them with a ${NAME} placeholder, or keep them with --allow-literal (allowLiteral)');
    expect((err as Error).message).not.toContain(RANDOM);
    const kept = toTemplate(odd, {}, { host: 'claude-code', allowLiteral: true });
    expect(kept.text).toContain(RANDOM);
    expect(kept.literals.map((l) => l.path.join('.'))).toEqual(['env.SOMETHING', 'args.1']);
  });

  it('findTemplateSecrets: the same patterns in an entry as committed (for mcp-check)', () => {
    const f = findTemplateSecrets(entries[0]!);
    expect(f.filter((x) => x.kind === 'secret').map((x) => x.path.join('.'))).toEqual(['env.DATABASE_URL', 'env.DD_APP_KEY', 'env.AWS_SECRET_ACCESS_KEY', 'env.NOTE', 'args.4', 'args.7', 'args.10', 'args.11', 'args.13', 'args.15', 'args.17']);
    expect(findTemplateSecrets({ name: 'ok', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: '${AWS_PROFILE}', GITHUB_TOKEN: '${GITHUB_TOKEN}', Authorization: 'Bearer ${input:token}' } })).toEqual([]);
  });
});
