import type { SyntaxNode } from '../../src/engine/syntax.js';
import { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { decoratorName, decoratorsOf, enclosingClass, lastSegment } from '../python/decorators.js';
import { isDummyName } from '../python/naming-style.js';
import { functionName, limitOption, measureFunction } from './limits.js';

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

/**
 * How many parameters a caller must pass by position: those without a default before any `*`.
 * The rest are keyword settings with defaults, which callers name (`Option(help=…, default=…)`).
 */
function requiredPositional(parameters: SyntaxNode): string[] {
  const names: string[] = [];
  for (const p of parameters.namedChildren) {
    if (p.type === 'keyword_separator' || p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') break;
    if (p.type === 'identifier') names.push(p.text);
    else if (p.type === 'typed_parameter' && p.namedChildren[0]?.type === 'identifier') names.push(p.namedChildren[0].text);
  }
  return names;
}

const CONSTRUCTORS = new Set(['__init__', '__new__']);
/** Pylint's and Ruff's default `max-args`. */
const USUAL_MAX = 5;

const OPTIONS = z.strictObject({
  maxArgs: limitOption(
    USUAL_MAX,
    "The most parameters a function may take, not counting `self`/`cls`, `*args`/`**kwargs` or `_`-prefixed dummies (Ruff's `max-args`).",
  ),
  keywordConstructors: z
    .boolean()
    .default(false)
    .describe('Also report constructors whose parameters past the limit all have defaults or are keyword-only (always so in the strict profile).'),
});

export const tooManyArguments: Rule<z.output<typeof OPTIONS>> = {
  id: 'too-many-arguments',
  category: 'function-logic',
  title: 'Function takes too many arguments',
  severity: 'low',
  codes: ['PLR0913'],
  optionsSchema: OPTIONS,
  doc: {
    what: 'Function definitions with more than `maxArgs` (5) parameters, not counting `self`/`cls`, `*args`/`**kwargs` or `_`-prefixed dummies; `@override` and `@overload` signatures are exempt. A constructor whose parameters beyond the limit all have defaults or are keyword-only (a data holder configured by keyword, as `argparse.ArgumentParser`) is reported only in the strict profile or with the option `keywordConstructors`.',
    why: 'Callers must remember the order and meaning of every argument; a long parameter list usually means the function does several jobs or several arguments travel together.',
    example: 'def move(x, y, z, dx, dy, dz, dt):\n    ...',
    useInstead: 'def move(position: Vector, velocity: Vector, dt: float):\n    ...',
    fix: 'Group arguments that travel together into a dataclass or NamedTuple, make the rarely used ones keyword-only with defaults, or split the function.',
  },
  create(context) {
    const max = context.options.maxArgs;
    const keywordConstructors = context.options.keywordConstructors || context.conventions.profile === 'strict';
    if (context.file.path.endsWith('.pyi')) return {};
    return {
      function_definition: (fn) => {
        const parameters = fn.childForFieldName('parameters');
        if (!parameters) return;
        let count = namedParameters(parameters).filter((n) => !isDummyName(n)).length;
        const decorators = decoratorsOf(fn).map((d) => lastSegment(decoratorName(d)));
        if (decorators.some((d) => d === 'override' || d === 'overload')) return;
        const isStatic = decorators.some((d) => d === 'staticmethod' || d === 'abstractstaticmethod');
        const method = enclosingClass(fn) !== undefined && !isStatic;
        if (method) count--;
        if (!keywordConstructors && method && count > Math.min(max, USUAL_MAX) && CONSTRUCTORS.has(fn.childForFieldName('name')?.text ?? '')) {
          const required = requiredPositional(parameters).filter((n) => !isDummyName(n)).length - 1;
          // Callers name every setting past the limit: the long list is the class's data, not an order to remember.
          if (required <= Math.min(max, USUAL_MAX)) return context.measured(functionName(fn).node, functionName(fn).name, count);
        }
        measureFunction(
          context,
          fn,
          { quantity: 'arguments', value: count, limit: max, usual: USUAL_MAX },
          (name, limit) => `\`${name}\` takes ${count} arguments (limit ${limit}).`,
        );
      },
    };
  },
};
