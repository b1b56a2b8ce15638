import { tooManyArguments } from '../../../analyzers/function-logic/too-many-arguments.js';
import { ruleTester } from '../../helpers/rule-tester.js';

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
  ],
});
