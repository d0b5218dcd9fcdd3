import type { CommandDefinition } from '../program';

export const defineLogin: CommandDefinition = (program, registrar) => {
  program
    .command('login')
    .argument('[profile]', 'the AWS profile to log in with (default: AWS_PROFILE)')
    .description('the right login command for the profile type (and for a role chain, its source first)')
    .option('--exec', 'run it (no shell, in this terminal), then show the profile status')
    .option('--json', 'machine-readable output ({ schemaVersion: 1, profile, command, ... })')
    .addHelpText(
      'after',
      `
  sso (sso-session)  aws sso login --sso-session NAME
  sso (legacy)       aws sso login --profile NAME
  granted            assume NAME
  aws login          aws login --profile NAME
  assume-role        the login of the source profile (with MFA: a call that asks for the code)
  static keys        no login flow: rotate them, or move to SSO

Examples:
  awsmcp login dev-sandbox
  awsmcp login prod-deployer --exec`,
    )
    .action(registrar.action(() => require('./login.run').login));
};
