/**
 * Continue: `~/.continue/config.yaml` with `mcpServers:` as a YAML list of `{name, command, args,
 * env, type, url}`; block files `.continue/mcpServers/*.yaml` in a workspace have the same list
 * (they are found by path, `awsmcp` does not list the folder). `type` is `stdio` / `sse` /
 * `streamable-http`.
 */
import { defineHost } from './define';
import { isUnderHomeRoot, normalizeSlashes, pathLib } from './paths';

export const continueDev = defineHost({
  id: 'continue',
  displayName: 'Continue',
  format: 'yaml',
  serversPath: ['mcpServers'],
  serversShape: 'list',
  fields: { type: 'type', command: 'command', args: 'args', env: 'env', url: 'url', headers: 'headers', typeNames: { stdio: 'stdio', http: 'streamable-http', sse: 'sse' } },
  transports: ['stdio', 'http', 'sse'],
  writeType: 'remote',
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  files(ctx) {
    return [{ scope: 'user', file: pathLib(ctx.platform).join(ctx.home, '.continue', 'config.yaml') }];
  },
  match(file, home) {
    const f = normalizeSlashes(file);
    if (isUnderHomeRoot(file, '.continue/config.yaml', home)) return 'user';
    if (/\/\.continue\/mcpServers\/[^/]+\.ya?ml$/.test(f)) return 'workspace';
    return undefined;
  },
  extraOnWrite: (name) => ({ name }),
  installMarkers: (ctx) => [pathLib(ctx.platform).join(ctx.home, '.continue')],
  restartInstructions: 'Reload the Continue extension (or the window); the MCP servers show in the Continue agent panel.',
  sources: ['https://docs.continue.dev/customize/deep-dives/mcp', 'https://github.com/continuedev/continue/pull/8021/files'],
});
