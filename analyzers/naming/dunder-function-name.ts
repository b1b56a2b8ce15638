import type { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { bindingsOfKind } from '../python/definitions.js';
import { IGNORE_NAMES_OPTIONS, isFreeName, nameMatcher } from '../python/naming-style.js';

/** pep8-naming N807 with Ruff's semantics: `__name__`-style functions outside classes (PEP 562's module hooks allowed). */
export const dunderFunctionName: Rule<z.output<typeof IGNORE_NAMES_OPTIONS>> = {
  id: 'dunder-function-name',
  category: 'naming',
  title: 'Function named like a dunder method',
  severity: 'low',
  codes: ['N807'],
  optionsSchema: IGNORE_NAMES_OPTIONS,
  doc: {
    what: 'A function outside a class whose name starts and ends with two underscores (`def __helper__():`) (pep8-naming N807). Module-level `__getattr__` and `__dir__` (PEP 562) are fine.',
    why: "Double-underscore names are reserved for Python's own protocols; a plain function named that way looks like a hook Python calls, and may clash with one later.",
    example: 'def __setup__():\n    ...',
    useInstead: 'def _setup():\n    ...',
    fix: 'Drop the trailing underscores (`_setup`) or choose a plain name.',
  },
  create(ctx) {
    const ignored = nameMatcher(ctx.options.ignoreNames);
    return {
      'module:exit'() {
        for (const b of bindingsOfKind(ctx.scopes, 'function')) {
          if (b.scope.kind === 'class' || !(b.name.startsWith('__') && b.name.endsWith('__')) || ignored(b.name)) continue;
          if (b.scope.kind === 'module' && (b.name === '__getattr__' || b.name === '__dir__')) continue;
          // `__setup__` → `_setup`: private, as the underscores meant, and no longer a protocol's name.
          const core = b.name.replace(/^_+|_+$/g, '');
          const renamed = core && isFreeName(`_${core}`, ctx.file.source) ? `_${core}` : undefined;
          ctx.report({
            node: b.node,
            message: 'Function name should not start and end with `__`',
            subject: b.name,
            ...(renamed ? { suggestion: `Rename to \`${renamed}\` and update its callers.` } : {}),
          });
        }
      },
    };
  },
};
