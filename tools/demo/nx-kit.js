// Demo step: the Nx plugin's kit generator in dry-run mode, in this repository (an Nx workspace),
// against the demo home. Nothing is written: Nx prints the files it would create.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const home = process.env.AWSMCP_DEMO_HOME;
if (!home) throw new Error('run through tools/demo/run.js (it prepares the demo home)');
const args = ['g', '@awsmcp/nx:kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--hosts', 'vscode,claude-code', '--yes', '--dry-run', '--no-interactive'];
console.log(`\n\x1b[1m== the same kit from the Nx plugin, as a dry run in this workspace\x1b[0m\n$ npx nx ${args.join(' ')}`);
const r = spawnSync(process.execPath, [require.resolve('nx/bin/nx', { paths: [root] }), ...args], {
  cwd: root,
  env: { ...process.env, HOME: home, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_INTERACTIVE: 'false' },
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
