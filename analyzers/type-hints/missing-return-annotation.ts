import { z } from 'zod';
import type { Fix } from '../../src/engine/finding.js';
import type { Rule, RuleContext } from '../../src/engine/rule.js';
import { lineText } from '../../src/engine/parse.js';
import { positionOf } from '../../src/engine/run.js';
import { annotationsExpected } from './expected.js';
import { onlyWrappingDecorators } from '../python/decorators.js';
import { decoratorTargets, dottedParts } from '../python/definitions.js';
import { functionFacts, isMagic, returnShape, type FunctionFacts } from '../python/function-facts.js';

/** Which code and wording a def without a return annotation gets (Ruff's order of checks). */
function returnCode(f: FunctionFacts, mypyInitReturn: boolean): { code: string; what: string } | undefined {
  if (f.kind === 'classmethod') return { code: 'ANN206', what: 'classmethod' };
  if (f.kind === 'staticmethod') return { code: 'ANN205', what: 'staticmethod' };
  if (f.isMethod && f.name === '__init__') {
    // flake8-annotations' --mypy-init-return: mypy infers `-> None` once any argument is annotated.
    const typedArgument = f.parameters.some((p, i) => p.annotated && !(i === 0 && p.kind === 'positional'));
    return mypyInitReturn && typedArgument ? undefined : { code: 'ANN204', what: 'special method' };
  }
  if (f.isMethod && isMagic(f.name)) return { code: 'ANN204', what: 'special method' };
  return f.private ? { code: 'ANN202', what: 'private function' } : { code: 'ANN201', what: 'public function' };
}

const ABSTRACT = new Set(['abstractmethod', 'abstractproperty', 'abstractclassmethod', 'abstractstaticmethod']);

/**
 * Whether the def certainly returns nothing: `__init__` always; otherwise a body with no `return`
 * of a value and no `yield` that is more than a stand-in (an abstract method's or a stub's body
 * says nothing of what overrides return, and one that ends in `raise` may never return).
 */
function returnsNone(f: FunctionFacts): boolean {
  if (f.isMethod && f.name === '__init__') return true;
  if (decoratorTargets(f.def).some((d) => ABSTRACT.has(dottedParts(d)?.at(-1) ?? ''))) return false;
  return returnShape(f.def) === 'none';
}

/**
 * ` -> None` inserted after the parameters, when the header's `)` and `:` are on the name's line:
 * the finding's line, so the one edit is a suggestion on exactly the commented line.
 */
function noneAnnotationFix(ctx: RuleContext, f: FunctionFacts): Fix | undefined {
  const parameters = f.def.childForFieldName('parameters');
  const colon = f.def.children.find((c) => c.type === ':');
  const row = f.nameNode.startPosition.row;
  if (!parameters || !colon || parameters.endPosition.row !== row || colon.startPosition.row !== row) return undefined;
  // A decorator may read the annotation (FastAPI's response model, a validator): adding one is not inert there.
  if (!onlyWrappingDecorators(f.def)) return undefined;
  const at = positionOf(ctx.file, parameters.endIndex);
  // A `# type: (...) -> X` comment is the def's annotation for the tools that read them.
  if (/#\s*type:/.test(lineText(ctx.file, at.line))) return undefined;
  return { description: 'Add `-> None`', edits: [{ line: at.line, column: at.column, endLine: at.line, endColumn: at.column, newText: ' -> None' }] };
}

/** flake8-annotations ANN201/ANN202/ANN204/ANN205/ANN206 with Ruff's default settings. */
const OPTIONS = z.strictObject({
  mypyInitReturn: z
    .boolean()
    .default(false)
    .describe("Exempt `__init__` from needing `-> None` once any of its arguments is annotated, as mypy allows (Ruff's `mypy-init-return`)."),
});

export const missingReturnAnnotation: Rule<z.output<typeof OPTIONS>> = {
  id: 'missing-return-annotation',
  category: 'type-hints',
  title: 'Function without a return type annotation',
  severity: 'info',
  codes: ['ANN201', 'ANN202', 'ANN204', 'ANN205', 'ANN206'],
  optionsSchema: OPTIONS,
  doc: {
    what: 'A def without a return annotation: a public function or method (ANN201), a private one (ANN202), a special method such as `__init__` or `__eq__` (ANN204), a staticmethod (ANN205) or a classmethod (ANN206). With the option `mypyInitReturn`, `__init__` is exempt once any argument is annotated. The implementation behind `@overload` stubs is left to the stubs. Under the conventional profile, only where the code around annotates or a type checker covers the file, or in a def that is itself partly annotated.',
    why: 'The return type is the half of a signature callers depend on most; without it, type checkers treat the result as `Any` and stop checking everything it flows into.',
    example: 'def load_config(path: str):\n    return yaml.safe_load(open(path))',
    useInstead: 'def load_config(path: str) -> dict[str, object]:\n    return yaml.safe_load(open(path))',
    fix: 'Add `-> ReturnType` (`-> None` for functions that return nothing, `-> dict[str, object]` here).',
  },
  create(ctx) {
    const mypyInitReturn = ctx.options.mypyInitReturn;
    return {
      'module:exit'() {
        for (const f of functionFacts(ctx.scopes)) {
          if (f.overloadImplementation || f.def.childForFieldName('return_type')) continue;
          if (!annotationsExpected(f, ctx.conventions)) continue;
          const problem = returnCode(f, mypyInitReturn);
          if (!problem) continue;
          const none = returnsNone(f);
          const fix = none ? noneAnnotationFix(ctx, f) : undefined;
          ctx.report({
            node: f.nameNode,
            code: problem.code,
            message: `Missing return type annotation for ${problem.what} \`${f.name}\``,
            subject: f.name,
            ...(none ? { suggestion: `Add \`-> None\`: \`${f.name}\` returns no value.` } : {}),
            ...(fix ? { fix } : {}),
          });
        }
      },
    };
  },
};
