import { tooManyArguments } from '../../../analyzers/function-logic/too-many-arguments.js';
import { STRICT_CONVENTIONS } from '../../../src/engine/conventions.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const CONVENTIONAL = { ...STRICT_CONVENTIONS, profile: 'conventional' as const };
const KEYWORD_CONSTRUCTOR =
  'class Option:\n    def __init__(self, decls, show_default=False, prompt=False, hide_input=False, is_flag=None, multiple=False, help=None):\n        self.decls = decls\n';

ruleTester(tooManyArguments, {
  flagged: [
    { code: 'def f(a, b, c, d, e, f):\n    pass\n', lines: [1], message: '`f` takes 6 arguments (limit 5)' },
    { code: 'def f(a, b, /, c, d: int, e=1, *, f: str = ""):\n    pass\n', lines: [1] },
    { code: 'class A:\n    def m(self, a, b, c, d, e, f):\n        pass\n', lines: [2], message: 'takes 6 arguments' },
    { code: 'class A:\n    @staticmethod\n    def s(a, b, c, d, e, f):\n        pass\n', lines: [3] },
    { code: 'def f(a, b, c):\n    pass\n', lines: [1], options: { maxArgs: 2 } },
    // A method under an `if` or `try` of the class body is still a method; a def in a function is not.
    { code: 'class A:\n    if SSL:\n        def m(self, a, b, c, d, e, f):\n            pass\n', lines: [3], message: 'takes 6 arguments' },
    { code: 'def outer():\n    if x:\n        def f(self, a, b, c, d, e):\n            pass\n', lines: [3], message: 'takes 6 arguments' },
    // Constructors whose parameters past the limit callers must pass by position.
    { code: 'class P:\n    def __init__(self, a, b, c, d, e, f, g=1):\n        pass\n', lines: [2], conventions: CONVENTIONAL },
    // Keyword/defaulted constructors: reported in the strict profile (as Ruff), or with the option.
    { code: KEYWORD_CONSTRUCTOR, lines: [2] },
    { code: KEYWORD_CONSTRUCTOR, lines: [2], conventions: CONVENTIONAL, options: { keywordConstructors: true } },
    // A method that is not a constructor, even with defaults.
    {
      code: 'class S:\n    def request(self, method, url, params=None, data=None, headers=None, cookies=None):\n        pass\n',
      lines: [2],
      conventions: CONVENTIONAL,
    },
  ],
  clean: [
    { code: 'def f(a, b, c, d, e):\n    pass\n' },
    // self and cls are not counted.
    { code: 'class A:\n    def m(self, a, b, c, d, e):\n        pass\n    @classmethod\n    def c(cls, a, b, c, d, e):\n        pass\n' },
    // *args, **kwargs and dummies are not counted.
    { code: 'def f(a, b, c, d, e, _f, *args, **kwargs):\n    pass\n' },
    // Signatures dictated by a parent or a family of overloads.
    { code: 'class A(B):\n    @override\n    def m(self, a, b, c, d, e, f):\n        pass\n' },
    { code: '@typing.overload\ndef f(a, b, c, d, e, f): ...\n' },
    { code: 'def f(a, b, c, d, e, f): ...\n', path: 'stubs/m.pyi' },
    { code: 'lambda a, b, c, d, e, f: 0\n' },
    // self is not counted in methods defined under an `if`, `else` or `try` of the class body.
    {
      code: `
        class IOCPReactor:
            if TLSMemoryBIOFactory is not None:
                def listenSSL(self, port, factory, contextFactory, backlog=50, interface=""):
                    pass
            else:
                def listenSSL(self, port, factory, contextFactory, backlog=50, interface=""):
                    pass
            try:
                def connectSSL(self, host, port, factory, contextFactory, timeout=30):
                    pass
            except ImportError:
                pass
        `,
    },
    // A data holder configured by keyword (click's Option, argparse's ArgumentParser).
    { code: KEYWORD_CONSTRUCTOR, conventions: CONVENTIONAL },
    { code: 'class Point:\n    def __init__(self, x, y, z, *, color=None, label=None, weight=1.0):\n        pass\n', conventions: CONVENTIONAL },
    { code: 'class Node:\n    def __new__(cls, kind, value=None, children=(), parent=None, line=0, column=0):\n        pass\n', conventions: CONVENTIONAL },
  ],
});
