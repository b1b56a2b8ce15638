import { missingReturnAnnotation } from '../../../analyzers/type-hints/missing-return-annotation.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

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
