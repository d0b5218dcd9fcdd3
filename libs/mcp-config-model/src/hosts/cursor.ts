/** Cursor: `.cursor/mcp.json` and `~/.cursor/mcp.json`, root key `mcpServers`. */
import { isUnderHomeRoot, normalizeSlashes, pathLib } from './paths';
import { entrySchema, serializeEntry, CANONICAL_FIELDS } from './common';
import type { HostAdapter } from './types';

const TRANSPORTS = ['stdio', 'http', 'sse'] as const;

export const cursor: HostAdapter = {
  id: 'cursor',
  displayName: 'Cursor',
  binaries: ['cursor', 'cursor-agent'],
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
  variableSyntax: 'env-prefixed',
  templateStyle: 'native',
  entrySchema: entrySchema({ typeRequired: false, transports: TRANSPORTS, envFile: true }),
  files(ctx) {
    const lib = pathLib(ctx.platform);
    const files = [];
    if (ctx.workspace) files.push({ host: this.id, scope: 'workspace' as const, file: lib.join(ctx.workspace, '.cursor', 'mcp.json'), legacy: false });
    files.push({ host: this.id, scope: 'user' as const, file: lib.join(ctx.home, '.cursor', 'mcp.json'), legacy: false });
    return files;
  },
  match(file, home) {
    if (!normalizeSlashes(file).endsWith('/.cursor/mcp.json')) return undefined;
    return isUnderHomeRoot(file, '.cursor/mcp.json', home) ? 'user' : 'workspace';
  },
  serialize: (spec) => serializeEntry(spec, { type: 'never', transports: TRANSPORTS, hostName: 'Cursor' }),
  installMarkers: (ctx) => [pathLib(ctx.platform).join(ctx.home, '.cursor')],
  restartInstructions: 'Open Cursor Settings > MCP and refresh or toggle the server (or restart Cursor).',
  sources: ['https://cursor.com/docs/mcp', 'https://syllago.dev/using-syllago/providers/cursor/mcp/'],
};
