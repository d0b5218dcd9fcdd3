/**
 * JSON hosts with the `mcpServers` (or `servers` / `context_servers`) shape and their own paths or
 * field names: Windsurf (`serverUrl`), Cline (extension and CLI), Roo Code, Zed (`context_servers`
 * in the commented settings file), Warp, Visual Studio (`servers`), JetBrains Junie.
 */
import { decodeServerUrl, FIELD_MAPS } from './field-maps';
import { defineHost, endsWithPath, envDir, homeOrProject, workspaceFiles, xdgConfig } from './define';
import { appDataDir, isUnderHomeRoot, normalizeSlashes, pathLib } from './paths';
import type { PathContext } from './types';

/** VS Code's user folder (`<app data>/Code/User`), where VS Code extensions keep their globalStorage. */
function vscodeUserDir(ctx: PathContext): string {
  return pathLib(ctx.platform).join(appDataDir(ctx), 'Code', 'User');
}

export const windsurf = defineHost({
  id: 'windsurf',
  binaries: ['windsurf'],
  displayName: 'Windsurf (Cascade)',
  format: 'json',
  serversPath: ['mcpServers'],
  fields: FIELD_MAPS.serverUrl,
  transports: ['stdio', 'http', 'sse'],
  writeType: 'never',
  variableSyntax: 'env-prefixed',
  templateStyle: 'native',
  files: (ctx) => [{ scope: 'user', file: pathLib(ctx.platform).join(ctx.home, '.codeium', 'windsurf', 'mcp_config.json') }],
  match: (file) => (endsWithPath(file, '.codeium/windsurf/mcp_config.json') ? 'user' : undefined),
  decode: decodeServerUrl,
  installMarkers: (ctx) => [pathLib(ctx.platform).join(ctx.home, '.codeium', 'windsurf')],
  restartInstructions: 'Press the refresh button in Cascade’s MCP panel (or restart Windsurf).',
  sources: ['https://docs.windsurf.com/windsurf/cascade/mcp', 'https://syllago.dev/using-syllago/providers/windsurf/mcp/'],
});

export const cline = defineHost({
  id: 'cline',
  displayName: 'Cline (VS Code extension)',
  format: 'json',
  serversPath: ['mcpServers'],
  fields: FIELD_MAPS.cline,
  transports: ['stdio', 'http', 'sse'],
  writeType: 'remote',
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  files: (ctx) => [{ scope: 'user', file: pathLib(ctx.platform).join(vscodeUserDir(ctx), 'globalStorage', 'saoudrizwan.claude-dev', 'settings', 'cline_mcp_settings.json') }],
  match: (file) => (/\/globalStorage\/saoudrizwan\.claude-dev\/settings\/cline_mcp_settings\.json$/.test(normalizeSlashes(file)) ? 'user' : undefined),
  installMarkers: (ctx) => [pathLib(ctx.platform).join(vscodeUserDir(ctx), 'globalStorage', 'saoudrizwan.claude-dev')],
  restartInstructions: 'Open Cline’s MCP Servers view and restart the server (Cline also reloads the file on save).',
  sources: ['https://docs.cline.bot/mcp/configuring-mcp-servers'],
});

export const clineCli = defineHost({
  id: 'cline-cli',
  binaries: ['cline'],
  displayName: 'Cline CLI',
  format: 'json',
  serversPath: ['mcpServers'],
  fields: FIELD_MAPS.cline,
  transports: ['stdio', 'http', 'sse'],
  writeType: 'remote',
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  files(ctx) {
    const lib = pathLib(ctx.platform);
    const explicit = ctx.env.CLINE_MCP_SETTINGS_PATH;
    if (explicit && lib.isAbsolute(explicit)) return [{ scope: 'user', file: explicit }];
    return [{ scope: 'user', file: lib.join(envDir(ctx, 'CLINE_DIR', lib.join(ctx.home, '.cline')), 'data', 'settings', 'cline_mcp_settings.json') }];
  },
  match: (file) => (endsWithPath(file, 'data/settings/cline_mcp_settings.json') && !/globalStorage/.test(file) ? 'user' : undefined),
  installMarkers: (ctx) => [envDir(ctx, 'CLINE_DIR', pathLib(ctx.platform).join(ctx.home, '.cline'))],
  restartInstructions: 'Restart the `cline` session.',
  sources: ['https://www.developersdigest.tech/mcp-servers/clients/cline'],
});

export const roo = defineHost({
  id: 'roo',
  displayName: 'Roo Code',
  format: 'json',
  serversPath: ['mcpServers'],
  fields: FIELD_MAPS.roo,
  transports: ['stdio', 'http', 'sse'],
  writeType: 'remote',
  // Roo's own docs (read in this session) do not say it expands `${env:NAME}`: the safe side is to
  // write nothing it might not expand, so templates are hydrated
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  files: (ctx) => [...workspaceFiles(ctx, ['.roo', 'mcp.json']), { scope: 'user', file: pathLib(ctx.platform).join(vscodeUserDir(ctx), 'globalStorage', 'rooveterinaryinc.roo-cline', 'settings', 'mcp_settings.json') }],
  match(file) {
    const f = normalizeSlashes(file);
    if (/\/globalStorage\/rooveterinaryinc\.roo-cline\/settings\/mcp_settings\.json$/.test(f)) return 'user';
    return endsWithPath(file, '.roo/mcp.json') ? 'workspace' : undefined;
  },
  installMarkers: (ctx) => [pathLib(ctx.platform).join(vscodeUserDir(ctx), 'globalStorage', 'rooveterinaryinc.roo-cline')],
  restartInstructions: 'Open Roo’s MCP settings and refresh the servers (the project .roo/mcp.json wins on a name clash).',
  sources: ['https://docs.roocode.com/features/mcp/using-mcp-in-roo', 'https://wener.me/notes/ai/dev/mcp'],
});

export const zed = defineHost({
  id: 'zed',
  binaries: ['zed', 'zeditor'],
  displayName: 'Zed',
  format: 'jsonc',
  serversPath: ['context_servers'],
  fields: FIELD_MAPS.untyped,
  transports: ['stdio', 'http'],
  writeType: 'never',
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  files(ctx) {
    const lib = pathLib(ctx.platform);
    // macOS too: ~/.config/zed (not ~/Library/Application Support/Zed, a peer's mistake)
    const dir = ctx.platform === 'win32' ? lib.join(appDataDir(ctx), 'Zed') : lib.join(xdgConfig(ctx), 'zed');
    return [...workspaceFiles(ctx, ['.zed', 'settings.json']), { scope: 'user', file: lib.join(dir, 'settings.json') }];
  },
  match(file) {
    const f = normalizeSlashes(file);
    if (/\/(\.config\/zed|Zed)\/settings\.json$/.test(f)) return 'user';
    return endsWithPath(file, '.zed/settings.json') ? 'workspace' : undefined;
  },
  installMarkers: (ctx) => [ctx.platform === 'win32' ? pathLib(ctx.platform).join(appDataDir(ctx), 'Zed') : pathLib(ctx.platform).join(xdgConfig(ctx), 'zed')],
  restartInstructions: 'Zed reloads settings.json on save; check the server in the Agent Panel settings.',
  sources: ['https://zed.dev/docs/ai/mcp', 'https://zed.dev/docs/configuring-zed'],
});

export const warp = defineHost({
  id: 'warp',
  binaries: ['warp-terminal'],
  displayName: 'Warp',
  format: 'json',
  serversPath: ['mcpServers'],
  transports: ['stdio', 'http', 'sse'],
  writeType: 'never',
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  files: (ctx) => [...workspaceFiles(ctx, ['.warp', '.mcp.json']), { scope: 'user', file: pathLib(ctx.platform).join(ctx.home, '.warp', '.mcp.json') }],
  match: (file, home) => homeOrProject(file, home, '.warp/.mcp.json'),
  installMarkers: (ctx) => [pathLib(ctx.platform).join(ctx.home, '.warp')],
  restartInstructions: 'Open Settings > Agents > MCP servers in Warp and restart the server.',
  sources: ['https://docs.warp.dev/agents/capabilities/mcp.md', 'https://www.skills.sh/warpdotdev/warp/agent-add-mcp'],
});

export const visualStudio = defineHost({
  id: 'visual-studio',
  displayName: 'Visual Studio 2022 17.14+ / 2026',
  format: 'jsonc',
  serversPath: ['servers'],
  transports: ['stdio', 'http', 'sse'],
  typeRequired: false,
  writeType: 'always',
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  foreignRootKeys: ['mcpServers'],
  files(ctx) {
    const lib = pathLib(ctx.platform);
    // <solution>/.mcp.json is shared with Claude Code and Copilot CLI: read once, with every reader
    const out = workspaceFiles(ctx, ['.vs', 'mcp.json'], ['.mcp.json']);
    if (ctx.platform === 'win32') out.push({ scope: 'user', file: lib.join(ctx.home, '.mcp.json') });
    return out;
  },
  match(file, home) {
    if (isUnderHomeRoot(file, '.mcp.json', home)) return 'user';
    return endsWithPath(file, '.vs/mcp.json') ? 'workspace' : undefined;
  },
  sharedWith: ['claude-code', 'copilot-cli'],
  installMarkers: (ctx) => (ctx.platform === 'win32' ? [pathLib(ctx.platform).join(ctx.env.LOCALAPPDATA || pathLib(ctx.platform).join(ctx.home, 'AppData', 'Local'), 'Microsoft', 'VisualStudio')] : []),
  restartInstructions: 'Visual Studio picks up the change in the Copilot Chat tools list; restart the server there if needed.',
  sources: ['https://learn.microsoft.com/visualstudio/ide/mcp-servers', 'https://raw.githubusercontent.com/MicrosoftDocs/visualstudio-docs/main/docs/ide/mcp-servers.md'],
});

export const junie = defineHost({
  id: 'junie',
  binaries: ['junie'],
  displayName: 'JetBrains Junie',
  format: 'json',
  serversPath: ['mcpServers'],
  transports: ['stdio', 'http'],
  writeType: 'never',
  variableSyntax: 'none',
  templateStyle: 'hydrate',
  files: (ctx) => [...workspaceFiles(ctx, ['.junie', 'mcp', 'mcp.json']), { scope: 'user', file: pathLib(ctx.platform).join(ctx.home, '.junie', 'mcp', 'mcp.json') }],
  match: (file, home) => homeOrProject(file, home, '.junie/mcp/mcp.json'),
  installMarkers: (ctx) => [pathLib(ctx.platform).join(ctx.home, '.junie')],
  restartInstructions: 'Restart Junie (or the JetBrains IDE) so it reloads mcp.json.',
  sources: ['https://junie.jetbrains.com/docs/junie-cli-mcp-configuration.html', 'https://www.jetbrains.com/help/junie/model-context-protocol-mcp.html'],
});
