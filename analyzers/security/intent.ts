import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { RuleContext } from '../../src/engine/rule.js';
import type { Scope } from '../../src/engine/scope.js';
import { visibleBinding } from './provenance.js';

/**
 * Signs that insecure-looking code is an intended, explicit choice: the rules still report it,
 * as an advisory (a note of low severity) instead of a defect that fails the check.
 */

/** Test code: a test file, or a file the repository's conventions call test code. */
export function inTestCode(ctx: RuleContext): boolean {
  return ctx.file.isTestFile || ctx.conventions.testCode;
}

// `examples/`, `docs/`: code that shows how to call an API, with the values of a public demo service.
const DEMONSTRATION_PATH = /(?:^|\/)(?:examples?|docs?)\//;

/** Example or documentation code: it shows how to call an API and guards nothing. */
export function inDemonstrationCode(ctx: RuleContext): boolean {
  return DEMONSTRATION_PATH.test(ctx.file.path);
}

/**
 * Why a secret or a weak hash here guards nothing, when the file says so by what it is: test code
 * hashes and logs in against its own fixtures, an example against a public demo service.
 */
export function codeThatGuardsNothing(ctx: RuleContext): string | undefined {
  if (inTestCode(ctx)) return 'Test code, which guards nothing.';
  if (inDemonstrationCode(ctx)) return 'Example code, which shows how to call the API and guards nothing.';
  return undefined;
}

const SCOPE_BOUNDARY = new Set(['function_definition', 'lambda', 'class_definition', 'module']);
const CONSTANTS = new Set(['true', 'false', 'none', 'integer', 'string']);

/**
 * The parameter of the enclosing function whose value decides whether `node` runs: `node` sits in
 * a branch of `if not verify:` (or `if verify: … else:`, `elif insecure:`, `x if verify else y`).
 * The caller asked for it explicitly; undefined when no such parameter guards the node.
 */
export function guardingParameter(ctx: RuleContext, node: SyntaxNode): string | undefined {
  let child = node;
  for (let n = node.parent; n && !SCOPE_BOUNDARY.has(n.type); child = n, n = n.parent) {
    let condition: SyntaxNode | null = null;
    if (n.type === 'if_statement' && child.type !== 'elif_clause' && child.id !== n.childForFieldName('condition')?.id) {
      // The consequence, or an `else:` branch: both run on the condition's say.
      condition = n.childForFieldName('condition');
    } else if (n.type === 'elif_clause' && child.id !== n.childForFieldName('condition')?.id) {
      condition = n.childForFieldName('condition');
    } else if (n.type === 'conditional_expression' && child.id !== n.namedChild(1)?.id) {
      condition = n.namedChild(1);
    }
    const parameter = condition ? conditionParameter(ctx, condition) : undefined;
    if (parameter) return parameter;
  }
  return undefined;
}

/** `p`, `not p`, `p is False`, `p == 0`, `(not p)`: the parameter the condition tests, if it is one of the function's. */
function conditionParameter(ctx: RuleContext, condition: SyntaxNode): string | undefined {
  let c: SyntaxNode | null = condition;
  while (c && (c.type === 'parenthesized_expression' || (c.type === 'not_operator' && c.childForFieldName('argument')))) {
    c = c.type === 'not_operator' ? c.childForFieldName('argument') : c.namedChild(0);
  }
  if (c?.type === 'comparison_operator' && c.namedChildCount === 2 && CONSTANTS.has(c.namedChild(1)!.type)) c = c.namedChild(0);
  if (c?.type !== 'identifier') return undefined;
  const binding = visibleBinding(ctx, c);
  return binding?.kind === 'parameter' && binding.scope.kind === 'function' ? c.text : undefined;
}

/** The name a call's value ends up in: `token = "".join(random.choice(…))` → `token`; `headers["ETag"] = …` → `headers["ETag"]`. */
export function receivingName(node: SyntaxNode): string | undefined {
  let n: SyntaxNode | null = node;
  for (let i = 0; i < 6 && n; i++) {
    const parent: SyntaxNode | null = n.parent;
    if (!parent) return undefined;
    if (parent.type === 'assignment' || parent.type === 'augmented_assignment') {
      const left = parent.childForFieldName('left');
      return left?.type === 'attribute' ? left.childForFieldName('attribute')?.text : left?.text;
    }
    if (parent.type === 'keyword_argument') return parent.childForFieldName('name')?.text;
    if (parent.type === 'expression_statement' || parent.type === 'block' || parent.type === 'return_statement') return undefined;
    n = parent;
  }
  return undefined;
}

/** The scope of the function `node` is in, if any. */
export function enclosingFunction(ctx: RuleContext, node: SyntaxNode): Scope | undefined {
  let scope: Scope | undefined = ctx.scopes.scopeAt(node.startIndex);
  while (scope && scope.kind !== 'function') scope = scope.parent;
  return scope;
}

/** The name of the function `node` is in, if any: `def _get_client_nonce(…)` → `_get_client_nonce`. */
export function enclosingFunctionName(ctx: RuleContext, node: SyntaxNode): string | undefined {
  return enclosingFunction(ctx, node)?.qualname.split('.').at(-1);
}

/** The words of an identifier or target text, lower case: `_get_client_nonce` → get, client, nonce; `cacheKey` → cache, key. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
