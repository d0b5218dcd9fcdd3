#!/usr/bin/env node
// `npm run bench`: build the packages, then run every tools/bench/*.bench.js in turn.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const build = spawnSync(process.execPath, [require.resolve('nx/bin/nx', { paths: [root] }), 'run-many', '-t', 'build', '--outputStyle=static'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env });
if (build.status !== 0) process.exit(build.status || 1);

const only = process.argv.slice(2);
const dir = path.join(root, 'tools/bench');
let failed = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.bench.js')).sort()) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  console.log(`\n== ${file.replace('.bench.js', '')} ==`);
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(dir, file)], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
