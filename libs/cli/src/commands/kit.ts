import type { CommandDefinition } from '../program';

export const defineKit: CommandDefinition = (program, registrar) => {
  program
    .command('kit')
    .argument('[name]', 'eks-debug, observe, knowledge, deploy, cost, or a kit from awsmcp-kits.yaml')
    .description('add a version-pinned starter kit of AWS MCP servers to this workspace (the same kits as nx g @awsmcp/nx:kit)')
    .option('--profile <profile>', 'AWS profile the servers use')
    .option('--region <region>', 'AWS region (default: the profile\'s region, else AWS_REGION)')
    .option('--hosts <hosts>', 'comma-separated host ids with a file in the project, as `awsmcp hosts` lists them: vscode, claude-code, cursor, kiro, codex, zed, opencode... (default: the hosts this workspace uses and that are installed here, else vscode,claude-code)')
    .option('--scope <scope>', 'workspace (default: the project\'s host files) or user (each host\'s own user file, e.g. ~/.cursor/mcp.json, ~/.codex/config.toml, Goose\'s config.yaml: every project sees it)')
    .option('--allow-global-prod', 'allow a production profile in a user-scope file (every project\'s AI session could reach production)')
    .option('--mode <mode>', 'concrete (real values, keep the file out of git) or inputs (VS Code inputs / ${AWS_PROFILE}: safe to commit)', 'concrete')
    .option('--multi-account', 'one named instance per prod-tagged profile (eks-prod-eu, eks-prod-us)')
    .option('--confirm', 'confirm a production profile')
    .option('--yes', 'write even when the context budget is over the recommendation')
    .option('--replace', 'replace servers of the same name already in the files')
    .option('--no-validate-profile', 'do not check that the profile exists in ~/.aws/config (CI)')
    .option('--dry-run', 'show what would be written, write nothing')
    .option('--list', 'list the kits and their servers')
    .option('--json', 'machine-readable output ({ schemaVersion: 1, kit, budget, files: [...] })')
    .addHelpText(
      'after',
      `
The token budget is shown first; over the 5,000-token recommendation the command asks (or, without a
terminal, refuses unless --yes) and shows the AWS CLI commands that answer the same questions for free.

Examples:
  awsmcp kit --list
  awsmcp kit eks-debug --profile dev-sandbox --region eu-west-1
  awsmcp kit observe --profile dev --region eu-west-1 --hosts cursor,kiro --mode inputs --dry-run
  awsmcp kit eks-debug --profile dev --hosts codex,zed        # .codex/config.toml, .zed/settings.json
  awsmcp kit eks-debug --profile dev --scope user --hosts goose,claude-desktop   # your own files, every project`,
    )
    .action(registrar.action(() => require('./kit.run').kit));
};
