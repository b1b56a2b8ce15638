import { firstArgumentName } from '../../../analyzers/signatures/first-argument-name.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(firstArgumentName, {
  flagged: [
    { code: 'class A:\n    def get(this, key):\n        pass', lines: [2], message: 'should be named `self`' },
    { code: 'class A:\n    def m(_self):\n        pass\n    def r(cls):\n        pass', lines: [2, 4] },
    { code: 'class A:\n    @classmethod\n    def create(self):\n        pass', lines: [3], message: 'should be named `cls`' },
    { code: 'import abc\nclass A:\n    @abc.abstractclassmethod\n    def create(self):\n        pass', lines: [4] },
    { code: 'class A:\n    def __init_subclass__(self):\n        pass\n    def __class_getitem__(self, item):\n        pass', lines: [2, 4] },
    { code: 'class Meta(type):\n    def m(self):\n        pass', lines: [2], message: '`cls`' },
    { code: 'class Meta(type):\n    pass\nclass Sub(Meta):\n    def m(self):\n        pass', lines: [4] },
    { code: 'class A:\n    if True:\n        def m(this):\n            pass', lines: [3] },
  ],
  clean: [
    { code: 'class A:\n    def m(self):\n        pass\n    @classmethod\n    def c(cls):\n        pass' },
    { code: 'class A:\n    @staticmethod\n    def s(x):\n        pass' },
    { code: 'class A:\n    def __new__(klass):\n        pass' },
    { code: 'class A:\n    def m():\n        pass\n    def n(*args):\n        pass' },
    { code: 'class Meta(type):\n    def m(cls):\n        pass\n    def __new__(mcs, name, bases, ns):\n        pass' },
    { code: 'class A:\n    def outer(self):\n        def inner(this):\n            pass' },
    { code: 'def f(this):\n    pass' },
    { code: 'class A(metaclass=type):\n    def m(self):\n        pass' },
  ],
});

test('codes N805 / N804, subject is the method', () => {
  const findings = runRule(firstArgumentName, 'class A:\n    def m(x):\n        pass\n    @classmethod\n    def c(x):\n        pass\n');
  expect(findings.map((f) => [f.code, f.subject])).toEqual([
    ['N805', 'm'],
    ['N804', 'c'],
  ]);
});

test('as Ruff, a metaclass is recognised through module-level classes only', () => {
  const code = 'def f():\n    class Meta(type):\n        pass\n    class Sub(Meta):\n        def m(self):\n            pass\n';
  expect(runRule(firstArgumentName, code)).toEqual([]);
});
