import { mangledNameAccess } from '../../../analyzers/signatures/mangled-name-access.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(mangledNameAccess, {
  flagged: [
    {
      code: 'class S:\n    def __init__(self, t):\n        self.__token = t\n\ndef debug(s):\n    print(s.__token)',
      lines: [6],
      message: 'does not name-mangle',
    },
    { code: 'def peek(s):\n    return s._Session__token', lines: [2], message: 'of `Session`' },
    { code: 'class Other:\n    def m(self, s):\n        return s._Session__token', lines: [3] },
    // A lower-case owner is a class when this file defines it.
    { code: 'class session:\n    pass\n\ndef peek(s):\n    return s._session__token', lines: [5], message: 'of `session`' },
  ],
  clean: [
    { code: 'class S:\n    def __init__(self, t):\n        self.__token = t\n    def get(self):\n        return self.__token' },
    { code: 'class S:\n    def m(self):\n        f = lambda o: o.__token\n        def g(o):\n            return o.__secret\n        return f, g' },
    { code: 'class Session:\n    def m(self, other):\n        return other._Session__token' },
    { code: 'def f(o):\n    return o.__class__, o.__dict__, o._private, o.public' },
    { code: 'x = "obj.__token"  # and obj.__secret in a comment' },
    // A prefix convention (`_sa_` + `_add_getter`), not the mangled name of a class `sa`.
    { code: 'class AttributeImpl:\n    def m(self, fn):\n        self._sa__add_getter = fn\n        return obj._sa__add_getter' },
    { code: 'def instrument(cls):\n    return cls._sa__on_load, cls._pre__hook' },
  ],
});
