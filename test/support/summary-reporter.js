// Prints the run's totals as one plain closing line ("N passed, N failed, N skipped"), the form CI
// reads from any test runner; jest's own summary ("Tests: N passed, N total") is not of that form.
// Jest always adds its summary reporter after the custom ones, so the line is written when the process
// exits: only then is it the run's last line.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const line = `jest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`;
    process.once('exit', () => process.stderr.write(`\n${line}\n`));
  }
}

module.exports = SummaryReporter;
