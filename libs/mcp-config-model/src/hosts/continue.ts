/**
 * Continue: `~/.continue/config.yaml` with `mcpServers:` as a YAML list of `{name, command, args,
 * env, type, url}`; block files `.continue/mcpServers/*.yaml` (and `.yml`) in a workspace and in
 * `~/.continue/mcpServers/` have the same list. The block folders are listed (top level, sorted).
 * `type` is `stdio` / `sse` / `streamable-http`.
 *
 * Continue also picks up JSON MCP files copied into those folders from Claude, Cursor or Cline
 * (continuedev/continue#12254): `continue-json` reads the ones with a Claude-style `mcpServers` map.
 * A JSON file holding one server without that map is reported (no `mcpServers` key), not guessed at.
 */
import { defineHost, folderFiles } from './define';
import { FIELD_MAPS } from './field-maps';
import { isUnderHomeRoot, normalizeSlashes, pathLib } from './paths';
import type { PathContext } from './types';
import type { Scope } from '../model/schema';

/** A block file's name: `<anything>.yaml` / `.yml`, not hidden. */
const BLOCK_FILE = /^[^.].*\.ya?ml$/i;
/** A JSON MCP file copied into a block folder: `<anything>.json`, not hidden. */
const JSON_BLOCK_FILE = /^[^.].*\.json$/i;

/** The block files of one kind, workspace folder first, then ~/.continue (as loadLocalAssistants.ts loads them). */
function blockFiles(ctx: PathContext, name: RegExp, pattern: string): { scope: Scope; file: string }[] {
  const lib = pathLib(ctx.platform);
  return [
    ...(ctx.workspace ? folderFiles(ctx, 'workspace', lib.join(ctx.workspace, '.continue', 'mcpServers'), name, pattern) : []),
    ...folderFiles(ctx, 'user', lib.join(ctx.home, '.continue', 'mcpServers'), name, pattern),
  ];
}

/** A block file's scope (`~/.continue/mcpServers/` is user scope), when `file` is one whose name matches `ext`. */
function blockScope(file: string, home: string, ext: RegExp): Scope | undefined {
  const f = normalizeSlashes(file);
  const m = /\/\.continue\/mcpServers\/([^/]+)$/.exec(f);
  if (!m || !ext.test(m[1]!)) return undefined;
  return f.toLowerCase().startsWith((normalizeSlashes(home) + '/.continue/mcpServers/').toLowerCase()) ? 'user' : 'workspace';
}

const RESTART = 'Reload the Continue extension (or the window); the MCP servers show in the Continue agent panel.';
const installMarkers = (ctx: PathContext): string[] => [pathLib(ctx.platform).join(ctx.home, '.continue')];

export const continueDev = defineHost({
  id: 'continue',
  displayName: 'Continue',
  format: 'yaml',
  serversPath: ['mcpServers'],
  serversShape: 'list',
  fields: FIELD_MAPS.continue,
  transports: ['stdio', 'http', 'sse'],
  writeType: 'remote',
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  files(ctx) {
    const blocks = blockFiles(ctx, BLOCK_FILE, '*.yaml');
    // the workspace blocks, the user config.yaml, then the user blocks
    return [...blocks.filter((b) => b.scope === 'workspace'), { scope: 'user', file: pathLib(ctx.platform).join(ctx.home, '.continue', 'config.yaml') }, ...blocks.filter((b) => b.scope === 'user')];
  },
  match(file, home) {
    if (isUnderHomeRoot(file, '.continue/config.yaml', home)) return 'user';
    return blockScope(file, home, BLOCK_FILE);
  },
  extraOnWrite: (name) => ({ name }),
  installMarkers,
  restartInstructions: RESTART,
  sources: ['https://docs.continue.dev/customize/deep-dives/mcp', 'https://github.com/continuedev/continue/pull/8021/files', 'https://github.com/continuedev/continue/blob/main/core/config/loadLocalAssistants.ts'],
});

export const continueJson = defineHost({
  id: 'continue-json',
  displayName: 'Continue (JSON files in mcpServers/)',
  format: 'json',
  serversPath: ['mcpServers'],
  fields: FIELD_MAPS.continueJson,
  transports: ['stdio', 'http', 'sse'],
  writeType: 'remote',
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  files: (ctx) => blockFiles(ctx, JSON_BLOCK_FILE, '*.json'),
  match: (file, home) => blockScope(file, home, JSON_BLOCK_FILE),
  installMarkers,
  restartInstructions: RESTART,
  sources: ['https://docs.continue.dev/customize/deep-dives/mcp', 'https://github.com/continuedev/continue/issues/12254', 'https://github.com/continuedev/continue/blob/main/core/config/loadLocalAssistants.ts'],
});
