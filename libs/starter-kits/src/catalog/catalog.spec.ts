import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint, lintText } from '@awsmcp/mcp-config-model';
import { buildCatalog, findServer, getCatalog } from './catalog';
import { MEASURED_TOOL_LISTS, SERVER_FACTS } from './facts.generated';

const root = path.resolve(__dirname, '../../../..');

describe('catalog', () => {
  const catalog = getCatalog();

  it('holds every server of the facts plus the remote aws-knowledge server', () => {
    expect(catalog.servers.map((s) => s.id)).toEqual([
      'eks', 'cloudwatch', 'prometheus', 'iam', 'bedrock-kb', 'aws-documentation', 'aws-api', 'billing-cost-management',
      'serverless', 'dynamodb', 'ecs', 'cloudtrail', 'pricing', 'ccapi', 'applicationsignals', 'iac', 'aws-mcp', 'aws-knowledge',
    ]);
    expect(findServer('aws-knowledge')).toMatchObject({ transport: 'http', url: 'https://knowledge-mcp.global.api.aws', needsCredentials: false });
  });

  it('facts read at the release tag that set each pin (ERRATA 1, 4-6): tool counts', () => {
    const count = (id: string) => findServer(id)!.toolCount;
    expect(count('billing-cost-management')).toBe(38);
    expect(count('applicationsignals')).toBe(38);
    expect(count('serverless')).toBe(25);
    expect(count('aws-documentation')).toBe(5);
    expect(count('aws-api')).toBe(2);
    expect(count('eks')).toBe(16);
    const billing = SERVER_FACTS.find((f) => f.package === 'awslabs.billing-cost-management-mcp-server')!;
    expect(billing).toMatchObject({ version: '0.0.33', tag: '2026.08.20260813230114' });
  });

  it('flags of the console script only, with --no-... forms, and who rejects unknown flags (ERRATA 7-9)', () => {
    expect(findServer('eks')!.acceptedFlags).toEqual(['--allow-sensitive-data-access', '--allow-write', '--auth-mode', '--no-allow-sensitive-data-access', '--no-allow-write']);
    expect(findServer('ccapi')!.acceptedFlags).toEqual(['--no-readonly', '--readonly']);
    expect(findServer('aws-api')!.acceptedFlags).toEqual([]);
    expect(findServer('dynamodb')!.acceptedFlags).toEqual([]);
    const rejecting = catalog.servers.filter((s) => s.rejectsUnknownFlags).map((s) => s.id);
    expect(rejecting).toEqual(['eks', 'prometheus', 'iam', 'serverless', 'ccapi', 'aws-mcp']);
  });

  it('env vars read in code (ERRATA 10)', () => {
    expect(findServer('cloudwatch')!.envVars).toContain('AWS_PROFILE');
    expect(findServer('prometheus')!.envVars).toContain('AWS_PROFILE');
    expect(findServer('ccapi')!.envVars).toEqual(expect.arrayContaining(['AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'DEFAULT_TAGS', 'SECURITY_SCANNING']));
    expect(findServer('iac')!.envVars).toEqual(expect.arrayContaining(['AWS_PROFILE', 'AWS_REGION']));
    expect(findServer('pricing')!.envVars).toContain('AWS_PRICING_MCP_OUTPUT_DIR');
    expect(findServer('aws-api')!.envVars).toEqual(expect.arrayContaining(['READ_OPERATIONS_ONLY', 'REQUIRE_MUTATION_CONSENT', 'AWS_API_MCP_PROFILE_NAME']));
  });

  it('keeps what running a server needs: profile variables, both region variables, write and read-only switches', () => {
    expect(findServer('aws-api')).toMatchObject({ profileEnv: 'AWS_API_MCP_PROFILE_NAME', readOnlyEnv: { READ_OPERATIONS_ONLY: 'true' } });
    expect(findServer('prometheus')).toMatchObject({ profileFlag: true, regionFlag: true });
    expect(findServer('ecs')).toMatchObject({ script: 'ecs-mcp-server', writeEnv: { ALLOW_WRITE: 'true', ALLOW_SENSITIVE_DATA: 'true' } });
    expect(findServer('ccapi')!.readOnlyFlags).toEqual(['--readonly']);
    expect(findServer('aws-documentation')!.needsCredentials).toBe(false);
    for (const s of catalog.servers.filter((x) => x.needsCredentials)) expect(s.regionEnvs).toEqual(['AWS_REGION', 'AWS_DEFAULT_REGION']);
  });

  it('deprecated and superseded servers (ERRATA 7, 12)', () => {
    expect(findServer('aws-api')).toMatchObject({ supersededBy: 'aws-mcp', deprecated: expect.stringMatching(/superseded/i) });
    expect(findServer('ccapi')).toMatchObject({ supersededBy: 'iac', deprecated: expect.stringMatching(/deprecated/i) });
    expect(SERVER_FACTS.find((f) => f.package === 'awslabs.ccapi-mcp-server')!.printsToStdout).toBe(true);
    expect(findServer('eks')!.deprecated).toBeUndefined();
  });

  it('the remote AWS MCP Server through the pinned SigV4 proxy, flags from the proxy source', () => {
    expect(findServer('aws-mcp')).toMatchObject({
      package: 'mcp-proxy-for-aws',
      version: '1.6.4',
      endpoint: 'https://aws-mcp.{region}.api.aws/mcp',
      profileFlag: true,
      readOnlyFlags: ['--read-only'],
      rejectsUnknownFlags: true,
      cost: { source: 'assumed' },
    });
    expect(findServer('aws-mcp')!.acceptedFlags).toEqual(expect.arrayContaining(['--profile', '--read-only', '--metadata', '--region']));
  });

  it('finds servers by id, package, or pinned package', () => {
    expect(findServer('awslabs.eks-mcp-server')!.id).toBe('eks');
    expect(findServer('awslabs.eks-mcp-server==0.1.37')!.id).toBe('eks');
    expect(findServer('nope')).toBeUndefined();
  });

  it('costs: measured where a tools/list was checked in, else the estimate, each labelled', () => {
    expect(findServer('eks')!.cost).toMatchObject({ source: 'measured', tokens: 9685 });
    expect(findServer('cloudwatch')!.cost).toMatchObject({ source: 'measured', tokens: 13339 });
    expect(findServer('billing-cost-management')!.cost.source).toBe('estimate');
    expect(findServer('aws-knowledge')!.cost.source).toBe('assumed');
  });

  it('the static estimate agrees within 10% with every measured tool list (ERRATA 2, 3)', () => {
    const measured = MEASURED_TOOL_LISTS.filter((m) => m.default);
    expect(measured.map((m) => m.file).sort()).toEqual([
      'aws-documentation.tools.json', 'bedrock-kb.tools.json', 'ccapi.tools.json', 'cloudwatch.tools.json', 'eks.tools.json',
      'prometheus.tools.json', 'serverless.tools.json',
    ]);
    for (const m of measured) {
      const f = SERVER_FACTS.find((x) => x.package === m.package)!;
      expect({ server: m.package, tools: f.toolCount }).toEqual({ server: m.package, tools: m.toolCount });
      expect({ server: m.package, off: Math.abs(f.estimatedTokens / m.tokens - 1) < 0.1 }).toEqual({ server: m.package, off: true });
    }
  });

  it('rejects facts that are not what the schema expects', () => {
    expect(() => buildCatalog([{ ...SERVER_FACTS[0], version: 'latest' }])).toThrow(/version/);
  });

  it('is the Catalog lint() reads: one shape for both packages', async () => {
    const text = JSON.stringify({ mcpServers: { eks: { command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37', '--region', 'eu-west-1'], env: { AWS_PROFILE: 'p', AWS_REGION: 'eu-west-1' } } } });
    const findings = lintText(text, { file: '/home/u/.claude.json' }, { catalog: getCatalog(), home: '/home/u' });
    expect(findings.map((f) => f.code)).toEqual(['UNKNOWN_FLAG']);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-lint-'));
    fs.writeFileSync(path.join(dir, '.mcp.json'), JSON.stringify({ mcpServers: { api: { command: 'uvx', args: ['awslabs.aws-api-mcp-server==1.5.1'], env: { AWS_API_MCP_PROFILE_NAME: 'p', AWS_REGION: 'eu-west-1' } } } }));
    const all = await lint([path.join(dir, '.mcp.json')], { catalog: getCatalog(), home: dir });
    expect(all.map((f) => f.code)).toEqual(['DEPRECATED_SERVER']);
    expect(all[0]!.message).toContain('superseded by aws-mcp');
  });

  it('facts.generated.ts is what tools/catalog/generate.js makes from the checked-in facts and measurements', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-')), 'facts.ts');
    const r = spawnSync(process.execPath, [path.join(root, 'tools/catalog/generate.js'), path.join(__dirname, 'facts.generated.json'), path.join(root, 'tools/catalog/data/measured'), out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(path.join(__dirname, 'facts.generated.ts'), 'utf8'));
  });
});
