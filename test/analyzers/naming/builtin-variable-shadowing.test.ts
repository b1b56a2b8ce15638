import { builtinVariableShadowing } from '../../../analyzers/naming/builtin-variable-shadowing.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(builtinVariableShadowing, {
  flagged: [
    { code: 'def f():\n    list = []\n    id = 3', lines: [2, 3], message: 'shadowing a Python builtin' },
    { code: 'for input in []:\n    pass', lines: [1] },
    { code: 'def dir():\n    pass\nclass object:\n    pass', lines: [1, 3] },
    { code: 'try:\n    pass\nexcept E as str:\n    pass', lines: [3] },
    { code: 'type = lambda: 1', lines: [1] },
  ],
  clean: [
    { code: 'class A:\n    id = 1\n    def list(self):\n        pass' },
    { code: '__doc__ = "x"\n__name__ = "y"' },
    { code: 'import string as str' },
    { code: 'ids = [1]\nkind = type(ids)' },
    { code: 'id = 1', options: { ignore: ['id'] } },
  ],
});
