import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint, lintText } from '@awsmcp/mcp-config-model';
import { KitError } from '../errors';
import { buildCatalog, endpointFor, endpointRegionFor, findServer, getCatalog } from './catalog';
import { AWS_KNOWLEDGE_TOOLS, AWS_MCP_ENDPOINT_REGIONS, AWS_MCP_TOOLS } from './remote';
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
      cost: { source: 'estimate' },
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
    expect(findServer('aws-knowledge')!.cost.source).toBe('estimate');
    // nothing is an unlabelled guess any more
    expect(catalog.servers.filter((s) => s.cost.source === 'assumed')).toEqual([]);
  });

  it('remote servers: costs counted from their listed tools, labelled estimates, with their sources', () => {
    // aws-knowledge: the 5 tools of its tools/list (2026-09-01), counted as awsmcp tokens counts
    expect(AWS_KNOWLEDGE_TOOLS.tools.map((t) => t.name)).toEqual(['aws___read_documentation', 'aws___search_documentation', 'aws___list_regions', 'aws___get_regional_availability', 'aws___retrieve_skill']);
    expect(findServer('aws-knowledge')).toMatchObject({ toolCount: 5, cost: { tokens: 1836, source: 'estimate', basis: expect.stringContaining('knowledge-mcp.global.api.aws/mcp taken on 2026-09-01') } });
    // aws-mcp: the same knowledge tools plus 3 API tools at their mean (367); --read-only keeps the 5 readOnlyHint tools
    expect(AWS_MCP_TOOLS.tools.filter((t) => t.basis === 'estimate').map((t) => [t.name, t.tokens])).toEqual([
      ['aws___run_script', 367], ['aws___get_tasks', 367], ['aws___get_presigned_url', 367],
    ]);
    expect(findServer('aws-mcp')).toMatchObject({
      toolCount: 8,
      cost: { tokens: 2937, toolCount: 8, source: 'estimate' },
      readOnlyCost: { tokens: 1836, toolCount: 5, source: 'estimate', basis: expect.stringContaining('with --read-only only the 5 tools marked readOnlyHint') },
    });
    expect(findServer('aws-mcp')!.tools).toContain('aws___run_script');
    // tools mounted from aws-knowledge at start: counted from its list (ecs: 2 with ECS guidance; iac: 1)
    expect(findServer('ecs')).toMatchObject({ toolCount: 11, cost: { tokens: 6498 + 1302, source: 'estimate', basis: expect.stringContaining('plus 2 tool(s) mounted from aws-knowledge') } });
    expect(findServer('iac')).toMatchObject({ toolCount: 9, cost: { tokens: 3493 + 702, source: 'estimate' } });
  });

  it('fastmcp servers are estimated with fastmcp\'s schema (billing 0.0.33: 38 tools, 22,394)', () => {
    expect(findServer('billing-cost-management')!.cost).toMatchObject({ tokens: 22394, source: 'estimate' });
    const billing = SERVER_FACTS.find((f) => f.package === 'awslabs.billing-cost-management-mcp-server')!;
    // the description text the client receives agrees with ERRATA 2 (~71k characters at 0.0.33)
    expect(billing.descriptionChars).toBe(70939);
  });

  it('caveats users must see: stdout at start (ccapi), network at start (ecs, iac), --read-only on the AWS MCP Server', () => {
    expect(findServer('ccapi')!.caveats).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/prints to stdout/), fix: 'replace it with iac' })]);
    for (const id of ['ecs', 'iac']) expect(findServer(id)!.caveats).toEqual([expect.objectContaining({ severity: 'info', message: expect.stringMatching(/needs the network at start/) })]);
    expect(findServer('aws-mcp')!.caveats).toEqual([expect.objectContaining({ severity: 'warning', whenArg: '--read-only', message: expect.stringContaining('aws/mcp-proxy-for-aws#159') })]);
    expect(findServer('eks')!.caveats).toEqual([]);
  });

  it('AWS MCP Server endpoints: the regions that have one, the nearest one for others, an error for other partitions', () => {
    const mcp = findServer('aws-mcp')!;
    expect(mcp.endpointRegions).toEqual([...AWS_MCP_ENDPOINT_REGIONS]);
    expect(endpointRegionFor(mcp, 'eu-west-1')).toEqual({ region: 'eu-west-1', fallback: false });
    expect(endpointFor(mcp, 'us-west-2')).toBe('https://aws-mcp.us-west-2.api.aws/mcp');
    expect(endpointRegionFor(mcp, 'ap-south-1')).toEqual({ region: 'ap-southeast-1', fallback: true });
    expect(endpointRegionFor(mcp, 'eu-south-2')).toEqual({ region: 'eu-central-1', fallback: true });
    expect(endpointRegionFor(mcp, 'ca-central-1')).toEqual({ region: 'us-east-1', fallback: true });
    expect(endpointRegionFor(mcp, 'me-central-1')).toEqual({ region: 'eu-central-1', fallback: true });
    expect(endpointFor(mcp, 'us-east-2')).toBe('https://aws-mcp.us-east-1.api.aws/mcp');
    for (const r of ['cn-north-1', 'us-gov-west-1']) {
      expect(() => endpointFor(mcp, r)).toThrow(KitError);
      expect(() => endpointFor(mcp, r)).toThrow(`aws-mcp has no endpoint in ${r} (its partition has no AWS MCP Server); regions with an endpoint: us-east-1, us-west-2, ap-southeast-1, ap-southeast-2, ap-northeast-1, eu-central-1, eu-west-1, eu-west-2`);
    }
    // servers without an endpoint list are not touched
    expect(endpointRegionFor(findServer('eks')!, 'cn-north-1')).toEqual({ region: 'cn-north-1', fallback: false });
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

  it('lint shows the caveats where users see their servers (SERVER_CAVEAT)', () => {
    const file = (servers: Record<string, unknown>) => JSON.stringify({ mcpServers: servers });
    const ccapi = lintText(file({ cc: { command: 'uvx', args: ['awslabs.ccapi-mcp-server==1.0.25', '--readonly'], env: { AWS_PROFILE: 'p', AWS_REGION: 'eu-west-1' } } }), { file: '/home/u/.claude.json' }, { catalog: getCatalog(), home: '/home/u' });
    expect(ccapi.map((f) => [f.code, f.severity])).toEqual([['DEPRECATED_SERVER', 'warning'], ['SERVER_CAVEAT', 'warning']]);
    expect(ccapi[1]).toMatchObject({ server: 'cc', message: expect.stringContaining('awslabs.ccapi-mcp-server prints to stdout'), fix: 'replace it with iac', line: 1 });
    const ecs = lintText(file({ ecs: { command: 'uvx', args: ['--from', 'awslabs.ecs-mcp-server==0.1.34', 'ecs-mcp-server'], env: { AWS_PROFILE: 'p', AWS_REGION: 'eu-west-1' } } }), { file: '/home/u/.claude.json' }, { catalog: getCatalog(), home: '/home/u' });
    expect(ecs.map((f) => [f.code, f.severity])).toEqual([['SERVER_CAVEAT', 'info']]);
    expect(ecs[0]!.message).toMatch(/needs the network at start/);
    const proxy = (args: string[]) => lintText(file({ 'aws-mcp': { command: 'uvx', args: ['mcp-proxy-for-aws==1.6.4', 'https://aws-mcp.eu-west-1.api.aws/mcp', '--profile', 'p', ...args, '--metadata', 'AWS_REGION=eu-west-1'], env: { AWS_PROFILE: 'p', AWS_REGION: 'eu-west-1' } } }), { file: '/home/u/.claude.json' }, { catalog: getCatalog(), home: '/home/u' });
    expect(proxy(['--read-only']).map((f) => f.code)).toEqual(['SERVER_CAVEAT']);
    expect(proxy([]).map((f) => f.code)).toEqual([]);
  });

  it('facts.generated.ts is what tools/catalog/generate.js makes from the checked-in facts and measurements', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-')), 'facts.ts');
    const r = spawnSync(process.execPath, [path.join(root, 'tools/catalog/generate.js'), path.join(__dirname, 'facts.generated.json'), path.join(root, 'tools/catalog/data/measured'), out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(path.join(__dirname, 'facts.generated.ts'), 'utf8'));
  });
});
