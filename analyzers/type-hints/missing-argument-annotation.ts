import type { Rule } from '../../src/engine/rule.js';
import { annotationsExpected } from './expected.js';
import { functionFacts } from '../python/function-facts.js';

/** flake8-annotations ANN001/ANN002/ANN003 with Ruff's default settings. */
export const missingArgumentAnnotation: Rule = {
  id: 'missing-argument-annotation',
  category: 'type-hints',
  title: 'Parameter without a type annotation',
  severity: 'info',
  codes: ['ANN001', 'ANN002', 'ANN003'],
  doc: {
    what: 'A function parameter without a type annotation: a named parameter (ANN001), `*args` (ANN002) or `**kwargs` (ANN003). The first parameter of a method or classmethod (`self`, `cls`) is exempt; the implementation behind `@overload` stubs is left to the stubs. Under the conventional profile, only where the code around annotates or a type checker covers the file, or in a def that is itself partly annotated.',
    why: 'Annotated parameters let type checkers and IDEs catch wrong calls before they run, and tell the reader what to pass without reading the body.',
    example: 'def scale(values, factor: float) -> list[float]:\n    return [v * factor for v in values]',
    useInstead: 'def scale(values: list[float], factor: float) -> list[float]:\n    return [v * factor for v in values]',
    fix: 'Annotate the parameter (`values: list[float]`, `*args: str`, `**kwargs: object`).',
  },
  create(ctx) {
    return {
      'module:exit'() {
        for (const f of functionFacts(ctx.scopes)) {
          if (f.overloadImplementation) continue;
          if (!annotationsExpected(f, ctx.conventions)) continue;
          // Ruff skips the first of the positional and keyword-only parameters of a non-static method.
          let skip = f.isMethod && f.kind !== 'staticmethod';
          for (const p of f.parameters) {
            if (p.kind === 'positional' || p.kind === 'keyword-only') {
              if (skip) {
                skip = false;
                continue;
              }
            }
            if (p.annotated) continue;
            const code = p.kind === 'args' ? 'ANN002' : p.kind === 'kwargs' ? 'ANN003' : 'ANN001';
            // The parameter as written: two of one def are two examples in the summary, not `log` twice.
            const written = `${code === 'ANN002' ? '*' : code === 'ANN003' ? '**' : ''}${p.name}`;
            const message = code === 'ANN001' ? `Missing type annotation for function argument \`${p.name}\`` : `Missing type annotation for \`${written}\``;
            ctx.report({ range: p.nameRange, code, message: `${message} of \`${f.name}\``, subject: written });
          }
        }
      },
    };
  },
};
