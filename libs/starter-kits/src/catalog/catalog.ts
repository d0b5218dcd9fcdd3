/** The catalog: generated facts joined with what we know about running each server, validated. */
import { KitError } from '../errors';
import { AWS_KNOWLEDGE, KNOWLEDGE } from './knowledge';
import { ESTIMATE_BASIS, MEASURED_BASIS } from './estimate';
import { FACTS_SOURCE, MEASURED_TOOL_LISTS, SERVER_FACTS } from './facts.generated';
import { AWS_KNOWLEDGE_TOOLS, AWS_MCP_TOOLS, PROXIED_KNOWLEDGE_TOOLS, remoteTokens } from './remote';
import { CatalogSchema, ServerFactsSchema, type Catalog, type CatalogServer, type Caveat, type ContextCost, type MeasuredToolList, type ServerFacts } from './schema';

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
    const caveats: Caveat[] = [...(k.caveats ?? [])];
    let cost: ContextCost;
    let readOnlyCost: ContextCost | undefined;
    let toolCount = f.toolCount;
    if (remote) {
      // the managed AWS MCP Server: its tools come from the endpoint (remote.ts); --read-only keeps fewer
      const all = remoteTokens(AWS_MCP_TOOLS);
      const ro = remoteTokens(AWS_MCP_TOOLS, true);
      const basis = `estimate: ${AWS_MCP_TOOLS.source}; measure it with \`awsmcp tokens ${k.id}\``;
      cost = { tokens: all.tokens, toolCount: all.toolCount, source: 'estimate', basis };
      readOnlyCost = { tokens: ro.tokens, toolCount: ro.toolCount, source: 'estimate', basis: `${basis}; with --read-only only the ${ro.toolCount} tools marked readOnlyHint` };
      toolCount = all.toolCount;
    } else {
      cost = costFromFacts(f, measured);
    }
    const proxied = k.proxiesKnowledge ? PROXIED_KNOWLEDGE_TOOLS[f.package] : undefined;
    if (proxied) {
      // tools mounted from the remote aws-knowledge server at start, counted from its listed tools
      toolCount += proxied.tools;
      if (cost.source === 'estimate') {
        cost.tokens += proxied.tokens;
        cost.basis += `; plus ${proxied.tools} tool(s) mounted from aws-knowledge at start, ${proxied.tokens} tokens (${AWS_KNOWLEDGE_TOOLS.source})`;
      }
      caveats.push({
        severity: 'info',
        message: `mounts ${proxied.tools} tool(s) of the remote aws-knowledge server (${AWS_KNOWLEDGE.url}) when it starts: it needs the network at start, and without it those tools are missing; their tokens are counted from that server's listed tools`,
      });
    }
    if (f.printsToStdout) {
      caveats.push({
        severity: 'warning',
        message: 'prints to stdout before it serves (a print() in its start-up code): the text lands in the stdio JSON-RPC stream and can break the host connection',
        ...(k.supersededBy ? { fix: `replace it with ${k.supersededBy}` } : { fix: 'watch the host log for parse errors at start' }),
      });
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
      ...(k.endpointRegions ? { endpointRegions: [...k.endpointRegions] } : {}),
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
      toolCount,
      tools: remote ? AWS_MCP_TOOLS.tools.map((t) => t.name) : [...f.tools],
      cost,
      ...(readOnlyCost ? { readOnlyCost } : {}),
      caveats,
      ...(deprecated ? { deprecated } : {}),
      ...(k.supersededBy ? { supersededBy: k.supersededBy } : {}),
      cliHints: k.cliHints ?? [],
      ...(k.probe ? { probe: k.probe } : {}),
    });
  }
  const knowledge = remoteTokens(AWS_KNOWLEDGE_TOOLS);
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
    toolCount: knowledge.toolCount,
    tools: AWS_KNOWLEDGE_TOOLS.tools.map((t) => t.name),
    cost: { tokens: knowledge.tokens, source: 'estimate', basis: `estimate: ${AWS_KNOWLEDGE_TOOLS.source}, counted as awsmcp tokens counts; measure it with \`awsmcp tokens aws-knowledge\`` },
    caveats: [],
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

/**
 * The endpoint region for a kit in `region`: `region` itself when it has an endpoint, else the nearest
 * region that has one (the AWS calls still go to `region` through `--metadata AWS_REGION=`: the two can
 * differ, aws-api-mcp-server MIGRATION.md). Partitions without an AWS MCP Server (aws-cn, aws-us-gov,
 * the ISO regions) are a {@link KitError} `UNSUPPORTED_REGION` naming the regions that have one.
 */
export function endpointRegionFor(server: CatalogServer, region: string): { region: string; fallback: boolean } {
  const regions = server.endpointRegions;
  if (!regions || regions.length === 0 || regions.includes(region)) return { region, fallback: false };
  if (/^(cn-|us-gov-|us-iso)/.test(region)) {
    throw new KitError('UNSUPPORTED_REGION', `${server.id} has no endpoint in ${region} (its partition has no AWS MCP Server); regions with an endpoint: ${regions.join(', ')}`);
  }
  const area = region.split('-')[0];
  const near: Record<string, string> = { ca: 'us', sa: 'us', mx: 'us', me: 'eu', af: 'eu', il: 'eu' };
  const want = near[area] ?? area;
  const pick = regions.find((r) => r.startsWith(`${want}-`)) ?? regions[0]!;
  return { region: pick, fallback: true };
}

/** The endpoint of a proxied remote server for a kit in `region` (see {@link endpointRegionFor}). */
export function endpointFor(server: CatalogServer, region: string): string | undefined {
  if (!server.endpoint) return undefined;
  return server.endpoint.replace('{region}', endpointRegionFor(server, region).region);
}
