import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule } from '../../src/engine/rule.js';
import { comparisonLinks } from './comparisons.js';

const CONSTANTS = new Set(['string', 'concatenated_string', 'integer', 'float']);
// Displays build a new object every time: `x is []` is always false.
const DISPLAYS = new Set(['list', 'dictionary', 'set']);

/** A literal whose identity means nothing: a string, bytes or number (`-1` too), a tuple of them, a new list/dict/set. */
function isLiteral(node: SyntaxNode): boolean {
  if (CONSTANTS.has(node.type)) return true;
  if (DISPLAYS.has(node.type)) return true;
  if (node.type === 'unary_operator') {
    const operand = node.childForFieldName('argument');
    return operand !== null && (operand.type === 'integer' || operand.type === 'float') && /^[-+]/.test(node.text);
  }
  if (node.type === 'parenthesized_expression') {
    const inner = node.namedChildren.filter((c) => c.type !== 'comment');
    return inner.length === 1 && isLiteral(inner[0]!);
  }
  // A tuple of literals is a constant (CPython warns); one holding a name is built anew, never identical.
  return node.type === 'tuple';
}

/** pyflakes F632: `is` / `is not` with a literal, which compares identity where equality was meant. */
export const isLiteralComparison: Rule = {
  id: 'is-literal-comparison',
  category: 'function-logic',
  title: '`is` compared with a literal',
  severity: 'medium',
  codes: ['F632'],
  doc: {
    what: '`x is "text"`, `x is not 0`, `x is ()`, `x is []`: identity tests against a string, bytes, number, tuple or a new list, dict or set.',
    why: 'Whether two equal strings or numbers are the same object is an accident of the interpreter (small ints and interned strings are; others are not), so the test passes in one place and fails in another; a new list is never identical to anything. Python itself warns ("is" with a literal).',
    example: 'if status is "done":\n    finish()',
    useInstead: 'if status == "done":\n    finish()',
    fix: 'Use `==` / `!=`. Keep `is` for singletons: `None`, `True`, `False`, `...`, sentinels.',
  },
  create(ctx) {
    return {
      comparison_operator(node) {
        for (const { left, operator, right } of comparisonLinks(node)) {
          if (operator !== 'is' && operator !== 'is not') continue;
          const literal = isLiteral(right) ? right : isLiteral(left) ? left : undefined;
          if (!literal) continue;
          const equal = operator === 'is' ? '==' : '!=';
          const shown = literal.text.length > 30 ? `${literal.text.slice(0, 27)}...` : literal.text;
          const why = DISPLAYS.has(literal.type)
            ? `\`${shown}\` builds a new object, so the test is always ${operator === 'is' ? 'false' : 'true'}`
            : `whether it is the same object as \`${shown}\` is an accident of the interpreter`;
          ctx.report({ node, message: `\`${operator}\` tests identity: ${why}; use \`${equal}\`.`, subject: operator });
          return;
        }
      },
    };
  },
};
