import type { CommandDefinition } from '../program';

export const defineDiscover: CommandDefinition = (program, registrar) => {
  program
    .command('discover')
    .description('every AWS profile: type, account, env tag, role, when its credentials expire (TTL light)')
    .option('--type <kind>', 'only profiles of this type (sso, sso-legacy, assume-role, web-identity, credential-process, granted, login, static, unknown)')
    .option('--env <tag>', 'only profiles with this environment tag (prod, staging, dev, sandbox, shared-services, ...)')
    .option('--account <id>', 'only profiles of this account id')
    .option('--runtime <sdk>', "whose rules decide each verdict: botocore (Python servers: every awslabs MCP server; the default) or js-sdk (Node servers)")
    .option('--chain', 'draw each assume-role chain as a tree with account ids')
    .option('--expired', 'only profiles whose credentials are expired, missing or broken')
    .option('--write-tags', 'write a starter ~/.aws-profile-tags.yaml when it is missing, without asking (the default without a terminal is not to write it)')
    .option('--no-write-tags', 'never write the starter ~/.aws-profile-tags.yaml (and do not ask)')
    .option('--no-cache', 'read everything again: neither use nor keep the result cache (~/.cache/awsmcp/discover.json)')
    .option('--json', 'machine-readable output ({ schemaVersion: 1, profiles: [...] })')
    .addHelpText(
      'after',
      `
Examples:
  awsmcp discover
  awsmcp discover --type sso --env prod
  awsmcp discover --chain
  awsmcp discover --runtime js-sdk
  awsmcp discover --expired --json | jq '.profiles[].profile'`,
    )
    .action(registrar.action(() => require('./discover.run').discover));
};
