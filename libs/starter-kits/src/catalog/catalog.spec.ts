import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCatalog, findServer, getCatalog } from './catalog';
import { staticTokenEstimate } from './estimate';
import { SERVER_FACTS } from './facts.generated';

const root = path.resolve(__dirname, '../../../..');
const sharedFacts = path.resolve(root, 'tools/catalog/data/awslabs-mcp-servers.json');

describe('catalog', () => {
  const catalog = getCatalog();

  it('holds every server of the facts file plus the remote aws-knowledge server', () => {
    expect(catalog.servers.map((s) => s.id)).toEqual([
      'eks', 'cloudwatch', 'prometheus', 'iam', 'bedrock-kb', 'aws-documentation', 'aws-api', 'billing-cost-management',
      'serverless', 'dynamodb', 'ecs', 'cloudtrail', 'pricing', 'ccapi', 'applicationsignals', 'iac', 'aws-knowledge',
    ]);
    expect(findServer('aws-knowledge')).toMatchObject({ transport: 'http', url: 'https://knowledge-mcp.global.api.aws', needsCredentials: false });
  });

  it('keeps the facts that matter: eks has no --region, aws-api reads its own profile variable, prometheus takes flags', () => {
    expect(findServer('eks')!.acceptedFlags).toEqual(['--allow-sensitive-data-access', '--allow-write', '--auth-mode']);
    expect(findServer('aws-api')).toMatchObject({ profileEnv: 'AWS_API_MCP_PROFILE_NAME', readOnlyEnv: { READ_OPERATIONS_ONLY: 'true' } });
    expect(findServer('prometheus')).toMatchObject({ profileFlag: true, regionFlag: true });
    expect(findServer('ecs')).toMatchObject({ script: 'ecs-mcp-server', writeEnv: { ALLOW_WRITE: 'true', ALLOW_SENSITIVE_DATA: 'true' } });
    expect(findServer('ccapi')!.readOnlyFlags).toEqual(['--readonly']);
    expect(findServer('aws-documentation')!.needsCredentials).toBe(false);
  });

  it('finds servers by id, package, or pinned package', () => {
    expect(findServer('awslabs.eks-mcp-server')!.id).toBe('eks');
    expect(findServer('awslabs.eks-mcp-server==0.1.37')!.id).toBe('eks');
    expect(findServer('nope')).toBeUndefined();
  });

  it('estimates cost from description sizes by the documented formula, labelled static', () => {
    const eks = findServer('eks')!;
    expect(eks.cost).toMatchObject({ source: 'static', tokens: Math.ceil((24601 + 9311) / 4) + 16 * 40 });
    expect(eks.cost.tokens).toBeGreaterThan(9000); // ~9k: not the ~50 tokens a tool of popular tables
    expect(findServer('aws-knowledge')!.cost.source).toBe('assumed');
    expect(staticTokenEstimate({ docstringChars: 0, paramDescriptionChars: 0, toolCount: 0 })).toBe(0);
  });

  it('rejects a facts file that is not what the schema expects', () => {
    expect(() => buildCatalog([{ ...SERVER_FACTS[0], version: 'latest' }])).toThrow(/version/);
  });

  it('the generated facts are what tools/scripts/generate-catalog.js makes from the facts file in tools/catalog/data', () => {
    if (!fs.existsSync(sharedFacts)) throw new Error(`the facts file ${sharedFacts} (copied into the repository) is missing`);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-')), 'facts.ts');
    const r = spawnSync(process.execPath, [path.join(root, 'tools/scripts/generate-catalog.js'), sharedFacts, out], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(path.join(__dirname, 'facts.generated.ts'), 'utf8'));
  });
});
