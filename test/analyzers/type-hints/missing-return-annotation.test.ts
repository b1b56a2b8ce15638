import { missingReturnAnnotation } from '../../../analyzers/type-hints/missing-return-annotation.js';
import { lineStartsOf, lineText } from '../../../src/engine/parse.js';
import { inlineSuggestion } from '../../../src/review/suggestion.js';
import { dedent, ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(missingReturnAnnotation, {
  flagged: [
    { code: 'def load(path: str):\n    pass', lines: [1], message: 'public function `load`' },
    { code: 'def _load(path):\n    pass', lines: [1], message: 'private function' },
    { code: 'def outer() -> None:\n    def inner():\n        pass', lines: [2], message: 'private function `inner`' },
    { code: 'class A:\n    def __init__(self, a: int):\n        pass', lines: [2], message: 'special method `__init__`' },
    { code: 'class A:\n    def __eq__(self, other):\n        pass', lines: [2], message: 'special method' },
    { code: 'class A:\n    def __init_subclass__(cls):\n        pass', lines: [2], message: 'special method' },
    { code: 'class A:\n    @staticmethod\n    def s():\n        pass', lines: [3], message: 'staticmethod' },
    { code: 'class A:\n    @classmethod\n    def c(cls):\n        pass', lines: [3], message: 'classmethod' },
    {
      code: 'class A:\n    @property\n    def p(self):\n        pass\n    @p.setter\n    def p(self, v):\n        pass',
      lines: [3, 6],
      message: ['public function', 'private function'],
    },
    { code: '__all__ = ["api"]\ndef api():\n    pass\ndef helper():\n    pass', lines: [2, 4], message: ['public function', 'private function'] },
    // An `__all__` built at run time (in a function, through `global`) is not the module's static one: names decide.
    {
      code: 'def create_session():\n    pass\n\ndef __go(lcls):\n    global __all__\n    __all__ = sorted(n for n in lcls if not n.startswith("_"))\n\n__go(locals())',
      lines: [1, 4],
      message: ['public function `create_session`', 'private function `__go`'],
    },
    { code: 'class _Hidden:\n    def m(self):\n        pass', lines: [2], message: 'private function' },
    { code: 'def __dunder__():\n    pass', lines: [1], message: 'private function' },
  ],
  clean: [
    { code: 'def load(path: str) -> dict:\n    pass' },
    { code: 'class A:\n    def __init__(self) -> None:\n        pass' },
    { code: 'class A:\n    def __init__(self, a: int):\n        pass', options: { mypyInitReturn: true } },
    { code: 'import typing\n@typing.overload\ndef o(x: int) -> int: ...\ndef o(x):\n    return x' },
  ],
});

test('subjects are function names; ANN codes per finding', () => {
  const findings = runRule(missingReturnAnnotation, 'class A:\n    def __len__(self):\n        pass\n    def size(self):\n        pass\n');
  expect(findings.map((f) => [f.code, f.subject])).toEqual([
    ['ANN204', '__len__'],
    ['ANN201', 'size'],
  ]);
});

const NONE = (name: string): string => `Add \`-> None\`: \`${name}\` returns no value.`;

describe('missing-return-annotation: `-> None` said only where the body shows it', () => {
  ruleTester(missingReturnAnnotation, {
    flagged: [
      { code: 'def log(msg: str):\n    print(msg)', lines: [1], suggestion: NONE('log') },
      { code: 'def log(msg: str):\n    print(msg)\n    return None', lines: [1], suggestion: NONE('log') },
      { code: 'def log(msg: str):\n    if not msg:\n        return\n    print(msg)', lines: [1], suggestion: NONE('log') },
      { code: 'async def close(conn: object):\n    await conn.aclose()', lines: [1], suggestion: NONE('close') },
      // Returns of nested defs and lambdas are theirs; the nested def returns a value, the outer none.
      {
        code: 'def run(x: int):\n    def inner():\n        return x\n    key = lambda: x\n    print(inner(), key())',
        lines: [1, 2],
        suggestion: [NONE('run'), null],
      },
      {
        code: 'class C:\n    def method(self, x: int):\n        class Inner:\n            def get(self) -> int:\n                return 1\n        self.x = x',
        lines: [2],
        suggestion: NONE('method'),
      },
      // `__init__` returns None whatever its body, even a stand-in.
      { code: 'class A:\n    def __init__(self, a: int):\n        pass', lines: [2], suggestion: NONE('__init__') },
      // A stand-in body says nothing about what the real one returns.
      { code: 'def load(path: str):\n    pass', lines: [1], suggestion: null },
      { code: 'def load(path: str):\n    ...', lines: [1], suggestion: null },
      { code: 'def load(path: str):\n    """Load it."""', lines: [1], suggestion: null },
      { code: 'def load(path: str):\n    """Load it."""\n    raise NotImplementedError("subclasses load")', lines: [1], suggestion: null },
      { code: 'import abc\nclass Base(abc.ABC):\n    @abc.abstractmethod\n    def run(self, x: int):\n        print(x)', lines: [4], suggestion: null },
      // Generators, values, and a body that ends in `raise` (it may never return).
      { code: 'def items(n: int):\n    yield n', lines: [1], suggestion: null },
      { code: 'def items(n: int):\n    x = yield from range(n)\n    print(x)', lines: [1], suggestion: null },
      { code: 'def get(n: int):\n    if n:\n        return n\n    print(n)', lines: [1], suggestion: null },
      { code: 'def fail(msg: str):\n    print(msg)\n    raise SystemExit(1)', lines: [1], suggestion: null },
    ],
    clean: [{ code: 'def log(msg: str) -> None:\n    print(msg)' }],
  });
});

describe('missing-return-annotation: the `-> None` fix', () => {
  const fixed = (code: string): string | undefined => {
    const source = dedent(code);
    const [f] = runRule(missingReturnAnnotation, source);
    const file = { source, lineStarts: lineStartsOf(source) };
    const suggestion = f && inlineSuggestion(f, { lineText: (line) => lineText(file, line) });
    return suggestion?.lines.join('\n');
  };

  test('a one-line header: the suggestion replaces the commented def line', () => {
    expect(fixed('def log(msg: str):\n    print(msg)\n')).toBe('def log(msg: str) -> None:');
    expect(fixed('class A:\n    def __init__(self, a: int) :  # set up\n        self.a = a\n')).toBe('    def __init__(self, a: int) -> None :  # set up');
    expect(fixed('class A:\n    @staticmethod\n    def s(a: int):\n        print(a)\n')).toBe('    def s(a: int) -> None:');
  });

  test('no fix where the header spans lines, a decorator may read annotations, or a type comment annotates', () => {
    const [multi] = runRule(missingReturnAnnotation, 'def log(\n    msg: str,\n):\n    print(msg)\n');
    expect(multi!.suggestion).toBe(NONE('log'));
    expect(multi!.fix).toBeUndefined();
    expect(fixed('@app.get("/")\ndef ping(x: int):\n    print(x)\n')).toBeUndefined();
    expect(fixed('def log(msg):  # type: (str) -> None\n    print(msg)\n')).toBeUndefined();
    expect(runRule(missingReturnAnnotation, 'def log(msg: str):\n    pass\n')[0]!.fix).toBeUndefined();
  });
});
