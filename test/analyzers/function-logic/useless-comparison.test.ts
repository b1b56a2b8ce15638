import { uselessComparison } from '../../../analyzers/function-logic/useless-comparison.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { STRICT_CONVENTIONS } from '../../../src/engine/conventions.js';

/** A test file as a review of a repository sees it. */
const TEST_CODE = { ...STRICT_CONVENTIONS, testCode: true };

ruleTester(uselessComparison, {
  flagged: [
    { code: 'def test_total():\n    total = add(2, 2)\n    total == 4\n', lines: [3], message: 'add the missing `assert`' },
    { code: 'x == 1\n', lines: [1] },
    { code: 'def f(a, b):\n    (a < b)\n', lines: [2] },
    { code: 'def f(x):\n    x is None\n    x in items\n', lines: [2, 3] },
    // Outside test code, a class's comparison methods are no excuse (email._header_value_parser).
    {
      code: 'class Token:\n    def __eq__(self, other):\n        return self.value == other\n\ndef parse(t):\n    t.token_type == "attrtext"\n    return t\n',
      lines: [6],
    },
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
    // A block whose only statement the context manager watches.
    { code: 'with bytes_warning():\n    b"" == ""\n' },
    {
      code: 'with suppress_known_deprecation():\n    entry_points()["entries"] == entry_points(group="entries")\n    entry_points().get("missing", ()) == ()\n',
    },
    // A test of a class's comparison methods (test_class, test_set).
    {
      code: 'class Rich:\n    def __lt__(self, other):\n        calls.append("lt")\n        return NotImplemented\n\ndef test_lt():\n    Rich() < 1\n    assert calls == ["lt"]\n',
      path: 'tests/test_rich.py',
      conventions: TEST_CODE,
    },
  ],
});
