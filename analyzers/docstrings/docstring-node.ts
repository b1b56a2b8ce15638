import type { SyntaxNode } from '../../src/engine/syntax.js';

/**
 * Whether a module or a def/class body starts with a docstring, as Ruff decides it: the first
 * statement is an expression statement holding a string literal. Comments before it do not
 * count as statements; f-strings, t-strings, bytes and `"a" + "b"` are not docstrings; an implicit
 * concatenation of plain strings (`"a" "b"`) is one (Ruff warns about it but does not report it missing).
 */
export function startsWithDocstring(container: SyntaxNode | null, source: string): boolean {
  const first = container ? firstStatement(container) : null;
  if (first?.type !== 'expression_statement' || first.namedChildCount !== 1) return false;
  let expression = first.namedChild(0);
  while (expression?.type === 'parenthesized_expression') expression = singleNamedChild(expression);
  if (expression?.type === 'string') return isPlainString(expression.startIndex, source);
  if (expression?.type === 'concatenated_string') {
    const parts = expression.namedChildren.filter((c) => c.type !== 'comment');
    return parts.every((p) => p.type === 'string' && isPlainString(p.startIndex, source));
  }
  return false;
}

function firstStatement(container: SyntaxNode): SyntaxNode | null {
  for (let i = 0; i < container.namedChildCount; i++) {
    const child = container.namedChild(i);
    if (child && child.type !== 'comment') return child;
  }
  return null;
}

function singleNamedChild(node: SyntaxNode): SyntaxNode | null {
  const children = node.namedChildren.filter((c) => c.type !== 'comment');
  return children.length === 1 ? children[0]! : null;
}

/** A str literal: no f (format), t (template) or b (bytes) in its prefix. */
function isPlainString(start: number, source: string): boolean {
  const prefix = /^[A-Za-z]*/.exec(source.slice(start, start + 3))![0];
  return !/[fFtTbB]/.test(prefix);
}
