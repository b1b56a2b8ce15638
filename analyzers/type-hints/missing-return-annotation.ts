import { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { annotationsExpected } from './expected.js';
import { functionFacts, isMagic, type FunctionFacts } from '../python/function-facts.js';

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
          if (problem)
            ctx.report({ node: f.nameNode, code: problem.code, message: `Missing return type annotation for ${problem.what} \`${f.name}\``, subject: f.name });
        }
      },
    };
  },
};
