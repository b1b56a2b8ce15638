import type { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { followsConventions } from '../../src/engine/conventions.js';
import type { BindingKind } from '../../src/engine/scope.js';
import { placedBindings } from './bindings.js';
import { BUILTINS_IGNORE_OPTIONS, PYTHON_BUILTINS, SHADOWING_FIX } from '../python/builtins.js';
import { isFreeName } from '../python/naming-style.js';

/** Module attributes that are also builtins: assigning them is not shadowing anything a reader relies on (as Ruff). */
const MODULE_DUNDERS = new Set(['__doc__', '__name__', '__loader__', '__package__', '__spec__', '__annotations__', '__builtins__']);

/** Stores that Ruff's A001 sees: names assigned, looped over, caught, defs and classes. */
const VARIABLE_KINDS = new Set<BindingKind>(['assignment', 'annotation', 'augmented', 'unpacking', 'for', 'with', 'walrus', 'except', 'function', 'class']);

/** In a class body these make class attributes and methods, not variables (Ruff's A003 territory); a loop or `with` target there is still a variable. */
const CLASS_ATTRIBUTE_KINDS = new Set<BindingKind>(['assignment', 'annotation', 'augmented', 'unpacking', 'function']);

/** flake8-builtins A001 with Ruff's semantics. */
export const builtinVariableShadowing: Rule<z.output<typeof BUILTINS_IGNORE_OPTIONS>> = {
  id: 'builtin-variable-shadowing',
  category: 'naming',
  title: 'Variable shadows a builtin',
  severity: 'low',
  codes: ['A001'],
  optionsSchema: BUILTINS_IGNORE_OPTIONS,
  doc: {
    what: 'A variable, loop target, `except … as` name, function or class (in a class body: a loop, `with`, `except` or walrus target, or a nested class) named like a Python builtin: `list`, `id`, `type`, `input`, `dict`… (flake8-builtins A001).',
    why: 'Shadowing hides the builtin for the rest of the scope: a later `list(x)` or `type(x)` calls your value instead, which fails far from the assignment.',
    example: 'def load(path):\n    list = read_lines(path)\n    return [line for line in list if line]',
    useInstead: 'def load(path):\n    lines = read_lines(path)\n    return [line for line in lines if line]',
    fix: SHADOWING_FIX,
  },
  create(ctx) {
    const ignored = new Set(ctx.options.ignore);
    // Conventional: `id = …`, `input = …` in a test are test data.
    if (followsConventions(ctx.conventions) && ctx.conventions.testCode) return {};
    return {
      'module:exit'() {
        for (const { binding: b, at } of placedBindings(ctx.scopes)) {
          if (
            (at.kind === 'class' && CLASS_ATTRIBUTE_KINDS.has(b.kind)) ||
            !VARIABLE_KINDS.has(b.kind) ||
            !PYTHON_BUILTINS.has(b.name) ||
            MODULE_DUNDERS.has(b.name) ||
            ignored.has(b.name)
          )
            continue;
          // PEP 8's trailing underscore (`id_`), for a variable; a def or class named so is usually an API's chosen name.
          const renamed = b.kind !== 'function' && b.kind !== 'class' && isFreeName(`${b.name}_`, ctx.file.source) ? `${b.name}_` : undefined;
          ctx.report({
            node: b.node,
            message: `Variable \`${b.name}\` is shadowing a Python builtin`,
            subject: b.name,
            ...(renamed ? { suggestion: `Rename to \`${renamed}\` (or a name that says what it holds) and update its uses.` } : {}),
          });
        }
      },
    };
  },
};
