import type { CommandDefinition } from '../program';

export const defineTokens: CommandDefinition = (program, registrar) => {
  program
    .command('tokens')
    .argument('[servers...]', 'kit names (eks-debug), server names from the host files, or catalog ids (eks); none: every stdio server in the host files')
    .description('start MCP servers, list their tools and measure what their definitions cost in context tokens; stores the measurements that kit budgets then prefer')
    .option('--profile <profile>', 'AWS profile for kit / catalog servers (AWS_PROFILE)')
    .option('--region <region>', 'AWS region for kit / catalog servers (AWS_REGION)')
    .option('--host <host>', 'look servers up in this host only (a host id, as `awsmcp hosts` lists them: vscode, claude-code, codex, goose...)')
    .option('--limit <tokens>', 'the budget the bars are drawn against', '5000')
    .option('--timeout <seconds>', 'how long each server may take for initialize + tools/list', '60')
    .option('--tools', 'list every tool with its own cost')
    .option('--no-save', 'do not store the measurements')
    .option('--trust', 'with no names: run the commands of the workspace host files without asking (default: ask on a terminal, refuse without one, exit 2)')
    .option('--json', 'machine-readable output ({ schemaVersion: 1, tokenizer, limit, total, servers: [...] })')
    .addHelpText(
      'after',
      `
Tokens are counted with o200k_base (gpt-tokenizer, offline) over each tool's name, description and
input schema as JSON. Claude's tokenizer is not public; expect its count to be higher, roughly by
10-30%. Measurements go to $XDG_CACHE_HOME/awsmcp/measurements.json (else ~/.cache/awsmcp/), where
\`awsmcp kit\` and the Nx generator's budget use them instead of the static estimates.

With no names, the workspace's host files are someone else's commands in a fresh clone: awsmcp lists
them and asks first on a terminal; without one it refuses (exit 2) unless --trust. Named servers run
without asking. Each server runs in its own process group; its whole tree is killed on timeout,
Ctrl-C (exit 130), SIGTERM and SIGHUP (a closed terminal).

Examples:
  awsmcp tokens --trust                 # every server in this workspace's and your host files
  awsmcp tokens eks-debug --profile dev-sandbox --region eu-west-1
  awsmcp tokens everything --tools
  awsmcp tokens eks cloudwatch --json | jq '.servers[] | {name, tokens}'`,
    )
    .action(registrar.action(() => require('./tokens.run').tokens));
};
