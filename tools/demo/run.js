// The demo: the main jobs of awsmcp on the bundled demo home (tools/demo/home), in a temp copy whose
// credential caches are seeded relative to now, and a temp workspace. Run by `npm run demo` after the
// packages are built. Each step prints the command it runs, then its real output.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { seedDemoCaches } = require('./seed-caches');

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'libs/cli/dist/bin.js');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-demo-'));
const home = path.join(base, 'home');
const workspace = path.join(base, 'workspace');
fs.cpSync(path.join(__dirname, 'home'), home, { recursive: true });
fs.mkdirSync(workspace, { recursive: true });
seedDemoCaches(home, new Date());

// everything under the demo home: its caches and host files too, never the real ~/.cache or ~/.config
const env = { ...process.env, HOME: home, USERPROFILE: home, XDG_CACHE_HOME: path.join(home, '.cache'), XDG_CONFIG_HOME: path.join(home, '.config') };
delete env.AWS_CONFIG_FILE;
delete env.AWS_SHARED_CREDENTIALS_FILE;
delete env.AWS_PROFILE;

function step(title, args, { allowFail = false } = {}) {
  console.log(`\n\x1b[1m== ${title}\x1b[0m\n$ awsmcp ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: workspace, env, stdio: 'inherit' });
  if (r.status !== 0 && !allowFail) {
    console.error(`demo step failed with exit code ${r.status}`);
    process.exit(r.status || 1);
  }
}

console.log(`demo home: ${home}\ndemo workspace: ${workspace}`);
step('every profile, its kind, account, role chain and credential TTL', ['discover', '--chain', '--write-tags']);
step('a starter kit for this workspace (budget first; over 5,000 tokens, so --yes)', ['kit', 'eks-debug', '--profile', 'dev-sandbox', '--region', 'eu-west-1', '--yes']);
step('which MCP server runs on which credentials', ['status']);
step('point the servers at another account (dry run)', ['switch', 'staging-eu', '--region', 'eu-central-1', '--dry-run']);
step('production needs a confirmation (exit code 3)', ['switch', 'prod-eu'], { allowFail: true });
step('how to log in for a role chain', ['login', 'security-audit']);

const extra = [path.join(__dirname, 'nx-kit.js'), path.join(__dirname, 'doctor-tokens.js')].filter((f) => fs.existsSync(f));
for (const script of extra) {
  const r = spawnSync(process.execPath, [script], { cwd: root, env: { ...env, AWSMCP_DEMO_HOME: home }, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
}
fs.rmSync(base, { recursive: true, force: true });
