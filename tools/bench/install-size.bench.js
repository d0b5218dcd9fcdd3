// Install size: the CLI and its five libraries packed (`npm pack`) and installed from the tarballs
// into an empty folder (`npm install --no-audit --no-fund`, dependencies from the registry or the npm
// cache), then `du -sm node_modules`. Fails above the 60 MB budget (docs/performance.md).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const BUDGET_MB = 60;
const root = path.resolve(__dirname, '../..');
const DIRS = ['libs/aws-config-parser', 'libs/credential-cache-inspector', 'libs/mcp-config-model', 'libs/prod-guard', 'libs/starter-kits', 'libs/cli'];

function must(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${(r.stdout + r.stderr).slice(-3000)}`);
  return r.stdout;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-install-size-'));
try {
  const packs = path.join(tmp, 'packs');
  const target = path.join(tmp, 'empty');
  fs.mkdirSync(packs);
  fs.mkdirSync(target);
  const tarballs = DIRS.map((dir) => {
    const out = must('npm', ['pack', '--json', '--pack-destination', packs], path.join(root, dir));
    return path.join(packs, path.basename(JSON.parse(out.slice(out.indexOf('[')))[0].filename));
  });
  fs.writeFileSync(path.join(target, 'package.json'), '{ "name": "empty", "version": "0.0.0", "private": true }\n');
  const started = Date.now();
  must('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], target);
  const seconds = (Date.now() - started) / 1000;
  const mb = Number(must('du', ['-sm', 'node_modules'], target).split(/\s/)[0]);
  const packages = must('npm', ['ls', '--all', '--parseable'], target).trim().split('\n').length - 1;
  console.log(`@awsmcp/cli + 5 libraries from tarballs: ${mb} MB in node_modules, ${packages} packages (budget ${BUDGET_MB} MB; npm install ${seconds.toFixed(1)} s)`);
  if (mb > BUDGET_MB) {
    console.error(`over the ${BUDGET_MB} MB budget`);
    process.exitCode = 1;
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
