// Prints the run's totals as one plain closing line ("N passed, N failed, N skipped"), the form CI
// reads from any test runner; jest's own summary ("Tests: N passed, N total") is not of that form.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    process.stdout.write(`\njest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`);
  }
}

module.exports = SummaryReporter;
