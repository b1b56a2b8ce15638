import { tabIndentation } from '../../../analyzers/indentation/tab-indentation.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(tabIndentation, {
  flagged: [
    { code: 'def f():\n    a = 1\n    b = 2\n\treturn a\n', lines: [4], message: 'contains a tab' },
    { code: 'x = f(\n\t1)\n', lines: [2] },
    // A file indented with tabs throughout gets one finding.
    { code: 'def f():\n\ta = 1\n\tif a:\n\t\treturn a\n', lines: [2], message: 'This file indents with tabs (3 lines' },
  ],
  clean: [
    { code: 'def f():\n    return 1\n' },
    { code: 'x = 1\t# trailing tab before a comment\n' },
    { code: 's = """\n\tTabs inside a string are text.\n"""\n' },
  ],
});

test('the single finding carries W191', () => {
  expect(runRule(tabIndentation, 'if x:\n\ty = 1\n')[0]).toMatchObject({ code: 'W191', subject: 'tabs' });
});
