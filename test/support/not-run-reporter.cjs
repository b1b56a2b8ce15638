/**
 * A jest reporter that collects, and has repeated after jest's own summary, every test file whose tests did not run
 * and why: "8 skipped" in the summary is easy to miss, and a suite that silently stops running
 * (no Redis on the machine) must not pass for a suite that passed. The reason is the title of the
 * skipped block when it says "… NOT RUN: why" (see test/queue/redis.test.ts). jest always prints
 * its summary after every reporter, so print-not-run.cjs (the global teardown) prints the lines.
 */
const { relative } = require('node:path');

const NOT_RUN = /\bNOT RUN:/;
const LINES = Symbol.for('pr-reviewer.test.not-run-lines');

/** One line per file with tests that did not run; exported for its own test. */
function notRunLines(results, rootDir) {
  const lines = [];
  for (const file of results.testResults) {
    const skipped = file.testResults.filter((t) => t.status === 'pending' || t.status === 'skipped' || t.status === 'todo');
    if (!skipped.length) continue;
    const where = `${skipped.length} test${skipped.length === 1 ? '' : 's'} in ${relative(rootDir, file.testFilePath)}`;
    const reasons = new Set(skipped.map((t) => t.ancestorTitles.find((title) => NOT_RUN.test(title))).filter(Boolean));
    if (reasons.size) for (const reason of reasons) lines.push(`${reason} (${where})`);
    else lines.push(`TESTS NOT RUN: ${where} skipped`);
  }
  return lines;
}

class NotRunReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    globalThis[LINES] = notRunLines(results, this.rootDir);
  }
}

module.exports = NotRunReporter;
module.exports.notRunLines = notRunLines;
module.exports.LINES = LINES;
