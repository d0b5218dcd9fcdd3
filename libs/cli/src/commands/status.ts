import type { CommandDefinition } from '../program';

export const defineStatus: CommandDefinition = (program, registrar) => {
  program
    .command('status')
    .description('every MCP server in every host file: its AWS profile, credential TTL, whether it refreshes itself, and what to fix')
    .option('--watch', 'keep the view open: redraw when caches or configs change and when a light changes (Ctrl-C to stop)')
    .option('--all-hosts', 'also list host files that do not exist, and every host checked')
    .option('--strict', 'exit 1 when the audit finds anything (for CI)')
    .option('--json', 'machine-readable output ({ schemaVersion: 1, servers: [...], audit: [...], files: [...] })')
    .addHelpText(
      'after',
      `
The workspace is the current directory; user-scope files come from the home folder.
Legacy locations (~/.vscode/mcp.json, ~/.claude/settings.json) are listed and marked: those hosts do not read them.
The audit lists what is dangerous, each with its fix: production in a user-scope file, write flags on a
production account (or a server that writes by default), static keys or session tokens in env (never
their values), unpinned packages, flags a server rejects. --strict exits 1 when there is any finding.

Examples:
  awsmcp status
  awsmcp status --watch
  awsmcp status --strict        # in CI: fails on any audit finding
  awsmcp status --json | jq '.servers[] | select(.light == "red")'`,
    )
    .action(registrar.action(() => require('./status.run').status));
};
