/**
 * Goose: YAML `config.yaml` holding all of Goose's settings; servers are `extensions.<name>` with
 * `cmd`, `args`, `envs`, `uri`, `type` (`stdio` / `streamable_http` / `sse` / `builtin`...), `name`
 * repeated inside the entry and `enabled`. macOS / Linux `~/.config/goose/config.yaml`, Windows
 * `%APPDATA%\Block\goose\config\config.yaml`; no project scope. Built-in extensions are not MCP
 * servers awsmcp manages: they are skipped.
 */
import { defineHost, xdgConfig } from './define';
import { FIELD_MAPS } from './field-maps';
import { appDataDir, normalizeSlashes, pathLib } from './paths';

const NOT_MCP = new Set(['builtin', 'platform', 'frontend', 'inline_python']);

export const goose = defineHost({
  id: 'goose',
  binaries: ['goose'],
  displayName: 'Goose',
  format: 'yaml',
  serversPath: ['extensions'],
  fields: FIELD_MAPS.goose,
  transports: ['stdio', 'http', 'sse'],
  writeType: 'always',
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  files(ctx) {
    const lib = pathLib(ctx.platform);
    const dir = ctx.platform === 'win32' ? lib.join(appDataDir(ctx), 'Block', 'goose', 'config') : lib.join(xdgConfig(ctx), 'goose');
    return [{ scope: 'user', file: lib.join(dir, 'config.yaml') }];
  },
  match: (file) => (/\/goose\/(config\/)?config\.yaml$/.test(normalizeSlashes(file)) ? 'user' : undefined),
  extraOnWrite: (name) => ({ name, enabled: true }),
  skipEntry: (raw) => typeof (raw as { type?: unknown } | null)?.type === 'string' && NOT_MCP.has((raw as { type: string }).type),
  installMarkers: (ctx) => [pathLib(ctx.platform).join(xdgConfig(ctx), 'goose')],
  restartInstructions: 'Start a new Goose session (or restart Goose Desktop); `goose configure` lists the extensions.',
  sources: ['https://block.github.io/goose/docs/guides/config-files', 'https://raw.githubusercontent.com/aaif-goose/goose/main/documentation/docs/guides/config-files.md'],
});
