import type { CommandDefinition } from '../program';

export const defineSwitch: CommandDefinition = (program, registrar) => {
  program
    .command('switch')
    .argument('[profile]', 'the AWS profile the MCP servers should use (or --env TAG)')
    .description('point MCP servers at another AWS profile (and region) in every matching host file, keeping comments')
    .option('--scope <scope>', 'workspace (default: files in the current directory, and its Claude Code local entry in ~/.claude.json), user, or all', 'workspace')
    .option('--server <name>', 'only this server')
    .option('--hosts <hosts>', 'only the files these hosts read (comma-separated host ids, see awsmcp hosts)')
    .option('--all-hosts', 'every host, installed here or not (the default: installed hosts; a host whose file exists is installed)')
    .option('--env <tag>', 'the profile tagged with this environment in ~/.aws-profile-tags.yaml')
    .option('--region <region>', 'also set the region (AWS_REGION and --region where the server takes it)')
    .option('--confirm', 'confirm a production profile (required for prod)')
    .option('--allow-global-prod', 'allow a production profile in a user-scope (global) host file')
    .option('--dry-run', 'show the changes, write nothing')
    .option('--no-backup', 'do not keep a backup of each changed file (kept in ~/.local/state/awsmcp/backups, see docs/cli.md)')
    .option('--skip-broken', 'switch the other files when a host file cannot be read or parsed (default: fail, exit 1)')
    .option('--json', 'machine-readable output ({ schemaVersion: 1, profile, files: [...] })')
    .addHelpText(
      'after',
      `
Patches AWS_PROFILE (or the server's own variable, e.g. AWS_API_MCP_PROFILE_NAME), AWS_REGION and any
--profile / --region argument already present. Servers whose profile is a variable (\${input:...},
\${AWS_PROFILE}) are templates and are left alone. A host file that cannot be read or parsed stops the
switch (exit 1, file:line:column) unless --skip-broken. Every file is planned first, then all are
written (or none). Only hosts installed here by default (a host whose file exists is installed);
--hosts ID,... limits the files. Backups: $XDG_STATE_HOME/awsmcp/backups (default ~/.local/state/awsmcp/backups).
Exit code 3 when the prod guard refuses.

Examples:
  awsmcp switch dev-sandbox
  awsmcp switch staging-eu --region eu-central-1 --dry-run
  awsmcp switch --env prod --server eks --confirm`,
    )
    .action(registrar.action(() => require('./switch.run').switchProfile));
};
