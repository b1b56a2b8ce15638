import { uselessComparison } from '../../../analyzers/function-logic/useless-comparison.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(uselessComparison, {
  flagged: [
    { code: 'def test_total():\n    total = add(2, 2)\n    total == 4\n', lines: [3], message: 'add the missing `assert`' },
    { code: 'x == 1\n', lines: [1] },
    { code: 'def f(a, b):\n    (a < b)\n', lines: [2] },
    { code: 'def f(x):\n    x is None\n    x in items\n', lines: [2, 3] },
    // An `except` handler or `else` branch is not the body that may raise.
    { code: 'try:\n    load()\nexcept KeyError:\n    status == "missing"\n', lines: [4] },
  ],
  clean: [
    { code: 'assert total == 4\n' },
    { code: 'ok = total == 4\n' },
    { code: 'if a == b:\n    pass\n' },
    { code: 'return_value = f(a == b)\n' },
    // Evaluated for what it raises.
    { code: 'with pytest.raises(TypeError):\n    a < b\n' },
    { code: 'with self.assertRaises(TypeError):\n    a <= b\n' },
    { code: 'try:\n    a < b\nexcept TypeError:\n    pass\n' },
    { code: 'def lt(a, b):\n    return a < b\n' },
  ],
});
