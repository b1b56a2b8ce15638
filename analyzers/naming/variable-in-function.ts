import type { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { followsConventions } from '../../src/engine/conventions.js';
import { definesType, placedBindings, STORED_KINDS } from './bindings.js';
import { freeRewrite, isLowercase, IGNORE_NAMES_OPTIONS, nameMatcher } from '../python/naming-style.js';

/** pep8-naming N806 with Ruff's semantics: every store of a capitalised name in a function body. */
export const variableInFunction: Rule<z.output<typeof IGNORE_NAMES_OPTIONS>> = {
  id: 'variable-in-function',
  category: 'naming',
  title: 'Variable in function not lowercase',
  severity: 'low',
  codes: ['N806'],
  optionsSchema: IGNORE_NAMES_OPTIONS,
  doc: {
    what: 'A local variable of a function whose name has capitals (`totalCount = 0`, `Result = []`) (pep8-naming N806). Names declared `global`, and locals that define types (`Point = namedtuple(...)`, `T = TypeVar("T")`, `Alias: TypeAlias = ...`), are left alone.',
    why: 'PEP 8 keeps local variables snake_case; a capitalised local reads like a class or a module constant.',
    example: 'def total(items):\n    totalCount = 0\n    for item in items:\n        totalCount += item.count\n    return totalCount',
    useInstead: 'def total(items):\n    total_count = 0\n    for item in items:\n        total_count += item.count\n    return total_count',
    fix: 'Rename the local to snake_case (`total_count`).',
  },
  create(ctx) {
    const ignored = nameMatcher(ctx.options.ignoreNames);
    // Conventional: capitalised locals in tests are test data (`G1_RP1`), and a module that already writes them has chosen to.
    const c = ctx.conventions;
    if (followsConventions(c) && (c.testCode || c.ownNaming?.variables)) return {};
    return {
      'module:exit'() {
        const model = ctx.scopes;
        for (const { binding: b, at } of placedBindings(model)) {
          if (at.kind !== 'function' || !STORED_KINDS.has(b.kind) || isLowercase(b.name) || ignored(b.name)) continue;
          if (at.globals.has(b.name) || definesType(model, b.statement)) continue;
          const renamed = freeRewrite(b.name, 'snake_case', ctx.file.source);
          ctx.report({
            node: b.node,
            message: `Variable \`${b.name}\` in function should be lowercase`,
            subject: b.name,
            ...(renamed ? { suggestion: `Rename to \`${renamed}\` and update its uses in the function.` } : {}),
          });
        }
      },
    };
  },
};
