import { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { functionMetricsVisitor } from './function-metrics.js';
import { limitOption, measureFunction } from './limits.js';

const OPTIONS = z.strictObject({
  maxComplexity: limitOption(10, "The highest cyclomatic complexity a function may have (Ruff's `max-complexity`)."),
});

export const complexFunction: Rule<z.output<typeof OPTIONS>> = {
  id: 'complex-function',
  category: 'function-logic',
  title: 'Function is too complex',
  severity: 'low',
  codes: ['C901'],
  optionsSchema: OPTIONS,
  doc: {
    what: 'Functions whose McCabe cyclomatic complexity (1 + each if/elif, loop, except, try-else, match case and nested function, counted as mccabe and Ruff count them) exceeds `maxComplexity` (10).',
    why: 'Each decision doubles the paths a reader must keep in mind and a test must cover; past ten, functions are where bugs collect.',
    example:
      'def route(kind, item):\n    if kind == "a":\n        return handle_a(item)\n    elif kind == "b":\n        return handle_b(item)\n    elif kind == "c":\n        return handle_c(item)\n    return handle_other(item)',
    useInstead:
      'HANDLERS = {"a": handle_a, "b": handle_b, "c": handle_c}\n\n\ndef route(kind, item):\n    handler = HANDLERS.get(kind, handle_other)\n    return handler(item)',
    exampleOptions: { maxComplexity: 3 },
    fix: 'Split the function: move each branch body into a helper, or replace a chain of `if`s on one value with a lookup table.',
  },
  create(context) {
    const max = context.options.maxComplexity;
    return functionMetricsVisitor((m) =>
      measureFunction(
        context,
        m.node,
        { quantity: 'cyclomatic complexity', value: m.complexity, limit: max, usual: 10 },
        (name, limit) => `\`${name}\` is too complex: cyclomatic complexity ${m.complexity} (limit ${limit}).`,
      ),
    );
  },
};
