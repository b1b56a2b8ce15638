import { exceptionName } from '../../../analyzers/naming/exception-name.js';
import { ruleTester } from '../../helpers/rule-tester.js';

test('N818 is opt-in', () => expect(exceptionName.optIn).toBe(true));

ruleTester(exceptionName, {
  flagged: [
    { code: 'class InvalidToken(Exception):\n    pass', lines: [1], message: 'Error suffix' },
    { code: 'class Timeout(ValueError):\n    pass', lines: [1] },
  ],
  clean: [
    { code: 'class InvalidTokenError(Exception):\n    pass' },
    { code: 'class Stop(BaseException):\n    pass' },
    { code: 'import errors\nclass Bad(errors.BaseError):\n    pass' },
    { code: 'class Thing(Base):\n    pass' },
  ],
});

describe('exception-name: the name with an Error suffix, when it is free', () => {
  ruleTester(exceptionName, {
    flagged: [
      {
        code: 'class InvalidToken(Exception):\n    pass',
        lines: [1],
        suggestion: 'Rename to `InvalidTokenError` and update its uses; keep the old name as an alias if callers catch it.',
      },
      {
        code: 'class ParseException(ValueError):\n    pass',
        lines: [1],
        suggestion: 'Rename to `ParseError` and update its uses; keep the old name as an alias if callers catch it.',
      },
      { code: 'class _Retry(Exception):\n    pass', lines: [1], suggestion: 'Rename to `_RetryError` and update its uses.' },
      { code: '__all__ = ["run"]\nclass Invalid(Exception):\n    pass', lines: [2], suggestion: 'Rename to `InvalidError` and update its uses.' },
      // `TimeoutError` is a builtin; `InvalidTokenError` is already a name here.
      { code: 'class Timeout(ValueError):\n    pass', lines: [1], suggestion: null },
      { code: 'class InvalidTokenError(Exception):\n    pass\nclass InvalidToken(InvalidTokenError):\n    pass', lines: [3], suggestion: null },
    ],
    clean: [{ code: 'class InvalidTokenError(Exception):\n    pass' }],
  });
});
