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
