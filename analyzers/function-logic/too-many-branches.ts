import { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { functionMetricsVisitor } from './function-metrics.js';
import { limitOption, measureFunction } from './limits.js';

const OPTIONS = z.strictObject({
  maxBranches: limitOption(12, "The most branches a function may have (Ruff's `max-branches`)."),
});

export const tooManyBranches: Rule<z.output<typeof OPTIONS>> = {
  id: 'too-many-branches',
  category: 'function-logic',
  title: 'Function has too many branches',
  severity: 'low',
  codes: ['PLR0912'],
  optionsSchema: OPTIONS,
  doc: {
    what: 'Functions with more than `maxBranches` (12) branches: each if, elif and else, loop and loop-else, except, try-else and finally, and match case (nested functions count on their own).',
    why: 'A function with many branches does many things; it is hard to name, to read top to bottom and to test every path of.',
    example:
      'def capital(country):\n    if country == "France":\n        return "Paris"\n    elif country == "Spain":\n        return "Madrid"\n    elif country == "Italy":\n        return "Rome"\n    elif country == "Portugal":\n        return "Lisbon"',
    useInstead:
      'CAPITALS = {"France": "Paris", "Spain": "Madrid", "Italy": "Rome", "Portugal": "Lisbon"}\n\n\ndef capital(country):\n    return CAPITALS[country]',
    exampleOptions: { maxBranches: 3 },
    fix: 'Replace branches on one value with a dict lookup, or move groups of branches into helpers.',
  },
  create(context) {
    const max = context.options.maxBranches;
    return functionMetricsVisitor((m) =>
      measureFunction(
        context,
        m.node,
        { quantity: 'branches', value: m.branches, limit: max, usual: 12 },
        (name, limit) => `\`${name}\` has too many branches: ${m.branches} (limit ${limit}).`,
      ),
    );
  },
};
