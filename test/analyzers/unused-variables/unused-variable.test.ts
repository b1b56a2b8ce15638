import { unusedVariable } from '../../../analyzers/unused-variables/unused-variable.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(unusedVariable, {
  flagged: [
    { code: 'def f():\n    x = 1\n', lines: [2], message: '`x` is assigned but never read' },
    { code: 'def f():\n    x = 1\n    x = 2\n', lines: [3] },
    { code: 'def f():\n    try:\n        pass\n    except ValueError as e:\n        pass\n', lines: [4] },
    { code: 'try:\n    pass\nexcept ValueError as e:\n    pass\n', lines: [3] },
    { code: 'def f():\n    with open("a") as fh:\n        pass\n', lines: [2] },
    { code: 'def f():\n    if (n := 3):\n        pass\n', lines: [2] },
    { code: 'def f():\n    y: int = 3\n', lines: [2] },
    { code: 'def f():\n    a = b = 4\n    return b\n', lines: [2] },
    { code: 'def f():\n    a, b = 1, 2\n    return a\n', lines: [2] },
    { code: 'def f():\n    print(s)\n    s = 3\n', lines: [3] },
    { code: 'def f():\n    x = 1\n    del x\n    x = 2\n', lines: [4] },
    { code: 'def f():\n    try:\n        pass\n    except OSError as e:\n        pass\n    e = 1\n    return e\n', lines: [4] },
    // A single parenthesised with item binds its target too (tree-sitter: a parenthesized_expression).
    { code: 'def f():\n    with (\n        manager() as x\n    ):\n        pass\n', lines: [3] },
    // A dunder-named local is no dummy: `__warningregistry__ = {}` in a function is a dead store (module globals are meant).
    { code: 'def f():\n    __warningregistry__ = {}\n    __loader__ = this_loader\n    _ignored_ = 1\n', lines: [2, 3, 4] },
    // Names a `case` pattern captures and nothing reads (as Ruff): the capture should be `_`.
    {
      code: `
        def f(x):
            match x:
                case A.y as z:
                    pass
                case [a, *rest]:
                    pass
                case {"k": v, **kw}:
                    pass
                case Point(x=px):
                    pass
                case {0: (0 | 1 | 2 as w)}:
                    pass
                case q:
                    pass
        `,
      lines: [3, 5, 5, 7, 7, 9, 11, 13],
    },
  ],
  clean: [
    { code: 'def f():\n    x = 1\n    return x\n' },
    { code: 'def f():\n    v = 1\n    print(v)\n    v = 2\n' },
    // `nonlocal __class__` in a method rebinds the class cell: not a local, though no enclosing function binds it.
    { code: 'class TestSuper:\n    def tearDown(self):\n        nonlocal __class__\n        __class__ = TestSuper\n' },
    // Ruff's dummy names (`_`, `__`, `_x`) and the debugger's traceback markers.
    { code: 'def f():\n    _ = 1\n    _ignored = 2\n    __ = 3\n    __tracebackhide__ = True\n    __traceback_info__ = 4\n' },
    { code: 'def f():\n    total = 0\n    total += 1\n' },
    { code: 'def f():\n    global g\n    g = 1\n' },
    { code: 'def f():\n    n = 0\n    def g():\n        nonlocal n\n        n = 1\n    return g\n' },
    { code: 'def f():\n    q = 1\n    def h():\n        return q\n    return h\n' },
    { code: 'def f(x):\n    a, b = x\n    return a\n' },
    { code: 'def f(items):\n    for i in items:\n        pass\n' },
    { code: 'def f():\n    x = 1\n    return locals()\n' },
    { code: 'def f():\n    z: int\n' },
    // Captures that are read, `_`, and captures at module level (globals) are not unused.
    { code: 'def f(p):\n    match p:\n        case Point(x=px, y=_) as pt:\n            return px, pt\n        case [first, *_]:\n            return first\n' },
    { code: 'match command:\n    case [verb, obj]:\n        pass\n' },
    { code: 'x = 1\n' },
    { code: 'class A:\n    x = 1\n' },
    { code: 'def f():\n    try:\n        pass\n    except ValueError as e:\n        raise RuntimeError() from e\n' },
    { code: 'def f():\n    x = 1  # noqa: F841\n' },
  ],
});

test('the fix for an unused exception name removes ` as e`', () => {
  const [f] = runRule(unusedVariable, 'try:\n    pass\nexcept ValueError as e:\n    pass\n');
  expect(f!.fix!.edits).toEqual([{ line: 3, column: 18, endLine: 3, endColumn: 23, newText: '' }]);
});
