/**
 * budget: the context cost of a set of servers, each number with its source, against the
 * recommendation (5,000 tokens by default), and the CLI-first hint.
 */
import { z } from 'zod';
import { findServer, getCatalog } from './catalog/catalog';
import type { Catalog, CatalogServer } from './catalog/schema';

export const DEFAULT_TOKEN_LIMIT = 5000;

/** A live measurement (from `awsmcp tokens`): preferred over the static estimate for the same version. */
export const MeasurementSchema = z.object({
  /** Catalog id or package. */
  server: z.string(),
  version: z.string().optional(),
  tokens: z.number().int().nonnegative(),
  toolCount: z.number().int().nonnegative(),
  measuredAt: z.string(),
  tokenizer: z.string().optional(),
});
export type Measurement = z.infer<typeof MeasurementSchema>;

export interface BudgetLine {
  name: string;
  server: string;
  tokens: number;
  source: 'measured' | 'estimate' | 'assumed';
  basis: string;
  toolCount?: number;
  /** What users must know about running this entry (needs the network at start, prints to stdout, ...). */
  caveats?: string[];
}

/** What budget() reads of an entry: buildKit's KitEntry fits (its args decide read-only costs and caveats). */
export interface BudgetEntry {
  name: string;
  server: string;
  spec?: { args?: readonly string[] };
}

export interface Budget {
  servers: BudgetLine[];
  total: number;
  limit: number;
  verdict: 'under' | 'over';
  /** AWS CLI commands that answer the same single-service questions at no context cost. */
  cliFirst: string[];
  /** Why the hint is shown: a single service, or over the limit. */
  cliFirstReason?: string;
}

export interface BudgetOptions {
  measurements?: readonly Measurement[];
  limit?: number;
  catalog?: Catalog;
  /** For the CLI-first commands. */
  profile?: string;
  region?: string;
}

function costOf(server: CatalogServer, measurements: readonly Measurement[], args: readonly string[] | undefined): Omit<BudgetLine, 'name' | 'server'> {
  const m = measurements
    .filter((x) => x.server === server.id || x.server === server.package)
    .filter((x) => !server.version || !x.version || x.version === server.version)
    .sort((a, b) => b.measuredAt.localeCompare(a.measuredAt))[0];
  const caveats = server.caveats.filter((c) => !c.whenArg || (args ?? []).includes(c.whenArg)).map((c) => (c.fix ? `${c.message}; ${c.fix}` : c.message));
  const moved = endpointFallback(server, args);
  if (moved) caveats.push(moved);
  const notes = caveats.length > 0 ? { caveats } : {};
  // 1. an `awsmcp tokens` result of this version; 2. the checked-in measurement; 3. the static estimate
  if (m) return { tokens: m.tokens, source: 'measured', basis: `measured by awsmcp tokens ${m.measuredAt.slice(0, 10)}${m.tokenizer ? ` with ${m.tokenizer}` : ''}`, toolCount: m.toolCount, ...notes };
  // an entry that passes the server's read-only flags lists fewer tools (the proxy's --read-only)
  const readOnly = server.readOnlyCost && server.readOnlyFlags.length > 0 && server.readOnlyFlags.every((f) => (args ?? []).includes(f));
  const cost = readOnly ? server.readOnlyCost! : server.cost;
  const toolCount = cost.toolCount ?? server.toolCount;
  const basis = caveats.length > 0 ? `${cost.basis}; NOTE: ${caveats.join('; ')}` : cost.basis;
  return { tokens: cost.tokens, source: cost.source, basis, ...(toolCount !== undefined ? { toolCount } : {}), ...notes };
}

/**
 * A proxied remote server whose endpoint is in another region than its AWS calls (`endpointFor` chose
 * the nearest endpoint: the kit's region has none): say so, the data goes through that region.
 */
function endpointFallback(server: CatalogServer, args: readonly string[] | undefined): string | undefined {
  if (!server.endpoint || !args) return undefined;
  const [head, tail] = server.endpoint.split('{region}');
  const url = args.find((a) => a.startsWith(head!) && a.endsWith(tail!));
  const meta = args.find((a) => a.startsWith('AWS_REGION='));
  if (!url || !meta) return undefined;
  const endpointRegion = url.slice(head!.length, url.length - tail!.length);
  const region = meta.slice('AWS_REGION='.length);
  if (endpointRegion === region || region.includes('$') || endpointRegion.includes('$')) return undefined;
  return `${server.id} has no endpoint in ${region}: this entry uses the one in ${endpointRegion} (the AWS calls still go to ${region}, through --metadata AWS_REGION=${region})`;
}

/** The CLI commands for the given servers, with `--profile` and `--region` filled in. */
export function cliFirstCommands(servers: readonly CatalogServer[], profile?: string, region?: string): string[] {
  const suffix = `${profile ? ` --profile ${profile}` : ''}${region ? ` --region ${region}` : ''}`;
  return servers.flatMap((s) => s.cliHints.map((h) => `${h.command.includes('--region') ? h.command : h.command + suffix}   # ${h.purpose}`));
}

/**
 * Budget for entries (anything with a `name` and a catalog `server` id, e.g. buildKit's output;
 * the same name on several hosts counts once).
 */
export function budget(entries: ReadonlyArray<BudgetEntry>, options: BudgetOptions = {}): Budget {
  const catalog = options.catalog ?? getCatalog();
  const limit = options.limit ?? DEFAULT_TOKEN_LIMIT;
  const seen = new Set<string>();
  const lines: BudgetLine[] = [];
  const servers: CatalogServer[] = [];
  for (const e of entries) {
    if (seen.has(e.name)) continue;
    seen.add(e.name);
    const server = findServer(e.server, catalog);
    if (!server) continue;
    if (!servers.includes(server)) servers.push(server);
    lines.push({ name: e.name, server: server.id, ...costOf(server, options.measurements ?? [], e.spec?.args) });
  }
  const total = lines.reduce((n, l) => n + l.tokens, 0);
  const verdict = total > limit ? 'over' : 'under';
  const aws = servers.filter((s) => s.needsCredentials);
  const reason = aws.length === 1 ? 'a single service: the AWS CLI answers it without loading any tools' : verdict === 'over' ? `over the ${limit}-token recommendation` : undefined;
  return {
    servers: lines,
    total,
    limit,
    verdict,
    cliFirst: reason ? cliFirstCommands(aws, options.profile, options.region) : [],
    ...(reason ? { cliFirstReason: reason } : {}),
  };
}
