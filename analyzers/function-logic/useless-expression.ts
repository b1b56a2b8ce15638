import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule, RuleContext } from '../../src/engine/rule.js';
import { runsForWhatItRaises, statementExpression } from './statements.js';

const VALUES = new Set(['identifier', 'integer', 'float', 'true', 'false', 'none', 'lambda']);
const CONTAINERS = new Set([
  'list',
  'tuple',
  'set',
  'dictionary',
  'pair',
  'parenthesized_expression',
  'not_operator',
  'boolean_operator',
  'unary_operator',
  'conditional_expression',
]);
/**
 * Methods that are never properties: `conn.close` on its own is a call that lost its parentheses.
 * Other attribute reads are left alone, since a property may be read for its effect (`self.fieldnames`
 * in csv.DictReader, "used only for its side effect") or to raise (`string.split`, "is it a string?").
 */
const METHODS = new Set([
  'close',
  'flush',
  'commit',
  'rollback',
  'start',
  'stop',
  'clear',
  'reset',
  'sort',
  'reverse',
  'pop',
  'wait',
  'join',
  'shutdown',
  'cancel',
  'release',
  'acquire',
  'kill',
  'terminate',
  'cleanup',
  'save',
  'setUp',
  'tearDown',
  'disconnect',
  'unlink',
  'truncate',
]);

/** An expression that computes a value and nothing else: names, numbers, displays of them. No calls, subscripts or attribute reads. */
function effectFree(node: SyntaxNode): boolean {
  if (VALUES.has(node.type)) return true;
  if (node.type === 'string') return !node.namedChildren.some((c) => c.type === 'interpolation');
  if (!CONTAINERS.has(node.type)) return false;
  return node.namedChildren.every((c) => c.type === 'comment' || effectFree(c));
}

/** `conn.close`, `self.items.sort`: a method that needed calling, on a plain name or attribute chain. */
function uncalledMethod(node: SyntaxNode): boolean {
  if (node.type !== 'attribute' || !METHODS.has(node.childForFieldName('attribute')?.text ?? '')) return false;
  for (let o = node.childForFieldName('object'); o; o = o.type === 'attribute' ? o.childForFieldName('object') : null) if (o.type === 'identifier') return true;
  return false;
}

const IMPORTS = new Set(['import', 'from-import', 'submodule-import']);

function isImported(ctx: RuleContext, name: SyntaxNode): boolean {
  const scope = ctx.scopes.resolvingScope(name.text, ctx.scopes.scopeAt(name.startIndex));
  return scope?.bindingsOf(name.text).some((b) => IMPORTS.has(b.kind)) ?? false;
}

/** flake8-bugbear B018: an expression statement that computes a value and throws it away. */
export const uselessExpression: Rule = {
  id: 'useless-expression',
  category: 'function-logic',
  title: 'Expression whose value is thrown away',
  severity: 'low',
  codes: ['B018'],
  partialCodes: ['B018'],
  doc: {
    what: 'A name, number, tuple/list/dict display or boolean of them on a line of its own, with no call inside, and a method that lost its parentheses (`conn.close`); other attribute reads are left alone, as a property may be read for its effect. Strings (docstrings), `...` and an imported name on its own (an import marked as used) are left alone, and so is code in a `try` body or a `with pytest.raises(...)` block, which may be there for what it raises (`try: unicode / except NameError:`).',
    why: 'The value goes nowhere: usually a call lost its parentheses (`conn.close`), a `return` or an assignment was left out, or a trailing comma made a tuple.',
    example: 'def shutdown(conn):\n    conn.close',
    useInstead: 'def shutdown(conn):\n    conn.close()',
    fix: 'Call it, return or assign the value, or delete the line.',
  },
  create(ctx) {
    return {
      expression_statement(node) {
        const parts = node.namedChildren.filter((c) => c.type !== 'comment');
        // `a, b` on its own is a tuple without parentheses: the statement holds its items.
        const expression = parts.length > 1 ? node : statementExpression(node);
        if (!expression || expression.type === 'string' || runsForWhatItRaises(node)) return;
        if (!uncalledMethod(expression) && !parts.every(effectFree)) return;
        // `OK` after `from .pop3 import OK`: "fake usage to please pyflakes", an import marked as used.
        if (expression.type === 'identifier' && isImported(ctx, expression)) return;
        const shown = expression.text.length > 40 ? `${expression.text.slice(0, 37)}...` : expression.text;
        ctx.report({
          node: expression,
          message:
            expression.type === 'attribute'
              ? `\`${shown}\` reads an attribute and throws the value away; was a call (\`${shown}()\`) meant?`
              : `The value of \`${shown}\` is thrown away; use it, or delete the line.`,
        });
      },
    };
  },
};
