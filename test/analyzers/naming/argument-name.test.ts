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
