/** What `status` shows: every server of every host file joined with its profile's credentials. */
import { closestNames, loadProfiles, type ProfileSet } from '@awsmcp/aws-config-parser';
import { inspectProfiles, runtimeOfCommand, type ProfileStatus, type Runtime } from '@awsmcp/credential-cache-inspector';
import { detectServerPackage, getHost, listServers, type FileReport, type ServerEntry } from '@awsmcp/mcp-config-model';
import { findServer } from '@awsmcp/starter-kits';
import type { CliContext } from '../context';

export interface StatusRow {
  server: string;
  host: string;
  hostName: string;
  scope: string;
  /** Claude Code local scope: the project (`~/.claude.json` `projects` key) the entry belongs to; only that project's sessions use it. */
  project?: string;
  /** Every host that reads the file, when several do (the repo-root `.mcp.json`). */
  readBy?: string[];
  /** `local`: Claude Code runs this project's same-named local-scope entry instead of this one. */
  shadowedBy?: 'local';
  file: string;
  line: number;
  legacy: boolean;
  /** The profile as written (may hold a variable, e.g. `${input:awsProfile}`). */
  profileSetting?: string;
  /** The profile used when it can be known (a literal, or a `${VAR:-default}` default). */
  profile?: string;
  region?: string;
  /** The SDK inside the server (from its command: uvx / python -> botocore, npx / node -> js-sdk; default botocore). */
  runtime?: Runtime;
  /** The provider that SDK uses for the profile (botocore's `Credentials.method` spelling); null: it fails or finds nothing. */
  provider?: string | null;
  light: 'green' | 'amber' | 'red' | 'none';
  state: string;
  expiresAt?: string;
  ttlSeconds?: number;
  refreshesItself: boolean;
  fix: string;
  command?: string;
  /** The catalog says the server is deprecated: its notice. */
  deprecated?: string;
  /** The catalog id of its successor. */
  supersededBy?: string;
}

/** The catalog's deprecation of the package an entry runs, if any. */
function deprecationOf(entry: ServerEntry): { deprecated?: string; supersededBy?: string } {
  const pkg = detectServerPackage(entry.command, entry.args ?? []);
  const server = pkg ? findServer(pkg.package) : undefined;
  if (!server || (!server.deprecated && !server.supersededBy)) return {};
  return { deprecated: server.deprecated ?? 'deprecated', ...(server.supersededBy ? { supersededBy: server.supersededBy } : {}) };
}

export interface StatusSnapshot {
  rows: StatusRow[];
  files: FileReport[];
  profiles: ProfileSet;
  /** The statuses the rows were built from (the servers' profiles, or all when a watcher gave them), under botocore's rules. */
  statuses: ProfileStatus[];
  /** The entries the rows were built from (for the audit). */
  servers: ServerEntry[];
}

/** The SDK a server entry runs: its command decides; unknown launchers (docker, binaries) count as Python (every awslabs server is). */
export function runtimeOfEntry(entry: Pick<ServerEntry, 'command' | 'args'>): Runtime {
  return entry.command !== undefined ? (runtimeOfCommand(entry.command, entry.args ?? []) ?? 'botocore') : 'botocore';
}

/** The profile an entry uses, when it can be told without running the host. */
function effectiveProfile(entry: ServerEntry, env: CliContext['env']): { setting?: string; profile?: string; note?: string } {
  const p = entry.aws.profile;
  if (!p) return {};
  if (p.refs.length === 0) return { setting: p.value, profile: p.value };
  const ref = p.refs[0];
  if (ref.kind === 'env' && p.value === ref.text) {
    const fromEnv = env[ref.name];
    if (fromEnv) return { setting: p.value, profile: fromEnv, note: `from $${ref.name}` };
    if (ref.default !== undefined) return { setting: p.value, profile: ref.default, note: 'the default' };
    return { setting: p.value, note: `set by $${ref.name} in the host's environment` };
  }
  if (ref.kind === 'input') return { setting: p.value, note: 'chosen when the host prompts' };
  return { setting: p.value, note: 'a placeholder: hydrate this file first' };
}

export async function collectStatus(ctx: CliContext, options: { statuses?: ProfileStatus[]; profiles?: ProfileSet } = {}): Promise<StatusSnapshot> {
  const profiles = options.profiles ?? loadProfiles({ env: ctx.libEnv, tolerant: true, platform: ctx.platform });
  const { servers, files } = await listServers(undefined, { home: ctx.home, workspace: ctx.cwd, env: ctx.libEnv });
  const effective = servers.map((entry) => effectiveProfile(entry, ctx.env));
  const runtimes = servers.map(runtimeOfEntry);
  // only the profiles some server uses are inspected (not every profile of the config), each under
  // the rules of the SDK of the servers that use it
  const usedBy = (runtime: Runtime) => [
    ...new Set(effective.flatMap((e, i) => (runtimes[i] === runtime && e.profile !== undefined && Object.hasOwn(profiles.profiles, e.profile) ? [e.profile] : []))),
  ];
  const statuses = options.statuses ?? inspectProfiles(profiles, { home: ctx.home, env: ctx.libEnv, now: ctx.now, profiles: usedBy('botocore'), runtime: 'botocore' });
  const byProfile = new Map(statuses.map((s) => [s.profile, s]));
  const jsUsed = usedBy('js-sdk');
  const jsStatuses = jsUsed.length > 0 ? inspectProfiles(profiles, { home: ctx.home, env: ctx.libEnv, now: ctx.now, profiles: jsUsed, runtime: 'js-sdk' }) : [];
  const byProfileJs = new Map(jsStatuses.map((s) => [s.profile, s]));
  // a file several hosts read is listed once: its rows name every reader
  const readersOf = new Map<string, string[]>(files.flatMap((f) => (f.readBy && f.readBy.length > 1 ? [[f.file, [...f.readBy]] as [string, string[]]] : [])));
  const rows: StatusRow[] = servers.map((entry, i) => {
    const adapter = getHost(entry.location.host);
    const { setting, profile, note } = effective[i];
    const base = {
      server: entry.name,
      host: entry.location.host,
      hostName: adapter.displayName,
      scope: entry.location.scope,
      ...(entry.location.project !== undefined ? { project: entry.location.project } : {}),
      ...(readersOf.get(entry.location.file) ? { readBy: readersOf.get(entry.location.file) } : {}),
      file: entry.location.file,
      line: entry.location.line,
      legacy: entry.location.legacy,
      ...(setting !== undefined ? { profileSetting: setting } : {}),
      ...(profile !== undefined ? { profile } : {}),
      ...(entry.aws.region ? { region: entry.aws.region.value } : {}),
      ...deprecationOf(entry),
    };
    const legacyFix = entry.location.legacy ? `not read by the host (a legacy location): move the server to ${adapter.movedTo ?? "the host's own file"}; ` : '';
    if (entry.transport !== 'stdio' || entry.command === undefined) {
      return { ...base, light: 'none', state: 'remote', refreshesItself: false, fix: legacyFix || 'remote server: no local AWS credentials' };
    }
    if (profile === undefined) {
      return {
        ...base,
        light: 'none',
        state: setting ? 'variable' : 'no-profile',
        refreshesItself: false,
        fix: legacyFix + (setting ? `profile ${note}` : 'no AWS profile set: the server uses the default credential chain of the host (set AWS_PROFILE)'),
      };
    }
    const runtime = runtimes[i];
    const s = (runtime === 'js-sdk' ? byProfileJs : byProfile).get(profile);
    if (!s) {
      const close = closestNames(profile, Object.keys(profiles.profiles));
      const didYouMean = close.length > 0 ? `did you mean ${close.map((c) => `'${c}'`).join(', ')}? ` : '';
      return { ...base, light: 'red', state: 'unknown-profile', refreshesItself: false, fix: `${legacyFix}profile '${profile}' is not in ${profiles.files.config}: ${didYouMean}run awsmcp discover, or awsmcp switch <profile>` };
    }
    return {
      ...base,
      runtime,
      provider: s.provider,
      light: s.light,
      state: s.status,
      ...(s.expiresAt ? { expiresAt: s.expiresAt } : {}),
      ...(s.ttlSeconds !== undefined ? { ttlSeconds: s.ttlSeconds } : {}),
      refreshesItself: s.refreshesItself,
      fix: legacyFix + fixFor(s) + (note ? ` (profile ${note})` : ''),
      ...(s.command ? { command: s.command } : {}),
    };
  });
  // Claude Code prefers this project's local-scope entry (~/.claude.json) to a same-named one in the
  // project's .mcp.json: the .mcp.json entry is not what its sessions run
  const { isCurrentProject } = require('./targets') as typeof import('./targets');
  const localHere = new Set(rows.filter((r) => r.host === 'claude-code' && r.scope === 'local' && isCurrentProject(ctx, r.project)).map((r) => r.server));
  if (localHere.size > 0) {
    for (const r of rows) {
      if (r.scope === 'workspace' && localHere.has(r.server) && (r.host === 'claude-code' || r.readBy?.includes('claude-code'))) r.shadowedBy = 'local';
    }
  }
  return { rows, files, profiles, statuses, servers };
}

/** The one thing to do, in the words the user types. */
function fixFor(s: ProfileStatus): string {
  if (s.light === 'green' || s.refreshesItself) return s.nextStep;
  if (s.status === 'long-lived') return s.nextStep;
  // botocore uses SSO settings before credential_process: adding one would not change what a Python server does
  if (s.runtime === 'js-sdk' && (s.kind === 'sso' || s.kind === 'sso-legacy')) {
    return `${s.command ? `run ${s.command}` : s.nextStep}; to stop this, add credential_process to profile ${s.profile} (e.g. Granted) or keep the SSO refresh token valid`;
  }
  return s.nextStep;
}
