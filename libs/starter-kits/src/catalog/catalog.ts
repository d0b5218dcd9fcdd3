/** The catalog: generated facts joined with what we know about running each server, validated. */
import { AWS_KNOWLEDGE, KNOWLEDGE } from './knowledge';
import { ESTIMATE_BASIS, staticTokenEstimate } from './estimate';
import { FACTS_SOURCE, SERVER_FACTS } from './facts.generated';
import { CatalogSchema, ServerFactsSchema, type Catalog, type CatalogServer, type ServerFacts } from './schema';

export function buildCatalog(facts: readonly ServerFacts[] = SERVER_FACTS, source: Catalog['source'] = { ...FACTS_SOURCE }): Catalog {
  const servers: CatalogServer[] = [];
  for (const raw of facts) {
    const f = ServerFactsSchema.parse(raw);
    const k = KNOWLEDGE[f.package];
    if (!k) continue; // facts for a server the kits do not know yet
    const script = f.scripts[0] ?? f.package;
    servers.push({
      id: k.id,
      title: k.title,
      transport: 'stdio',
      package: f.package,
      version: f.version,
      ...(script !== f.package ? { script } : {}),
      acceptedFlags: [...f.cliFlags],
      ...(k.profileEnv ? { profileEnv: k.profileEnv, regionEnv: 'AWS_REGION' } : {}),
      profileFlag: k.profileFlag === true && f.cliFlags.includes('--profile'),
      regionFlag: k.regionFlag === true && f.cliFlags.includes('--region'),
      needsCredentials: k.profileEnv !== undefined,
      writeFlags: (k.writeFlags ?? []).filter((w) => f.cliFlags.includes(w)),
      writeEnv: k.writeEnv ?? {},
      readOnlyFlags: (k.readOnlyFlags ?? []).filter((w) => f.cliFlags.includes(w)),
      readOnlyEnv: k.readOnlyEnv ?? {},
      toolCount: f.toolCount,
      tools: [...f.tools],
      cost: { tokens: staticTokenEstimate(f), source: 'static', basis: ESTIMATE_BASIS },
      cliHints: k.cliHints ?? [],
      ...(k.probe ? { probe: k.probe } : {}),
    });
  }
  servers.push({
    id: AWS_KNOWLEDGE.id,
    title: AWS_KNOWLEDGE.title,
    transport: 'http',
    url: AWS_KNOWLEDGE.url,
    acceptedFlags: [],
    profileFlag: false,
    regionFlag: false,
    needsCredentials: false,
    writeFlags: [],
    writeEnv: {},
    readOnlyFlags: [],
    readOnlyEnv: {},
    tools: [],
    cost: { tokens: AWS_KNOWLEDGE.assumedTokens, source: 'assumed', basis: 'remote server: no description facts; measure it with `awsmcp tokens aws-knowledge`' },
    cliHints: [],
  });
  return CatalogSchema.parse({ source, servers });
}

let cached: Catalog | undefined;

/** The built-in catalog (built once). */
export function getCatalog(): Catalog {
  return (cached ??= buildCatalog());
}

/** A server by id (`eks`), package (`awslabs.eks-mcp-server`) or package with version. */
export function findServer(ref: string, catalog: Catalog = getCatalog()): CatalogServer | undefined {
  const bare = ref.replace(/(==|@)[^@=]*$/, '');
  return catalog.servers.find((s) => s.id === ref || s.package === ref || s.package === bare);
}
