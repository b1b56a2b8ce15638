import { madeUpDunder } from '../../../analyzers/signatures/made-up-dunder.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(madeUpDunder, {
  flagged: [
    { code: 'class Store:\n    def __validate__(self):\n        pass', lines: [2], message: 'not a Python special method' },
    { code: 'class Number:\n    def __int_(self):\n        pass\n    def __intt__(self):\n        pass', lines: [4] },
    // Python 2 special methods without their Python 3 successor: Python 3 never calls them.
    {
      code: 'class Box:\n    def __nonzero__(self):\n        return False',
      lines: [2],
      message: 'Python 2 special method that Python 3 never calls; define `__bool__`',
    },
    { code: 'class Name:\n    def __unicode__(self):\n        return u"n"', lines: [2], message: 'define `__str__`' },
    { code: 'class Vec:\n    def __div__(self, o):\n        pass\n    def __getslice__(self, i, j):\n        pass', lines: [2, 4] },
    { code: 'class Old:\n    def __coerce__(self, o):\n        pass', lines: [2], message: 'never calls' },
    // Class attributes when the option asks for them.
    { code: 'class Store:\n    __cache__ = {}', lines: [2], message: 'special attribute', options: { classAttributes: true } },
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
    // Class attributes are off by default: frameworks have their own (SQLAlchemy's __visit_name__).
    { code: 'class Select:\n    __visit_name__ = "select"\n    __cache__ = {}' },
    // Python 2 and 3 compatibility: both defined, nothing hidden.
    { code: 'class Box:\n    def __bool__(self):\n        return False\n    __nonzero__ = __bool__' },
    { code: 'class Box:\n    def __nonzero__(self):\n        return False\n    __bool__ = __nonzero__' },
    { code: 'class Name:\n    def __str__(self):\n        return "n"\n    def __unicode__(self):\n        return u"n"' },
    { code: 'class Vec:\n    def __truediv__(self, o):\n        pass\n    def __div__(self, o):\n        pass' },
    // Protocols: sqlite3 adapters, and a hook the module itself calls.
    { code: 'class Point:\n    def __conform__(self, protocol):\n        return f"{self.x};{self.y}"' },
    {
      code: 'class Alias:\n    def __getitem_inner__(self, params):\n        pass\n    def __getitem__(self, params):\n        return self.__getitem_inner__(params)',
    },
    {
      code: 'class Unpack:\n    @property\n    def __typing_is_unpacked__(self):\n        return True\n\ndef unpacked(x):\n    return getattr(x, "__typing_is_unpacked__", False)',
    },
    // A property named for a special attribute defines that attribute.
    { code: 'class A:\n    @property\n    def __bases__(self):\n        return (int,)' },
    {
      code: 'class Proxy:\n    @property\n    def __dict__(self):\n        return self._target.__dict__\n    @property\n    def __doc__(self):\n        return self._target.__doc__',
    },
    { code: 'import functools\nclass Lazy:\n    @functools.cached_property\n    def __wrapped__(self):\n        return load()' },
  ],
});

test('made-up attributes are medium confidence, methods high', () => {
  const findings = runRule(madeUpDunder, 'class A:\n    __cache__ = {}\n    def __cache_get__(self):\n        pass\n', 'example.py', { classAttributes: true });
  expect(findings.map((f) => [f.subject, f.confidence])).toEqual([
    ['__cache__', 'medium'],
    ['__cache_get__', 'high'],
  ]);
});

test('a special attribute defined as a plain method is still not a special method', () => {
  expect(runRule(madeUpDunder, 'class A:\n    def __dict__(self):\n        return {}\n').map((f) => f.subject)).toEqual(['__dict__']);
});
