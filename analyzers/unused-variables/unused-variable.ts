import type { Fix } from '../../src/engine/finding.js';
import type { SourceFile } from '../../src/engine/parse.js';
import { positionOf } from '../../src/engine/run.js';
import type { Rule } from '../../src/engine/rule.js';
import type { Binding, BindingKind, Scope } from '../../src/engine/scope.js';
import { isDummyName } from '../python/naming-style.js';

/** Kinds of binding whose value is thrown away if never read; loop targets and unpacking are not, `case` captures are (as Ruff). */
const REPORTED = new Set<BindingKind>(['assignment', 'with', 'walrus', 'except', 'match']);

/** pyflakes/Ruff F841: a local bound and never read. */
export const unusedVariable: Rule = {
  id: 'unused-variable',
  category: 'unused-variables',
  title: 'Unused local variable',
  severity: 'low',
  codes: ['F841'],
  doc: {
    what: 'A local variable (or `except … as name`) that is assigned and never read.',
    why: 'Dead assignments usually mean a bug (the value was meant to be used or returned) or leftover code that misleads readers.',
    example: 'def total(items):\n    count = len(items)   # never read\n    return sum(items)',
    useInstead: 'def total(items):\n    return sum(items)',
    fix: 'Use the value, or remove the assignment (keep the right-hand side if it has side effects). Name it `_` if it must stay.',
  },
  create(ctx) {
    return {
      'module:exit'() {
        for (const scope of ctx.scopes.scopes) {
          for (const [name, bindings] of scope.bindings) {
            for (const b of unusedBindings(scope, name, bindings)) {
              ctx.report({
                node: b.node,
                message: `\`${name}\` is assigned but never read`,
                subject: name,
                ...(b.kind === 'except' ? { fix: exceptAliasFix(b, ctx.file) } : {}),
              });
            }
          }
        }
      },
    };
  },
};

/** Locals a debugger or test runner reads from the frame (Ruff leaves them alone). */
const FRAME_MARKERS = new Set(['__tracebackhide__', '__traceback_info__', '__traceback_supplement__', '__debuggerskip__']);

function isDummy(name: string): boolean {
  return isDummyName(name) || FRAME_MARKERS.has(name);
}

function unusedBindings(scope: Scope, name: string, bindings: Binding[]): Binding[] {
  if (isDummy(name)) return [];
  // `except E as e` is unbound at the end of its handler, so each one stands alone, in any scope.
  const out = bindings.filter((b) => b.kind === 'except' && b.reads.length === 0);
  // A name this function declares nonlocal stays outer even with no enclosing function to bind it (`nonlocal __class__`).
  if (scope.kind !== 'function' || scope.usesLocals || scope.nonlocals.has(name) || declaredNonlocalBelow(scope, name)) return out;
  // `del name` ends a name's life: only the bindings after the last one are judged together.
  const lastDel = Math.max(-1, ...(scope.deletions.get(name) ?? []));
  const live = bindings.filter((b) => b.node.startIndex > lastDel);
  if (live.length === 0 || live.some((b) => b.reads.length > 0)) return out;
  // As pyflakes: the name is unused as a whole; the finding goes on its last assignment.
  const last = live[live.length - 1]!;
  if (REPORTED.has(last.kind) && last.kind !== 'except') out.push(last);
  return out;
}

/** A nested function that declares the name `nonlocal` writes it for the enclosing one to see. */
function declaredNonlocalBelow(scope: Scope, name: string): boolean {
  return scope.children.some((c) => c.nonlocals.has(name) || declaredNonlocalBelow(c, name));
}

/** `except E as e:` → `except E:`: safe, the name was never read. */
function exceptAliasFix(b: Binding, file: SourceFile): Fix | undefined {
  const asPattern = b.node.parent?.parent; // identifier → as_pattern_target → as_pattern
  const subject = asPattern?.namedChild(0);
  if (!asPattern || asPattern.type !== 'as_pattern' || !subject) return undefined;
  const from = positionOf(file, subject.endIndex);
  const to = positionOf(file, b.node.endIndex);
  return {
    description: `Remove the unused name \`${b.name}\``,
    edits: [{ line: from.line, column: from.column, endLine: to.line, endColumn: to.column, newText: '' }],
  };
}
