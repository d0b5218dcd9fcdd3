import type { CommandDefinition } from '../program';

export const defineRemove: CommandDefinition = (program, registrar) => {
  program
    .command('remove')
    .argument('<server>', 'the name of the MCP server to remove (as awsmcp status shows it)')
    .description('remove an MCP server from every host file that holds it, keeping every other byte')
    .option('--scope <scope>', 'workspace (default: files of the current project, and its Claude Code local entry), user, or all', 'workspace')
    .option('--hosts <hosts>', 'only the files these hosts read (comma-separated host ids, see awsmcp hosts)')
    .option('--all-hosts', 'every host, installed here or not (the default: installed hosts; a host whose file exists is installed)')
    .option('--dry-run', 'show the changes, write nothing')
    .option('--no-backup', 'do not keep a backup of each changed file (kept in ~/.local/state/awsmcp/backups, see docs/cli.md)')
    .option('--json', 'machine-readable output ({ schemaVersion: 1, server, files: [...] })')
    .addHelpText(
      'after',
      `
Removes the entry from every host file of the scope that holds it (JSON, JSONC, TOML, YAML: the
library's minimal text edit, every other byte kept, the result parsed again before anything is
written). Every file is planned first, then all are written (or none), each with a backup.
Legacy locations and read-only files (an admin's managed-mcp.json) are never written: they are
listed with the reason. A name that is in no file gets "did you mean"; one that is only in another
scope says which files hold it.

Examples:
  awsmcp remove eks --dry-run
  awsmcp remove cloudwatch --scope all
  awsmcp remove docs --hosts cursor,claude-code --json`,
    )
    .action(registrar.action(() => require('./remove.run').removeCommand));
};
