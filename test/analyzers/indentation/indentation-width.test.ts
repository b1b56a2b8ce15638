import { indentationWidth } from '../../../analyzers/indentation/indentation-width.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(indentationWidth, {
  flagged: [
    { code: 'def f():\n    x = 1\n     return x\n', lines: [3], message: 'indented by 5, not a multiple of 4' },
    { code: 'def f():\n    x = 1\n   # note\n    return x\n', lines: [3], message: 'Comment is indented by 3' },
    // A 2-space file is told once, not on every line.
    {
      code: 'def f(a):\n  if a:\n    return 1\n  for x in a:\n    print(x)\n  return 2\n',
      lines: [2],
      message: 'This file indents by 2 spaces per level',
    },
    // In a 2-space file, an odd line is still off its grid.
    {
      code: 'def f(a):\n  if a:\n    b = 1\n     return b\n  return 2\n',
      lines: [2, 4],
      message: ['indents by 2 spaces', "not a multiple of 4 or of this file's 2"],
    },
    { code: 'class A:\n        def f(self):\n                return 1\n', lines: [2], message: 'indents by 8 spaces' },
  ],
  clean: [
    { code: 'def f():\n    x = 1\n    return x\n' },
    // Continuation lines inside brackets are aligned as the author likes.
    { code: 'x = call(a,\n         b,\n   c)\ny = [\n  1,\n]\n' },
    { code: 'total = 1 + \\\n      2\n' },
    // Lines inside strings are text.
    { code: 'def f():\n    """Usage:\n\n      odd   indentation\n   is fine here\n    """\n    s = """\n  x\n"""\n    return s\n' },
    { code: 'if x:\n\tpass\n' },
  ],
});

test('the once-per-file finding carries the E111 code and names the width', () => {
  const [f] = runRule(indentationWidth, 'def f(a):\n  return a\n');
  expect(f).toMatchObject({ code: 'E111', subject: '2 spaces', line: 2 });
});

test('per-line codes: E111 for code, E114 for comments', () => {
  const findings = runRule(indentationWidth, 'def f():\n    x = 1\n      # c\n      y = 2\n');
  expect(findings.map((f) => f.code)).toEqual(['E114', 'E111']);
});
