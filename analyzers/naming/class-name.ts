import type { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { followsConventions } from '../../src/engine/conventions.js';
import { bindingsOfKind } from '../python/definitions.js';
import { isModuleApi, nameConfidence } from './bindings.js';
import { freeRewrite, isCapWords, IGNORE_NAMES_OPTIONS, nameMatcher } from '../python/naming-style.js';

/** pep8-naming N801 with Ruff's semantics. */
export const className: Rule<z.output<typeof IGNORE_NAMES_OPTIONS>> = {
  id: 'class-name',
  category: 'naming',
  title: 'Class name not in CapWords',
  severity: 'low',
  codes: ['N801'],
  optionsSchema: IGNORE_NAMES_OPTIONS,
  doc: {
    what: 'A class whose name is not CapWords: it starts (after leading underscores) with a lowercase letter, or has an underscore inside (pep8-naming N801).',
    why: 'PEP 8 names classes in CapWords so a reader can tell a class from a function or variable at the call site (`Parser()` builds, `parse()` does).',
    example: 'class http_client:\n    ...',
    useInstead: 'class HttpClient:\n    ...',
    fix: 'Rename the class to CapWords (`HttpClient`) and update its uses.',
  },
  create(ctx) {
    const ignored = nameMatcher(ctx.options.ignoreNames);
    // Conventional: classes in tests are test data, and a module that already names classes this way keeps its style.
    const c = ctx.conventions;
    if (followsConventions(c) && (c.testCode || c.ownNaming?.classes)) return {};
    return {
      'module:exit'() {
        for (const b of bindingsOfKind(ctx.scopes, 'class')) {
          if (isCapWords(b.name) || ignored(b.name)) continue;
          const confidence = nameConfidence(ctx.scopes, b.name, undefined);
          const renamed = freeRewrite(b.name, 'CapWords', ctx.file.source);
          const api = isModuleApi(ctx.scopes, ctx.file.path, b) ? '; keep the old name as an alias if it is public API' : '';
          ctx.report({
            node: b.node,
            message: `Class name \`${b.name}\` should use CapWords convention`,
            subject: b.name,
            ...(confidence && b.scope.kind === 'module' ? { confidence } : {}),
            ...(renamed && isCapWords(renamed) ? { suggestion: `Rename to \`${renamed}\` and update its uses${api}.` } : {}),
          });
        }
      },
    };
  },
};
