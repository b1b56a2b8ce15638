import type { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import type { SyntaxNode } from '../../src/engine/syntax.js';
import { bindingsOfKind, classBases } from '../python/definitions.js';
import { isModuleApi } from './bindings.js';
import { freeRewrite, IGNORE_NAMES_OPTIONS, nameMatcher } from '../python/naming-style.js';

/** pep8-naming N818 with Ruff's semantics: only direct bases written as `Exception` or `…Error`. */
export const exceptionName: Rule<z.output<typeof IGNORE_NAMES_OPTIONS>> = {
  id: 'exception-name',
  category: 'naming',
  title: 'Exception class name without an Error suffix',
  severity: 'info',
  codes: ['N818'],
  optIn: true,
  optionsSchema: IGNORE_NAMES_OPTIONS,
  doc: {
    what: 'A class that derives directly from `Exception` or from a class named `…Error`, but whose own name does not end in `Error` (pep8-naming N818). Off unless enabled: many codebases name exceptions after the event (`Timeout`, `NotFound`).',
    why: 'PEP 8 asks exception classes that are errors to end in `Error`, so `except` clauses read as what they catch.',
    example: 'class InvalidToken(Exception):\n    pass',
    useInstead: 'class InvalidTokenError(Exception):\n    pass',
    fix: 'Rename to `InvalidTokenError` (keep the old name as an alias if callers catch it).',
  },
  create(ctx) {
    const ignored = nameMatcher(ctx.options.ignoreNames);
    const found: SyntaxNode[] = [];
    return {
      class_definition(node) {
        const name = node.childForFieldName('name');
        if (!name || name.text.endsWith('Error') || ignored(name.text)) return;
        const exceptional = classBases(node).some((b) => b.type === 'identifier' && (b.text === 'Exception' || b.text.endsWith('Error')));
        if (exceptional) found.push(name);
      },
      // Whether the class is the module's API is known once the walk is over (`__all__` may come last).
      'module:exit'() {
        const model = ctx.scopes;
        for (const name of found) {
          const renamed = freeRewrite(name.text, 'ErrorSuffix', ctx.file.source);
          const binding = bindingsOfKind(model, 'class').find((b) => b.node.startIndex === name.startIndex);
          const api = binding && isModuleApi(model, ctx.file.path, binding) ? '; keep the old name as an alias if callers catch it' : '';
          ctx.report({
            node: name,
            message: `Exception name \`${name.text}\` should be named with an Error suffix`,
            subject: name.text,
            ...(renamed ? { suggestion: `Rename to \`${renamed}\` and update its uses${api}.` } : {}),
          });
        }
      },
    };
  },
};
