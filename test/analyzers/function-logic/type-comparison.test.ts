import { typeComparison } from '../../../analyzers/function-logic/type-comparison.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(typeComparison, {
  flagged: [
    { code: 'if type(value) == dict:\n    merge(value)\n', lines: [1], message: 'Compare types with `is`' },
    { code: 'if type(a) != type(b):\n    pass\n', lines: [1], message: '`is not`' },
    { code: 'same = int == type(x)\n', lines: [1] },
    { code: 'assert type(x) == type(y) == type(z)\n', lines: [1] },
    { code: 'ok = type(x) == "int"\n', lines: [1], message: 'never equal' },
  ],
  clean: [
    { code: 'if type(value) is dict:\n    pass\n' },
    { code: 'if isinstance(value, dict):\n    pass\n' },
    { code: 'name = type(x).__name__ == "int"\n' },
    { code: 'ok = type(x) in (int, str)\n' },
    // Not the builtin `type`.
    { code: 'def f(type, x):\n    return type(x) == int\n' },
    { code: 'from sqlalchemy import type\nok = type(x) == int\n' },
    { code: 'ok = x.type(y) == int\n' },
    { code: 'ok = type("C", (), {}) == other\n' },
  ],
});
