import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule } from '../../src/engine/rule.js';
import { decoratorName, lastSegment } from '../python/decorators.js';

/**
 * Decorators that belong inside a function: `functools.wraps` marks a decorator's wrapper, and a
 * cache on a local helper is deliberately scoped to one call.
 */
const CLOSURE_DECORATORS = new Set(['wraps', 'lru_cache', 'cache']);

interface Candidate {
  fn: SyntaxNode;
  name: SyntaxNode;
  decorators: string[];
}

export const nestedDecoratedFunction: Rule = {
  id: 'nested-decorated-function',
  category: 'function-logic',
  title: 'Decorated helper defined inside a function',
  severity: 'low',
  confidence: 'medium',
  codes: [],
  doc: {
    what: "A decorated function defined inside another function or method and called there, like `@db.writer def _create(ctx): ...` inside `create()`. A decorator's own wrapper (`@functools.wraps`, or returned to the caller), a per-call `@lru_cache` helper and callbacks registered but not called locally are not reported.",
    why: 'The decorator re-wraps the helper on every call, the helper cannot be tested or reused on its own, and the outer function reads as two functions interleaved.',
    example: 'def create(self):\n    @db_api.placement_context_manager.writer\n    def _create_in_db(ctx):\n        ...\n    _create_in_db(self._context)',
    useInstead:
      '@db_api.placement_context_manager.writer\ndef _create_in_db(ctx, resource):\n    ...\n\n\ndef create(self):\n    _create_in_db(self._context, self)',
    fix: 'Lift the helper to module level (or make it a method), decorate it there, and pass what it used from the enclosing scope as arguments.',
  },
  create(context) {
    const candidates: Candidate[] = [];
    return {
      // Only decorated definitions are candidates: listening to them spares a look at every def.
      decorated_definition: (decorated) => {
        const fn = decorated.childForFieldName('definition');
        if (fn?.type !== 'function_definition') return;
        const names = decorated.namedChildren.filter((c) => c.type === 'decorator').map(decoratorName);
        if (names.some((n) => CLOSURE_DECORATORS.has(lastSegment(n)))) return;
        const name = fn.childForFieldName('name');
        if (name) candidates.push({ fn, name, decorators: names });
      },
      'module:exit': () => {
        const { source } = context.file;
        for (const c of candidates) {
          const outer = context.scopes.scopeAt(c.fn.startIndex);
          if (outer.kind !== 'function') continue;
          const binding = outer.bindingsOf(c.name.text).find((b) => b.kind === 'function' && b.node.startIndex === c.name.startIndex);
          if (!binding) continue;
          const after = (read: number): string => source.slice(read + c.name.text.length, read + c.name.text.length + 40).trimStart();
          // `return wrapper`: the helper itself goes back to the caller (a decorator or factory).
          const returned = binding.reads.some((read) => /^\s*return\s+$/.test(lineBefore(source, read)) && !after(read).startsWith('('));
          const called = binding.reads.some((read) => after(read).startsWith('('));
          if (returned || !called) continue;
          const outerName = outer.qualname.split('.').pop() ?? outer.qualname;
          context.report({
            node: c.name,
            subject: c.name.text,
            message: `\`${c.name.text}\` is decorated with \`@${c.decorators[0]}\` and defined inside \`${outerName}()\`; lift it to module level (or a method) and pass what it needs as arguments, so it is wrapped once and can be tested on its own.`,
          });
        }
      },
    };
  },
};

/** The text of the line before `index`, from the line's start. */
function lineBefore(source: string, index: number): string {
  return source.slice(source.lastIndexOf('\n', index - 1) + 1, index);
}
