/**
 * Which hosts and files a writing command (`switch`, `hydrate`, `remove`) touches: one selector for
 * `--scope`, `--hosts` and `--all-hosts`. (`kit` adds servers rather than editing existing ones: its
 * hosts come from planKit's rule, the project's host evidence, with the same installed-host check.) By default only hosts installed
 * here are written (a host is installed when one of its files exists, an app folder of it exists,
 * or its executable is on PATH: `hostInstallation` in @awsmcp/mcp-config-model); the others are
 * reported as skipped, with the flag that includes them.
 */
import type { HostAdapter, HostId } from '@awsmcp/mcp-config-model';
import type { CliContext } from '../context';
import { resolveCommand } from '../doctor/binary';
import { CliError, EXIT } from '../errors';

/** The PATH lookup `doctor` uses (PATHEXT on Windows), for the installed-host check. */
export function whichFor(ctx: CliContext): (name: string) => string | undefined {
  return (name) => resolveCommand(name, ctx.env, ctx.cwd, ctx.platform).path;
}

export const SCOPE_CHOICES = ['workspace', 'user', 'all'] as const;
export type ScopeChoice = (typeof SCOPE_CHOICES)[number];

function library(): typeof import('@awsmcp/mcp-config-model') {
  return require('@awsmcp/mcp-config-model') as typeof import('@awsmcp/mcp-config-model');
}

function didYouMeanOf(name: string, names: readonly string[]): string {
  const { didYouMean } = require('./shared') as typeof import('./shared');
  return didYouMean(name, names);
}

/** `--scope` value: workspace, user or all; anything else is a usage error (exit 2) naming the flag, the value and the valid ones. */
export function parseScope(value: unknown, fallback: ScopeChoice = 'workspace', flag = '--scope'): ScopeChoice {
  if (value === undefined || value === null) return fallback;
  const v = String(value);
  if ((SCOPE_CHOICES as readonly string[]).includes(v)) return v as ScopeChoice;
  throw new CliError(`${flag} '${v}' is not a scope: expected one of ${SCOPE_CHOICES.join(', ')}`, EXIT.USAGE, `${didYouMeanOf(v, SCOPE_CHOICES)}${flag} workspace (files of the current project), user (your own files), all`, 'USAGE');
}

/** True when a file of `fileScope` (`workspace`, `user`, `local`) is in `scope`. Local scope (Claude Code's per-project entries in the user file) counts as user. */
export function inScope(scope: ScopeChoice, fileScope: string): boolean {
  return scope === 'all' || (scope === 'workspace' ? fileScope === 'workspace' : fileScope !== 'workspace');
}

/** `--hosts a,b` (or repeated): known host ids, else a usage error naming the flag, the bad value and the valid ids. */
export function parseHostList(value: unknown, flag = '--hosts'): HostId[] | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  const raw = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((h) => h.trim()).filter(Boolean);
  const { HOSTS } = library();
  const ids = HOSTS.map((h) => h.id as string);
  for (const h of raw) {
    if (!ids.includes(h)) throw new CliError(`${flag} '${h}' is not a host`, EXIT.USAGE, `${didYouMeanOf(h, ids)}valid: ${ids.join(', ')} (awsmcp hosts lists them)`, 'UNKNOWN_HOST');
  }
  if (raw.length === 0) throw new CliError(`${flag} needs at least one host`, EXIT.USAGE, `valid: ${ids.join(', ')}`, 'USAGE');
  return [...new Set(raw)] as HostId[];
}

export interface TargetOptions {
  scope?: unknown;
  hosts?: unknown;
  allHosts?: unknown;
}

export interface SkippedHost {
  host: HostId;
  displayName: string;
}

export interface Targets {
  scope: ScopeChoice;
  /** The hosts to write (writable adapters only: never legacy or read-only ones). */
  hosts: HostAdapter[];
  /** How they were chosen: `--hosts`, `--all-hosts`, or installed here. */
  by: 'hosts' | 'all-hosts' | 'installed';
  /** Writable hosts left out because they are not installed here (only when `by` is `installed`). */
  notInstalled: SkippedHost[];
  /** A host id is selected (a shared file counts when any host that reads it is selected). */
  selects(host: HostId | readonly HostId[]): boolean;
  /** A file of this scope is in the selected scope. */
  inScope(fileScope: string): boolean;
  /**
   * An entry is in the selected scope. Claude Code's local-scope entries (`~/.claude.json`
   * `projects["<path>"].mcpServers`): the current project's is in workspace scope too (Claude Code
   * prefers it to the project's `.mcp.json`); other projects' are user scope only.
   */
  entryInScope(location: { scope: string; project?: string }): boolean;
  /** A file may hold entries in the selected scope (in workspace scope: Claude Code's user file too, for the current project's local entry). */
  fileInScope(file: { scope: string; host: HostId }): boolean;
}

/** `project` (a key of `~/.claude.json` `projects`) is the current directory. */
export function isCurrentProject(ctx: Pick<CliContext, 'cwd' | 'platform'>, project: string | undefined): boolean {
  if (project === undefined) return false;
  const path = require('node:path') as typeof import('node:path');
  const fs = require('node:fs') as typeof import('node:fs');
  const norm = (p: string) => {
    const r = path.resolve(p).replace(/[\\/]+$/, '');
    return ctx.platform === 'linux' ? r : r.toLowerCase();
  };
  const candidates = new Set([norm(ctx.cwd)]);
  try {
    candidates.add(norm(fs.realpathSync(ctx.cwd)));
  } catch {
    /* a cwd that vanished: its path as given */
  }
  return candidates.has(norm(project));
}

/**
 * The hosts and scope a writing command works on: `--hosts` (exactly those), `--all-hosts`
 * (every writable host), else the writable hosts installed here.
 */
export function selectTargets(ctx: CliContext, options: TargetOptions, defaults: { scope?: ScopeChoice } = {}): Targets {
  const scope = parseScope(options.scope, defaults.scope ?? 'workspace');
  const named = parseHostList(options.hosts);
  if (named && options.allHosts === true) throw new CliError('--hosts and --all-hosts cannot be used together', EXIT.USAGE, 'pass one of them', 'USAGE');
  const { HOSTS, hostInstallation } = library();
  const writable = HOSTS.filter((h) => !h.legacy && !h.readOnly);
  let hosts: HostAdapter[];
  let notInstalled: SkippedHost[] = [];
  let by: Targets['by'];
  if (named) {
    by = 'hosts';
    hosts = HOSTS.filter((h) => named.includes(h.id));
  } else if (options.allHosts === true) {
    by = 'all-hosts';
    hosts = writable;
  } else {
    by = 'installed';
    const pathCtx = { home: ctx.home, workspace: ctx.cwd, env: ctx.libEnv, platform: ctx.platform };
    const which = whichFor(ctx);
    hosts = [];
    for (const h of writable) {
      if (hostInstallation(h, pathCtx, { which }).installed) hosts.push(h);
      else notInstalled.push({ host: h.id, displayName: h.displayName });
    }
  }
  const ids = new Set<string>(hosts.map((h) => h.id));
  if (by !== 'installed') notInstalled = [];
  return {
    scope,
    hosts,
    by,
    notInstalled,
    selects: (host) => (typeof host === 'string' ? ids.has(host) : host.some((h) => ids.has(h))),
    inScope: (fileScope) => inScope(scope, fileScope),
    fileInScope: (f) => inScope(scope, f.scope) || (scope === 'workspace' && f.scope === 'user' && HOSTS.find((h) => h.id === f.host)?.localScopeKey !== undefined),
    entryInScope: (loc) => (loc.scope === 'local' ? scope !== 'workspace' || isCurrentProject(ctx, loc.project) : inScope(scope, loc.scope)),
  };
}

/** One line for the hosts skipped as not installed (with how to include them), or undefined. */
export function notInstalledNote(targets: Pick<Targets, 'notInstalled'>, relevant?: readonly HostId[]): string | undefined {
  const skipped = relevant ? targets.notInstalled.filter((s) => relevant.includes(s.host)) : targets.notInstalled;
  if (skipped.length === 0) return undefined;
  const ids = skipped.map((s) => s.host);
  return `skipped (not installed here): ${ids.join(', ')}; include them with --hosts ${ids.join(',')} or --all-hosts`;
}
