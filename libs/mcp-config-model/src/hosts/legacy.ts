/**
 * Legacy locations that widely copied guidance writes to, and that the hosts do not read for MCP
 * servers: `~/.vscode/mcp.json` and Claude Code's `~/.claude/settings.json` `mcpServers`. They are
 * read-only adapters: detected, listed as legacy, never written.
 */
import { isUnderHomeRoot, normalizeSlashes, pathLib } from './paths';
import { entrySchema, CANONICAL_FIELDS } from './common';
import { ConfigEditError } from '../errors';
import type { HostAdapter, HostFile } from './types';

const TRANSPORTS = ['stdio', 'http', 'sse'] as const;
const lenient = entrySchema({ typeRequired: false, transports: TRANSPORTS, envFile: true });
const readOnly = (name: string) => (): never => {
  throw new ConfigEditError(`${name} is a legacy location the host does not read; it is never written`);
};

export const vscodeLegacy: HostAdapter = {
  id: 'vscode-legacy',
  displayName: 'VS Code (legacy ~/.vscode/mcp.json)',
  legacy: true,
  rootKey: 'mcpServers',
  serversPath: ['mcpServers'],
  fields: CANONICAL_FIELDS,
  readRootKeys: ['mcpServers', 'servers'],
  foreignRootKeys: [],
  format: 'jsonc',
  allowsComments: true,
  allowsTrailingCommas: true,
  toleratesUnknownKeys: true,
  typeRequired: false,
  transports: TRANSPORTS,
  variableSyntax: 'vscode',
  templateStyle: 'vscode',
  entrySchema: lenient,
  files(ctx) {
    return [{ host: this.id, scope: 'user' as const, file: pathLib(ctx.platform).join(ctx.home, '.vscode', 'mcp.json'), legacy: true }];
  },
  match(file, home) {
    return isUnderHomeRoot(file, '.vscode/mcp.json', home) ? 'user' : undefined;
  },
  serialize: readOnly('~/.vscode/mcp.json'),
  restartInstructions: 'VS Code does not read this file: move the servers to the user mcp.json ("MCP: Open User Configuration") under "servers".',
  sources: ['https://code.visualstudio.com/docs/copilot/reference/mcp-configuration'],
  movedTo: 'vscode user mcp.json (<user data>/Code/User/mcp.json), root key "servers"',
};

export const claudeCodeLegacy: HostAdapter = {
  id: 'claude-code-legacy',
  displayName: 'Claude Code (legacy ~/.claude/settings.json)',
  legacy: true,
  rootKey: 'mcpServers',
  serversPath: ['mcpServers'],
  fields: CANONICAL_FIELDS,
  readRootKeys: ['mcpServers'],
  foreignRootKeys: [],
  format: 'json',
  allowsComments: false,
  allowsTrailingCommas: false,
  toleratesUnknownKeys: true,
  typeRequired: false,
  transports: TRANSPORTS,
  variableSyntax: 'shell',
  templateStyle: 'native',
  entrySchema: lenient,
  files(ctx) {
    const lib = pathLib(ctx.platform);
    const files: HostFile[] = [{ host: this.id, scope: 'user', file: lib.join(ctx.home, '.claude', 'settings.json'), legacy: true }];
    if (ctx.workspace) {
      files.push({ host: this.id, scope: 'workspace' as const, file: lib.join(ctx.workspace, '.claude', 'settings.json'), legacy: true });
      files.push({ host: this.id, scope: 'workspace' as const, file: lib.join(ctx.workspace, '.claude', 'settings.local.json'), legacy: true });
    }
    return files;
  },
  match(file, home) {
    const f = normalizeSlashes(file);
    if (!/\/\.claude\/settings(\.local)?\.json$/.test(f)) return undefined;
    return isUnderHomeRoot(file, '.claude/settings.json', home) || isUnderHomeRoot(file, '.claude/settings.local.json', home) ? 'user' : 'workspace';
  },
  serialize: readOnly('~/.claude/settings.json'),
  restartInstructions: 'Claude Code does not read MCP servers from settings.json: move them with `claude mcp add --scope user` (~/.claude.json) or to the project .mcp.json.',
  sources: ['https://code.claude.com/docs/en/mcp', 'https://claudecodeguides.com/claude-code-config-file-location/'],
  movedTo: 'claude-code ~/.claude.json "mcpServers" (user scope) or <project>/.mcp.json (project scope)',
};
