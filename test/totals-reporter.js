/**
 * Ends every jest run with one plain line, `N passed, N failed`, which CI reads. Skipped and
 * todo tests are counted as failures on purpose: a test that did not run proves nothing.
 */
class TotalsReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numPendingTests + results.numTodoTests;
    const brokenSuites = results.numRuntimeErrorTestSuites;
    process.stdout.write(`\n${results.numPassedTests} passed, ${failed + brokenSuites} failed\n`);
  }
}
module.exports = TotalsReporter;
