/** Amazon Q Developer CLI: `.amazonq/mcp.json` and `~/.aws/amazonq/mcp.json`, root key `mcpServers`. */
import { isUnderHomeRoot, normalizeSlashes, pathLib } from './paths';
import { entrySchema, serializeEntry, CANONICAL_FIELDS } from './common';
import type { HostAdapter } from './types';

const TRANSPORTS = ['stdio', 'http'] as const;

export const amazonq: HostAdapter = {
  id: 'amazonq',
  displayName: 'Amazon Q Developer CLI',
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
  templateStyle: 'hydrate',
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
  serialize: (spec) => serializeEntry(spec, { type: 'never', transports: TRANSPORTS, hostName: 'Amazon Q Developer CLI' }),
  restartInstructions: 'Quit the running `q chat` session and start it again; `/mcp` shows which servers loaded.',
  sources: ['https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/command-line-mcp-configuration.html'],
};
