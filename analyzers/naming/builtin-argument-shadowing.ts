import type { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { followsConventions } from '../../src/engine/conventions.js';
import { isImposedParameter } from './imposed.js';
import type { Scope } from '../../src/engine/scope.js';
import { bindingsOfKind, hasTypingDecorator } from '../python/definitions.js';
import { BUILTINS_IGNORE_OPTIONS, PYTHON_BUILTINS, SHADOWING_FIX } from '../python/builtins.js';
import { isFreeName } from '../python/naming-style.js';
import { passableByKeyword } from './bindings.js';

/** flake8-builtins A002 with Ruff's semantics (lambdas are A006, not here; `@override`/`@overload` defs exempt). */
export const builtinArgumentShadowing: Rule<z.output<typeof BUILTINS_IGNORE_OPTIONS>> = {
  id: 'builtin-argument-shadowing',
  category: 'naming',
  title: 'Argument shadows a builtin',
  severity: 'low',
  codes: ['A002'],
  optionsSchema: BUILTINS_IGNORE_OPTIONS,
  doc: {
    what: 'A function parameter named like a Python builtin (`def get(id, type=None):`) (flake8-builtins A002). Methods marked `@override` or `@overload` are left alone: their names are imposed. Under the conventional profile, so are names an API imposes: keyword parameters of public defs, parameters a framework decorator reads, the names a base class chose, and builtin names the public API around uses as keywords (`help`, `id`).',
    why: 'Inside the function the builtin is gone: a later `type(x)` or `id(x)` calls the argument instead. It also reads ambiguously at every use.',
    example: 'def find(id, type=None):\n    ...',
    useInstead: 'def find(ids, kind=None):\n    ...',
    fix: SHADOWING_FIX,
  },
  create(ctx) {
    const ignored = new Set(ctx.options.ignore);
    const conventional = followsConventions(ctx.conventions);
    // Conventional: a test's parameters are fixture or parametrize names.
    if (conventional && ctx.conventions.testCode) return {};
    const publicKeywords = new Set(ctx.conventions.publicKeywords ?? []);
    return {
      'module:exit'() {
        const model = ctx.scopes;
        const exempted = new Map<Scope, boolean>();
        for (const b of bindingsOfKind(model, 'parameter')) {
          if (b.scope.kind !== 'function' || !PYTHON_BUILTINS.has(b.name) || ignored.has(b.name)) continue;
          let exempt = exempted.get(b.scope);
          if (exempt === undefined) {
            exempt = hasTypingDecorator(model, b.scope.node, 'override') || hasTypingDecorator(model, b.scope.node, 'overload');
            exempted.set(b.scope, exempt);
          }
          if (!exempt && conventional && (publicKeywords.has(b.name) || isImposedParameter(model, b.scope.node, b.node.startIndex))) continue;
          if (exempt) continue;
          // PEP 8's trailing underscore (`id_`), when the file does not already say it.
          const renamed = isFreeName(`${b.name}_`, ctx.file.source) ? `${b.name}_` : undefined;
          const callers = passableByKeyword(b.scope.node, b.node) ? ' and any call that passes it by keyword' : '';
          ctx.report({
            node: b.node,
            message: `Function argument \`${b.name}\` is shadowing a Python builtin`,
            subject: b.name,
            ...(renamed ? { suggestion: `Rename to \`${renamed}\` (or a name that says what it holds) and update its uses in the body${callers}.` } : {}),
          });
        }
      },
    };
  },
};
