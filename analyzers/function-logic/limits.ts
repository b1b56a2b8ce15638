import type { SyntaxNode } from '../../src/engine/syntax.js';

/** A rule's numeric limit from its options, falling back to the default when unset or invalid. */
export function limitOption(options: Readonly<Record<string, unknown>>, key: string, fallback: number): number {
  const value = options[key];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** The name of a function_definition (what Ruff reports on), or the node itself. */
export function functionName(fn: SyntaxNode): { node: SyntaxNode; name: string } {
  const name = fn.childForFieldName('name');
  return { node: name ?? fn, name: name?.text ?? '<function>' };
}
