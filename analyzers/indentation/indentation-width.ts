import type { Rule } from '../../src/engine/rule.js';
import { indentationReport, PEP8_UNIT } from './indentation-check.js';

export const indentationWidth: Rule = {
  id: 'indentation-width',
  category: 'indentation',
  title: 'Indentation is not a multiple of the indent width',
  severity: 'low',
  codes: ['E111', 'E114'],
  doc: {
    what: 'A file that indents by something other than 4 spaces per level (told once for the whole file), and lines, code or comment, whose indentation is a multiple neither of 4 nor of the width the file itself uses.',
    why: 'PEP 8 and nearly every Python tool use 4 spaces; a line that is off by a space or two reads as belonging to the wrong block.',
    example: 'def f():\n    total = 0\n     return total',
    useInstead: 'def f():\n    total = 0\n    return total',
    fix: 'Indent by 4 spaces per level; re-indent the odd lines to the level of their block.',
  },
  create(context) {
    return {
      'module:exit': () => {
        const report = indentationReport(context.file);
        if (report.unit) {
          const { unit, line, blocks } = report.unit;
          context.report({
            range: { start: line.lineStart, end: line.tokenStart },
            code: unit % PEP8_UNIT === 0 ? 'E117' : 'E111',
            subject: `${unit} spaces`,
            message: `This file indents by ${unit} spaces per level (${blocks} block${blocks === 1 ? '' : 's'}); PEP 8 and most Python tools use 4.`,
          });
        }
        for (const issue of report.issues) {
          if (issue.code !== 'E111' && issue.code !== 'E114') continue;
          const what = issue.code === 'E114' ? 'Comment' : 'Line';
          const width = report.unit ? `4 or of this file's ${report.unit.unit}` : '4';
          context.report({
            range: { start: issue.line.lineStart, end: issue.line.tokenStart },
            code: issue.code,
            message: `${what} is indented by ${issue.level}, not a multiple of ${width}.`,
          });
        }
      },
    };
  },
};
