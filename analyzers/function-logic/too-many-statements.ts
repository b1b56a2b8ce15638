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
    example:
      'def handle(request):\n    data = json.loads(request.body)\n    name = data["name"].strip()\n    if not name:\n        raise ValueError("name is required")\n    user = User(name=name)\n    db.session.add(user)\n    db.session.commit()\n    log.info("created %s", name)\n    return render(user)',
    useInstead: 'def handle(request):\n    user = create_user(parse_name(request))\n    log.info("created %s", user.name)\n    return render(user)',
    exampleOptions: { maxStatements: 5 },
    fix: 'Extract each step into a well-named function and keep this one as the outline that calls them.',
  },
  create(context) {
    const max = context.options.maxStatements;
    return functionMetricsVisitor((m) =>
      measureFunction(
        context,
        m.node,
        { quantity: 'statements', value: m.statements, limit: max, usual: 50 },
        (name, limit) => `\`${name}\` has too many statements: ${m.statements} (limit ${limit}).`,
      ),
    );
  },
};
