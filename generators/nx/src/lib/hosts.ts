/**
 * hosts: which AI hosts a workspace has, and the workspace file of each, for the template generator
 * and the check executor. Thin Tree wrappers over @awsmcp/starter-kits (the same rules `planKit`
 * and `awsmcp kit` use; the plugin keeps no host facts of its own).
 */
import { detectKitHosts, hostEvidencePaths, kitWorkspaceFile, parseKitHosts, WORKSPACE_KIT_HOSTS, type KitHost } from '@awsmcp/starter-kits';
import type { Tree } from '@nx/devkit';

/** Hosts with a workspace-scope file: every writable host of the kits that reads a file in a project. */
export const WORKSPACE_HOSTS: readonly KitHost[] = WORKSPACE_KIT_HOSTS;

/** The workspace-relative file a host reads in a project (`.vscode/mcp.json`), or undefined when it has none. */
export const workspaceFileOf = kitWorkspaceFile;

/** The committed template of a host file: `.vscode/mcp.json` -> `.vscode/mcp.json.template`. */
export function templateFileOf(file: string): string {
  return `${file}.template`;
}

/** `--hosts vscode,claude-code` (a list or one comma-separated string) -> validated workspace host ids. */
export function parseHosts(value: string | readonly string[] | undefined): KitHost[] | undefined {
  const hosts = parseKitHosts(value);
  for (const h of hosts ?? []) {
    if (!WORKSPACE_HOSTS.includes(h)) throw new Error(`unknown host '${h}' for a workspace (it reads no file in a project); expected one of ${WORKSPACE_HOSTS.join(', ')}`);
  }
  return hosts;
}

/** Hosts the workspace already uses (its MCP file, template or folder; Claude Code also CLAUDE.md or .claude), else VS Code and Claude Code. */
export function detectHosts(tree: Tree): KitHost[] {
  return detectKitHosts(hostEvidencePaths().filter((p) => tree.exists(p))).hosts;
}
