#!/usr/bin/env node
// `npm test`: every project's jest tests through Nx (conformance vectors included), then one
// closing line "N passed, N failed" summed over all jest runs.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
fs.rmSync(path.join(root, 'tmp/test-results'), { recursive: true, force: true });

const extra = process.argv.slice(2);
const nx = spawnSync(
  process.execPath,
  [require.resolve('nx/bin/nx', { paths: [root] }), 'run-many', '-t', 'test', '--outputStyle=static', ...extra],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
);
const summary = spawnSync(process.execPath, [path.join(__dirname, 'test-summary.js'), '--verbose', '--status', String(nx.status ?? 1)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(nx.status !== 0 ? nx.status || 1 : summary.status || 0);
