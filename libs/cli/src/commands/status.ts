import type { CommandDefinition } from '../program';

export const defineStatus: CommandDefinition = (program, registrar) => {
  program
    .command('status')
    .description('every MCP server in every host file: its AWS profile, credential TTL, whether it refreshes itself, and what to fix')
    .option('--watch', 'keep the view open: redraw when caches or configs change and when a light changes (Ctrl-C to stop)')
    .option('--all-hosts', 'also list host files that do not exist, and every host checked')
    .option('--json', 'machine-readable output ({ schemaVersion: 1, servers: [...], files: [...] })')
    .addHelpText(
      'after',
      `
The workspace is the current directory; user-scope files come from the home folder.
Legacy locations (~/.vscode/mcp.json, ~/.claude/settings.json) are listed and marked: those hosts do not read them.

Examples:
  awsmcp status
  awsmcp status --watch
  awsmcp status --json | jq '.servers[] | select(.light == "red")'`,
    )
    .action(registrar.action(() => require('./status.run').status));
};
