/**
 * Amazon Q Developer IDE plugin, legacy files: `.amazonq/mcp.json` and `~/.aws/amazonq/mcp.json`,
 * root key `mcpServers`, still read while `useLegacyMcpJson` is true (the default). The Q Developer
 * CLI became Kiro CLI (Nov 2025), which reads the `kiro` files; the plugin's primary files are
 * `default.json` (adapter `amazonq-ide`).
 */
import { isUnderHomeRoot, normalizeSlashes, pathLib } from './paths';
import { entrySchema, serializeEntry, CANONICAL_FIELDS } from './common';
import type { HostAdapter } from './types';

const TRANSPORTS = ['stdio', 'http'] as const;

export const amazonq: HostAdapter = {
  id: 'amazonq',
  displayName: 'Amazon Q Developer IDE plugin (legacy mcp.json)',
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
  entrySchema: entrySchema({ typeRequired: false, transports: TRANSPORTS }),
  files(ctx) {
    const lib = pathLib(ctx.platform);
    const files = [];
    if (ctx.workspace) files.push({ host: this.id, scope: 'workspace' as const, file: lib.join(ctx.workspace, '.amazonq', 'mcp.json'), legacy: false });
    files.push({ host: this.id, scope: 'user' as const, file: lib.join(ctx.home, '.aws', 'amazonq', 'mcp.json'), legacy: false });
    return files;
  },
  match(file, home) {
    const f = normalizeSlashes(file);
    if (f.endsWith('/.aws/amazonq/mcp.json') && isUnderHomeRoot(file, '.aws/amazonq/mcp.json', home)) return 'user';
    if (f.endsWith('/.amazonq/mcp.json')) return 'workspace';
    return undefined;
  },
  serialize: (spec) => serializeEntry(spec, { type: 'never', transports: TRANSPORTS, hostName: 'Amazon Q Developer IDE plugin' }),
  installMarkers: (ctx) => [pathLib(ctx.platform).join(ctx.home, '.aws', 'amazonq')],
  restartInstructions:
    'Refresh the MCP servers in the Amazon Q chat panel (the IDE plugin reads these legacy files while useLegacyMcpJson is true). Kiro CLI, which replaced the Q Developer CLI, reads ~/.kiro/settings/mcp.json instead.',
  sources: [
    'https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/mcp-ide.html',
    'https://kiro.dev/cli-upgrade',
    'https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/command-line-mcp-configuration.html',
  ],
};
