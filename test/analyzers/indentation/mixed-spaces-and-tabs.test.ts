import { mixedSpacesAndTabs } from '../../../analyzers/indentation/mixed-spaces-and-tabs.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(mixedSpacesAndTabs, {
  flagged: [
    { code: 'if x:\n    \ty = 1\n', lines: [2], message: 'mixes spaces and tabs' },
    { code: 'if x:\n\t    y = 1\n', lines: [2] },
  ],
  clean: [{ code: 'if x:\n\ty = 1\n' }, { code: 'if x:\n    y = 1\n' }, { code: 's = """\n \tstring text\n"""\n' }],
});
