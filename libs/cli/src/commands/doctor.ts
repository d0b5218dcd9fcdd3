import type { CommandDefinition } from '../program';

export const defineDoctor: CommandDefinition = (program, registrar) => {
  program
    .command('doctor')
    .argument('[server]', 'an MCP server: its name in a host file, or a catalog id (eks, cloudwatch, ...)')
    .description('check one MCP server layer by layer: identity (STS), binary on PATH, MCP handshake, IAM permissions; stops at the first failure with the fix')
    .option('--profile <profile>', 'the AWS profile to check (alone: identity and --probe only; with a server: instead of the one in its config)')
    .option('--region <region>', 'region for STS and the probes (default: the server\'s, then the profile\'s, then AWS_REGION)')
    .option('--host <host>', 'look the server up in this host only (a host id, as `awsmcp hosts` lists them: vscode, claude-code, codex, goose...)')
    .option('--probe <ids>', 'catalog servers whose read-only IAM probe to run, comma-separated (eks,cloudwatch)')
    .option('--timeout <seconds>', 'how long the server may take for initialize + tools/list, and STS for one call', '60')
    .option('--json', 'machine-readable output ({ schemaVersion: 1, target, ok, failedLayer, layers: [...] })')
    .addHelpText(
      'after',
      `
Layers, in order (the first failure stops the run and says how to fix it):
  1 identity     STS GetCallerIdentity with the server's profile (assume-role chains, SSO, ...)
  2 binary       the server's command (uvx, npx, node, docker) resolves on PATH
  3 mcp          spawn it as the host would (no shell), initialize, tools/list, with a timeout
  4 permissions  one read-only call per service the server uses (EKS ListClusters, ...)

Exit codes: 0 every layer passed or was skipped, 1 a layer failed, 2 usage, 130 interrupted.

Examples:
  awsmcp doctor eks
  awsmcp doctor eks --host claude-code --timeout 120
  awsmcp doctor --profile dev-sandbox --probe eks,cloudwatch
  awsmcp doctor cloudwatch --profile dev-sandbox --region eu-west-1
  awsmcp doctor eks --json | jq '.layers[] | {layer, status, summary}'`,
    )
    .action(registrar.action(() => require('./doctor.run').doctor));
};
