import { audit } from './audit';
import type { McpServerLike } from './schema';
import { parseTags } from './tags-file';
import { CANARY, profileSet } from './__fixtures__/profiles';

const TAGS = parseTags('acme-prod: prod\nacme-dev: dev\n', '/home/u/.aws-profile-tags.yaml');

const SERVERS: McpServerLike[] = [
  { name: 'eks-dev', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37', '--allow-write'], env: { AWS_PROFILE: 'acme-dev' }, scope: 'workspace' },
  {
    name: 'eks-prod',
    command: 'uvx',
    args: ['awslabs.eks-mcp-server==0.1.37', '--allow-write', '--allow-sensitive-data-access'],
    env: { AWS_PROFILE: 'acme-prod', AWS_REGION: 'eu-west-1' },
    scope: 'user',
    file: '/home/u/.cursor/mcp.json',
    host: 'cursor',
  },
  { name: 'aws-api', command: 'uvx', args: ['awslabs.aws-api-mcp-server==1.5.1'], env: { AWS_API_MCP_PROFILE_NAME: 'acme-prod' }, scope: 'workspace' },
  { name: 'aws-api-ro', command: 'uvx', args: ['awslabs.aws-api-mcp-server==1.5.1'], env: { AWS_API_MCP_PROFILE_NAME: 'acme-prod', READ_OPERATIONS_ONLY: 'true' } },
  { name: 'prom', command: 'uvx', args: ['awslabs.prometheus-mcp-server==0.2.20', '--profile', 'payments-admin', '--region', 'eu-west-1'] },
  { name: 'templated', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37'], env: { AWS_PROFILE: '${AWS_PROFILE}' } },
];

describe('audit', () => {
  const findings = audit(SERVERS, TAGS, profileSet());

  it('lists only the entries that touch a prod profile, in order', () => {
    expect(findings.map((f) => [f.server, f.profile, f.profileFrom, f.verdict.source])).toEqual([
      ['eks-prod', 'acme-prod', 'env.AWS_PROFILE', 'tag'],
      ['aws-api', 'acme-prod', 'env.AWS_API_MCP_PROFILE_NAME', 'tag'],
      ['aws-api-ro', 'acme-prod', 'env.AWS_API_MCP_PROFILE_NAME', 'tag'],
      ['prom', 'payments-admin', '--profile', 'account'],
    ]);
  });

  it('says what each can write and what to change', () => {
    const [eksProd, api, apiRo, prom] = findings;
    expect(eksProd).toMatchObject({ canWrite: true, kind: 'eks-mcp-server', host: 'cursor', scope: 'user', file: '/home/u/.cursor/mcp.json', problems: ['PROD_WRITE_ENABLED', 'PROD_IN_USER_SCOPE'] });
    expect(eksProd.writes.map((w) => w.switch)).toEqual(['--allow-write']);
    expect(eksProd.sensitive.map((w) => w.switch)).toEqual(['--allow-sensitive-data-access']);
    expect(eksProd.changes.map((c) => c.code)).toEqual(['READ_ONLY_PERMISSION_SET', 'REMOVE_WRITE_SWITCH', 'REMOVE_SENSITIVE_DATA_ACCESS', 'WORKSPACE_SCOPE']);
    expect(eksProd.summary).toBe(
      'eks-prod (/home/u/.cursor/mcp.json): prod profile "acme-prod" via env.AWS_PROFILE; can write (--allow-write); sensitive data (--allow-sensitive-data-access); 4 changes recommended',
    );

    expect(api).toMatchObject({ canWrite: true, kind: 'aws-api-mcp-server', problems: [] });
    expect(api.writes).toEqual([expect.objectContaining({ switch: 'READ_OPERATIONS_ONLY not "true"', source: 'default', explicit: false })]);
    expect(api.changes.map((c) => [c.code, c.env])).toEqual([
      ['READ_ONLY_PERMISSION_SET', undefined],
      ['READ_OPERATIONS_ONLY', { READ_OPERATIONS_ONLY: 'true' }],
    ]);

    expect(apiRo).toMatchObject({ canWrite: false, writes: [], problems: [] });
    expect(apiRo.summary).toContain('read-only as configured');

    expect(prom.verdict.reason).toMatch(/^account 333333333333 is also used by prod profile "prod-eu"/);
    expect(prom.canWrite).toBe(false);
  });

  it('accepts plain tags and no profiles', () => {
    expect(audit(SERVERS, { 'acme-prod': 'prod' }).map((f) => f.server)).toEqual(['eks-prod', 'aws-api', 'aws-api-ro']);
    expect(audit([], {})).toEqual([]);
  });

  it('never returns a secret', () => {
    const withSecret: McpServerLike[] = [{ name: 'leaky', env: { AWS_PROFILE: 'acme-prod', AWS_SECRET_ACCESS_KEY: CANARY } }];
    expect(JSON.stringify(audit(withSecret, TAGS, profileSet()))).not.toContain(CANARY);
  });
});
