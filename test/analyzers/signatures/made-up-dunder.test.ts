import { madeUpDunder } from '../../../analyzers/signatures/made-up-dunder.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(madeUpDunder, {
  flagged: [
    { code: 'class Store:\n    def __validate__(self):\n        pass', lines: [2], message: 'not a Python special method' },
    { code: 'class Store:\n    __cache__ = {}', lines: [1 + 1], message: 'special attribute' },
    { code: 'class Number:\n    def __int_(self):\n        pass\n    def __intt__(self):\n        pass', lines: [4] },
  ],
  clean: [
    {
      code: 'class A:\n    def __init__(self):\n        pass\n    def __enter__(self):\n        pass\n    def __exit__(self, *a):\n        pass\n    def __class_getitem__(cls, item):\n        pass',
    },
    { code: 'class A:\n    __slots__ = ()\n    __match_args__ = ("x",)\n    __hash__ = None\n    __radd__ = __add__ = None' },
    { code: 'class Arr:\n    def __array__(self):\n        pass\n    def __rich_repr__(self):\n        pass' },
    { code: 'def __helper__():\n    pass' },
    { code: 'class A:\n    def _private(self):\n        pass\n    def __mangled(self):\n        pass' },
    { code: 'from typing import override\nclass A(B):\n    @override\n    def __custom__(self):\n        pass' },
    { code: 'class A:\n    def __custom__(self):\n        pass', options: { allow: ['__custom__'] } },
  ],
});

test('made-up attributes are medium confidence, methods high', () => {
  const findings = runRule(madeUpDunder, 'class A:\n    __cache__ = {}\n    def __cache_get__(self):\n        pass\n');
  expect(findings.map((f) => [f.subject, f.confidence])).toEqual([
    ['__cache__', 'medium'],
    ['__cache_get__', 'high'],
  ]);
});
