/** Kiro: `.kiro/settings/mcp.json` and `~/.kiro/settings/mcp.json`, root key `mcpServers`. */
import { isUnderHomeRoot, normalizeSlashes, pathLib } from './paths';
import { entrySchema, serializeEntry, CANONICAL_FIELDS } from './common';
import type { HostAdapter } from './types';

const TRANSPORTS = ['stdio', 'http'] as const;

export const kiro: HostAdapter = {
  id: 'kiro',
  displayName: 'Kiro',
  binaries: ['kiro', 'kiro-cli'],
  legacy: false,
  rootKey: 'mcpServers',
  serversPath: ['mcpServers'],
  fields: CANONICAL_FIELDS,
  readRootKeys: ['mcpServers'],
  foreignRootKeys: ['servers'],
  format: 'json',
  allowsComments: false,
  allowsTrailingCommas: false,
  toleratesUnknownKeys: true,
  typeRequired: false,
  transports: TRANSPORTS,
  variableSyntax: 'shell',
  templateStyle: 'native',
  variableApproval: { setting: 'Mcp Approved Env Vars (kiroAgent.mcpApprovedEnvVars)', where: 'Kiro settings; Kiro CLI: ~/.kiro/settings/cli.json' },
  entrySchema: entrySchema({ typeRequired: false, transports: TRANSPORTS, argsRequired: true }),
  files(ctx) {
    const lib = pathLib(ctx.platform);
    const files = [];
    if (ctx.workspace) files.push({ host: this.id, scope: 'workspace' as const, file: lib.join(ctx.workspace, '.kiro', 'settings', 'mcp.json'), legacy: false });
    files.push({ host: this.id, scope: 'user' as const, file: lib.join(ctx.home, '.kiro', 'settings', 'mcp.json'), legacy: false });
    return files;
  },
  match(file, home) {
    if (!normalizeSlashes(file).endsWith('/.kiro/settings/mcp.json')) return undefined;
    return isUnderHomeRoot(file, '.kiro/settings/mcp.json', home) ? 'user' : 'workspace';
  },
  serialize: (spec) => serializeEntry(spec, { type: 'never', transports: TRANSPORTS, hostName: 'Kiro', alwaysArgs: true }),
  installMarkers: (ctx) => [pathLib(ctx.platform).join(ctx.home, '.kiro')],
  restartInstructions: 'Save the file, then reconnect the server from the MCP Servers view of the Kiro panel (or restart Kiro).',
  sources: ['https://kiro.dev/docs/mcp/configuration', 'https://kiro.dev/docs/cli/chat/configuration', 'https://kiro.dev/docs/mcp/security'],
};
