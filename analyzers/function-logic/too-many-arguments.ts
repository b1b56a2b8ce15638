import type { SyntaxNode } from '../../src/engine/syntax.js';
import { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { decoratorName, decoratorsOf, enclosingClass, lastSegment } from '../python/decorators.js';
import { limitOption, measureFunction } from './limits.js';

/** Ruff's default `dummy-variable-rgx`: parameters named like this are meant to be ignored. */
const DUMMY = /^(_+|(_+[a-zA-Z0-9_]*[a-zA-Z0-9]+?))$/;

/** Names of the parameters that are not `*args` / `**kwargs`. */
function namedParameters(parameters: SyntaxNode): string[] {
  const names: string[] = [];
  for (const p of parameters.namedChildren) {
    switch (p.type) {
      case 'identifier':
        names.push(p.text);
        break;
      case 'typed_parameter': {
        const first = p.namedChildren[0];
        if (first?.type === 'identifier') names.push(first.text);
        break;
      }
      case 'default_parameter':
      case 'typed_default_parameter': {
        const name = p.childForFieldName('name');
        if (name?.type === 'identifier') names.push(name.text);
        break;
      }
      default:
        break;
    }
  }
  return names;
}

const OPTIONS = z.strictObject({
  maxArgs: limitOption(
    5,
    "The most parameters a function may take, not counting `self`/`cls`, `*args`/`**kwargs` or `_`-prefixed dummies (Ruff's `max-args`).",
  ),
});

export const tooManyArguments: Rule<z.output<typeof OPTIONS>> = {
  id: 'too-many-arguments',
  category: 'function-logic',
  title: 'Function takes too many arguments',
  severity: 'low',
  codes: ['PLR0913'],
  optionsSchema: OPTIONS,
  doc: {
    what: 'Function definitions with more than `maxArgs` (5) parameters, not counting `self`/`cls`, `*args`/`**kwargs` or `_`-prefixed dummies; `@override` and `@overload` signatures are exempt.',
    why: 'Callers must remember the order and meaning of every argument; a long parameter list usually means the function does several jobs or several arguments travel together.',
    example: 'def move(x, y, z, dx, dy, dz, dt):\n    ...',
    useInstead: 'def move(position: Vector, velocity: Vector, dt: float):\n    ...',
    fix: 'Group arguments that travel together into a dataclass or NamedTuple, make the rarely used ones keyword-only with defaults, or split the function.',
  },
  create(context) {
    const max = context.options.maxArgs;
    if (context.file.path.endsWith('.pyi')) return {};
    return {
      function_definition: (fn) => {
        const parameters = fn.childForFieldName('parameters');
        if (!parameters) return;
        let count = namedParameters(parameters).filter((n) => !DUMMY.test(n)).length;
        const decorators = decoratorsOf(fn).map((d) => lastSegment(decoratorName(d)));
        if (decorators.some((d) => d === 'override' || d === 'overload')) return;
        const isStatic = decorators.some((d) => d === 'staticmethod' || d === 'abstractstaticmethod');
        if (enclosingClass(fn) && !isStatic) count--;
        measureFunction(
          context,
          fn,
          { quantity: 'arguments', value: count, limit: max, usual: 5 },
          (name, limit) => `\`${name}\` takes ${count} arguments (limit ${limit}).`,
        );
      },
    };
  },
};
