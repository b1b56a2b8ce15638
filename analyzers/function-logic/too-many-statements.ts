import { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { functionMetricsVisitor } from './function-metrics.js';
import { limitOption, measureFunction } from './limits.js';

const OPTIONS = z.strictObject({
  maxStatements: limitOption(50, "The most statements a function may have (Ruff's `max-statements`)."),
});

export const tooManyStatements: Rule<z.output<typeof OPTIONS>> = {
  id: 'too-many-statements',
  category: 'function-logic',
  title: 'Function has too many statements',
  severity: 'low',
  codes: ['PLR0915'],
  optionsSchema: OPTIONS,
  doc: {
    what: 'Functions with more than `maxStatements` (50) statements, counted as Pylint and Ruff count them (nested blocks and nested functions included, `return` not).',
    why: 'A long function mixes several steps at different levels of detail; readers lose the thread and changes touch more than they should.',
    example: 'def handle(request):\n    # 60 statements of parsing, validation, saving and rendering',
    fix: 'Extract each step into a well-named function and keep this one as the outline that calls them.',
  },
  create(context) {
    const max = context.options.maxStatements;
    return functionMetricsVisitor((m) =>
      measureFunction(context, m.node, 'statements', m.statements, max, (name) => `\`${name}\` has too many statements: ${m.statements} (limit ${max}).`),
    );
  },
};
