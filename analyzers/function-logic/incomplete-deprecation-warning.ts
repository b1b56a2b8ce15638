import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule } from '../../src/engine/rule.js';
import { qualifiedName } from '../python/definitions.js';

const DEPRECATION_CATEGORY = /(?:^|\.)(?:\w*Deprecat\w*|FutureWarning)$/;
const DEPRECATED_TEXT = /deprecat/i;
const WARN_CALLEE = /(?:^|\.)warn$/;

/** The arguments of a call: positional values and keyword values by name. */
function argumentsOf(call: SyntaxNode): { positional: SyntaxNode[]; keywords: Map<string, SyntaxNode>; spread: boolean } {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  let spread = false;
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') keywords.set(arg.childForFieldName('name')?.text ?? '', arg.childForFieldName('value')!);
    else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') spread = true;
    else positional.push(arg);
  }
  return { positional, keywords, spread };
}

/** flake8-bugbear B028, for deprecations: `warnings.warn` that points at the wrong line or warns as a plain UserWarning. */
export const incompleteDeprecationWarning: Rule = {
  id: 'incomplete-deprecation-warning',
  category: 'function-logic',
  title: 'Deprecation warning without stacklevel or category',
  severity: 'low',
  codes: ['B028'],
  partialCodes: ['B028'],
  doc: {
    what: '`warnings.warn` of a deprecation (its category is a `DeprecationWarning`, `PendingDeprecationWarning` or `FutureWarning`, or its message says "deprecated") that passes no `stacklevel` inside a function, or no category at all.',
    why: "Without `stacklevel=2` the warning names the library's own line, so users cannot find the call they must change. Without a category it is a `UserWarning`, which deprecation filters (`-W error::DeprecationWarning`, pytest's) do not see.",
    example: 'import warnings\n\ndef connect(host, timeout=None):\n    if timeout is not None:\n        warnings.warn("timeout is deprecated; use deadline")',
    useInstead:
      'import warnings\n\ndef connect(host, timeout=None):\n    if timeout is not None:\n        warnings.warn("timeout is deprecated; use deadline", DeprecationWarning, stacklevel=2)',
    fix: 'Pass the category and `stacklevel=2` (more when the warning is raised in a helper): `warnings.warn(msg, DeprecationWarning, stacklevel=2)`.',
  },
  create(ctx) {
    const calls: SyntaxNode[] = [];
    return {
      call(node) {
        if (WARN_CALLEE.test(node.childForFieldName('function')?.text ?? '')) calls.push(node);
      },
      // Imports anywhere in the file decide what `warn` is: resolved once the walk is over.
      'module:exit'() {
        for (const call of calls) {
          if (qualifiedName(ctx.scopes, call.childForFieldName('function')!) !== 'warnings.warn') continue;
          const { positional, keywords, spread } = argumentsOf(call);
          if (spread) continue;
          const text = positional[0] ?? keywords.get('message');
          const category = positional[1] ?? keywords.get('category');
          const deprecation = category ? DEPRECATION_CATEGORY.test(category.text) : text !== undefined && isText(text) && DEPRECATED_TEXT.test(text.text);
          if (!deprecation) continue;
          // At module level (a deprecated module) no stacklevel names the importer reliably.
          const inFunction = ctx.scopes.scopeAt(call.startIndex).kind !== 'module';
          const noStacklevel = inFunction && positional.length < 3 && !keywords.has('stacklevel') && !keywords.has('skip_file_prefixes');
          if (!noStacklevel && category) continue;
          const message = !category
            ? noStacklevel
              ? 'This deprecation warning has no category, so it is a UserWarning that deprecation filters miss, and no `stacklevel`, so it points at this line, not at the caller that must change; pass `DeprecationWarning, stacklevel=2`.'
              : 'This deprecation warning has no category, so it is a UserWarning that deprecation filters miss; pass `DeprecationWarning`.'
            : 'This deprecation warning has no `stacklevel`, so it points at this line, not at the caller that must change; pass `stacklevel=2`.';
          ctx.report({
            node: call,
            message,
            // B028 is the missing stacklevel; a missing category alone has no code elsewhere.
            code: noStacklevel ? 'B028' : '',
          });
        }
      },
    };
  },
};

function isText(node: SyntaxNode): boolean {
  return node.type === 'string' || node.type === 'concatenated_string';
}
