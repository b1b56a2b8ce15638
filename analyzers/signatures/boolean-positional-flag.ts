import type { Rule } from '../../src/engine/rule.js';
import { functionFacts } from '../python/function-facts.js';
import { decoratorTargets, dottedParts, hasTypingDecorator, qualifiedName } from '../python/definitions.js';

/** Ruff exempts these: `__setitem__(self, key, value: bool)` and dataclass `__post_init__` take what they are given. */
const EXEMPT = new Set(['__setitem__', '__post_init__']);

/** flake8-boolean-trap FBT001/FBT002, limited to public signatures (opt-in). */
export const booleanPositionalFlag: Rule = {
  id: 'boolean-positional-flag',
  category: 'signatures',
  title: 'Boolean flag as a positional parameter',
  severity: 'info',
  codes: ['FBT001', 'FBT002'],
  optIn: true,
  doc: {
    what: 'A public function or method with a positional parameter that is a boolean flag: annotated `bool` (FBT001) or defaulting to `True`/`False` (FBT002). Setters, `@override` methods, `__setitem__` and `__post_init__` are exempt. Off unless enabled.',
    why: 'At the call site `fetch(url, True)` does not say what `True` means, and adding another flag later silently shifts meanings. A keyword-only flag reads as `fetch(url, follow_redirects=True)`.',
    example: 'def fetch(url: str, follow_redirects: bool = False) -> bytes:\n    ...',
    useInstead: 'def fetch(url: str, *, follow_redirects: bool = False) -> bytes:\n    ...',
    fix: 'Make the flag keyword-only with a bare `*`: `def fetch(url: str, *, follow_redirects: bool = False)`, or split the function in two.',
  },
  create(ctx) {
    return {
      'module:exit'() {
        const model = ctx.scopes;
        for (const f of functionFacts(model)) {
          if (f.private || EXEMPT.has(f.name)) continue;
          let exempt: boolean | undefined;
          for (const p of f.parameters) {
            if (p.kind !== 'positional') continue;
            const annotation = p.annotationText === 'bool' ? p.annotation : null;
            const annotatedBool = annotation?.type === 'identifier' && qualifiedName(model, annotation) === 'bool';
            const boolDefault = p.defaultType === 'true' || p.defaultType === 'false';
            if (!annotatedBool && !boolDefault) continue;
            exempt ??= hasTypingDecorator(model, f.def, 'override') || decoratorTargets(f.def).some((d) => dottedParts(d)?.join('.') === `${f.name}.setter`);
            if (exempt) break;
            ctx.report({
              range: p.nameRange,
              code: annotatedBool ? 'FBT001' : 'FBT002',
              message: `Boolean flag \`${p.name}\` of \`${f.name}\` can be passed positionally; make it keyword-only`,
              subject: f.name,
            });
          }
        }
      },
    };
  },
};
