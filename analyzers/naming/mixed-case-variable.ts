import type { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import type { Binding } from '../../src/engine/scope.js';
import { followsConventions } from '../../src/engine/conventions.js';
import { classBases, isTypingName } from '../python/definitions.js';
import { definesType, nameConfidence, placedBindings, STORED_KINDS } from './bindings.js';
import { freeRewrite, isMixedCase, IGNORE_NAMES_OPTIONS, nameMatcher } from '../python/naming-style.js';

/**
 * `maxRetries = 3` → rename to `max_retries` (or `MAX_RETRIES` if it is a constant): the free ones of
 * the two; a loop or `with` target is no constant.
 */
function renameText(b: Binding, source: string): string | undefined {
  const snake = freeRewrite(b.name, 'snake_case', source);
  const upper = b.kind === 'assignment' || b.kind === 'annotation' ? freeRewrite(b.name, 'UPPER_CASE', source) : undefined;
  if (snake && upper) return `Rename to \`${snake}\` (or \`${upper}\` if it is a constant) and update its uses.`;
  if (snake ?? upper) return `Rename to \`${snake ?? upper}\`${upper ? ' if it is a constant,' : ''} and update its uses.`;
  return undefined;
}

/** pep8-naming N815 (class attributes) and N816 (module globals) with Ruff's semantics. */
export const mixedCaseVariable: Rule<z.output<typeof IGNORE_NAMES_OPTIONS>> = {
  id: 'mixed-case-variable',
  category: 'naming',
  title: 'mixedCase variable in class or module scope',
  severity: 'low',
  codes: ['N815', 'N816'],
  optionsSchema: IGNORE_NAMES_OPTIONS,
  doc: {
    what: 'A class attribute (N815) or module-level variable (N816) written in mixedCase (`defaultTimeout = 30`). UPPER_CASE constants and snake_case names are fine; `namedtuple` results and TypedDict fields are left alone, and names listed in `__all__` are reported at low confidence.',
    why: 'PEP 8 writes module constants in UPPER_CASE and other names in snake_case; mixedCase is neither, and makes a module read as if two conventions were in use.',
    example: 'defaultTimeout = 30\n\nclass Client:\n    maxRetries = 3',
    useInstead: 'DEFAULT_TIMEOUT = 30\n\nclass Client:\n    max_retries = 3',
    fix: 'Rename to `DEFAULT_TIMEOUT` (a constant) or `default_timeout`, and update its uses.',
  },
  create(ctx) {
    const ignored = nameMatcher(ctx.options.ignoreNames);
    // Conventional: test data is not reported, and a module that already writes mixedCase globals keeps its style.
    const c = ctx.conventions;
    if (followsConventions(c) && c.testCode) return {};
    const globalsFollowModule = followsConventions(c) && c.ownNaming?.globals === true;
    return {
      'module:exit'() {
        const model = ctx.scopes;
        const typedDictClasses = new Map<number, boolean>();
        for (const { binding: b, at } of placedBindings(model)) {
          if ((at.kind !== 'class' && at.kind !== 'module') || !STORED_KINDS.has(b.kind) || !isMixedCase(b.name) || ignored(b.name)) continue;
          if (definesType(model, b.statement, true)) continue;
          if (at.kind === 'class') {
            let typedDict = typedDictClasses.get(at.node.startIndex);
            if (typedDict === undefined) {
              typedDict = classBases(at.node).some((base) => isTypingName(model, base, 'TypedDict'));
              typedDictClasses.set(at.node.startIndex, typedDict);
            }
            if (typedDict) continue;
            const suggestion = renameText(b, ctx.file.source);
            ctx.report({
              node: b.node,
              code: 'N815',
              message: `Variable \`${b.name}\` in class scope should not be mixedCase`,
              subject: b.name,
              ...(suggestion ? { suggestion } : {}),
            });
          } else {
            if (globalsFollowModule) continue;
            const confidence = nameConfidence(model, b.name, undefined);
            const suggestion = renameText(b, ctx.file.source);
            ctx.report({
              node: b.node,
              code: 'N816',
              message: `Variable \`${b.name}\` in global scope should not be mixedCase`,
              subject: b.name,
              ...(confidence ? { confidence } : {}),
              ...(suggestion ? { suggestion } : {}),
            });
          }
        }
      },
    };
  },
};
