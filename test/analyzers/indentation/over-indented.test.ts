import { overIndented } from '../../../analyzers/indentation/over-indented.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(overIndented, {
  flagged: [
    { code: 'def f():\n    if x:\n            return 1\n    return 2\n', lines: [3], message: '8 columns past the line that opens it' },
    { code: 'if x:\n            # comment\n    pass\n', lines: [2], message: 'Comment is over-indented' },
    { code: 'if x:\n\t\t\ty = 1\n', lines: [2] },
  ],
  clean: [
    { code: 'def f():\n    if x:\n        return 1\n' },
    { code: 'if x:\n\t\ty = 1\n' },
    // The first line of an 8-space file is the file-wide finding of indentation-width, not this one.
    { code: 'def f():\n        return 1\n' },
    // Continuation lines are not blocks.
    { code: 'x = f(\n            1)\n' },
  ],
});
