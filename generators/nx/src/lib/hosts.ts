/**
 * hosts: which AI hosts a workspace has, and the workspace file of each, as the model's host
 * adapters say (the plugin keeps no host facts of its own).
 */
import * as path from 'node:path';
import { getHost, type HostAdapter, type HostId } from '@awsmcp/mcp-config-model';
import { DEFAULT_HOSTS, WRITABLE_HOSTS, type KitHost } from '@awsmcp/starter-kits';
import type { Tree } from '@nx/devkit';

/** Hosts with a workspace-scope file: every writable host of the kits except Claude Desktop (user scope only). */
export const WORKSPACE_HOSTS: readonly KitHost[] = WRITABLE_HOSTS.filter((h) => workspaceFileOf(h) !== undefined);

/** The workspace-relative file a host reads in a project (`.vscode/mcp.json`), or undefined when it has none. */
export function workspaceFileOf(host: HostId | HostAdapter): string | undefined {
  const adapter = getHost(host);
  const root = '/__workspace__';
  const file = adapter.files({ home: '/__home__', workspace: root, platform: 'linux', env: {} }).find((f) => f.scope === 'workspace');
  return file ? path.posix.relative(root, file.file) : undefined;
}

/** The committed template of a host file: `.vscode/mcp.json` -> `.vscode/mcp.json.template`. */
export function templateFileOf(file: string): string {
  return `${file}.template`;
}

/** `--hosts vscode,claude-code` (a list or one comma-separated string) -> validated host ids. */
export function parseHosts(value: string | readonly string[] | undefined): KitHost[] | undefined {
  if (value === undefined) return undefined;
  const list = (Array.isArray(value) ? value : [value])
    .flatMap((v: string) => v.split(','))
    .map((v: string) => v.trim())
    .filter(Boolean);
  if (list.length === 0) return undefined;
  const out: KitHost[] = [];
  for (const h of list) {
    if (!(WORKSPACE_HOSTS as readonly string[]).includes(h)) {
      const extra = h === 'claude-desktop' ? ' (Claude Desktop has no workspace file; use `awsmcp switch --scope user` for it)' : '';
      throw new Error(`unknown host '${h}'${extra}; expected one of ${WORKSPACE_HOSTS.join(', ')}`);
    }
    if (!out.includes(h as KitHost)) out.push(h as KitHost);
  }
  return out;
}

/** The folder whose presence says the workspace uses a host (`.vscode`), besides the MCP file itself. */
function markerOf(file: string): string | undefined {
  const dir = file.split('/')[0]!;
  return dir.startsWith('.') && dir !== file ? dir : undefined;
}

/**
 * Hosts the workspace already uses: its MCP file, its template or its folder (`.vscode/`, `.cursor/`,
 * `.kiro/`, `.amazonq/`) exists; Claude Code also by `CLAUDE.md` or `.claude/`. None found: the kits'
 * default hosts (VS Code and Claude Code).
 */
export function detectHosts(tree: Tree): KitHost[] {
  const found = WORKSPACE_HOSTS.filter((h) => {
    const file = workspaceFileOf(h)!;
    const marker = markerOf(file);
    if (tree.exists(file) || tree.exists(templateFileOf(file)) || (marker !== undefined && tree.exists(marker))) return true;
    return h === 'claude-code' && (tree.exists('CLAUDE.md') || tree.exists('.claude'));
  });
  return found.length > 0 ? found : [...DEFAULT_HOSTS];
}
