import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule } from '../../src/engine/rule.js';

const JUMPS = new Set(['return_statement', 'break_statement', 'continue_statement']);

/**
 * Jumps that leave a `finally` body. Inside a loop within the finally, `break`/`continue` stay
 * in that loop and only `return` leaves. Nested functions and classes are their own code; a
 * nested try's `finally` is checked on its own.
 */
function jumpsIn(block: SyntaxNode | null, inLoop: boolean, out: SyntaxNode[]): void {
  if (!block) return;
  for (const stmt of block.namedChildren) {
    if (JUMPS.has(stmt.type)) {
      if (!inLoop || stmt.type === 'return_statement') out.push(stmt);
      continue;
    }
    switch (stmt.type) {
      case 'if_statement':
        jumpsIn(stmt.childForFieldName('consequence'), inLoop, out);
        for (const clause of stmt.childrenForFieldName('alternative'))
          jumpsIn(clause.childForFieldName('consequence') ?? clause.childForFieldName('body'), inLoop, out);
        break;
      case 'for_statement':
      case 'while_statement':
        jumpsIn(stmt.childForFieldName('body'), true, out);
        jumpsIn(stmt.childForFieldName('alternative')?.childForFieldName('body') ?? null, inLoop, out);
        break;
      case 'with_statement':
        jumpsIn(stmt.childForFieldName('body'), inLoop, out);
        break;
      case 'try_statement':
        jumpsIn(stmt.childForFieldName('body'), inLoop, out);
        for (const clause of stmt.namedChildren) {
          if (clause.type === 'except_clause') jumpsIn(clause.namedChildren.find((c) => c.type === 'block') ?? null, inLoop, out);
          else if (clause.type === 'else_clause') jumpsIn(clause.childForFieldName('body'), inLoop, out);
        }
        break;
      case 'match_statement':
        for (const c of stmt.childForFieldName('body')?.namedChildren ?? []) {
          if (c.type === 'case_clause') jumpsIn(c.childForFieldName('consequence'), inLoop, out);
        }
        break;
      default:
        break;
    }
  }
}

export const jumpInFinally: Rule = {
  id: 'jump-in-finally',
  category: 'function-logic',
  title: '`return`, `break` or `continue` in `finally`',
  severity: 'medium',
  codes: ['B012'],
  doc: {
    what: '`return`, `break` or `continue` that leaves a `finally` block.',
    why: 'Leaving `finally` this way silently discards any exception in flight, including KeyboardInterrupt; the error simply vanishes (Python 3.14 warns about it, PEP 765).',
    example: 'def save_all():\n    try:\n        save()\n    finally:\n        return status',
    useInstead: 'def save_all():\n    try:\n        save()\n    finally:\n        close()\n    return status',
    fix: 'Move the `return` after the try statement, or catch the exceptions you mean to suppress explicitly.',
  },
  create(context) {
    return {
      finally_clause: (clause) => {
        const found: SyntaxNode[] = [];
        jumpsIn(clause.namedChildren.find((c) => c.type === 'block') ?? null, false, found);
        for (const jump of found) {
          const word = jump.type.replace('_statement', '');
          context.report({ node: jump, message: `\`${word}\` inside \`finally\` discards any exception being raised; move it out of the \`finally\` block.` });
        }
      },
    };
  },
};
