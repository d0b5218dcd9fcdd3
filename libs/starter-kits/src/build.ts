/**
 * buildKit: a kit + profile + region + hosts -> the server entries to write, version-pinned,
 * with the profile and region the server really reads and ONLY flags the server accepts.
 */
import { getHost, HOSTS, type HostId, type ServerSpec } from '@awsmcp/mcp-config-model';
import { endpointFor, findServer, getCatalog } from './catalog/catalog';
import type { Catalog, CatalogServer } from './catalog/schema';
import { KitError } from './errors';
import { findKit, type Kit } from './kits';
import { didYouMean } from './suggest';

/**
 * Hosts a kit can be written for: every host of the model's registry that awsmcp may write (not a
 * legacy location, not an admin's read-only file). Which of them a kit really writes is chosen per
 * run (`--hosts`, or the hosts a workspace uses); hosts without a workspace-scope file are refused
 * by `planKit` with the reason.
 */
export const WRITABLE_HOSTS: readonly HostId[] = HOSTS.filter((h) => !h.legacy && !h.readOnly).map((h) => h.id);
export type KitHost = HostId;
export const DEFAULT_HOSTS: readonly KitHost[] = ['vscode', 'claude-code'];

export interface KitInstance {
  profile: string;
  region: string;
  /** Suffix of the instance names (`eks-<label>`); defaults to the profile name. */
  label?: string;
  /** Account id, for the `_account` note. */
  accountId?: string;
}

export interface BuildKitOptions {
  /** The profile and region for a single-account kit. */
  profile?: string;
  region?: string;
  /** Several accounts at once: one named instance per server and account (`eks-prod-eu`, `eks-prod-us`). */
  instances?: KitInstance[];
  hosts?: readonly KitHost[];
  /** Read-only settings where the server has them (`READ_OPERATIONS_ONLY=true`, `--readonly`). Default true. */
  readOnly?: boolean;
  /** Add the server's write-enabling flags and env. Default false; never together with readOnly. */
  allowWrite?: boolean;
  /** Account id for the `_account` note of a single-account kit. */
  accountId?: string;
  userKits?: readonly Kit[];
  catalog?: Catalog;
}

export interface KitEntry {
  host: KitHost;
  /** Entry name in the host file (`eks`, or `eks-prod-eu` for an instance). */
  name: string;
  /** Catalog server id. */
  server: string;
  profile?: string;
  region?: string;
  spec: ServerSpec;
}

/** `uvx pkg==version` (or `uvx --from pkg==version script` when the script has another name). */
export function pinnedCommand(server: CatalogServer): { command: string; args: string[] } {
  if (!server.package || !server.version) throw new KitError('UNKNOWN_SERVER', `server '${server.id}' has no package to run`);
  const pin = `${server.package}==${server.version}`;
  return server.script ? { command: 'uvx', args: ['--from', pin, server.script] } : { command: 'uvx', args: [pin] };
}

/** Throws when `args` pass a flag the server does not accept (it would exit at start, or ignore it). */
export function assertAcceptedFlags(server: CatalogServer, args: readonly string[]): void {
  for (const a of args) {
    if (!a.startsWith('--')) continue;
    const flag = a.split('=')[0];
    if (flag === '--from') continue; // uvx's own option, before the package
    if (!server.acceptedFlags.includes(flag)) {
      throw new KitError(
        'FLAG_NOT_ACCEPTED',
        `${server.package ?? server.id} does not accept ${flag} (${server.rejectsUnknownFlags ? 'it would exit at start' : 'it would ignore it'}); accepted: ${server.acceptedFlags.join(', ') || 'none'}`,
      );
    }
  }
}

/** Whether `host` takes remote (url) server entries. */
export function hostTakesRemote(host: KitHost): boolean {
  return (getHost(host).transports as readonly string[]).includes('http');
}

function specFor(server: CatalogServer, instance: KitInstance | undefined, options: BuildKitOptions, host: KitHost, name: string): ServerSpec {
  if (server.transport === 'http') return { name, transport: 'http', url: server.url! };
  const { command, args } = pinnedCommand(server);
  const serverArgs: string[] = [];
  const env: Record<string, string> = {};
  const readOnly = options.readOnly ?? true;
  // the proxy to a remote AWS server: the endpoint of the kit's region is its first argument
  const endpoint = server.endpoint && instance ? endpointFor(server, instance.region) : undefined;
  if (server.needsCredentials && instance) {
    env[server.profileEnv!] = instance.profile;
    // botocore reads only AWS_DEFAULT_REGION, many servers AWS_REGION: every entry sets both
    for (const r of server.regionEnvs) env[r] = instance.region;
    if (server.profileFlag) serverArgs.push('--profile', instance.profile);
    if (server.regionFlag) serverArgs.push('--region', instance.region);
  }
  if (readOnly) {
    serverArgs.push(...server.readOnlyFlags);
    Object.assign(env, server.readOnlyEnv);
  } else if (options.allowWrite) {
    serverArgs.push(...server.writeFlags);
    Object.assign(env, server.writeEnv);
  }
  // the region the remote server's AWS calls use (else us-east-1), last: --metadata takes several values
  if (endpoint && instance) serverArgs.push('--metadata', `AWS_REGION=${instance.region}`);
  assertAcceptedFlags(server, serverArgs);
  const spec: ServerSpec = { name, transport: 'stdio', command, args: [...args, ...(endpoint ? [endpoint] : []), ...serverArgs] };
  if (Object.keys(env).length > 0) spec.env = env;
  const account = instance?.accountId;
  if (account && getHost(host).toleratesUnknownKeys) spec.extra = { _account: `${account} (${instance!.profile})` };
  return spec;
}

/**
 * A profile name as part of a server name: hosts accept letters, digits, `-` and `_` only (Claude
 * Code: "Names can only contain letters, numbers, hyphens, and underscores"; its API requires
 * `^[a-zA-Z0-9_-]{1,64}$`), so `acme/prod-eu` and `prod.eu` become `acme-prod-eu`, `prod-eu`.
 */
export function serverNameSlug(label: string): string {
  return label.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '') || 'profile';
}

/** Build the entries for `kit` (a name or a Kit) for every requested host. */
export function buildKit(kit: string | Kit, options: BuildKitOptions = {}): KitEntry[] {
  const catalog = options.catalog ?? getCatalog();
  const k = typeof kit === 'string' ? findKit(kit, options.userKits) : kit;
  const hosts = options.hosts && options.hosts.length > 0 ? options.hosts : DEFAULT_HOSTS;
  for (const h of hosts) {
    if (!(WRITABLE_HOSTS as readonly string[]).includes(h)) {
      throw new KitError('UNKNOWN_HOST', `unknown host '${h}'; expected one of ${WRITABLE_HOSTS.join(', ')}${didYouMean(h, WRITABLE_HOSTS)}`);
    }
  }
  if (options.readOnly && options.allowWrite) throw new KitError('FLAG_NOT_ACCEPTED', 'readOnly and allowWrite cannot both be set');
  const servers = k.servers.map((id) => {
    const s = findServer(id, catalog);
    if (!s) throw new KitError('UNKNOWN_SERVER', `kit '${k.name}' names unknown server '${id}'; expected one of ${catalog.servers.map((x) => x.id).join(', ')}${didYouMean(id, catalog.servers.map((x) => x.id))}`);
    return s;
  });
  for (const s of servers.filter((x) => x.transport === 'http')) {
    const unsupported = hosts.filter((h) => !hostTakesRemote(h));
    if (unsupported.length > 0) {
      const ok = WRITABLE_HOSTS.filter((h) => hostTakesRemote(h));
      throw new KitError(
        'UNSUPPORTED_HOST',
        `kit '${k.name}' includes the remote server '${s.id}' (${s.url}), which ${unsupported.map((h) => getHost(h).displayName).join(', ')} cannot take (local stdio servers only); hosts that take remote servers: ${ok.join(', ')}`,
      );
    }
  }
  const instances: KitInstance[] =
    options.instances && options.instances.length > 0
      ? options.instances
      : options.profile !== undefined || options.region !== undefined
        ? [{ profile: options.profile ?? '', region: options.region ?? '', ...(options.accountId ? { accountId: options.accountId } : {}) }]
        : [];
  const needsCredentials = servers.some((s) => s.needsCredentials);
  if (needsCredentials) {
    if (instances.length === 0 || instances.some((i) => !i.profile)) {
      throw new KitError('MISSING_PROFILE', `kit '${k.name}' needs an AWS profile (${servers.filter((s) => s.needsCredentials).map((s) => s.id).join(', ')} call AWS)`);
    }
    if (instances.some((i) => !i.region)) throw new KitError('MISSING_REGION', `kit '${k.name}' needs a region (AWS_REGION) for every profile`);
  }
  const multi = instances.length > 1;
  const entries: KitEntry[] = [];
  for (const host of hosts) {
    for (const server of servers) {
      const targets: (KitInstance | undefined)[] = server.needsCredentials ? instances : [undefined];
      for (const instance of targets) {
        const label = instance ? (instance.label ?? instance.profile) : undefined;
        const name = multi && instance ? `${server.id}-${serverNameSlug(label!)}` : server.id;
        entries.push({
          host,
          name,
          server: server.id,
          ...(instance ? { profile: instance.profile, region: instance.region } : {}),
          spec: specFor(server, instance, options, host, name),
        });
      }
    }
  }
  return entries;
}
