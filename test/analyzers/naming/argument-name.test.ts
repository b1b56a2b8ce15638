import { argumentName } from '../../../analyzers/naming/argument-name.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(argumentName, {
  flagged: [
    { code: 'def load(userId, Path):\n    pass', lines: [1, 1], message: ['`userId`', '`Path`'] },
    { code: 'def f(*Args, **KW):\n    pass', lines: [1, 1] },
    { code: 'f = lambda X: X', lines: [1] },
    { code: 'from typing import overload\n@overload\ndef f(X: int) -> int: ...', lines: [3] },
  ],
  clean: [
    { code: 'def load(user_id, path, *args, **kwargs):\n    pass' },
    { code: 'def f(_x, x1, __y):\n    pass' },
    { code: 'from typing import override\nclass A(B):\n    @override\n    def get(self, Key):\n        pass' },
  ],
});
