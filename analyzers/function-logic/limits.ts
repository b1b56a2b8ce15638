import { z } from 'zod';
import type { RuleContext } from '../../src/engine/rule.js';
import type { SyntaxNode } from '../../src/engine/syntax.js';

/** A size rule's limit option: a whole number, at least 0, with its default and what it limits. */
export function limitOption(fallback: number, description: string) {
  return z.number().int().min(0).default(fallback).describe(description);
}

/** The name of a function_definition (what Ruff reports on), or the node itself. */
export function functionName(fn: SyntaxNode): { node: SyntaxNode; name: string } {
  const name = fn.childForFieldName('name');
  return { node: name ?? fn, name: name?.text ?? '<function>' };
}

/**
 * Records a function's value for a size rule, and reports it when it is over the limit. Every
 * function is recorded, so that a review of a change can say "complexity 12, was 9 (limit 10)".
 * The finding spans the whole function: its size is the business of every line of it.
 *
 * When the repository's own limit is looser than the usual one (flake8's `max-complexity = 19`,
 * often set to the worst function it has), a function between the two is reported against the
 * usual limit with the repository's as its ceiling: a review then speaks of it only when the
 * change itself pushes the function past the usual limit.
 */
export function measureFunction(
  context: RuleContext,
  fn: SyntaxNode,
  measure: { quantity: string; value: number; limit: number; usual: number },
  message: (name: string, limit: number) => string,
): void {
  const { node, name } = functionName(fn);
  const { quantity, value, limit, usual } = measure;
  context.measured(node, name, value);
  if (value > limit) context.report({ node: fn, subject: name, message: message(name, limit), measure: { quantity, value, limit } });
  else if (limit > usual && value > usual && context.conventions.profile === 'conventional')
    context.report({ node: fn, subject: name, message: message(name, usual), measure: { quantity, value, limit: usual, ceiling: limit } });
}
