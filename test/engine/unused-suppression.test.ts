import { evalExec } from '../../analyzers/security/eval-exec.js';
import { unusedImport } from '../../analyzers/unused-imports/unused-import.js';
import { analyzeFile } from '../../src/engine/run.js';
import { unusedSuppression } from '../../src/engine/unused-suppression.js';
import { dedent } from '../helpers/rule-tester.js';

/** unused-suppression judges the other rules' comments, so it runs with the rules they name. */
const lines = (code: string) =>
  analyzeFile(
    'example.py',
    dedent(code),
    [unusedImport, evalExec, unusedSuppression].map((rule) => ({ rule, options: {} })),
  )
    .findings.filter((f) => f.rule === unusedSuppression.id)
    .map((f) => [f.line, f.subject]);

describe('unused-suppression: flags', () => {
  test.each([
    ['a noqa for a check that reports nothing there', 'import os  # noqa: F401\nprint(os.sep)\n', [[1, 'F401']]],
    ['the unused one of two codes', 'import os  # noqa: F401, S307\n', [[1, 'S307']]],
    ['a nosec naming a rule by its id', 'x = 1  # nosec eval-exec\n', [[1, 'eval-exec']]],
  ])('%s', (_name, code, expected) => {
    expect(lines(code)).toEqual(expected);
  });
});

describe('unused-suppression: leaves alone', () => {
  test.each([
    ['a noqa that silences a finding', 'import os  # noqa: F401\n'],
    ['a code of a check we do not run', 'x = 1  # noqa: E501\n'],
    ['a bare noqa', 'x = 1  # noqa\n'],
    ['a file-wide ruff: noqa', '# ruff: noqa: F401\nx = 1\n'],
  ])('%s', (_name, code) => {
    expect(lines(code)).toEqual([]);
  });
});
