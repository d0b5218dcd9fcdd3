import type { CommandDefinition } from '../program';

export const defineHosts: CommandDefinition = (program, registrar) => {
  program
    .command('hosts')
    .description('every AI coding host awsmcp supports: its config files per scope and OS, whether it is installed here, and whether it has AWS servers')
    .option('--json', 'machine-readable output ({ schemaVersion: 1, hosts: [...] })')
    .addHelpText(
      'after',
      `
"Installed" means one of the host's folders or config files exists under the home folder (or its config-home
variable: CODEX_HOME, COPILOT_HOME, CLAUDE_CONFIG_DIR, XDG_CONFIG_HOME...). The list comes from the host registry
of @awsmcp/mcp-config-model; the facts and their sources are in docs/hosts.md.

Examples:
  awsmcp hosts
  awsmcp hosts --json | jq '.hosts[] | select(.installed) | .id'`,
    )
    .action(registrar.action(() => require('./hosts.run').hosts));
};
