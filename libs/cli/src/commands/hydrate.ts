import type { CommandDefinition } from '../program';

export const defineHydrate: CommandDefinition = (program, registrar) => {
  program
    .command('hydrate')
    .description('onboarding: turn the committed MCP config templates into your real, git-ignored files')
    .option('--template <file>', 'the template to hydrate (default: every *.template host file in the workspace)')
    .option('--profile <profile>', 'value of AWS_PROFILE (and AWS_API_MCP_PROFILE_NAME)')
    .option('--region <region>', 'value of AWS_REGION')
    .option('--host <host>', 'the host the template is for, when its path does not say (vscode, cursor, kiro, amazonq, claude-code)')
    .option('--set <NAME=VALUE...>', 'any other placeholder value')
    .option('--force', 'overwrite a file that was changed by hand since it was last hydrated')
    .option('--confirm', 'confirm a production profile')
    .option('--json', 'machine-readable output ({ schemaVersion: 1, files: [...] })')
    .addHelpText(
      'after',
      `
Placeholders are \${NAME} inside JSON strings; values come from the flags, then the environment
(AWS_PROFILE=dev awsmcp hydrate works). Every missing value is reported at once and nothing is
written; the result is validated for the host and written atomically.

Examples:
  npx @awsmcp/cli hydrate --profile dev-sandbox --region eu-west-1
  awsmcp hydrate --template .cursor/mcp.json.template --profile dev --region us-east-1`,
    )
    .action(registrar.action(() => require('./hydrate.run').hydrateCommand));
};
