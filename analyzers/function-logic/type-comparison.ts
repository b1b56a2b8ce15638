import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule } from '../../src/engine/rule.js';
import { comparisonLinks } from './comparisons.js';

const NOT_ONE_VALUE = new Set(['keyword_argument', 'list_splat', 'dictionary_splat']);

/** `type(x)`: a call of the name `type` with one positional argument (whether it is the builtin is checked later). */
function typeCall(node: SyntaxNode): boolean {
  if (node.type !== 'call' || node.childForFieldName('function')?.text !== 'type') return false;
  const args = node.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment');
  return args?.length === 1 && !NOT_ONE_VALUE.has(args[0]!.type);
}

/** pycodestyle E721: `type(x) == T` where `x is T` or `isinstance(x, T)` was meant. */
export const typeComparison: Rule = {
  id: 'type-comparison',
  category: 'function-logic',
  title: 'Type compared with `==`',
  severity: 'low',
  codes: ['E721'],
  partialCodes: ['E721'],
  doc: {
    what: '`type(x) == T` and `type(x) != T` (either side, `type` being the builtin).',
    why: 'Types are singletons: `==` asks the metaclass\'s `__eq__` what `is` answers exactly, and an exact type test usually should have been `isinstance`, which accepts subclasses. Compared with a string (`type(x) == "int"`) it is always false.',
    example: 'if type(value) == dict:\n    merge(value)',
    useInstead: 'if isinstance(value, dict):\n    merge(value)',
    fix: 'Use `isinstance(x, T)` to accept subclasses, or `type(x) is T` for an exact type test.',
  },
  create(ctx) {
    const candidates: Array<{ node: SyntaxNode; call: SyntaxNode; operator: string; other: SyntaxNode }> = [];
    return {
      comparison_operator(node) {
        for (const { left, operator, right } of comparisonLinks(node)) {
          if (operator !== '==' && operator !== '!=') continue;
          const call = typeCall(left) ? left : typeCall(right) ? right : undefined;
          if (!call) continue;
          candidates.push({ node, call, operator, other: call === left ? right : left });
          break;
        }
      },
      // `type` must be the builtin: known only once every binding of the file is.
      'module:exit'() {
        for (const { node, call, operator, other } of candidates) {
          if (ctx.scopes.resolvingScope('type', ctx.scopes.scopeAt(call.startIndex))) continue;
          const exact = operator === '==' ? 'is' : 'is not';
          const message =
            other.type === 'string' || other.type === 'concatenated_string'
              ? `\`${call.text} ${operator} ${other.text}\` compares a type with a string, which is never equal; compare with the type itself.`
              : `Compare types with \`${exact}\` (or use \`isinstance\` to accept subclasses), not \`${operator}\`.`;
          ctx.report({ node, message, subject: call.text });
        }
      },
    };
  },
};
