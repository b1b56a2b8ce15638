import { mixedCaseVariable } from '../../../analyzers/naming/mixed-case-variable.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(mixedCaseVariable, {
  flagged: [
    { code: 'defaultTimeout = 30', lines: [1], message: 'global scope' },
    { code: '_internalValue = 1\ngLOBAL = 2', lines: [1, 2] },
    { code: 'class Client:\n    maxRetries = 3\n    _retryDelay = 1', lines: [2, 3], message: 'class scope' },
    { code: 'for itemCount in range(3):\n    pass', lines: [1] },
  ],
  clean: [
    { code: 'DEFAULT_TIMEOUT = 30\ndefault_timeout = 30\nDefaultTimeout = 1' },
    { code: '__privateValue = 1\nclass A:\n    __mangledValue = 2' },
    { code: 'from collections import namedtuple\npointTuple = namedtuple("P", "x")' },
    { code: 'from typing import TypedDict\nclass Movie(TypedDict):\n    releaseYear: int' },
    { code: 'def f():\n    global someValue\n    someValue = 1' },
  ],
});

test('codes and subjects', () => {
  const findings = runRule(mixedCaseVariable, 'fooBar = 1\nclass A:\n    bazQux = 2\n');
  expect(findings.map((f) => [f.code, f.subject])).toEqual([
    ['N816', 'fooBar'],
    ['N815', 'bazQux'],
  ]);
});

describe('mixed-case-variable: snake_case, or UPPER_CASE for a constant, when free', () => {
  ruleTester(mixedCaseVariable, {
    flagged: [
      { code: 'defaultTimeout = 30', lines: [1], suggestion: 'Rename to `default_timeout` (or `DEFAULT_TIMEOUT` if it is a constant) and update its uses.' },
      {
        code: 'class Client:\n    maxRetries = 3',
        lines: [2],
        suggestion: 'Rename to `max_retries` (or `MAX_RETRIES` if it is a constant) and update its uses.',
      },
      { code: '_internalValue = 1', lines: [1], suggestion: 'Rename to `_internal_value` (or `_INTERNAL_VALUE` if it is a constant) and update its uses.' },
      // A loop target is no constant; a taken spelling is not offered.
      { code: 'for itemCount in range(3):\n    pass', lines: [1], suggestion: 'Rename to `item_count` and update its uses.' },
      { code: 'DEFAULT_TIMEOUT = 1\ndefaultTimeout = 30', lines: [2], suggestion: 'Rename to `default_timeout` and update its uses.' },
      { code: 'default_timeout = 1\ndefaultTimeout = 30', lines: [2], suggestion: 'Rename to `DEFAULT_TIMEOUT` if it is a constant, and update its uses.' },
      { code: 'default_timeout = DEFAULT_TIMEOUT = 1\ndefaultTimeout = 30', lines: [2], suggestion: null },
    ],
    clean: [{ code: 'DEFAULT_TIMEOUT = 30' }],
  });
});
