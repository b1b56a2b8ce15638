import type { SyntaxNode } from '../../src/engine/syntax.js';

const OPERATORS = new Set(['<', '>', '==', '!=', '<=', '>=', '<>', 'in', 'not in', 'is', 'is not']);

/** One link of a (possibly chained) comparison: `a < b < c` → (a, <, b), (b, <, c). */
export interface ComparisonLink {
  left: SyntaxNode;
  operator: string;
  right: SyntaxNode;
}

/** The links of a `comparison_operator` node, in order. */
export function comparisonLinks(node: SyntaxNode): ComparisonLink[] {
  const links: ComparisonLink[] = [];
  let left: SyntaxNode | undefined;
  let operator: string | undefined;
  for (const child of node.children) {
    if (child.type === 'comment') continue;
    if (OPERATORS.has(child.type)) operator = child.type;
    else if (child.isNamed) {
      if (left && operator) links.push({ left, operator, right: child });
      left = child;
      operator = undefined;
    }
  }
  return links;
}
