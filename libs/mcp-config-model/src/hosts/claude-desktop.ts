/** Claude Desktop: one user file, `claude_desktop_config.json`, root key `mcpServers`. */
import { appDataDir, normalizeSlashes, pathLib } from './paths';
import { entrySchema, serializeEntry, CANONICAL_FIELDS } from './common';
import type { HostAdapter } from './types';

const TRANSPORTS = ['stdio'] as const;

export const claudeDesktop: HostAdapter = {
  id: 'claude-desktop',
  displayName: 'Claude Desktop',
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
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  entrySchema: entrySchema({ typeRequired: false, transports: TRANSPORTS }),
  files(ctx) {
    const lib = pathLib(ctx.platform);
    return [{ host: this.id, scope: 'user' as const, file: lib.join(appDataDir(ctx), 'Claude', 'claude_desktop_config.json'), legacy: false }];
  },
  match(file) {
    const f = normalizeSlashes(file);
    return f.endsWith('/claude_desktop_config.json') || f === 'claude_desktop_config.json' ? 'user' : undefined;
  },
  serialize: (spec) => serializeEntry(spec, { type: 'never', transports: TRANSPORTS, hostName: 'Claude Desktop' }),
  installMarkers: (ctx) => [pathLib(ctx.platform).join(appDataDir(ctx), 'Claude')],
  restartInstructions: 'Quit Claude Desktop completely (not just its window) and start it again.',
  sources: ['https://modelcontextprotocol.io/docs/develop/connect-local-servers'],
};
