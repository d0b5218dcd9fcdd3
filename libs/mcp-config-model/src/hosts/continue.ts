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

/** A block file's name: `<anything>.yaml` / `.yml`, not hidden. */
const BLOCK_FILE = /^[^.].*\.ya?ml$/i;
/** A JSON MCP file copied into a block folder: `<anything>.json`, not hidden. */
const JSON_BLOCK_FILE = /^[^.].*\.json$/i;

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
    const lib = pathLib(ctx.platform);
    // Continue loads local blocks from the workspace folders, then ~/.continue (loadLocalAssistants.ts)
    return [
      ...(ctx.workspace ? folderFiles(ctx, 'workspace', lib.join(ctx.workspace, '.continue', 'mcpServers'), BLOCK_FILE, '*.yaml') : []),
      { scope: 'user', file: lib.join(ctx.home, '.continue', 'config.yaml') },
      ...folderFiles(ctx, 'user', lib.join(ctx.home, '.continue', 'mcpServers'), BLOCK_FILE, '*.yaml'),
    ];
  },
  match(file, home) {
    const f = normalizeSlashes(file);
    if (isUnderHomeRoot(file, '.continue/config.yaml', home)) return 'user';
    if (/\/\.continue\/mcpServers\/[^/]+\.ya?ml$/.test(f)) {
      return f.toLowerCase().startsWith((normalizeSlashes(home) + '/.continue/mcpServers/').toLowerCase()) ? 'user' : 'workspace';
    }
    return undefined;
  },
  extraOnWrite: (name) => ({ name }),
  installMarkers: (ctx) => [pathLib(ctx.platform).join(ctx.home, '.continue')],
  restartInstructions: 'Reload the Continue extension (or the window); the MCP servers show in the Continue agent panel.',
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
  files(ctx) {
    const lib = pathLib(ctx.platform);
    return [
      ...(ctx.workspace ? folderFiles(ctx, 'workspace', lib.join(ctx.workspace, '.continue', 'mcpServers'), JSON_BLOCK_FILE, '*.json') : []),
      ...folderFiles(ctx, 'user', lib.join(ctx.home, '.continue', 'mcpServers'), JSON_BLOCK_FILE, '*.json'),
    ];
  },
  match(file, home) {
    const f = normalizeSlashes(file);
    if (!/\/\.continue\/mcpServers\/[^/]+\.json$/i.test(f)) return undefined;
    return f.toLowerCase().startsWith((normalizeSlashes(home) + '/.continue/mcpServers/').toLowerCase()) ? 'user' : 'workspace';
  },
  installMarkers: (ctx) => [pathLib(ctx.platform).join(ctx.home, '.continue')],
  restartInstructions: 'Reload the Continue extension (or the window); the MCP servers show in the Continue agent panel.',
  sources: ['https://docs.continue.dev/customize/deep-dives/mcp', 'https://github.com/continuedev/continue/issues/12254', 'https://github.com/continuedev/continue/blob/main/core/config/loadLocalAssistants.ts'],
});
