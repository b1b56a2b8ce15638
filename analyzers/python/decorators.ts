import type { SyntaxNode } from '../../src/engine/syntax.js';

/** The decorators on a function_definition (empty when it has none). */
export function decoratorsOf(fn: SyntaxNode): SyntaxNode[] {
  const parent = fn.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return parent.namedChildren.filter((c) => c.type === 'decorator');
}

/** `@a.b.c(...)` → `a.b.c`: the dotted name a decorator applies, without its call arguments or `@`. */
export function decoratorName(decorator: SyntaxNode): string {
  const text = decorator.text.replace(/^@\s*/, '');
  const paren = text.indexOf('(');
  return (paren === -1 ? text : text.slice(0, paren)).replace(/\s+/g, '').replace(/#.*$/, '');
}

/** The last segment of a dotted decorator name: `functools.wraps` → `wraps`. */
export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** Statements whose blocks belong to the scope around them: a def inside one is still in that scope. */
const SCOPELESS_STATEMENTS = new Set([
  'block',
  'if_statement',
  'elif_clause',
  'else_clause',
  'try_statement',
  'except_clause',
  'except_group_clause',
  'finally_clause',
  'with_statement',
  'for_statement',
  'while_statement',
  'match_statement',
  'case_clause',
]);

/**
 * The class a function is defined in (through its decorators, and through `if`/`try`/`with`… of
 * the class body: a def under `if SSL:` is a method), if any. A syntax-only answer, usable while
 * the walk runs; `definitions.enclosingClass` gives the class scope from `module:exit`.
 */
export function enclosingClass(fn: SyntaxNode): SyntaxNode | undefined {
  let node = (fn.parent?.type === 'decorated_definition' ? fn.parent : fn).parent;
  while (node && SCOPELESS_STATEMENTS.has(node.type)) node = node.parent;
  return node?.type === 'class_definition' ? node : undefined;
}

/**
 * Decorators that only wrap the def they are given. Any other decorator may register it
 * (`@app.route`, `@cli.command()`, `@receiver(...)`), which keeps it alive without naming it
 * again, or check it when the def runs (`@dataclass`, `@total_ordering` raise on a bad class).
 */
const WRAPPING =
  /^(?:staticmethod|classmethod|property|(?:abc\.)?abstract\w*|(?:functools\.)?(?:cache|cached_property|lru_cache|wraps)|(?:typing\.|typing_extensions\.)?(?:final|override|no_type_check)|(?:contextlib\.)?(?:async)?contextmanager|(?:pytest\.)?mark\.[\w.]+|(?:unittest\.)?(?:skip\w*|expectedFailure)|(?:unittest\.)?(?:mock\.)?patch(?:\.\w+)?)$/;

/** Whether every decorator of a def only wraps it (true when it has none). */
export function onlyWrappingDecorators(fn: SyntaxNode): boolean {
  return decoratorsOf(fn).every((d) => WRAPPING.test(decoratorName(d)));
}
