import type { Rule } from '../../src/engine/rule.js';
import type { BindingKind } from '../../src/engine/scope.js';
import type { Scope } from '../../src/engine/scope.js';
import { bindingsOfKind, hasTypingDecorator } from '../signatures/definitions.js';
import { placedBindings } from './bindings.js';
import { PYTHON_BUILTINS } from './builtins.js';

/** Module attributes that are also builtins: assigning them is not shadowing anything a reader relies on (as Ruff). */
const MODULE_DUNDERS = new Set(['__doc__', '__name__', '__loader__', '__package__', '__spec__', '__annotations__', '__builtins__']);

/** Stores that Ruff's A001 sees: names assigned, looped over, caught, and defs/classes outside class bodies. */
const VARIABLE_KINDS = new Set<BindingKind>(['assignment', 'annotation', 'augmented', 'unpacking', 'for', 'with', 'walrus', 'except', 'function', 'class']);

function ignoreList(value: unknown): Set<string> {
  return new Set(Array.isArray(value) ? value.map(String) : []);
}

const exampleFix = 'Rename it (`ids`, `kind`, `items`, `user_input`), or append an underscore (`type_`) when the name is imposed.';

/** flake8-builtins A001 with Ruff's semantics. */
export const builtinVariableShadowing: Rule = {
  id: 'builtin-variable-shadowing',
  category: 'naming',
  title: 'Variable shadows a builtin',
  severity: 'low',
  codes: ['A001'],
  options: { ignore: [] },
  doc: {
    what: 'A variable, loop target, `except … as` name, function or class (outside a class body) named like a Python builtin: `list`, `id`, `type`, `input`, `dict`… (flake8-builtins A001).',
    why: 'Shadowing hides the builtin for the rest of the scope: a later `list(x)` or `type(x)` calls your value instead, which fails far from the assignment.',
    example: 'def load(path):\n    list = read_lines(path)\n    return [line for line in list if line]',
    fix: exampleFix,
  },
  create(ctx) {
    const ignored = ignoreList(ctx.options.ignore);
    return {
      'module:exit'() {
        for (const { binding: b, at } of placedBindings(ctx.scopes)) {
          if (at.kind === 'class' || !VARIABLE_KINDS.has(b.kind) || !PYTHON_BUILTINS.has(b.name) || MODULE_DUNDERS.has(b.name) || ignored.has(b.name)) continue;
          ctx.report({ node: b.node, message: `Variable \`${b.name}\` is shadowing a Python builtin`, subject: b.name });
        }
      },
    };
  },
};

/** flake8-builtins A002 with Ruff's semantics (lambdas are A006, not here; `@override`/`@overload` defs exempt). */
export const builtinArgumentShadowing: Rule = {
  id: 'builtin-argument-shadowing',
  category: 'naming',
  title: 'Argument shadows a builtin',
  severity: 'low',
  codes: ['A002'],
  options: { ignore: [] },
  doc: {
    what: 'A function parameter named like a Python builtin (`def get(id, type=None):`) (flake8-builtins A002). Methods marked `@override` or `@overload` are left alone: their names are imposed.',
    why: 'Inside the function the builtin is gone: a later `type(x)` or `id(x)` calls the argument instead. It also reads ambiguously at every use.',
    example: 'def find(id, type=None):\n    ...',
    fix: exampleFix,
  },
  create(ctx) {
    const ignored = ignoreList(ctx.options.ignore);
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
          if (!exempt) ctx.report({ node: b.node, message: `Function argument \`${b.name}\` is shadowing a Python builtin`, subject: b.name });
        }
      },
    };
  },
};
