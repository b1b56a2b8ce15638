import type { SyntaxNode } from '../../src/engine/syntax.js';

const SCOPE_BOUNDARY = new Set(['function_definition', 'lambda', 'class_definition', 'module']);
// Context managers that expect the body to raise or warn: the body's expressions are there for that.
const EXPECTS_RAISE = /\b(?:raises|assertRaises\w*|warns|assertWarns\w*|deprecated_call|assertLogs|\w*warnings?|\w*deprecation\w*|suppress\w*)\s*\(/i;

/**
 * Whether a statement is there to raise (or warn): inside a `try` body, or a `with` block of
 * `pytest.raises`, `assertRaises`, `warns`, `suppress`… — `try: unicode / except NameError:`
 * and `with pytest.raises(TypeError): a < b` evaluate an expression only for what it raises.
 */
export function runsForWhatItRaises(statement: SyntaxNode): boolean {
  let child = statement;
  for (let n = statement.parent; n && !SCOPE_BOUNDARY.has(n.type); child = n, n = n.parent) {
    if (n.type === 'try_statement' && child.id === n.childForFieldName('body')?.id) return true;
    if (n.type === 'with_statement' && child.id === n.childForFieldName('body')?.id) {
      const clause = n.namedChildren.find((c) => c.type === 'with_clause');
      if (clause && EXPECTS_RAISE.test(clause.text)) return true;
      // `with checker(): expression` — the whole block is the expression the context manager watches.
      if (child.namedChildren.filter((c) => c.type !== 'comment').length === 1 && statement.parent?.id === child.id) return true;
    }
  }
  return false;
}

/** The expression an `expression_statement` holds, parentheses removed; undefined for `a, b` or yield. */
export function statementExpression(statement: SyntaxNode): SyntaxNode | undefined {
  const parts = statement.namedChildren.filter((c) => c.type !== 'comment');
  if (parts.length !== 1) return undefined;
  let expression: SyntaxNode | undefined = parts[0];
  while (expression?.type === 'parenthesized_expression') {
    const inner: SyntaxNode[] = expression.namedChildren.filter((c) => c.type !== 'comment');
    expression = inner.length === 1 ? inner[0] : undefined;
  }
  return expression;
}
