// Benchmark: one kit planned (planKit from @awsmcp/starter-kits: entries, budget, prod guard,
// per-file merge) and the whole `nx g @awsmcp/nx:kit` on an in-memory Tree. The generator's unit
// test used to assert "under 20 ms" on the wall clock, which failed on a loaded machine; the
// number lives here now. Target: the generator under 20 ms (median) for eks-debug on two hosts.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { measure, measureAsync } = require('./lib');

const root = path.resolve(__dirname, '../..');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-bench-kit-'));
fs.cpSync(path.join(root, 'tools/demo/home'), home, { recursive: true });
process.env.HOME = home;
process.env.NX_INTERACTIVE = 'false';
for (const k of ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_REGION']) delete process.env[k];

const { loadProfiles } = require('@awsmcp/aws-config-parser');
const { planKit } = require('@awsmcp/starter-kits');
const { createTreeWithEmptyWorkspace } = require('@nx/devkit/testing');
const { kitGenerator } = require(path.join(root, 'generators/nx/dist/generators/kit/generator.js'));

async function main() {
  const profiles = loadProfiles({ env: process.env, tolerant: true });
  const input = { kit: 'eks-debug', profile: 'dev-sandbox', region: 'eu-west-1', hosts: 'vscode,claude-code', profiles, yes: true, env: {} };
  const plan = measure(() => planKit(input), { runs: 31, warmup: 5 });
  const options = { name: 'eks-debug', profile: 'dev-sandbox', region: 'eu-west-1', yes: true, skipFormat: true };
  const log = console.log;
  const saved = { log: console.log, info: console.info, warn: console.warn };
  const gen = await measureAsync(
    async () => {
      // the Nx logger prints the budget and the file lines on every run
      console.log = console.info = console.warn = () => undefined;
      try {
        await kitGenerator(createTreeWithEmptyWorkspace(), options);
      } finally {
        Object.assign(console, saved);
      }
    },
    { runs: 15, warmup: 3 },
  );
  log(`  planKit eks-debug, 2 hosts                ${plan.toFixed(2).padStart(7)} ms`);
  log(`  nx g @awsmcp/nx:kit eks-debug (Tree)      ${gen.toFixed(2).padStart(7)} ms   target < 20 ms: ${gen < 20 ? 'MET' : 'NOT MET'}`);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(home, { recursive: true, force: true }));
