import { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { functionMetricsVisitor } from './function-metrics.js';
import { functionName, limitOption } from './limits.js';

const OPTIONS = z.strictObject({
  maxDepth: limitOption(4, 'The deepest a block may be nested inside a function.'),
});

export const deepNesting: Rule<z.output<typeof OPTIONS>> = {
  id: 'deep-nesting',
  category: 'function-logic',
  title: 'Blocks are nested too deeply',
  severity: 'low',
  codes: ['PLR1702'],
  optionsSchema: OPTIONS,
  doc: {
    what: 'Functions where if/for/while/try/with/match blocks nest more than `maxDepth` (4) deep; reported at the first block past the limit.',
    why: 'Every level of nesting is one more condition the reader must hold to understand a line; deep code hides its main path.',
    example:
      'def close_orders(users):\n    for user in users:\n        if user.active:\n            for order in user.orders:\n                if order.open:\n                    with lock:\n                        order.close()',
    useInstead:
      'def close_orders(users):\n    for user in users:\n        if not user.active:\n            continue\n        for order in user.orders:\n            close_if_open(order)',
    fix: 'Return or `continue` early for the uninteresting cases, and move inner loops into helpers.',
  },
  create(context) {
    const max = context.options.maxDepth;
    return functionMetricsVisitor((m) => {
      if (!m.tooDeep) return;
      const { name } = functionName(m.node);
      const block = m.tooDeep;
      const lineEnd = context.file.source.indexOf('\n', block.startIndex);
      context.report({
        range: { start: block.startIndex, end: lineEnd === -1 || lineEnd > block.endIndex ? block.endIndex : lineEnd },
        subject: name,
        message: `\`${name}\` nests blocks ${m.depth} deep (limit ${max}); this block is level ${max + 1}.`,
      });
    }, max);
  },
};
