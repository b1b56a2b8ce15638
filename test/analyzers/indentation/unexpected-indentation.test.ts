import { unexpectedIndentation } from '../../../analyzers/indentation/unexpected-indentation.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(unexpectedIndentation, {
  flagged: [
    { code: 'x = 1\n    # stray comment\ny = 2\n', lines: [2], message: 'Comment is indented deeper' },
    { code: 'if x:\n# comment\n    pass\n', lines: [2], message: 'Comment should be indented like the block' },
    { code: 'def f():\n    return 1\n        # leftover\n', lines: [3] },
  ],
  clean: [
    { code: 'def f():\n    # first\n    return 1\n# end of f\n' },
    { code: 'if x:\n    # why\n    pass\n' },
    // Commented-out code at column 0 inside a function is at a level the code uses.
    { code: 'def f():\n    a = 1\n#    b = 2\n    return a\n' },
    { code: 'x = [\n        # inside brackets\n    1,\n]\n' },
    { code: 's = """\n    # not a comment\n"""\n' },
  ],
});

test('codes say which case it is', () => {
  expect(runRule(unexpectedIndentation, 'x = 1\n    # c\n').map((f) => f.code)).toEqual(['E116']);
  expect(runRule(unexpectedIndentation, 'if x:\n# c\n    pass\n').map((f) => f.code)).toEqual(['E115']);
});
