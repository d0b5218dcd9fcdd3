/**
 * VS Code's editor format: `.vscode/mcp.json` and the user profile's `mcp.json`, root key `servers`.
 * The portable Copilot format (`mcpServers` in `.mcp.json`, `~/.copilot/mcp-config.json`), which the
 * Copilot agent harness and Copilot CLI read, is the `copilot-cli` adapter (drift D12: Copilot CLI
 * dropped `.vscode/mcp.json`, so "VS Code / GitHub Copilot" is no longer one host).
 */
import { appDataDir, isUnderHomeRoot, normalizeSlashes, pathLib } from './paths';
import { entrySchema, serializeEntry, CANONICAL_FIELDS } from './common';
import type { HostAdapter } from './types';

const TRANSPORTS = ['stdio', 'http', 'sse'] as const;

export const vscode: HostAdapter = {
  id: 'vscode',
  displayName: 'VS Code editor',
  binaries: ['code', 'code-insiders'],
  legacy: false,
  rootKey: 'servers',
  serversPath: ['servers'],
  fields: CANONICAL_FIELDS,
  readRootKeys: ['servers'],
  foreignRootKeys: ['mcpServers', 'mcp'],
  format: 'jsonc',
  allowsComments: true,
  allowsTrailingCommas: true,
  toleratesUnknownKeys: true,
  /** Written always; not required on read: the docs' own minimal example has no `type` (drift D2). */
  typeRequired: false,
  transports: TRANSPORTS,
  variableSyntax: 'vscode',
  templateStyle: 'vscode',
  entrySchema: entrySchema({ typeRequired: false, transports: TRANSPORTS, envFile: true, lenientEnv: true }),
  files(ctx) {
    const lib = pathLib(ctx.platform);
    const files = [];
    if (ctx.workspace) files.push({ host: this.id, scope: 'workspace' as const, file: lib.join(ctx.workspace, '.vscode', 'mcp.json'), legacy: false });
    files.push({ host: this.id, scope: 'user' as const, file: lib.join(appDataDir(ctx), 'Code', 'User', 'mcp.json'), legacy: false });
    return files;
  },
  match(file, home) {
    const f = normalizeSlashes(file);
    if (/\/Code( - Insiders)?\/User\/(profiles\/[^/]+\/)?mcp\.json$/.test(f)) return 'user';
    if (f.endsWith('/.vscode/mcp.json') && !isUnderHomeRoot(file, '.vscode/mcp.json', home)) return 'workspace';
    return undefined;
  },
  serialize: (spec) => serializeEntry(spec, { type: 'always', transports: TRANSPORTS, hostName: 'VS Code' }),
  installMarkers: (ctx) => [pathLib(ctx.platform).join(appDataDir(ctx), 'Code')],
  restartInstructions:
    'Run "MCP: List Servers" from the Command Palette, pick the server and restart it (or reload the window).',
  sources: [
    'https://code.visualstudio.com/docs/copilot/reference/mcp-configuration',
    'https://code.visualstudio.com/docs/getstarted/settings#_settings-file-locations',
    'https://checkmcp.dev/learn/how-to-add-mcp-server-to-vscode',
    'https://github.com/microsoft/vscode-docs/blob/a5dc2e3532a4f63a7f00fa94c8c7bcf4becc9dd0/docs/agents/reference/mcp-configuration.md',
  ],
};
