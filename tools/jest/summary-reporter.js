// Writes each jest run's counts to tmp/test-results/<project>.json so that `npm test` and
// .ci/run can print one closing line "N passed, N failed" summed over every project.
const fs = require('node:fs');
const path = require('node:path');

const workspaceRoot = path.resolve(__dirname, '../..');

class SummaryReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(contexts, results) {
    const config = [...contexts][0]?.config;
    const name = (config && config.displayName && (config.displayName.name || config.displayName)) ||
      path.basename(this.globalConfig.rootDir);
    const dir = path.join(workspaceRoot, 'tmp/test-results');
    fs.mkdirSync(dir, { recursive: true });
    // a suite that could not run at all (syntax error, crash in setup) counts as a failure, and so
    // does a run that broke down or failed on snapshots with nothing else counted. (`results.success`
    // is only computed after reporters ran, so it cannot be used here.)
    let failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    if (failed === 0 && (results.runExecError || results.wasInterrupted || (results.snapshot && results.snapshot.failure))) failed = 1;
    fs.writeFileSync(
      path.join(dir, `${name}.json`),
      JSON.stringify({
        project: name,
        passed: results.numPassedTests,
        failed,
        skipped: results.numPendingTests + results.numTodoTests,
        suites: results.numTotalTestSuites,
      }, null, 2) + '\n',
    );
  }
}

module.exports = SummaryReporter;
