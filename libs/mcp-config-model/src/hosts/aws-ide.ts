/**
 * Amazon Q Developer IDE plugin agent files (`~/.aws/amazonq/default.json`, `.amazonq/default.json`,
 * and `~/.aws/amazonq/agents/default.json` which AWS's overview page gives) and Kiro CLI agent files
 * (`.kiro/agents/<name>.json` in a project, then `~/.kiro/agents/<name>.json`: every file of the
 * folder, sorted by name; a project agent wins over a global one of the same name).
 * Both hold `mcpServers` in the canonical shape.
 */
import { defineHost, endsWithPath, folderFiles, homeOrProject, workspaceFiles } from './define';
import { isUnderHomeRoot, normalizeSlashes, pathLib } from './paths';

export const amazonqIde = defineHost({
  id: 'amazonq-ide',
  displayName: 'Amazon Q Developer IDE plugin (default.json)',
  format: 'json',
  serversPath: ['mcpServers'],
  transports: ['stdio', 'http'],
  writeType: 'never',
  variableSyntax: 'env-prefixed',
  templateStyle: 'native',
  files(ctx) {
    const lib = pathLib(ctx.platform);
    return [
      ...workspaceFiles(ctx, ['.amazonq', 'default.json']),
      { scope: 'user', file: lib.join(ctx.home, '.aws', 'amazonq', 'default.json') },
      { scope: 'user', file: lib.join(ctx.home, '.aws', 'amazonq', 'agents', 'default.json') },
    ];
  },
  match(file, home) {
    if (isUnderHomeRoot(file, '.aws/amazonq/agents/default.json', home)) return 'user';
    return homeOrProject(file, home, '.aws/amazonq/default.json') ?? (endsWithPath(file, '.amazonq/default.json') ? 'workspace' : undefined);
  },
  installMarkers: (ctx) => [pathLib(ctx.platform).join(ctx.home, '.aws', 'amazonq')],
  restartInstructions: 'Open the Amazon Q chat panel’s MCP configuration and refresh the servers.',
  sources: ['https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/mcp-ide.html', 'https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/qdev-mcp.html'],
});

/** An agent file's name: `<agent>.json`, not hidden. */
const AGENT_FILE = /^[^.].*\.json$/i;

export const kiroAgents = defineHost({
  id: 'kiro-agents',
  binaries: ['kiro-cli'],
  displayName: 'Kiro CLI agent files',
  format: 'json',
  serversPath: ['mcpServers'],
  transports: ['stdio', 'http'],
  writeType: 'never',
  variableSyntax: 'shell',
  templateStyle: 'native',
  variableApproval: { setting: 'Mcp Approved Env Vars (kiroAgent.mcpApprovedEnvVars)', where: 'Kiro settings; Kiro CLI: ~/.kiro/settings/cli.json' },
  argsRequired: true,
  files(ctx) {
    const lib = pathLib(ctx.platform);
    return [
      ...(ctx.workspace ? folderFiles(ctx, 'workspace', lib.join(ctx.workspace, '.kiro', 'agents'), AGENT_FILE, '*.json') : []),
      ...folderFiles(ctx, 'user', lib.join(ctx.home, '.kiro', 'agents'), AGENT_FILE, '*.json'),
    ];
  },
  match(file, home) {
    const f = normalizeSlashes(file);
    const m = /\/\.kiro\/agents\/[^/]+\.json$/.exec(f);
    if (!m) return undefined;
    return normalizeSlashes(file).toLowerCase().startsWith((normalizeSlashes(home) + '/.kiro/agents/').toLowerCase()) ? 'user' : 'workspace';
  },
  installMarkers: (ctx) => [pathLib(ctx.platform).join(ctx.home, '.kiro')],
  restartInstructions: 'Start a new `kiro-cli chat` session with the agent (`/agent swap`).',
  sources: ['https://kiro.dev/docs/cli/chat/configuration', 'https://kiro.dev/docs/cli/custom-agents/configuration-reference'],
});
