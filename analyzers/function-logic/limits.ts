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
 */
export function measureFunction(context: RuleContext, fn: SyntaxNode, quantity: string, value: number, limit: number, message: (name: string) => string): void {
  const { node, name } = functionName(fn);
  context.measured(node, name, value);
  if (value > limit) context.report({ node: fn, subject: name, message: message(name), measure: { quantity, value, limit } });
}
