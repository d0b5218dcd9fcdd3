/**
 * opencode and Kilo Code (opencode-based): JSONC, root `mcp`. opencode V2 puts servers under
 * `mcp.servers.<name>`, V1 under `mcp.<name>`; the layout already in the file is kept, a new file
 * gets V2. Local entries: `type: "local"`, `command: [cmd, ...args]`, `environment`; remote:
 * `type: "remote"`, `url`, `headers`.
 */
import { defineHost, xdgConfig, workspaceFiles } from './define';
import { FIELD_MAPS } from './field-maps';
import { isUnderHomeRoot, normalizeSlashes, pathLib } from './paths';
import type { JsonPath } from '../errors';

/** V2 (`mcp.servers`) unless the file already has V1 entries directly under `mcp`. */
function opencodeLayout(root: unknown): JsonPath {
  const mcp = (root as { mcp?: unknown } | null)?.mcp;
  if (mcp && typeof mcp === 'object' && !Array.isArray(mcp)) {
    const keys = Object.keys(mcp);
    if (!keys.includes('servers') && keys.some((k) => typeof (mcp as Record<string, unknown>)[k] === 'object')) return ['mcp'];
  }
  return ['mcp', 'servers'];
}

export const opencode = defineHost({
  id: 'opencode',
  binaries: ['opencode'],
  displayName: 'opencode',
  format: 'jsonc',
  serversPath: ['mcp', 'servers'],
  layout: opencodeLayout,
  fields: FIELD_MAPS.opencode,
  transports: ['stdio', 'http'],
  writeType: 'always',
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  files(ctx) {
    const lib = pathLib(ctx.platform);
    // JSON or JSONC: opencode reads opencode.json and opencode.jsonc (its docs now start with .jsonc);
    // $OPENCODE_CONFIG is a custom file read on top of the global one, not instead of it
    const dir = lib.join(xdgConfig(ctx), 'opencode');
    const custom = ctx.env.OPENCODE_CONFIG && lib.isAbsolute(ctx.env.OPENCODE_CONFIG) ? [{ scope: 'user' as const, file: ctx.env.OPENCODE_CONFIG }] : [];
    return [
      ...workspaceFiles(ctx, ['opencode.json'], ['opencode.jsonc'], ['.opencode', 'opencode.json'], ['.opencode', 'opencode.jsonc']),
      { scope: 'user', file: lib.join(dir, 'opencode.json') },
      { scope: 'user', file: lib.join(dir, 'opencode.jsonc') },
      ...custom,
    ];
  },
  match(file, home) {
    const f = normalizeSlashes(file);
    if (/\/\.config\/opencode\/opencode\.jsonc?$/.test(f)) return 'user';
    if (/(^|\/)(\.opencode\/)?opencode\.jsonc?$/.test(f)) return isUnderHomeRoot(file, 'opencode.json', home) ? 'user' : 'workspace';
    return undefined;
  },
  installMarkers: (ctx) => [pathLib(ctx.platform).join(xdgConfig(ctx), 'opencode')],
  restartInstructions: 'Restart opencode; `opencode mcp list` shows the servers.',
  sources: ['https://opencode.ai/docs/config/', 'https://opencode.ai/docs/mcp-servers/', 'https://opencode.ai/v1/docs/de/mcp-servers.md'],
});

export const kilo = defineHost({
  id: 'kilo',
  binaries: ['kilo', 'kilocode'],
  displayName: 'Kilo Code',
  format: 'jsonc',
  serversPath: ['mcp'],
  fields: FIELD_MAPS.opencode,
  transports: ['stdio', 'http'],
  writeType: 'always',
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  files(ctx) {
    const lib = pathLib(ctx.platform);
    return [
      ...workspaceFiles(ctx, ['kilo.json'], ['kilo.jsonc'], ['.kilo', 'kilo.json'], ['.kilo', 'kilo.jsonc']),
      { scope: 'user', file: lib.join(xdgConfig(ctx), 'kilo', 'kilo.json') },
      { scope: 'user', file: lib.join(xdgConfig(ctx), 'kilo', 'kilo.jsonc') },
    ];
  },
  match(file) {
    const f = normalizeSlashes(file);
    if (/\/\.config\/kilo\/kilo\.jsonc?$/.test(f)) return 'user';
    if (/(^|\/)kilo\.jsonc?$/.test(f)) return 'workspace';
    return undefined;
  },
  installMarkers: (ctx) => [pathLib(ctx.platform).join(xdgConfig(ctx), 'kilo')],
  restartInstructions: 'Reload Kilo Code (or the editor window) so it re-reads kilo.json.',
  sources: ['https://raw.githubusercontent.com/Kilo-Org/kilocode/main/packages/kilo-docs/pages/automate/mcp/using-in-kilo-code.md'],
});
