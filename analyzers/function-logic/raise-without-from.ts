import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule } from '../../src/engine/rule.js';
import { followsConventions } from '../../src/engine/conventions.js';

/**
 * The `except` clause whose handler body a raise belongs to, following Ruff's B904 reach: through
 * if/elif/else, loop and with bodies and match cases, but not into a nested try, a loop's `else`,
 * a function or a class.
 */
function handlerOf(raise: SyntaxNode): SyntaxNode | undefined {
  for (let node = raise.parent; node; node = node.parent) {
    switch (node.type) {
      case 'except_clause':
        return node;
      case 'block':
      case 'if_statement':
      case 'elif_clause':
      case 'for_statement':
      case 'while_statement':
      case 'with_statement':
      case 'match_statement':
      case 'case_clause':
        continue;
      case 'else_clause':
        if (node.parent?.type === 'if_statement') continue;
        return undefined;
      default:
        return undefined;
    }
  }
  return undefined;
}

/** `except E as name:` → `name`. */
function caughtName(handler: SyntaxNode): string | undefined {
  const value = handler.childForFieldName('value');
  if (value?.type !== 'as_pattern') return undefined;
  const target = value.childForFieldName('alias');
  return target?.text.trim();
}

/** Another except clause of the same try also raises a new exception without `from`. */
function siblingHandlersAlike(handler: SyntaxNode): boolean {
  const attempt = handler.parent;
  if (attempt?.type !== 'try_statement') return false;
  return attempt.namedChildren.some(
    (other) => other !== handler && (other.type === 'except_clause' || other.type === 'except_group_clause') && raisesWithoutCause(other),
  );
}

function raisesWithoutCause(node: SyntaxNode): boolean {
  for (const child of node.namedChildren) {
    if (child.type === 'function_definition' || child.type === 'class_definition' || child.type === 'try_statement') continue;
    if (child.type === 'raise_statement') {
      const exception = child.namedChildren.find((c) => c.type !== 'comment');
      if (exception && exception.type !== 'identifier' && !child.childForFieldName('cause')) return true;
    } else if (raisesWithoutCause(child)) return true;
  }
  return false;
}

/** The fix in this handler's own words: its caught name, or the clause to write to get one. */
function fixFor(handler: SyntaxNode, caught: string | undefined): string {
  if (caught !== undefined) return `Add \`from ${caught}\` to the raise (or \`from None\` to hide the original).`;
  const value = handler.childForFieldName('value') ?? handler.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment');
  const caughtType = value && value.type !== 'block' ? value.text.replace(/\s+/g, ' ') : 'Exception';
  return `Write \`except ${caughtType} as err:\` and add \`from err\` to the raise (or \`from None\` to hide the original).`;
}

export const raiseWithoutFrom: Rule = {
  id: 'raise-without-from',
  category: 'function-logic',
  title: 'Exception raised in `except` without `from`',
  severity: 'low',
  codes: ['B904'],
  doc: {
    what: '`raise NewError(...)` inside an `except` block with no `from` clause (a bare `raise` and re-raising the caught exception are fine).',
    why: 'Without `from err` the traceback says the new error happened "during handling" of the old one, as if the handler itself were broken; `from err` records the cause, `from None` says it is deliberately hidden.',
    example: 'try:\n    port = int(text)\nexcept ValueError:\n    raise ConfigError(f"bad port {text!r}")',
    useInstead: 'try:\n    port = int(text)\nexcept ValueError as err:\n    raise ConfigError(f"bad port {text!r}") from err',
    fix: 'Write `except ValueError as err:` and `raise ConfigError(...) from err` (or `from None` to hide the original).',
  },
  create(context) {
    const conventional = followsConventions(context.conventions);
    return {
      raise_statement: (raise) => {
        if (raise.childForFieldName('cause')) return;
        const exception = raise.namedChildren.find((c) => c.type !== 'comment');
        if (!exception) return;
        const handler = handlerOf(raise);
        if (!handler) return;
        const caught = caughtName(handler);
        if (caught !== undefined && exception.type === 'identifier' && exception.text === caught) return;
        // The other handlers of the same `try` wrap their errors the same way (`raise XError(e)`): the code's own style.
        if (conventional && siblingHandlersAlike(handler)) return;
        const star = handler.children.some((c) => c.type === '*');
        context.report({
          node: raise,
          subject: exception.text.split('(')[0]!.slice(0, 60),
          suggestion: fixFor(handler, caught),
          message: `Within an \`except${star ? '*' : ''}\` block, raise with \`from err\` (or \`from None\`) so the traceback shows the cause instead of an error "during handling".`,
        });
      },
    };
  },
};
