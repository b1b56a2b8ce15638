import { missingArgumentAnnotation } from '../../../analyzers/type-hints/missing-argument-annotation.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(missingArgumentAnnotation, {
  flagged: [
    { code: 'def scale(values, factor: float) -> list:\n    pass', lines: [1], message: 'function argument `values`' },
    { code: 'def f(*args, **kwargs) -> None:\n    pass', lines: [1, 1], message: ['`*args`', '`**kwargs`'] },
    { code: 'class A:\n    def m(self, x):\n        pass', lines: [2], message: '`x`' },
    { code: 'class A:\n    @staticmethod\n    def s(x):\n        pass', lines: [3] },
    // A module-level function has no `self` to exempt.
    { code: 'def helper(self):\n    pass', lines: [1] },
    { code: 'def f(a, /, b, *, c):\n    pass', lines: [1, 1, 1] },
  ],
  clean: [
    { code: 'def f(a: int, *args: str, **kwargs: object) -> None:\n    pass' },
    { code: 'class A:\n    def m(self):\n        pass\n    @classmethod\n    def c(cls):\n        pass' },
    { code: 'from typing import overload\n@overload\ndef o(x: int) -> int: ...\n@overload\ndef o(x: str) -> str: ...\ndef o(x):\n    return x' },
    { code: 'f = lambda x: x' },
    // As Ruff: the first parameter of a method is skipped even when it is keyword-only.
    { code: 'class A:\n    def kw(*, a):\n        pass' },
  ],
});

test('findings carry the parameter as written as subject (the message names the def) and the ANN code', () => {
  const findings = runRule(missingArgumentAnnotation, 'def f(a, *b, **c):\n    pass\n');
  expect(findings.map((f) => [f.code, f.subject, f.message])).toEqual([
    ['ANN001', 'a', 'Missing type annotation for function argument `a` of `f`'],
    ['ANN002', '*b', 'Missing type annotation for `*b` of `f`'],
    ['ANN003', '**c', 'Missing type annotation for `**c` of `f`'],
  ]);
});
