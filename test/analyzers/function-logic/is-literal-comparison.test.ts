import { isLiteralComparison } from '../../../analyzers/function-logic/is-literal-comparison.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(isLiteralComparison, {
  flagged: [
    { code: 'if status is "done":\n    finish()\n', lines: [1], message: 'use `==`' },
    { code: 'if count is not 0:\n    pass\n', lines: [1], message: 'use `!=`' },
    { code: 'x = y is -1\n', lines: [1] },
    { code: 'x = y is b"a"\n', lines: [1] },
    { code: 'x = y is 1.5\n', lines: [1] },
    { code: 'x = y is ()\n', lines: [1] },
    { code: 'x = y is (1, 2)\n', lines: [1] },
    { code: 'x = y is []\n', lines: [1], message: 'always false' },
    { code: 'x = y is not {}\n', lines: [1], message: 'always true' },
    { code: 'x = "a" is y\n', lines: [1] },
    { code: 'x = a < b is 2\n', lines: [1] },
  ],
  clean: [
    { code: 'x = y is None\n' },
    { code: 'x = y is True or y is not False\n' },
    { code: 'x = y is ...\n' },
    { code: 'x = y is SENTINEL\n' },
    { code: 'x = y == "done"\n' },
    { code: 'x = type(y) is int\n' },
    { code: 'x = y in ("a", "b")\n' },
  ],
});
