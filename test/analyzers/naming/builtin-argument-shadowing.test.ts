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

describe("builtin-argument-shadowing: PEP 8's trailing underscore, when it is free", () => {
  const KEYWORD = (name: string): string =>
    `Rename to \`${name}\` (or a name that says what it holds) and update its uses in the body and any call that passes it by keyword.`;
  const BODY = (name: string): string => `Rename to \`${name}\` (or a name that says what it holds) and update its uses in the body.`;
  ruleTester(builtinArgumentShadowing, {
    flagged: [
      {
        code: 'def find(id, type=None, *list, **dict):\n    pass',
        lines: [1, 1, 1, 1],
        suggestion: [KEYWORD('id_'), KEYWORD('type_'), BODY('list_'), BODY('dict_')],
      },
      { code: 'def find(id, /):\n    pass', lines: [1], suggestion: BODY('id_') },
      // `id_` is already a name of the file.
      { code: 'id_ = 0\ndef find(id):\n    return id + id_', lines: [2], suggestion: null },
    ],
    clean: [{ code: 'def find(ident):\n    pass' }],
  });
});
