import { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { bindingsOfKind, hasTypingDecorator } from '../python/definitions.js';
import { DATA_MODEL_METHODS, isDunder, KNOWN_ATTRIBUTES, LIBRARY_METHODS } from './dunder-names.js';

/** Like Pylint's bad-dunder-name (PLW3201), for methods and class attributes. */
const OPTIONS = z.strictObject({
  allow: z.array(z.string()).default([]).describe('Dunder names your code or framework defines on purpose, never flagged (`__custom__`).'),
});

export const madeUpDunder: Rule<z.output<typeof OPTIONS>> = {
  id: 'made-up-dunder',
  category: 'signatures',
  title: 'Made-up dunder name',
  severity: 'low',
  codes: ['PLW3201'],
  optionsSchema: OPTIONS,
  doc: {
    what: "A method or class attribute named with double underscores on both sides (`__cache__`, `__validate__`) that is not one of Python's special names or a well-known library protocol (`__array__`, `__rich__`, `__get_validators__`…). Methods marked `@override` are left alone. Misspellings of real ones (`__int__` for `__init__`) show up here too.",
    why: '`__name__` names belong to Python: the interpreter calls them implicitly and may define new ones. A made-up one is never called by Python, misleads readers into looking for the hook, and may collide with a future special name.',
    example: 'class Store:\n    __cache__ = {}\n\n    def __validate__(self):\n        ...',
    useInstead: 'class Store:\n    _cache = {}\n\n    def _validate(self):\n        ...',
    fix: 'Use a private name (`_cache`, `_validate`); if it was meant to be a special method, correct the spelling. Names your framework requires can be listed in the rule option `allow`.',
  },
  create(ctx) {
    const allowed = new Set(ctx.options.allow);
    const known = (name: string): boolean => DATA_MODEL_METHODS.has(name) || LIBRARY_METHODS.has(name) || allowed.has(name);
    return {
      'module:exit'() {
        const model = ctx.scopes;
        for (const b of [...bindingsOfKind(model, 'function'), ...bindingsOfKind(model, 'assignment'), ...bindingsOfKind(model, 'annotation')]) {
          if (b.scope.kind !== 'class' || !isDunder(b.name) || known(b.name)) continue;
          const className = b.scope.qualname.split('.').pop() ?? '';
          if (b.kind === 'function') {
            if (hasTypingDecorator(model, b.statement, 'override')) continue;
            ctx.report({ node: b.node, message: `\`${className}.${b.name}\` is not a Python special method; Python will never call it`, subject: b.name });
          } else if ((b.kind === 'assignment' || b.kind === 'annotation') && !KNOWN_ATTRIBUTES.has(b.name)) {
            ctx.report({
              node: b.node,
              message: `\`${className}.${b.name}\` looks like a special attribute but Python defines no such name`,
              subject: b.name,
              confidence: 'medium',
            });
          }
        }
      },
    };
  },
};
