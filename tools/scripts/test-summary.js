#!/usr/bin/env node
// Sums tmp/test-results/*.json (written by tools/jest/summary-reporter.js) into the one closing
// line CI reads: "N passed, N failed". Exit code 1 when any test failed or no results exist.
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(__dirname, '../../tmp/test-results');
let passed = 0;
let failed = 0;
let skipped = 0;
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
for (const file of files.sort()) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
  if (process.argv.includes('--verbose')) {
    console.log(`  ${r.project}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
  }
}
// `--status N`: the exit status of the test run. A failed run whose results say nothing failed
// (a project crashed before jest could report) still counts one failure, so the line never lies.
const statusArg = process.argv.indexOf('--status');
const status = statusArg > 0 ? Number(process.argv[statusArg + 1]) : 0;
if (status !== 0 && failed === 0) {
  console.log('  a test target failed without reporting test results (see the output above)');
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || files.length === 0 ? 1 : 0;
