/** jest's global teardown: the last words of a run are the tests that did not run (see not-run-reporter.cjs). */
const { LINES } = require('./not-run-reporter.cjs');

module.exports = async function printNotRun() {
  const lines = globalThis[LINES] ?? [];
  if (lines.length) process.stderr.write(`\n${lines.join('\n')}\n`);
};
