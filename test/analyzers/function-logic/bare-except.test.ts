import { bareExcept } from '../../../analyzers/function-logic/bare-except.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(bareExcept, {
  flagged: [
    { code: 'try:\n    load()\nexcept:\n    pass\n', lines: [3], message: 'Bare `except:`' },
    // Re-raising only sometimes is still catching everything.
    { code: 'try:\n    load()\nexcept:\n    if x:\n        raise\n', lines: [3] },
    { code: 'try:\n    load()\nexcept OSError:\n    pass\nexcept:  # last resort\n    log()\n', lines: [5] },
  ],
  clean: [
    { code: 'try:\n    load()\nexcept Exception:\n    pass\n' },
    { code: 'try:\n    load()\nexcept (OSError, ValueError) as e:\n    pass\n' },
    // Cleanup that re-raises is the accepted use.
    { code: 'try:\n    load()\nexcept:\n    cleanup()\n    raise\n' },
    { code: 'try:\n    load()\nexcept:  # noqa: E722\n    pass\n' },
  ],
});

test('reported on the except keyword', () => {
  expect(runRule(bareExcept, 'try:\n    pass\nexcept:\n    pass\n')[0]).toMatchObject({ line: 3, column: 1, endColumn: 7, code: 'E722' });
});
