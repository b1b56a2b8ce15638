import { builtinArgumentShadowing } from '../../../analyzers/naming/builtin-argument-shadowing.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(builtinArgumentShadowing, {
  flagged: [
    { code: 'def find(id, type=None, *list, **dict):\n    pass', lines: [1, 1, 1, 1], message: 'Function argument' },
    { code: 'class A:\n    def get(self, input):\n        pass', lines: [2] },
  ],
  clean: [
    { code: 'f = lambda id: id' },
    { code: 'from typing import override\nclass A(B):\n    @override\n    def get(self, id):\n        pass' },
    { code: 'def find(ident, kind=None):\n    pass' },
  ],
});
