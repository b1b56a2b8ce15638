import { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import type { Binding } from '../../src/engine/scope.js';
import { decoratorName, decoratorsOf, lastSegment } from '../python/decorators.js';
import { bindingsOfKind, hasTypingDecorator } from '../python/definitions.js';
import { DATA_MODEL_METHODS, isDunder, KNOWN_ATTRIBUTES, LIBRARY_METHODS, PYTHON2_METHODS } from './dunder-names.js';

// Decorators that make a def an attribute: `@property def __dict__(self)` defines the special attribute.
const ATTRIBUTE_DECORATORS = new Set(['property', 'cached_property', 'setter', 'getter', 'deleter']);

/** Like Pylint's bad-dunder-name (PLW3201): methods always; class attributes when the option asks. */
const OPTIONS = z.strictObject({
  allow: z.array(z.string()).default([]).describe('Dunder names your code or framework defines on purpose, never flagged (`__custom__`).'),
  classAttributes: z
    .boolean()
    .default(false)
    .describe('Also report class attributes with made-up dunder names (`__cache__ = {}`); off because frameworks define their own (`__visit_name__`).'),
});

export const madeUpDunder: Rule<z.output<typeof OPTIONS>> = {
  id: 'made-up-dunder',
  category: 'signatures',
  title: 'Made-up dunder name',
  severity: 'low',
  codes: ['PLW3201'],
  partialCodes: ['PLW3201'],
  optionsSchema: OPTIONS,
  doc: {
    what: "A method named with double underscores on both sides (`__validate__`) that is not one of Python's special names or a well-known library protocol (`__array__`, `__rich__`, `__get_validators__`…), and a Python 2 special method (`__nonzero__`, `__unicode__`, `__div__`…) whose Python 3 successor the class lacks. Methods marked `@override` are left alone; so is a property named for a special attribute (`__dict__`). Class attributes (`__cache__ = {}`) only with the option `classAttributes`: frameworks use their own (`__visit_name__`).",
    why: '`__name__` names belong to Python: the interpreter calls them implicitly and may define new ones. A made-up one is never called by Python, misleads readers into looking for the hook, and may collide with a future special name. A Python 2 one is never called on Python 3: `__nonzero__` without `__bool__` leaves every instance true.',
    example: 'class Store:\n    def __validate__(self):\n        ...\n\n    def __nonzero__(self):\n        return bool(self.items)',
    useInstead: 'class Store:\n    def _validate(self):\n        ...\n\n    def __bool__(self):\n        return bool(self.items)',
    fix: 'Use a private name (`_validate`); if it was meant to be a special method, correct the spelling; rename a Python 2 method to its Python 3 successor (`__nonzero__` → `__bool__`). Names your framework requires can be listed in the rule option `allow`.',
  },
  create(ctx) {
    const allowed = new Set(ctx.options.allow);
    const classAttributes = ctx.options.classAttributes;
    const known = (name: string): boolean => DATA_MODEL_METHODS.has(name) || LIBRARY_METHODS.has(name) || allowed.has(name);
    return {
      'module:exit'() {
        const model = ctx.scopes;
        const bindings = [
          ...bindingsOfKind(model, 'function'),
          ...(classAttributes ? [...bindingsOfKind(model, 'assignment'), ...bindingsOfKind(model, 'annotation')] : []),
        ];
        for (const b of bindings) {
          if (b.scope.kind !== 'class' || !isDunder(b.name) || known(b.name)) continue;
          const className = b.scope.qualname.split('.').pop() ?? '';
          if (b.kind === 'function') {
            if (hasTypingDecorator(model, b.statement, 'override')) continue;
            if (PYTHON2_METHODS.has(b.name)) {
              const successor = PYTHON2_METHODS.get(b.name);
              // Both defined: deliberate Python 2 and 3 compatibility, no behaviour hidden.
              if (successor && b.scope.bindings.has(successor)) continue;
              ctx.report({
                node: b.node,
                message: `\`${className}.${b.name}\` is a Python 2 special method that Python 3 never calls${successor ? `; define \`${successor}\`` : ''}`,
                subject: b.name,
              });
              continue;
            }
            if (KNOWN_ATTRIBUTES.has(b.name) && definesAttribute(b)) continue;
            // The module calls it itself (`self.__getitem_inner__(…)`, `getattr(x, "__hook__")`): its own protocol, not a misspelling.
            if (readsItself(ctx.file.source, b.name)) continue;
            ctx.report({ node: b.node, message: `\`${className}.${b.name}\` is not a Python special method; Python will never call it`, subject: b.name });
          } else if (!KNOWN_ATTRIBUTES.has(b.name)) {
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

/** Whether the source reads `name` as an attribute or names it in a string, besides defining it. */
function readsItself(source: string, name: string): boolean {
  return source.includes(`.${name}`) || source.includes(`'${name}'`) || source.includes(`"${name}"`);
}

/** `@property def __dict__(self)`, `@__doc__.setter`: the def defines an attribute, not a method. */
function definesAttribute(b: Binding): boolean {
  return decoratorsOf(b.statement).some((d) => ATTRIBUTE_DECORATORS.has(lastSegment(decoratorName(d))));
}
