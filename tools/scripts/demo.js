#!/usr/bin/env node
// `npm run demo`: build the packages, then run the demo on the bundled demo home (tools/demo/home).
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const build = spawnSync(process.execPath, [require.resolve('nx/bin/nx', { paths: [root] }), 'run-many', '-t', 'build', '--outputStyle=static'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env,
});
if (build.status !== 0) {
  console.error('build failed: run `npx nx run-many -t build` to see why');
  process.exit(build.status || 1);
}
const steps = [[path.join(root, 'tools/demo/run.js')]];
for (const args of steps) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status || 1);
}
