import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule } from '../../src/engine/rule.js';
import type { Binding, Scope } from '../../src/engine/scope.js';
import { onlyWrappingDecorators } from '../python/decorators.js';
import { hasTypingDecorator } from '../python/definitions.js';

/** Ruff's default `dummy-variable-rgx`: names meant to be thrown away (`_`, `_unused`). */
const DUMMY = /^(_+|(_+[a-zA-Z0-9_]*[a-zA-Z0-9]+?))$/;
const DEFINITIONS = new Set(['function', 'class']);
/** The statement that holds a def in its block: the decorated definition when there is one. */
function outerStatement(definition: SyntaxNode): SyntaxNode {
  return definition.parent?.type === 'decorated_definition' ? definition.parent : definition;
}

/** pyflakes F811, for defs and classes: a definition replaced by another before anything used it. */
export const redefinedUnusedName: Rule = {
  id: 'redefined-unused-name',
  category: 'unused-variables',
  title: 'Definition replaced before it was used',
  severity: 'medium',
  codes: ['F811'],
  partialCodes: ['F811'],
  doc: {
    what: 'A function, method, test or class defined again in the same block before anything used the first definition. Alternatives in `if`/`else` or `try`/`except`, `@overload` signatures and defs a decorator registers or checks (`@app.route`, `@dataclass`) are left alone; in test code only tests are judged.',
    why: 'Only the last definition survives: the first is dead code, and when it is a test it never runs, so the suite passes without checking what it was written to check. Usually a copy-paste whose name was not changed.',
    example: 'class TestParser:\n    def test_empty(self):\n        assert parse("") == []\n\n    def test_empty(self):\n        assert parse(" ") == []',
    useInstead: 'class TestParser:\n    def test_empty(self):\n        assert parse("") == []\n\n    def test_blank(self):\n        assert parse(" ") == []',
    fix: 'Rename one of them (a test to what it checks), or delete the definition that is dead.',
  },
  create(ctx) {
    // Test code as the conventions say (the strict profile of the accuracy tables judges it like any code).
    const testCode = ctx.conventions.testCode;
    return {
      'module:exit'() {
        for (const scope of ctx.scopes.scopes) {
          for (const [name, bindings] of scope.bindings) {
            // Declared global or nonlocal somewhere: reads from other scopes cannot be told apart.
            if (DUMMY.test(name) || ctx.scopes.isDeclaredGlobal(name, scope) || declaredNonlocal(scope, name)) continue;
            for (let i = 0; i + 1 < bindings.length; i++) {
              const [earlier, later] = [bindings[i]!, bindings[i + 1]!];
              if (!replacesUnused(ctx.scopes, earlier, later)) continue;
              const what = earlier.kind === 'class' ? 'class' : /^test/.test(name) ? 'test' : scope.kind === 'class' ? 'method' : 'function';
              // Test code defines classes and helpers again on purpose, to test what defining them does
              // (`__slots__` checks, grammar tests); a test defined twice is the copy-paste that hides one.
              if (testCode && what !== 'test') continue;
              const line = earlier.node.startPosition.row + 1;
              ctx.report({
                node: later.node,
                message:
                  what === 'test'
                    ? `Test \`${name}\` is defined again here, so the one at line ${line} never runs; rename one of them.`
                    : `\`${name}\` is defined again here before the ${what} at line ${line} was used; that one is dead code.`,
                subject: name,
              });
            }
          }
        }
      },
    };
  },
};

function declaredNonlocal(scope: Scope, name: string): boolean {
  return scope.children.some((c) => c.nonlocals.has(name) || declaredNonlocal(c, name));
}

function replacesUnused(model: Parameters<typeof hasTypingDecorator>[0], earlier: Binding, later: Binding): boolean {
  if (!DEFINITIONS.has(earlier.kind) || !DEFINITIONS.has(later.kind)) return false;
  // Read between the two (or by a nested function, or by __all__'s -1): it was used.
  if (earlier.reads.some((r) => r >= 0)) return false;
  // Alternatives (`if`/`else`, `try`/`except`) and defs in different blocks are not a replacement.
  if (outerStatement(earlier.statement).parent?.id !== outerStatement(later.statement).parent?.id) return false;
  if (hasTypingDecorator(model, earlier.statement, 'overload') || hasTypingDecorator(model, later.statement, 'overload')) return false;
  return onlyWrappingDecorators(earlier.statement);
}
