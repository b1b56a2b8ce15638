import { redefinedUnusedName } from '../../../analyzers/unused-variables/redefined-unused-name.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { STRICT_CONVENTIONS } from '../../../src/engine/conventions.js';

/** A test file as a review of a repository sees it. */
const TEST_CODE = { ...STRICT_CONVENTIONS, testCode: true };

ruleTester(redefinedUnusedName, {
  flagged: [
    {
      code: 'class TestParser:\n    def test_empty(self):\n        assert parse("") == []\n\n    def test_empty(self):\n        assert parse(" ") == []\n',
      lines: [5],
      message: 'Test `test_empty` is defined again here, so the one at line 2 never runs',
    },
    { code: 'def load():\n    pass\n\ndef load():\n    pass\n', lines: [4], message: 'before the function at line 1 was used' },
    { code: 'class Config:\n    pass\n\nclass Config:\n    pass\n', lines: [4], message: 'class at line 1' },
    { code: 'class A:\n    def __init__(self):\n        pass\n    def __init__(self, x):\n        pass\n', lines: [4], message: 'method' },
    { code: 'def outer():\n    def f():\n        pass\n    def f():\n        pass\n    return f\n', lines: [4] },
    { code: 'def a():\n    pass\ndef a():\n    pass\ndef a():\n    pass\n', lines: [3, 5] },
    { code: '@functools.lru_cache()\ndef f():\n    pass\ndef f():\n    pass\n', lines: [4] },
    // The strict profile (the accuracy tables) judges test code like any code.
    { code: 'def test_funcdef(self):\n    def f(a,): pass\n    def f(*args,): pass\n', lines: [3], path: 'tests/test_grammar.py' },
    // A test defined twice in a test file: the copy-paste that hides one.
    {
      code: 'def test_parse():\n    assert parse("")\n\ndef test_parse():\n    assert parse(" ")\n',
      lines: [4],
      path: 'tests/test_parse.py',
      conventions: TEST_CODE,
      message: 'never runs',
    },
    // Listed in __all__, but still replaced before anything used it.
    { code: '__all__ = ["f"]\ndef f():\n    pass\ndef f():\n    pass\n', lines: [4] },
  ],
  clean: [
    // Used before it is replaced.
    { code: 'def f():\n    pass\nf()\ndef f():\n    pass\n' },
    { code: 'def f():\n    pass\ng = wrap(f)\ndef f():\n    pass\n' },
    // Alternatives.
    { code: 'if PY3:\n    def f():\n        pass\nelse:\n    def f():\n        pass\n' },
    { code: 'def f():\n    pass\nif fast:\n    def f():\n        pass\n' },
    { code: 'try:\n    from _speedups import f\nexcept ImportError:\n    def f():\n        pass\n' },
    // Properties, overloads, registrations.
    { code: 'class A:\n    @property\n    def x(self):\n        return 1\n    @x.setter\n    def x(self, v):\n        pass\n' },
    { code: 'from typing import overload\n@overload\ndef f(x: int) -> int: ...\n@overload\ndef f(x: str) -> str: ...\ndef f(x):\n    return x\n' },
    { code: '@app.route("/a")\ndef index():\n    pass\n@app.route("/b")\ndef index():\n    pass\n' },
    { code: '@f.register\ndef _(x: int):\n    pass\n@f.register\ndef _(x: str):\n    pass\n' },
    // Test code defines classes and helpers again to test what defining them does.
    {
      code: 'def test_slots(self):\n    class C:\n        __slots__ = ["a", "a_b"]\n    class C:\n        __slots__ = "abc"\n    C().abc = 5\n',
      path: 'tests/test_descr.py',
      conventions: TEST_CODE,
    },
    { code: 'def test_funcdef(self):\n    def f(a,): pass\n    def f(*args,): pass\n', path: 'tests/test_grammar.py', conventions: TEST_CODE },
    // A decorator that checks the class when it is defined (test_dataclasses).
    { code: '@dataclass\nclass C:\n    z: ClassVar[list] = []\n@dataclass\nclass C:\n    x: ClassVar[list] = []\n' },
    // Declared global: read from other scopes, which the file cannot tell apart (test_descr's pickled classes).
    { code: 'def test(self):\n    global C\n    class C:\n        pass\n    pickle.dumps(C())\n    class C:\n        pass\n    pickle.dumps(C())\n' },
    // Assignments and imports are other rules' business.
    { code: 'def g():\n    pass\ng = 1\n' },
    { code: 'import os\nimport os\n' },
    // A method and a function of the same name live in different scopes.
    { code: 'def f():\n    pass\nclass A:\n    def f(self):\n        pass\n' },
  ],
});
