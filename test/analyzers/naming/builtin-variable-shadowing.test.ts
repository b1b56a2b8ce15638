import { builtinVariableShadowing } from '../../../analyzers/naming/builtin-variable-shadowing.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(builtinVariableShadowing, {
  flagged: [
    { code: 'def f():\n    list = []\n    id = 3', lines: [2, 3], message: 'shadowing a Python builtin' },
    { code: 'for input in []:\n    pass', lines: [1] },
    { code: 'def dir():\n    pass\nclass object:\n    pass', lines: [1, 3] },
    { code: 'try:\n    pass\nexcept E as str:\n    pass', lines: [3] },
    { code: 'type = lambda: 1', lines: [1] },
    // In a class body, loop, `with`, `except` and walrus targets and nested classes are variables (as Ruff).
    {
      code: 'class Body:\n    for format in formats:\n        pass\n    with open(p) as input:\n        pass\n    try:\n        pass\n    except E as str:\n        pass\n    (list := 3)\n    class object:\n        pass',
      lines: [2, 4, 8, 10, 11],
    },
    { code: 'class Body:\n    for i, format in pairs:\n        pats[format] = i', lines: [2] },
  ],
  clean: [
    { code: 'class A:\n    id = 1\n    def list(self):\n        pass' },
    // Class attributes (assigned, annotated, unpacked, augmented) are not variables.
    { code: 'class A:\n    type: int = 3\n    max, min = 1, 2\n    sum += 1\n    hash: int' },
    { code: '__doc__ = "x"\n__name__ = "y"' },
    { code: 'import string as str' },
    { code: 'ids = [1]\nkind = type(ids)' },
    { code: 'id = 1', options: { ignore: ['id'] } },
  ],
});

describe("builtin-variable-shadowing: PEP 8's trailing underscore for a variable, when it is free", () => {
  const RENAME = (name: string): string => `Rename to \`${name}\` (or a name that says what it holds) and update its uses.`;
  ruleTester(builtinVariableShadowing, {
    flagged: [
      { code: 'def f():\n    list = []\n    id = 3', lines: [2, 3], suggestion: [RENAME('list_'), RENAME('id_')] },
      { code: 'for input in []:\n    pass', lines: [1], suggestion: RENAME('input_') },
      // A def or class named like a builtin is usually a name chosen for callers; `type_` is taken.
      { code: 'def dir():\n    pass\nclass object:\n    pass', lines: [1, 3], suggestion: [null, null] },
      { code: 'type_ = 1\ntype = 2', lines: [2], suggestion: null },
    ],
    clean: [{ code: 'kind = 1' }],
  });
});
