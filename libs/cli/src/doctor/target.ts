/**
 * Which server to check and how the host would start it: an entry of a host file (found by name,
 * its `${...}` references expanded as that host does), or a catalog server run with its pinned
 * command. Shared by `doctor` and `tokens`.
 */
import {
  HOST_IDS,
  detectServerPackage,
  findVariableRefs,
  getHost,
  listServers,
  type HostId,
  type ServerEntry,
} from '@awsmcp/mcp-config-model';
import { endpointFor, findServer, pinnedCommand, type CatalogServer } from '@awsmcp/starter-kits';
import type { CliContext } from '../context';
import { CliError, EXIT } from '../errors';
import type { SpawnSpec } from './process';
import { maskSecretsInText, redactArgs, safe } from '../output/safe';

export interface RunnableServer {
  name: string;
  source: 'host-file' | 'catalog';
  entry?: ServerEntry;
  catalog?: CatalogServer;
  transport: 'stdio' | 'http' | 'sse';
  command?: string;
  args: string[];
  /** The env the entry sets, references expanded (values may be secret: never print them). */
  env: Record<string, string>;
  profile?: string;
  profileSource?: string;
  region?: string;
  /** The package it runs through uvx / npx, when detected. */
  package?: { name: string; version?: string; pinned: boolean };
  /** References that cannot be expanded outside the host (`${input:...}`, unset variables). */
  problems: string[];
}

/** Every server entry of the host files for this home and workspace (optionally one host). */
export async function hostServers(ctx: CliContext, host?: string): Promise<ServerEntry[]> {
  const hosts = host ? [host as HostId] : undefined;
  if (host && !(HOST_IDS as readonly string[]).includes(host)) {
    throw new CliError(`unknown host '${host}'`, EXIT.USAGE, `expected one of ${HOST_IDS.join(', ')}`, 'USAGE');
  }
  const result = await listServers(hosts, { home: ctx.home, workspace: ctx.cwd, env: ctx.libEnv, platform: ctx.platform });
  return result.servers;
}

/** Expand `${...}` the way the entry's host does; unknown ones are recorded as problems. */
function expander(ctx: CliContext, entry: ServerEntry, problems: string[]): (value: string) => string {
  const syntax = getHost(entry.location.host).variableSyntax;
  return (value) => {
    let out = value;
    for (const ref of findVariableRefs(value, syntax)) {
      let replacement: string | undefined;
      if (ref.kind === 'env') replacement = ctx.env[ref.name] ?? ref.default;
      else if (ref.kind === 'predefined') {
        if (ref.name === 'workspaceFolder' || ref.name === 'cwd') replacement = entry.location.project ?? ctx.cwd;
        else if (ref.name === 'userHome') replacement = ctx.home;
        else if (ref.name === 'pathSeparator' || ref.name === '/') replacement = ctx.platform === 'win32' ? '\\' : '/';
      }
      if (replacement === undefined) {
        problems.push(
          ref.kind === 'input'
            ? `${ref.text} is prompted by the host: pass the value with --profile / --region, or check it in the host`
            : ref.kind === 'env'
              ? `${ref.text}: the variable ${ref.name} is not set`
              : `${ref.text} is a placeholder: hydrate the file first (\`awsmcp hydrate\`)`,
        );
        continue;
      }
      out = out.split(ref.text).join(replacement);
    }
    return out;
  };
}

export function fromEntry(ctx: CliContext, entry: ServerEntry): RunnableServer {
  const problems: string[] = [];
  const expand = expander(ctx, entry, problems);
  const args = (entry.args ?? []).map(expand);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(entry.env ?? {})) env[k] = expand(v);
  const command = entry.command !== undefined ? expand(entry.command) : undefined;
  const pkg = detectServerPackage(entry.command, entry.args ?? []) ?? installedPackage(command, args);
  const catalog = pkg ? findServer(pkg.package) : undefined;
  const profileProblems: string[] = [];
  const regionProblems: string[] = [];
  const profile = entry.aws.profile ? expander(ctx, entry, profileProblems)(entry.aws.profile.value) : undefined;
  const region = entry.aws.region ? expander(ctx, entry, regionProblems)(entry.aws.region.value) : undefined;
  return {
    name: entry.name,
    source: 'host-file',
    entry,
    ...(catalog ? { catalog } : {}),
    transport: entry.transport,
    ...(command !== undefined ? { command } : {}),
    args,
    env,
    ...(profile !== undefined && profileProblems.length === 0 ? { profile, profileSource: entry.aws.profile!.source } : {}),
    ...(region !== undefined && regionProblems.length === 0 ? { region } : {}),
    ...(pkg ? { package: { name: pkg.package, ...(pkg.version ? { version: pkg.version } : {}), pinned: pkg.pinned } } : {}),
    problems,
  };
}

/**
 * `node /path/node_modules/<pkg>/dist/index.js`: the npm package a script belongs to, with the
 * installed version (an exact one, so measurements can be matched to it).
 */
export function installedPackage(command: string | undefined, args: readonly string[]): { package: string; version?: string; pinned: boolean } | undefined {
  if (!command || !/^(node|nodejs|bun|deno)(\.exe)?$/i.test(command.replace(/\\/g, '/').split('/').pop() ?? '')) return undefined;
  const script = args.find((a) => !a.startsWith('-'));
  const m = script ? /^(.*[\\/]node_modules[\\/])((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(script) : null;
  if (!m) return undefined;
  const name = m[2].replace(/\\/g, '/');
  try {
    const fs = require('node:fs') as typeof import('node:fs');
    const version = (JSON.parse(fs.readFileSync(`${m[1]}${m[2]}/package.json`, 'utf8')) as { version?: string }).version;
    return { package: name, ...(version ? { version } : {}), pinned: version !== undefined };
  } catch {
    return { package: name, pinned: false };
  }
}

/** A catalog server run with its pinned command (`uvx pkg==version`), AWS_PROFILE / AWS_REGION / AWS_DEFAULT_REGION set. */
export function fromCatalog(server: CatalogServer, profile?: string, region?: string, name = server.id): RunnableServer {
  if (server.transport === 'http') {
    return { name, source: 'catalog', catalog: server, transport: 'http', args: [], env: {}, problems: [] };
  }
  const { command, args } = pinnedCommand(server);
  const env: Record<string, string> = {};
  if (server.needsCredentials && profile) env[server.profileEnv ?? 'AWS_PROFILE'] = profile;
  if (server.needsCredentials && region) for (const r of server.regionEnvs) env[r] = region;
  Object.assign(env, server.readOnlyEnv);
  // the proxy to a remote AWS server: the endpoint of the region first, the region as metadata last
  const endpoint = region ? endpointFor(server, region) : undefined;
  const proxy = endpoint ? [endpoint, ...(profile && server.profileFlag ? ['--profile', profile] : [])] : [];
  const metadata = endpoint ? ['--metadata', `AWS_REGION=${region}`] : [];
  return {
    name,
    source: 'catalog',
    catalog: server,
    transport: 'stdio',
    command,
    args: [...args, ...proxy, ...server.readOnlyFlags, ...metadata],
    env,
    ...(profile ? { profile, profileSource: '--profile' } : {}),
    ...(region ? { region } : {}),
    package: { name: server.package!, version: server.version!, pinned: true },
    problems: [],
  };
}

/** Pick the entry a name means: exact name; a workspace entry before a user one; legacy locations last. */
export function pickEntry(entries: readonly ServerEntry[], name: string): { entry?: ServerEntry; others: ServerEntry[] } {
  const matches = entries.filter((e) => e.name === name);
  const rank = (e: ServerEntry) => (e.location.legacy ? 10 : 0) + (e.location.scope === 'workspace' ? 0 : e.location.scope === 'local' ? 1 : 2);
  const sorted = [...matches].sort((a, b) => rank(a) - rank(b));
  return { entry: sorted[0], others: sorted.slice(1) };
}

/** The environment the server gets: ours (HOME = --home) with the entry's env over it. No shell. */
export function spawnSpecFor(ctx: CliContext, server: RunnableServer, override: Record<string, string> = {}): SpawnSpec {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.libEnv)) if (v !== undefined) env[k] = v;
  Object.assign(env, server.env, override);
  return { command: server.command ?? '', args: server.args, env, cwd: server.entry?.location.project ?? ctx.cwd };
}

/** Arguments for display: every secret the secret policy finds masked (`--api-key ••••`, `-e TOKEN=••••`), control characters shown visibly. */
export function displayArgs(args: readonly string[]): string[] {
  return redactArgs(args).map((a) => safe(maskSecretsInText(a)));
}
