import type { Rule } from '../../src/engine/rule.js';
import { indentationReport } from './indentation-check.js';

export const overIndented: Rule = {
  id: 'over-indented',
  category: 'indentation',
  title: 'Block is over-indented',
  severity: 'low',
  codes: ['E117'],
  doc: {
    what: "The first line of a block indented more than one level (4 spaces, or the file's own width if larger; 8 columns with tabs) past the line that opens it.",
    why: 'A block that starts two levels deep looks nested inside something that is not there, and the lines after it tend to drift.',
    example: 'def start_all(services):\n    for service in services:\n            service.start()',
    useInstead: 'def start_all(services):\n    for service in services:\n        service.start()',
    fix: 'Indent the block one level past its opening line.',
  },
  create(context) {
    return {
      'module:exit': () => {
        for (const issue of indentationReport(context.file).issues) {
          if (issue.code !== 'E117') continue;
          const what = issue.line.commentOnly ? 'Comment' : 'Block';
          context.report({
            range: { start: issue.line.lineStart, end: issue.line.tokenStart },
            message: `${what} is over-indented: ${issue.level - issue.previous} columns past the line that opens it.`,
          });
        }
      },
    };
  },
};
