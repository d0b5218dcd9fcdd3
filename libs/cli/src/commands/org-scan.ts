import type { CommandDefinition } from '../program';

export const defineOrgScan: CommandDefinition = (program, registrar) => {
  program
    .command('org-scan')
    .description('every account of the AWS organization (Organizations ListAccounts, all pages) against your profiles and env tags; generate profiles for the missing ones')
    .option('--profile <profile>', 'a profile in the management account or a delegated administrator account (default: AWS_PROFILE, else default)')
    .option('--generate-profiles', 'print sso-session style [profile] stanzas for the ACTIVE accounts that have no profile (stdout: only the stanzas)')
    .option('--write', 'append the generated stanzas to the config file (after a confirmation; backup + atomic)')
    .option('--yes', 'confirm --write without a prompt (needed when there is no terminal)')
    .option('--role <name>', 'permission set for the generated profiles (default: the one your SSO profiles use most, else ReadOnlyAccess)')
    .option('--sso-session <name>', 'take the start URL and SSO region from this sso-session (or SSO profile)')
    .option('--sso-start-url <url>', 'start URL when no SSO profile exists yet (with --sso-region)')
    .option('--sso-region <region>', 'SSO region for --sso-start-url')
    .option('--region <region>', 'default region written into the generated profiles')
    .option('--prefix <text>', 'prefix for the generated profile names (e.g. org-)')
    .option('--page-size <n>', 'ListAccounts page size (1-20, default 20)')
    .option('--timeout <seconds>', 'how long one API call may take', '30')
    .option('--json', 'machine-readable output ({ schemaVersion: 1, accounts: [...], summary, generated?, written? })')
    .addHelpText(
      'after',
      `
Profiles are matched to accounts by sso_account_id, granted_sso_account_id and the account in
role_arn; environments come from ~/.aws-profile-tags.yaml (else the names). The scan needs
organizations:ListAccounts, which only the management account or a delegated administrator has.

Examples:
  awsmcp org-scan --profile org-management
  awsmcp org-scan --profile org-management --generate-profiles > new-profiles.ini
  awsmcp org-scan --profile org-management --generate-profiles --role ReadOnly --write
  awsmcp org-scan --json | jq '.accounts[] | select(.profiles == []) | .name'`,
    )
    .action(registrar.action(() => require('./org-scan.run').orgScan));
};
