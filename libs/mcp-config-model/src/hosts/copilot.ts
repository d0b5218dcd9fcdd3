/**
 * GitHub Copilot CLI and the portable Copilot format (`mcpServers`) that the VS Code Copilot harness
 * reads too: user `$COPILOT_HOME/mcp-config.json` (default `~/.copilot`), project `.mcp.json`
 * (shared with Claude Code and Visual Studio: read once, reported with every host) and
 * `.github/mcp.json`. `type` is `local` / `stdio` / `http` / `sse`; `${VAR}` is expanded.
 */
import { FIELD_MAPS } from './field-maps';
import { defineHost, endsWithPath, envDir, workspaceFiles } from './define';
import { pathLib } from './paths';

export const copilotCli = defineHost({
  id: 'copilot-cli',
  binaries: ['copilot'],
  displayName: 'GitHub Copilot CLI (portable Copilot format)',
  format: 'json',
  serversPath: ['mcpServers'],
  fields: FIELD_MAPS.copilot,
  transports: ['stdio', 'http', 'sse'],
  writeType: 'always',
  variableSyntax: 'shell',
  templateStyle: 'native',
  foreignRootKeys: ['servers'],
  files(ctx) {
    const lib = pathLib(ctx.platform);
    const home = envDir(ctx, 'COPILOT_HOME', lib.join(ctx.home, '.copilot'));
    return [...workspaceFiles(ctx, ['.mcp.json'], ['.github', 'mcp.json']), { scope: 'user', file: lib.join(home, 'mcp-config.json') }];
  },
  match(file, home) {
    void home;
    // $COPILOT_HOME can be anywhere; by path alone only the default folder is recognised
    if (endsWithPath(file, '.copilot/mcp-config.json')) return 'user';
    if (endsWithPath(file, '.github/mcp.json')) return 'workspace';
    return undefined;
  },
  sharedWith: ['claude-code', 'visual-studio'],
  installMarkers: (ctx) => [envDir(ctx, 'COPILOT_HOME', pathLib(ctx.platform).join(ctx.home, '.copilot'))],
  restartInstructions: 'Restart `copilot` (or run `/mcp show`); project files load only in trusted folders.',
  sources: ['https://docs.github.com/en/copilot/how-tos/copilot-cli/customize-copilot/add-mcp-servers', 'https://github.com/github/docs/pull/44236', 'https://raw.githubusercontent.com/microsoft/vscode-docs/main/docs/agents/reference/mcp-configuration.md'],
});
