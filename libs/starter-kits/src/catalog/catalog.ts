/** The catalog: generated facts joined with what we know about running each server, validated. */
import { AWS_KNOWLEDGE, AWS_MCP_ASSUMED_TOKENS, KNOWLEDGE } from './knowledge';
import { ESTIMATE_BASIS, MEASURED_BASIS } from './estimate';
import { FACTS_SOURCE, MEASURED_TOOL_LISTS, SERVER_FACTS } from './facts.generated';
import { CatalogSchema, ServerFactsSchema, type Catalog, type CatalogServer, type ContextCost, type MeasuredToolList, type ServerFacts } from './schema';

/** The region variables every kit entry sets: botocore reads only AWS_DEFAULT_REGION, many servers AWS_REGION. */
export const REGION_ENVS = ['AWS_REGION', 'AWS_DEFAULT_REGION'] as const;

/** The cost of a server: the checked-in measurement of its pinned version, else the static estimate. */
export function costFromFacts(f: ServerFacts, measured: readonly MeasuredToolList[] = MEASURED_TOOL_LISTS): ContextCost {
  const m = measured.find((x) => x.default && x.package === f.package && (!x.version || x.version === f.version));
  if (m) return { tokens: m.tokens, source: 'measured', basis: MEASURED_BASIS(m.file) };
  return { tokens: f.estimatedTokens, source: 'estimate', basis: ESTIMATE_BASIS };
}

export function buildCatalog(
  facts: readonly ServerFacts[] = SERVER_FACTS,
  source: Catalog['source'] = { sources: [...FACTS_SOURCE.sources], method: FACTS_SOURCE.method },
  measured: readonly MeasuredToolList[] = MEASURED_TOOL_LISTS,
): Catalog {
  const servers: CatalogServer[] = [];
  for (const raw of facts) {
    const f = ServerFactsSchema.parse(raw);
    const k = KNOWLEDGE[f.package];
    if (!k) continue; // facts for a server the kits do not know yet
    const script = f.script || f.package;
    const remote = k.endpoint !== undefined;
    const cost: ContextCost = remote ? { tokens: AWS_MCP_ASSUMED_TOKENS, source: 'assumed' as const, basis: `remote server: its tools come from ${k.endpoint}; measure it with \`awsmcp tokens ${k.id}\`` } : costFromFacts(f, measured);
    if (k.proxiedTools && cost.source === 'estimate') {
      // tools mounted from the remote aws-knowledge server: at its assumed cost per tool
      const per = Math.round(AWS_KNOWLEDGE.assumedTokens / AWS_KNOWLEDGE.toolCount);
      cost.tokens += k.proxiedTools * per;
      cost.basis += `; plus up to ${k.proxiedTools} tool(s) mounted from aws-knowledge at ${per} tokens each (assumed)`;
    }
    const deprecated = k.deprecated ?? f.notice;
    servers.push({
      id: k.id,
      title: k.title,
      transport: 'stdio',
      package: f.package,
      version: f.version,
      ...(script !== f.package ? { script } : {}),
      ...(k.endpoint ? { endpoint: k.endpoint } : {}),
      acceptedFlags: [...f.flags],
      rejectsUnknownFlags: f.rejectsUnknownFlags,
      envVars: [...f.envVars],
      ...(k.profileEnv ? { profileEnv: k.profileEnv } : {}),
      regionEnvs: k.profileEnv ? [...REGION_ENVS] : [],
      profileFlag: k.profileFlag === true && f.flags.includes('--profile'),
      regionFlag: k.regionFlag === true && f.flags.includes('--region'),
      needsCredentials: k.profileEnv !== undefined,
      writeFlags: (k.writeFlags ?? []).filter((w) => f.flags.includes(w)),
      writeEnv: k.writeEnv ?? {},
      readOnlyFlags: (k.readOnlyFlags ?? []).filter((w) => f.flags.includes(w)),
      readOnlyEnv: k.readOnlyEnv ?? {},
      ...(remote ? {} : { toolCount: f.toolCount + (k.proxiedTools ?? 0) }),
      tools: [...f.tools],
      cost,
      ...(deprecated ? { deprecated } : {}),
      ...(k.supersededBy ? { supersededBy: k.supersededBy } : {}),
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
    rejectsUnknownFlags: false,
    envVars: [],
    regionEnvs: [],
    profileFlag: false,
    regionFlag: false,
    needsCredentials: false,
    writeFlags: [],
    writeEnv: {},
    readOnlyFlags: [],
    readOnlyEnv: {},
    toolCount: AWS_KNOWLEDGE.toolCount,
    tools: [],
    cost: { tokens: AWS_KNOWLEDGE.assumedTokens, source: 'assumed', basis: 'remote server: no description facts; measure it with `awsmcp tokens aws-knowledge`' },
    cliHints: [],
  });
  const catalog = CatalogSchema.parse({ source, servers });
  for (const s of catalog.servers) {
    if (s.supersededBy && !catalog.servers.some((x) => x.id === s.supersededBy)) throw new Error(`catalog: ${s.id} is superseded by unknown server '${s.supersededBy}'`);
  }
  return catalog;
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

/** The endpoint of a proxied remote server in `region`. */
export function endpointFor(server: CatalogServer, region: string): string | undefined {
  return server.endpoint?.replace('{region}', region);
}
