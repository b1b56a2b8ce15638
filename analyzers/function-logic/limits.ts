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
 * How the repository's limit came to be decides what is said (`conventions.limits`). flake8's
 * `max-complexity` is often set to the worst function the project has (placement's 19): a
 * function between the usual limit and that ceiling is reported against the usual limit, and a
 * review speaks of it only when the change itself pushes it past the usual limit. Ruff's pylint and
 * mccabe limits name the default they replace (pip's `max-statements = 134  # default is 50`):
 * they are the limit. Where no linter of the repository runs the check, only a change that crosses
 * the usual limit is worth a word.
 */
export function measureFunction(
  context: RuleContext,
  fn: SyntaxNode,
  measure: { rule: string; quantity: string; value: number; limit: number; usual: number },
  message: (name: string, limit: number) => string,
): void {
  const { node, name } = functionName(fn);
  const { quantity, value, limit, usual } = measure;
  const kind = context.conventions.profile === 'conventional' ? context.conventions.limits?.[measure.rule] : undefined;
  context.measured(node, name, value);
  if (value > limit)
    context.report({
      node: fn,
      subject: name,
      message: message(name, limit),
      measure: { quantity, value, limit, ...(kind === 'unchecked' ? { crossingOnly: true } : {}) },
    });
  else if (kind === 'ceiling' && limit > usual && value > usual)
    context.report({ node: fn, subject: name, message: message(name, usual), measure: { quantity, value, limit: usual, ceiling: limit } });
}
