import { argumentName } from '../../../analyzers/naming/argument-name.js';
import { STRICT_CONVENTIONS } from '../../../src/engine/conventions.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const CONVENTIONAL = { ...STRICT_CONVENTIONS, profile: 'conventional' as const };
/** flask's redirect(): `Response` takes a class, and mirrors Werkzeug's keyword of the same name. */
const CLASS_VALUED = 'def redirect(location, code=302, Response: type[BaseResponse] | None = None):\n    pass';

ruleTester(argumentName, {
  flagged: [
    { code: 'def load(userId, Path):\n    pass', lines: [1, 1], message: ['`userId`', '`Path`'] },
    { code: 'def f(*Args, **KW):\n    pass', lines: [1, 1] },
    { code: 'f = lambda X: X', lines: [1] },
    { code: 'from typing import overload\n@overload\ndef f(X: int) -> int: ...', lines: [3] },
    // Ruff reports a class-valued parameter too; so does the strict profile.
    { code: CLASS_VALUED, lines: [1] },
    // A capitalised parameter that holds an instance is still reported.
    { code: 'def f(Item: Item):\n    pass', lines: [1], conventions: CONVENTIONAL },
  ],
  clean: [
    { code: CLASS_VALUED, conventions: CONVENTIONAL },
    { code: 'def f(Model: Optional[Type[Base]] = None):\n    pass', conventions: CONVENTIONAL },
    { code: 'def load(user_id, path, *args, **kwargs):\n    pass' },
    { code: 'def f(_x, x1, __y):\n    pass' },
    { code: 'from typing import override\nclass A(B):\n    @override\n    def get(self, Key):\n        pass' },
  ],
});

describe('argument-name: the snake_case name, when it is free', () => {
  const BODY = (name: string): string => `Rename to \`${name}\` and update its uses in the body.`;
  const KEYWORD = (name: string): string => `Rename to \`${name}\` and update its uses in the body and any call that passes it by keyword.`;
  ruleTester(argumentName, {
    flagged: [
      { code: 'def load(userId, Path):\n    pass', lines: [1, 1], suggestion: [KEYWORD('user_id'), KEYWORD('path')] },
      // `*Args`, a positional-only parameter and a lambda's are never passed by keyword.
      { code: 'def f(*Args, **KW):\n    pass', lines: [1, 1], suggestion: [BODY('args'), BODY('kw')] },
      { code: 'def f(Item, /, Count=1):\n    pass', lines: [1, 1], suggestion: [BODY('item'), KEYWORD('count')] },
      { code: 'f = lambda X: X', lines: [1], suggestion: BODY('x') },
      // `x` is already a name of the file, `Type` would become a builtin, and a base class outside may have chosen `Key`.
      { code: 'x = 1\ndef f(X):\n    return X + x', lines: [2], suggestion: null },
      { code: 'def f(Type):\n    pass', lines: [1], suggestion: null },
      { code: 'import collections\nclass A(collections.UserDict):\n    def get(self, Key):\n        pass', lines: [3], suggestion: null },
    ],
    clean: [{ code: 'def load(user_id):\n    pass' }],
  });
});

// FINDINGS class 8: an interface's methods take the parameters the interface names.
ruleTester(argumentName, {
  flagged: [
    { code: 'from zope.interface import implementer\n@implementer(IReader)\nclass Reader:\n    def read(self, maxSize):\n        pass\n', lines: [4] },
    { code: 'class Reader:\n    def read(self, maxSize):\n        pass\n', lines: [2], conventions: CONVENTIONAL },
  ],
  clean: [
    {
      code: 'from zope.interface import implementer\n@implementer(IReader)\nclass Reader:\n    def read(self, maxSize):\n        pass\n',
      conventions: CONVENTIONAL,
    },
    {
      code: 'import zope.interface\nclass Reader:\n    def read(self, maxSize):\n        pass\nzope.interface.classImplements(Reader, IReader)\n',
      conventions: CONVENTIONAL,
    },
  ],
});
