const { appendFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

/**
 * Ends every jest run with one plain line, `N passed, N failed`, which CI reads. Skipped and
 * todo tests are counted as failures on purpose: a test that did not run proves nothing. The
 * totals are also appended to .cache/jest-totals.log so that .ci/run can add up several runs.
 */
class TotalsReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed =
      results.numFailedTests +
      results.numPendingTests +
      results.numTodoTests +
      results.numRuntimeErrorTestSuites;
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
    const cache = join(__dirname, '..', '.cache');
    mkdirSync(cache, { recursive: true });
    appendFileSync(join(cache, 'jest-totals.log'), `${passed} ${failed}\n`);
  }
}
module.exports = TotalsReporter;
