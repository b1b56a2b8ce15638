import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule, RuleContext } from '../../src/engine/rule.js';
import type { Binding, Scope } from '../../src/engine/scope.js';
import { onlyWrappingDecorators } from '../python/decorators.js';

const LOOPS = new Set(['for_statement', 'while_statement']);
const STORING_COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension']);
const SCOPE_BOUNDARY = new Set(['function_definition', 'class_definition', 'lambda', 'module']);
// Kinds of binding a loop changes on every pass.
const CHANGING = new Set(['for', 'assignment', 'augmented', 'unpacking', 'with', 'walrus']);
// Values pass through these unchanged on their way to where they are kept.
const TRANSPARENT = new Set(['tuple', 'list', 'set', 'dictionary', 'pair', 'parenthesized_expression', 'expression_list', 'conditional_expression']);
const WRAPPER_CALLS = new Set(['property', 'staticmethod', 'classmethod', 'partial', 'MethodType', 'cached_property']);
/** Calls that keep a callable for later: containers, registries, event bindings. */
const STORING_CALLS = new Set([
  'append',
  'appendleft',
  'add',
  'insert',
  'extend',
  'extendleft',
  'setdefault',
  'update',
  'register',
  'connect',
  'bind',
  'setattr',
  'add_listener',
  'add_handler',
  'subscribe',
]);
// Widget and event callbacks (`Button(command=...)`). Not `target=` or executors' `submit`: a thread
// or task is often waited for in the same pass (`res.get()`), before the variable changes.
const CALLBACK_KEYWORD = /^(?:command|callback|handler|on_\w+)$/;

/** The last name of a callee: `self.items.append` → `append`. */
function calleeName(call: SyntaxNode): string {
  const fn = call.childForFieldName('function');
  return (fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text) ?? '';
}

/**
 * flake8-bugbear B023, where it bites: a closure made in a loop reads a variable the loop changes
 * and is kept for later — so when it finally runs, every copy sees the last value.
 */
export const loopVariableClosure: Rule = {
  id: 'loop-variable-closure',
  category: 'function-logic',
  title: 'Closure kept from a loop reads the loop variable',
  severity: 'medium',
  codes: ['B023'],
  partialCodes: ['B023'],
  doc: {
    what: 'A `lambda` or nested `def` made inside a loop (or a list/dict/set comprehension) that reads a variable the loop changes, and that is kept for later: appended or added to a container, stored in an attribute or item, registered (`register`, `connect`, `bind`, `setattr`), given as a callback keyword (`command=`, `callback=`), or registered by a decorator. A closure called at once (`sorted(key=lambda ...)`) is left alone.',
    why: 'Python closures look variables up when they run, not when they are made: every closure kept from the loop sees the value of the last pass.',
    example: 'handlers = []\nfor name in ("open", "save"):\n    handlers.append(lambda: run(name))',
    useInstead: 'handlers = []\nfor name in ("open", "save"):\n    handlers.append(lambda name=name: run(name))',
    fix: 'Bind the value when the closure is made: a default argument (`lambda name=name: ...`) or `functools.partial(run, name)`.',
  },
  create(ctx) {
    const closures: Array<{ closure: SyntaxNode; loop: SyntaxNode }> = [];
    // Test code as the conventions say (the strict profile of the accuracy tables judges it like any code).
    const testCode = ctx.conventions.testCode;
    const collect = (node: SyntaxNode): void => {
      const loop = enclosingLoop(node);
      if (loop) closures.push({ closure: node, loop });
    };
    return {
      lambda: collect,
      function_definition: collect,
      // Scopes and reads are complete only once the walk is over.
      'module:exit'() {
        const scopeOf = new Map<number, Scope>(ctx.scopes.scopes.map((s) => [s.node.id, s]));
        for (const { closure, loop } of closures) {
          const own = scopeOf.get(closure.id);
          // A comprehension binds its variables in its own scope; a loop in the scope around it.
          const outer = STORING_COMPREHENSIONS.has(loop.type) ? scopeOf.get(loop.id) : ctx.scopes.scopeAt(loop.startIndex);
          if (!own || !outer) continue;
          const names = capturedLoopVariables(ctx, own, outer, loop);
          if (names.length === 0 || !keptForLater(ctx, closure, loop, scopeOf, testCode) || leavesLoopAfter(closure, loop)) continue;
          const shown = names.map((n) => `\`${n.name}\``).join(', ');
          // On the read, as Ruff: that is the name that will hold the wrong value.
          const first = names[0]!;
          ctx.report({
            range: { start: first.start, end: first.start + first.name.length },
            message: `This ${closure.type === 'lambda' ? 'lambda' : 'function'} is kept after the loop and reads ${shown}, which the loop changes: every copy will see the last value. Bind it now (\`${first.name}=${first.name}\` as a default argument).`,
            subject: first.name,
          });
        }
      },
    };
  },
};

/** The loop (or storing comprehension) a closure is made in, within the same function; undefined when none. */
function enclosingLoop(node: SyntaxNode): SyntaxNode | undefined {
  const start = node.type === 'function_definition' && node.parent?.type === 'decorated_definition' ? node.parent : node;
  // `[lambda: i for i in ...]`: the comprehension keeps every closure it makes.
  if (start.parent && STORING_COMPREHENSIONS.has(start.parent.type) && start.parent.namedChild(0)?.id === start.id) return start.parent;
  if (start.parent?.type === 'pair' && start.parent.parent?.type === 'dictionary_comprehension') return start.parent.parent;
  let child = start;
  for (let n = start.parent; n && !SCOPE_BOUNDARY.has(n.type); child = n, n = n.parent) {
    if (LOOPS.has(n.type) && child.id === n.childForFieldName('body')?.id) return n;
  }
  return undefined;
}

/** Names the closure (or a scope inside it) reads from `outer` that the loop binds on every pass. */
function capturedLoopVariables(ctx: RuleContext, own: Scope, outer: Scope, loop: SyntaxNode): Array<{ name: string; start: number }> {
  const changing = (name: string): boolean =>
    outer.bindingsOf(name).some((b: Binding) => CHANGING.has(b.kind) && b.node.startIndex >= loop.startIndex && b.node.endIndex <= loop.endIndex);
  const found = new Map<string, number>();
  const visit = (scope: Scope): void => {
    for (const load of scope.loads) {
      if (found.has(load.name) || load.inAnnotation) continue;
      if (ctx.scopes.resolvingScope(load.name, scope) === outer && changing(load.name)) found.set(load.name, load.start);
    }
    for (const child of scope.children) visit(child);
  };
  visit(own);
  return [...found].map(([name, start]) => ({ name, start })).sort((a, b) => a.start - b.start);
}

/** Whether the closure outlives the pass of the loop that made it. */
function keptForLater(ctx: RuleContext, closure: SyntaxNode, loop: SyntaxNode, scopeOf: Map<number, Scope>, testCode: boolean): boolean {
  if (STORING_COMPREHENSIONS.has(loop.type)) return true;
  // Tests set a method or attribute and call it in the same pass (test_decimal's `setattr(E, lop, lambda …)`).
  const escapes = (value: SyntaxNode): boolean => {
    const kept = keptBy(ctx, value, loop, 0);
    return kept === 'container' || (kept === 'object' && !testCode);
  };
  if (closure.type === 'lambda') return escapes(closure);
  // A decorator that registers the def keeps it (`@app.route(...)`).
  if (!onlyWrappingDecorators(closure)) return true;
  const name = closure.childForFieldName('name');
  const scope = scopeOf.get(closure.id)?.parent;
  const binding = name ? scope?.bindingsOf(name.text).find((b) => b.node.id === name.id) : undefined;
  return binding !== undefined && readsIn(ctx, binding, loop).some(escapes);
}

/** The identifier nodes of a binding's reads inside the loop. */
function readsIn(ctx: RuleContext, binding: Binding, loop: SyntaxNode): SyntaxNode[] {
  return binding.reads.filter((r) => r >= loop.startIndex && r < loop.endIndex).map((r) => loop.descendantForIndex(r));
}

/**
 * Where a value (a lambda, or a name holding a closure) ends up kept: in a container or callback
 * ('container'), on an object (`setattr`, `obj.attr = …`: 'object'), or nowhere (undefined).
 */
function keptBy(ctx: RuleContext, value: SyntaxNode, loop: SyntaxNode, depth: number): 'container' | 'object' | undefined {
  let n = value;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (TRANSPARENT.has(p.type) && !(p.type === 'conditional_expression' && p.namedChild(1)?.id === n.id)) continue;
    if (p.type === 'argument_list') {
      const call = p.parent!;
      const callee = calleeName(call);
      if (WRAPPER_CALLS.has(callee)) {
        p = call;
        continue;
      }
      return callee === 'setattr' ? 'object' : STORING_CALLS.has(callee) ? 'container' : undefined;
    }
    if (p.type === 'keyword_argument') {
      if (CALLBACK_KEYWORD.test(p.childForFieldName('name')?.text ?? '')) return 'container';
      const call = p.parent?.parent;
      return call?.type === 'call' && STORING_CALLS.has(calleeName(call)) ? 'container' : undefined;
    }
    if ((p.type === 'assignment' || p.type === 'augmented_assignment') && p.childForFieldName('right')?.id === n.id) {
      const left = p.childForFieldName('left');
      if (p.type === 'augmented_assignment' || left?.type === 'subscript') return 'container';
      if (left?.type === 'attribute') return 'object';
      // `f = lambda: i` then `handlers.append(f)`: follow the name once.
      if (left?.type !== 'identifier' || depth > 0) return undefined;
      const scope = ctx.scopes.scopeAt(left.startIndex);
      const binding = scope.bindingsOf(left.text).find((b) => b.node.id === left.id);
      if (!binding) return undefined;
      const kept = readsIn(ctx, binding, loop).map((read) => keptBy(ctx, read, loop, depth + 1));
      return kept.includes('container') ? 'container' : kept.includes('object') ? 'object' : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** A `break` or `return` after the closure in its block: the loop makes no further pass to change the variable. */
function leavesLoopAfter(closure: SyntaxNode, loop: SyntaxNode): boolean {
  if (STORING_COMPREHENSIONS.has(loop.type)) return false;
  for (let n: SyntaxNode | null = closure; n && n.id !== loop.id; n = n.parent) {
    if (n.parent?.type !== 'block') continue;
    for (let s = n.nextNamedSibling; s; s = s.nextNamedSibling) if (s.type === 'break_statement' || s.type === 'return_statement') return true;
  }
  return false;
}
