/**
 * OpenAI Codex (CLI, IDE extension and app share one file) and xAI Grok Build: TOML,
 * `[mcp_servers.<name>]` tables. Codex: `$CODEX_HOME/config.toml` (default `~/.codex`), project
 * `.codex/config.toml` read only in trusted projects, no variable expansion, headers in
 * `http_headers`. Grok: `$GROK_HOME/config.toml` (default `~/.grok`), project `.grok/config.toml`,
 * `${VAR}` / `${VAR:-default}` expanded. Sources in docs/hosts.md.
 */
import { defineHost, envDir, homeOrProject, workspaceFiles } from './define';
import { FIELD_MAPS } from './field-maps';
import { pathLib } from './paths';

export const codex = defineHost({
  id: 'codex',
  binaries: ['codex'],
  displayName: 'OpenAI Codex',
  format: 'toml',
  serversPath: ['mcp_servers'],
  fields: FIELD_MAPS.codex,
  transports: ['stdio', 'http'],
  writeType: 'never',
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  secretsFromEnv: { envVars: 'env_vars', envHeaders: 'env_http_headers', bearerTokenEnvVar: 'bearer_token_env_var' },
  files(ctx) {
    const lib = pathLib(ctx.platform);
    const home = envDir(ctx, 'CODEX_HOME', lib.join(ctx.home, '.codex'));
    return [...workspaceFiles(ctx, ['.codex', 'config.toml']), { scope: 'user', file: lib.join(home, 'config.toml') }];
  },
  match: (file, home) => homeOrProject(file, home, '.codex/config.toml'),
  installMarkers: (ctx) => [envDir(ctx, 'CODEX_HOME', pathLib(ctx.platform).join(ctx.home, '.codex'))],
  restartInstructions: 'Restart Codex (CLI, IDE extension or app) or run `/mcp` in a session; a project .codex/config.toml is read only when the project is trusted.',
  sources: ['https://developers.openai.com/codex/mcp/', 'https://github.com/openai/codex/blob/rust-v0.159.3/codex-rs/config/src/mcp_types.rs'],
});

export const grok = defineHost({
  id: 'grok',
  binaries: ['grok'],
  displayName: 'Grok Build (xAI)',
  format: 'toml',
  serversPath: ['mcp_servers'],
  transports: ['stdio', 'http'],
  writeType: 'never',
  variableSyntax: 'shell',
  templateStyle: 'native',
  files(ctx) {
    const lib = pathLib(ctx.platform);
    const home = envDir(ctx, 'GROK_HOME', lib.join(ctx.home, '.grok'));
    return [...workspaceFiles(ctx, ['.grok', 'config.toml']), { scope: 'user', file: lib.join(home, 'config.toml') }];
  },
  match: (file, home) => homeOrProject(file, home, '.grok/config.toml'),
  installMarkers: (ctx) => [envDir(ctx, 'GROK_HOME', pathLib(ctx.platform).join(ctx.home, '.grok'))],
  restartInstructions: 'Restart the Grok Build session so it reloads config.toml.',
  sources: ['https://docs.x.ai/build/features/mcp-servers', 'https://raw.githubusercontent.com/stbenjam/skillsaw/main/docs/rules/grok-config-valid.md'],
});
