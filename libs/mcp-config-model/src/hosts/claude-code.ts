/**
 * Claude Code: project scope `.mcp.json`; user scope `~/.claude.json` `mcpServers`; local scope
 * `~/.claude.json` `projects["<abs path>"].mcpServers`.
 */
import { normalizeSlashes, pathLib } from './paths';
import { entrySchema, serializeEntry, CANONICAL_FIELDS } from './common';
import type { HostAdapter } from './types';

const TRANSPORTS = ['stdio', 'http', 'sse'] as const;

export const claudeCode: HostAdapter = {
  id: 'claude-code',
  displayName: 'Claude Code',
  binaries: ['claude'],
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
  localScopeKey: 'projects',
  entrySchema: entrySchema({ typeRequired: false, transports: TRANSPORTS }),
  files(ctx) {
    const lib = pathLib(ctx.platform);
    const files = [];
    if (ctx.workspace) files.push({ host: this.id, scope: 'workspace' as const, file: lib.join(ctx.workspace, '.mcp.json'), legacy: false });
    // CLAUDE_CONFIG_DIR moves the user file (user and local scope) to $CLAUDE_CONFIG_DIR/.claude.json
    const dir = ctx.env.CLAUDE_CONFIG_DIR && lib.isAbsolute(ctx.env.CLAUDE_CONFIG_DIR) ? ctx.env.CLAUDE_CONFIG_DIR : ctx.home;
    files.push({ host: this.id, scope: 'user' as const, file: lib.join(dir, '.claude.json'), legacy: false });
    return files;
  },
  match(file, home) {
    const f = normalizeSlashes(file);
    if (f.endsWith('/.claude.json') || f === '.claude.json') return 'user';
    // also ~/.mcp.json: Visual Studio's user file, and Claude Code's project file when the project is
    // the home folder; by path alone it stays Claude Code's (listServers reports every reader)
    void home;
    if (f.endsWith('/.mcp.json') || f === '.mcp.json') return 'workspace';
    return undefined;
  },
  serialize: (spec) => serializeEntry(spec, { type: 'always', transports: TRANSPORTS, hostName: 'Claude Code' }),
  installMarkers: (ctx) => [pathLib(ctx.platform).join(ctx.home, '.claude')],
  restartInstructions:
    'Restart Claude Code (exit and run `claude` again) and check with `/mcp`; servers from a project .mcp.json ask for approval before first use.',
  sharedWith: ['copilot-cli', 'visual-studio'],
  sources: ['https://code.claude.com/docs/en/mcp', 'https://docs.anthropic.com/en/docs/claude-code/mcp', 'https://github.com/microsoft/apm/pull/2096'],
};
