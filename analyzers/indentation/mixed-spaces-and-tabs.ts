import type { Rule } from '../../src/engine/rule.js';
import { indentationFacts } from './logical-lines.js';

export const mixedSpacesAndTabs: Rule = {
  id: 'mixed-spaces-and-tabs',
  category: 'indentation',
  title: 'Indentation mixes spaces and tabs',
  severity: 'medium',
  codes: ['E101'],
  doc: {
    what: 'Lines whose own indentation contains both spaces and tabs (outside multi-line strings).',
    why: 'How deep such a line is depends on the tab width of whoever reads it; Python 3 refuses some of these mixes outright with TabError.',
    example: 'if ready:\n    \tstart()',
    useInstead: 'if ready:\n    start()',
    fix: 'Re-indent the line with spaces only.',
  },
  create(context) {
    return {
      'module:exit': () => {
        const { source, lineStarts } = context.file;
        const { inString } = indentationFacts(context.file);
        for (let k = 0; k < lineStarts.length; k++) {
          if (inString[k + 1]) continue;
          const start = lineStarts[k]!;
          let j = start;
          let space = false;
          let tab = false;
          for (; j < source.length; j++) {
            const c = source[j];
            if (c === ' ') space = true;
            else if (c === '\t') tab = true;
            else break;
          }
          if (space && tab) context.report({ range: { start, end: j }, message: 'Indentation mixes spaces and tabs.' });
        }
      },
    };
  },
};
