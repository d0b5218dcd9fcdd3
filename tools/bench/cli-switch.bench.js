// Benchmark: `awsmcp switch` as a whole process on a workspace whose host file holds 2,500 AWS MCP
// servers (and 800, the size of the report in issue 15, where it took 105 s). Target (issue 15):
// 2,500 servers in under 5 s. Each run switches every server to the other profile, so every run
// edits all of them; the median of the runs is reported.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'libs/cli/dist/bin.js');

function workspace(count) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-bench-switch-'));
  const home = path.join(base, 'home');
  const work = path.join(base, 'work');
  fs.cpSync(path.join(root, 'tools/demo/home'), home, { recursive: true });
  fs.mkdirSync(path.join(work, '.vscode'), { recursive: true });
  const servers = {};
  for (let i = 0; i < count; i++) {
    servers[`eks-${i}`] = { type: 'stdio', command: 'uvx', args: ['awslabs.eks-mcp-server==0.1.37', '--profile', 'dev-sandbox'], env: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1' } };
  }
  fs.writeFileSync(path.join(work, '.vscode/mcp.json'), `// generated: ${count} servers\n${JSON.stringify({ servers }, null, 2)}\n`);
  return { home, work, file: path.join(work, '.vscode/mcp.json') };
}

function time(count, runs) {
  const w = workspace(count);
  const env = { ...process.env, HOME: w.home, NO_COLOR: '1' };
  delete env.XDG_STATE_HOME;
  delete env.AWS_CONFIG_FILE;
  delete env.AWS_SHARED_CREDENTIALS_FILE;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const profile = i % 2 === 0 ? 'staging-eu' : 'dev-sandbox';
    const t = performance.now();
    const r = spawnSync(process.execPath, [bin, 'switch', profile, '--json', '--no-backup'], { cwd: w.work, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`switch failed (${r.status}): ${r.stderr}`);
    const n = (fs.readFileSync(w.file, 'utf8').match(new RegExp(`"AWS_PROFILE": "${profile}"`, 'g')) ?? []).length;
    if (n !== count) throw new Error(`expected ${count} servers on ${profile}, found ${n}`);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], size: fs.statSync(w.file).size };
}

const RUNS = 5;
console.log(`(median of ${RUNS} runs; each run switches every server)`);
for (const count of [800, 2500]) {
  const { ms, size } = time(count, RUNS);
  const target = count === 2500 ? `   target < 5000 ms: ${ms < 5000 ? 'MET' : 'NOT MET'}` : '';
  console.log(`  awsmcp switch, ${String(count).padStart(5)} servers (${(size / 1024).toFixed(0)} KB) ${ms.toFixed(0).padStart(6)} ms${target}`);
}
