import type { CommandDefinition } from '../program';

export const defineHydrate: CommandDefinition = (program, registrar) => {
  program
    .command('hydrate')
    .description('onboarding: turn the committed MCP config templates into your real, git-ignored files')
    .option('--template <file>', 'the template to hydrate (default: every *.template host file in the workspace)')
    .option('--profile <profile>', 'value of AWS_PROFILE (and AWS_API_MCP_PROFILE_NAME)')
    .option('--region <region>', 'value of AWS_REGION')
    .option('--host <host>', 'the host the template is for, when its path does not say (a host id of `awsmcp hosts`: vscode, claude-code, cursor, kiro, codex, goose, zed, opencode, continue...); without --template, only that host\'s templates')
    .option('--scope <scope>', 'workspace (default: templates in the current directory), user, or all')
    .option('--hosts <hosts>', 'only the templates of these hosts (comma-separated host ids, installed or not)')
    .option('--all-hosts', 'every host\'s template, installed here or not (default: installed hosts only)')
    .option('--set <NAME=VALUE...>', 'the value of another placeholder (declares it for hydration; never a secret name)')
    .option('--var <NAME...>', 'also fill this placeholder from the environment (as the template\'s "_hydrate" list does; never a secret name)')
    .option('--force', 'overwrite a file that was changed by hand since it was last hydrated')
    .option('--confirm', 'confirm a production profile')
    .option('--json', 'machine-readable output ({ schemaVersion: 1, files: [...] })')
    .addHelpText(
      'after',
      `
Placeholders are \${NAME} inside string values (JSON, JSONC, TOML or YAML: the host's own format;
every other byte of the template is kept). Only these are filled: the AWS profile and region
variables (AWS_PROFILE, AWS_REGION, AWS_DEFAULT_REGION, AWS_API_MCP_PROFILE_NAME, any *_PROFILE),
names the template lists in "_hydrate": [...], and --var / --set names. Values come from the flags,
then the environment (AWS_PROFILE=dev awsmcp hydrate works). Secret names (tokens, keys, passwords,
AWS_SECRET_ACCESS_KEY...) are never filled: they stay \${NAME} for the host to read at start.
Every profile that lands in a file (flag, default, literal, another variable) goes through the prod
guard: production needs a typed confirmation in a terminal, or --confirm (exit 3 otherwise).
Only templates of hosts installed here are hydrated by default (the host's file or app folder
exists, or its executable is on PATH); the others are listed as skipped: --hosts ID or --all-hosts.
Every missing value is reported at once and nothing is written; every template is validated for its
host and checked before any file is written atomically.

Examples:
  npx @awsmcp/cli hydrate --profile dev-sandbox --region eu-west-1
  awsmcp hydrate --template .cursor/mcp.json.template --profile dev --region us-east-1
  awsmcp hydrate --host codex --profile dev --region eu-west-1   (.codex/config.toml.template)`,
    )
    .action(registrar.action(() => require('./hydrate.run').hydrateCommand));
};
