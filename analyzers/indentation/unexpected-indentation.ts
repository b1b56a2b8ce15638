import type { Rule } from '../../src/engine/rule.js';
import { indentationReport, type IndentCode } from './indentation-check.js';

const MESSAGES: Partial<Record<IndentCode, string>> = {
  E112: 'Expected an indented block after the line ending in `:`.',
  E113: 'Unexpected indentation: this line is deeper than the code before it without opening a block.',
  E115: 'Comment should be indented like the block it sits in (the line before ends in `:`).',
  E116: 'Comment is indented deeper than the code around it.',
};

export const unexpectedIndentation: Rule = {
  id: 'unexpected-indentation',
  category: 'indentation',
  title: 'Unexpected indentation',
  severity: 'low',
  codes: ['E112', 'E113', 'E115', 'E116'],
  doc: {
    what: 'Lines indented deeper than the code before them without a block being opened, comments indented past their block, and comments that sit left of the block they open.',
    why: 'A comment at the wrong depth reads as belonging to another block, and misleads the reader about where the block begins or ends.',
    example: 'total = 0\n        # add the rest\nfor x in rest:\n    total += x',
    useInstead: 'total = 0\n# add the rest\nfor x in rest:\n    total += x',
    fix: 'Indent the comment (or line) to the level of the code it describes.',
  },
  create(context) {
    return {
      'module:exit': () => {
        for (const issue of indentationReport(context.file).issues) {
          const message = MESSAGES[issue.code];
          if (!message) continue;
          context.report({ range: { start: issue.line.lineStart, end: issue.line.tokenStart }, code: issue.code, message });
        }
      },
    };
  },
};
