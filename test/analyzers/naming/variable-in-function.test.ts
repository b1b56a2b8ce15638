import { variableInFunction } from '../../../analyzers/naming/variable-in-function.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(variableInFunction, {
  flagged: [
    { code: 'def f():\n    totalCount = 0\n    totalCount += 1', lines: [2, 3], message: '`totalCount`' },
    { code: 'def f(items):\n    for Item in items:\n        pass', lines: [2] },
    { code: 'def f():\n    with open("x") as Handle:\n        pass', lines: [2] },
    { code: 'def f():\n    A, B = 1, 2', lines: [2, 2] },
    { code: 'def f():\n    (Value := 1)', lines: [2] },
    { code: 'from typing import ParamSpec\ndef f():\n    P = ParamSpec("P")', lines: [3] },
    { code: 'def f():\n    Q: int = 1', lines: [2] },
  ],
  clean: [
    { code: 'def f():\n    total_count = 0' },
    { code: 'X = 1\ndef f():\n    global X\n    X = 2' },
    { code: 'def f():\n    return [Item for Item in range(3)]' },
    { code: 'from collections import namedtuple\ndef f():\n    Point = namedtuple("Point", "x y")' },
    { code: 'from typing import TypeVar, NamedTuple\ndef f():\n    T = TypeVar("T")\n    P = NamedTuple("P", [])' },
    { code: 'from typing import TypeAlias\ndef f():\n    Alias: TypeAlias = int' },
    { code: 'def f():\n    try:\n        pass\n    except ValueError as Err:\n        pass' },
    { code: 'def f():\n    import os as OS' },
    { code: 'Module = 1\nclass A:\n    Attr = 1' },
  ],
});

describe('variable-in-function: the snake_case name, when it is free', () => {
  ruleTester(variableInFunction, {
    flagged: [
      {
        code: 'def f():\n    totalCount = 0\n    totalCount += 1',
        lines: [2, 3],
        suggestion: 'Rename to `total_count` and update its uses in the function.',
      },
      { code: 'def f():\n    g1RP1 = 1', lines: [2], suggestion: 'Rename to `g1_rp1` and update its uses in the function.' },
      // `total_count` is taken elsewhere in the file; `List` would become the builtin `list`.
      { code: 'total_count = 0\ndef f():\n    totalCount = 0', lines: [3], suggestion: null },
      { code: 'def f():\n    List = []', lines: [2], suggestion: null },
    ],
    clean: [{ code: 'def f():\n    total_count = 0' }],
  });
});
