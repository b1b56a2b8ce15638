import type { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { IGNORE_NAMES_OPTIONS, nameMatcher } from '../python/naming-style.js';
import { enclosingClass, functionKind, isMetaclass, parametersOf } from '../python/definitions.js';

/** pep8-naming N804/N805 with Ruff's semantics. */
export const firstArgumentName: Rule<z.output<typeof IGNORE_NAMES_OPTIONS>> = {
  id: 'first-argument-name',
  category: 'signatures',
  title: 'First parameter not `self` / `cls`',
  severity: 'low',
  codes: ['N805', 'N804'],
  optionsSchema: IGNORE_NAMES_OPTIONS,
  doc: {
    what: 'A method whose first parameter is not named `self` (N805), or a classmethod whose first parameter is not `cls` (N804). Methods of metaclasses, `__init_subclass__` and `__class_getitem__` take `cls`; staticmethods and `__new__` are left alone; a method with no positional parameter is not judged here.',
    why: 'The first parameter receives the instance or the class whatever it is called; naming it `self`/`cls` is how readers (and tools) tell which one, and what `this.x = …` would change.',
    example: 'class Cache:\n    def get(this, key):\n        ...\n\n    @classmethod\n    def create(self):\n        ...',
    useInstead: 'class Cache:\n    def get(self, key):\n        ...\n\n    @classmethod\n    def create(cls):\n        ...',
    fix: 'Rename the first parameter to `self` (instance methods) or `cls` (classmethods); if the method needs neither, make it a `@staticmethod`.',
  },
  create(ctx) {
    const ignored = nameMatcher(ctx.options.ignoreNames);
    return {
      'module:exit'() {
        const model = ctx.scopes;
        const metaclasses = new Map<number, boolean>();
        for (const scope of model.scopes) {
          if (scope.kind !== 'function') continue;
          const def = scope.node;
          const cls = enclosingClass(model, def);
          if (!cls) continue;
          let kind = functionKind(model, def);
          if (kind === 'function' || kind === 'staticmethod' || kind === 'new') continue;
          if (kind === 'method') {
            let meta = metaclasses.get(cls.node.startIndex);
            if (meta === undefined) metaclasses.set(cls.node.startIndex, (meta = isMetaclass(model, cls.node)));
            if (meta) kind = 'classmethod';
          }
          const first = parametersOf(def)[0];
          if (!first || first.kind !== 'positional') continue;
          const expected = kind === 'classmethod' ? 'cls' : 'self';
          if (first.name === expected || ignored(first.name)) continue;
          const name = def.childForFieldName('name')?.text ?? '';
          ctx.report({
            range: first.nameRange,
            code: kind === 'classmethod' ? 'N804' : 'N805',
            message:
              kind === 'classmethod'
                ? `First argument of a class method should be named \`cls\` (\`${name}\` has \`${first.name}\`)`
                : `First argument of a method should be named \`self\` (\`${name}\` has \`${first.name}\`)`,
            subject: name,
          });
        }
      },
    };
  },
};
