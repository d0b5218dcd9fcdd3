/**
 * Kit hosts: the workspace file of each host (as the model's host adapters say; no host facts of
 * our own), which hosts a workspace uses, and `--hosts` parsing. Pure: what exists on disk (or in
 * an Nx Tree) and which hosts are installed are passed in as data.
 */
import * as path from 'node:path';
import { getHost, resolvePathContext, type HostAdapter, type HostId, type PathContextInput } from '@awsmcp/mcp-config-model';
import { DEFAULT_HOSTS, WRITABLE_HOSTS, type KitHost } from './build';
import { KitError } from './errors';

/** The workspace-relative file a host reads in a project (`.vscode/mcp.json`), or undefined when it has none. */
export function kitWorkspaceFile(host: HostId | HostAdapter): string | undefined {
  const adapter = getHost(host);
  const root = '/__workspace__';
  const file = adapter.files({ home: '/__home__', workspace: root, platform: 'linux', env: {} }).find((f) => f.scope === 'workspace');
  return file ? path.posix.relative(root, file.file) : undefined;
}

/**
 * The user-scope file a host reads (`~/.cursor/mcp.json`, `~/.codex/config.toml`, Goose's
 * `config.yaml`, Claude Desktop's file...) for this home, platform and environment (`CODEX_HOME`,
 * `XDG_CONFIG_HOME`, `APPDATA`...), as the model's adapters say; undefined when the host has none
 * (a folder of block files, or workspace files only).
 */
export function kitUserFile(host: HostId | HostAdapter, paths: PathContextInput): string | undefined {
  const adapter = getHost(host);
  if (adapter.legacy || adapter.readOnly) return undefined;
  return adapter.files(resolvePathContext(paths)).find((f) => f.scope === 'user' && !f.legacy)?.file;
}

/** Hosts a kit can be written to in a workspace: the kits' writable hosts that have a workspace-scope file. */
export const WORKSPACE_KIT_HOSTS: readonly KitHost[] = WRITABLE_HOSTS.filter((h) => kitWorkspaceFile(h) !== undefined);

/**
 * One host per file: a file several hosts read (the repo-root `.mcp.json`: Claude Code, Copilot
 * CLI...) is written once, for the first of them. `dropped` names each host left out and who got it.
 */
export function oneHostPerFile<H extends HostId>(hosts: readonly H[], fileOf: (h: H) => string | undefined = kitWorkspaceFile): { hosts: H[]; dropped: { host: H; file: string; first: H }[] } {
  const firstByFile = new Map<string, H>();
  const kept: H[] = [];
  const dropped: { host: H; file: string; first: H }[] = [];
  for (const h of hosts) {
    const f = fileOf(h);
    const first = f === undefined ? undefined : firstByFile.get(f);
    if (f !== undefined && first !== undefined) dropped.push({ host: h, file: f, first });
    else {
      if (f !== undefined) firstByFile.set(f, h);
      kept.push(h);
    }
  }
  return { hosts: kept, dropped };
}

/**
 * The workspace-relative paths whose presence says a workspace uses `host`: its MCP file, the
 * committed template of it (`.vscode/mcp.json.template`), its folder (`.vscode`, `.cursor`,
 * `.kiro`, `.amazonq`); for Claude Code also `CLAUDE.md` and `.claude`.
 */
export function hostEvidence(host: KitHost): string[] {
  const file = kitWorkspaceFile(host);
  if (!file) return [];
  const out = [file, `${file}.template`];
  const dir = file.split('/')[0]!;
  if (dir.startsWith('.') && dir !== file) out.push(dir);
  if (host === 'claude-code') out.push('CLAUDE.md', '.claude');
  return out;
}

/** Every path `detectKitHosts` looks at (a front-end checks these, and passes the ones that exist). */
export function hostEvidencePaths(): string[] {
  return [...new Set(WORKSPACE_KIT_HOSTS.flatMap(hostEvidence))];
}

export interface HostSelection {
  hosts: KitHost[];
  /** Why these hosts, one line per host (or for the default). */
  reasons: string[];
}

/** The workspace uses `h`: its file or template exists, or its folder does and it is installed (when that is known). */
function hostUsed(h: KitHost, have: ReadonlySet<string>, installed: readonly HostId[] | undefined): boolean {
  const found = hostEvidence(h).find((p) => have.has(p));
  if (!found) return false;
  const file = kitWorkspaceFile(h)!;
  return found === file || found === `${file}.template` || !installed || installed.includes(h);
}

/**
 * The hosts a workspace already uses: one of `hostEvidence(h)` is in `existing`. With `installed`
 * given (hosts found installed on this machine), a host found only by its folder must also be
 * installed. None found: the kits' default hosts (VS Code and Claude Code).
 */
export function detectKitHosts(existing: Iterable<string>, installed?: readonly HostId[]): HostSelection {
  const have = new Set(existing);
  const hosts: KitHost[] = [];
  const reasons: string[] = [];
  // a file several hosts read (the repo-root .mcp.json) counts once, for the first of them
  for (const h of oneHostPerFile(WORKSPACE_KIT_HOSTS.filter((x) => hostUsed(x, have, installed))).hosts) {
    const found = hostEvidence(h).find((p) => have.has(p))!;
    hosts.push(h);
    reasons.push(`${h}: ${found} exists in the workspace${installed?.includes(h) ? ' (installed)' : ''}`);
  }
  if (hosts.length > 0) return { hosts, reasons };
  return { hosts: [...DEFAULT_HOSTS], reasons: [`no host files or folders in the workspace: the default hosts ${DEFAULT_HOSTS.join(', ')}`] };
}

/**
 * `--hosts vscode,claude-code` (a list or one comma-separated string) -> host ids, deduplicated.
 * An unknown id is a KitError naming the valid ones; a known host without a workspace file (Claude
 * Desktop) passes here and is refused by `planKit` (after the kit itself is checked).
 */
export function parseKitHosts(value: string | readonly string[] | undefined): KitHost[] | undefined {
  if (value === undefined) return undefined;
  const list = (Array.isArray(value) ? value : [value])
    .flatMap((v: string) => v.split(','))
    .map((v: string) => v.trim())
    .filter(Boolean);
  if (list.length === 0) return undefined;
  const out: KitHost[] = [];
  for (const h of list) {
    if (!(WRITABLE_HOSTS as readonly string[]).includes(h)) throw new KitError('UNKNOWN_HOST', `unknown host '${h}'; expected one of ${WORKSPACE_KIT_HOSTS.join(', ')}`);
    if (!out.includes(h as KitHost)) out.push(h as KitHost);
  }
  return out;
}
