import type { Rule } from '../../src/engine/rule.js';
import { indentationFacts } from './logical-lines.js';

/** Leading whitespace of each line outside strings: [start, end) when it holds a tab. */
function tabIndents(source: string, lineStarts: number[], inString: boolean[]): Array<{ line: number; start: number; end: number }> {
  const out: Array<{ line: number; start: number; end: number }> = [];
  for (let k = 0; k < lineStarts.length; k++) {
    if (inString[k + 1]) continue;
    const start = lineStarts[k]!;
    let j = start;
    let tab = false;
    for (; j < source.length; j++) {
      const c = source[j];
      if (c === '\t') tab = true;
      else if (c !== ' ' && c !== '\f') break;
    }
    // Like Ruff: whitespace that runs to the end of the file is no indentation.
    if (tab && j < source.length) out.push({ line: k + 1, start, end: j });
  }
  return out;
}

export const tabIndentation: Rule = {
  id: 'tab-indentation',
  category: 'indentation',
  title: 'Indentation contains tabs',
  severity: 'low',
  codes: ['W191'],
  doc: {
    what: 'Lines whose indentation contains a tab character (outside multi-line strings). A file indented with tabs throughout is told so once.',
    why: 'PEP 8 asks for spaces. Tabs display at different widths in different editors and diff views, so code that lines up for one reader is misaligned for the next.',
    example: 'def f():\n\treturn 1',
    useInstead: 'def f():\n    return 1',
    fix: 'Re-indent with 4 spaces per level (most editors and `ruff format` do it for the whole file).',
  },
  create(context) {
    return {
      'module:exit': () => {
        const { source, lineStarts } = context.file;
        const facts = indentationFacts(context.file);
        const tabs = tabIndents(source, lineStarts, facts.inString);
        if (!tabs.length) return;
        const indented = facts.logical.filter((l) => !l.commentOnly && l.indent.length > 0);
        const tabbed = indented.filter((l) => l.indent.includes('\t')).length;
        if (tabbed > indented.length - tabbed) {
          const first = tabs[0]!;
          context.report({
            range: { start: first.start, end: first.end },
            message: `This file indents with tabs (${tabs.length} line${tabs.length === 1 ? '' : 's'}, from line ${first.line}); PEP 8 and most Python tools use 4 spaces per level.`,
            subject: 'tabs',
          });
          return;
        }
        for (const t of tabs) {
          context.report({ range: { start: t.start, end: t.end }, message: 'Indentation contains a tab in a file indented with spaces.' });
        }
      },
    };
  },
};
