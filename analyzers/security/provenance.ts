import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { RuleContext } from '../../src/engine/rule.js';
import type { Binding } from '../../src/engine/scope.js';
import { isFString } from './arguments.js';

/**
 * Taint-lite: where a value comes from, judged from the expression and the assignments of the
 * same function that it reads. It inspects only the expression's own small subtree and the
 * right-hand sides of the assignments it names — never the whole tree.
 */
export interface Provenance {
  /** Built only from literals: nothing from outside can reach it. */
  literal: boolean;
  /** Built by `%`, `.format`, an f-string, `+` or `join` from pieces. */
  formatted: boolean;
  /** Carries a parameter of the enclosing function, a `request.*` value, `sys.argv` or `input()`. */
  tainted: boolean;
  /** Carries a `request.*` value, `sys.argv` or `input()`: data from outside the program, not just from a caller. */
  external?: boolean;
}

const LITERAL: Provenance = { literal: true, formatted: false, tainted: false };
const OUTSIDE_DATA: Provenance = { literal: false, formatted: false, tainted: true, external: true };
const UNKNOWN: Provenance = { literal: false, formatted: false, tainted: false };
const MAX_DEPTH = 6;
const CONSTANTS = new Set(['string', 'concatenated_string', 'integer', 'float', 'true', 'false', 'none', 'ellipsis']);
const CONTAINERS = new Set(['tuple', 'list', 'set', 'expression_list', 'parenthesized_expression', 'boolean_operator', 'unary_operator']);
const REQUEST = /^(?:self\s*\.\s*)?request\b/;
const OUTSIDE = /^(?:sys\s*\.\s*argv\b|input\s*\()/;
// Calls that return their (string) argument reshaped: the taint passes through.
const PASS_THROUGH = new Set([
  'str',
  'bytes',
  'repr',
  'strip',
  'lstrip',
  'rstrip',
  'lower',
  'upper',
  'encode',
  'decode',
  'replace',
  'get',
  'getlist',
  'split',
  'join',
  'format',
  'format_map',
]);

export function provenance(ctx: RuleContext, node: SyntaxNode | null | undefined, depth = 0, seen = new Set<Binding>()): Provenance {
  if (!node || depth > MAX_DEPTH) return UNKNOWN;
  const type = node.type;
  if (CONSTANTS.has(type)) {
    if (type === 'string' && isFString(node)) return fString(ctx, node, depth, seen);
    if (type === 'concatenated_string' && node.namedChildren.some(isFString)) return fString(ctx, node, depth, seen);
    return LITERAL;
  }
  if (CONTAINERS.has(type)) return merge(node.namedChildren.filter((c) => c.type !== 'comment').map((c) => provenance(ctx, c, depth + 1, seen)));
  switch (type) {
    // `"ON" if enabled else "OFF"`: the value is one of the branches; the condition only chooses.
    case 'conditional_expression':
      return merge([node.namedChild(0), node.namedChild(2)].map((c) => provenance(ctx, c, depth + 1, seen)));
    case 'identifier':
      return nameProvenance(ctx, node, depth, seen);
    case 'binary_operator': {
      const op = node.childForFieldName('operator')?.type;
      const left = provenance(ctx, node.childForFieldName('left'), depth + 1, seen);
      const right = provenance(ctx, node.childForFieldName('right'), depth + 1, seen);
      const both = merge([left, right]);
      // `'%s' % x`, `query % args`, `"a" + b`: formatting. `a + b` of two unknowns may be arithmetic.
      const stringy =
        isStringy(node.childForFieldName('left')) ||
        isStringy(node.childForFieldName('right')) ||
        left.formatted ||
        right.formatted ||
        left.literal ||
        right.literal;
      if ((op === '%' || (op === '+' && stringy)) && !both.literal) return { ...both, formatted: true };
      return both;
    }
    case 'call':
      return callProvenance(ctx, node, depth, seen);
    case 'attribute':
    case 'subscript': {
      if (REQUEST.test(node.text) || OUTSIDE.test(node.text)) return OUTSIDE_DATA;
      const root = node.childForFieldName(type === 'attribute' ? 'object' : 'value');
      return { ...provenance(ctx, root, depth + 1, seen), literal: false, formatted: false };
    }
    default:
      return UNKNOWN;
  }
}

function fString(ctx: RuleContext, node: SyntaxNode, depth: number, seen: Set<Binding>): Provenance {
  const parts: Provenance[] = [];
  const strings = node.type === 'concatenated_string' ? node.namedChildren : [node];
  for (const s of strings) {
    for (const c of s.namedChildren) {
      if (c.type === 'interpolation') parts.push(provenance(ctx, c.childForFieldName('expression') ?? c.namedChild(0), depth + 1, seen));
    }
  }
  const merged = merge(parts);
  return { ...merged, formatted: !merged.literal };
}

function callProvenance(ctx: RuleContext, node: SyntaxNode, depth: number, seen: Set<Binding>): Provenance {
  const text = node.text;
  if (REQUEST.test(text) || OUTSIDE.test(text)) return OUTSIDE_DATA;
  const fn = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  const argFacts = () =>
    merge(
      (args?.namedChildren ?? [])
        .filter((c) => c.type !== 'comment')
        .map((c) => provenance(ctx, c.type === 'keyword_argument' ? c.childForFieldName('value') : c, depth + 1, seen)),
    );
  if (fn?.type === 'attribute') {
    const method = fn.childForFieldName('attribute')?.text ?? '';
    const receiver = fn.childForFieldName('object');
    if (method === 'format' || method === 'join' || method === 'format_map') {
      const facts = merge([provenance(ctx, receiver, depth + 1, seen), argFacts()]);
      return { ...facts, formatted: !facts.literal };
    }
    if (PASS_THROUGH.has(method)) {
      const facts = provenance(ctx, receiver, depth + 1, seen);
      return method === 'replace' ? { ...merge([facts, argFacts()]), literal: false } : { ...facts, literal: false };
    }
    return UNKNOWN;
  }
  // compile(source, ...) is as literal as its source.
  if (fn?.type === 'identifier' && fn.text === 'compile')
    return provenance(
      ctx,
      args?.namedChildren.find((c) => c.type !== 'comment' && c.type !== 'keyword_argument'),
      depth + 1,
      seen,
    );
  if (fn?.type === 'identifier' && PASS_THROUGH.has(fn.text)) {
    const facts = argFacts();
    return { ...facts, literal: false };
  }
  return UNKNOWN;
}

/** The binding a name read at `node` sees: the latest one before it in straight-line code. */
export function visibleBinding(ctx: RuleContext, node: SyntaxNode): Binding | undefined {
  const here = ctx.scopes.scopeAt(node.startIndex);
  const scope = ctx.scopes.resolvingScope(node.text, here);
  if (!scope) return undefined;
  const bindings = scope.bindingsOf(node.text);
  const visible = scope === here ? bindings.filter((b) => b.node.startIndex < node.startIndex) : bindings;
  return visible.at(-1);
}

/** The right-hand side a plain `name = value` assignment gave the name read at `node`. */
export function assignedValue(ctx: RuleContext, node: SyntaxNode): SyntaxNode | undefined {
  if (node.type !== 'identifier') return undefined;
  const binding = visibleBinding(ctx, node);
  if (!binding || (binding.kind !== 'assignment' && binding.kind !== 'augmented')) return undefined;
  if (binding.statement.childForFieldName('left')?.type !== 'identifier') return undefined;
  return binding.statement.childForFieldName('right') ?? undefined;
}

/** A name: a parameter of the enclosing function is tainted; a local follows its assignment. */
function nameProvenance(ctx: RuleContext, node: SyntaxNode, depth: number, seen: Set<Binding>): Provenance {
  const binding = visibleBinding(ctx, node);
  if (!binding) return node.text === 'request' && !ctx.scopes.resolvingScope('request', ctx.scopes.scopeAt(node.startIndex)) ? OUTSIDE_DATA : UNKNOWN;
  const scope = binding.scope;
  if (seen.has(binding)) return UNKNOWN;
  if (binding.kind === 'parameter') return { literal: false, formatted: false, tainted: scope.isFunctionLike() };
  if (binding.kind === 'import' || binding.kind === 'from-import') {
    return binding.qualifiedName?.endsWith('.request') ? OUTSIDE_DATA : UNKNOWN;
  }
  if (binding.kind !== 'assignment' && binding.kind !== 'augmented') return UNKNOWN;
  const statement = binding.statement;
  if (statement.childForFieldName('left')?.type !== 'identifier') return UNKNOWN;
  seen.add(binding);
  const value = provenance(ctx, statement.childForFieldName('right'), depth + 1, seen);
  if (binding.kind === 'assignment') return value;
  // `q += " AND x = %s" % y`: what the name held before, plus the new piece.
  const earlier = provenance(ctx, binding.node, depth + 1, seen);
  const merged = merge([earlier, value]);
  return { ...merged, formatted: !merged.literal };
}

function isStringy(node: SyntaxNode | null): boolean {
  return node !== null && (node.type === 'string' || node.type === 'concatenated_string');
}

function merge(parts: Provenance[]): Provenance {
  if (parts.length === 0) return LITERAL;
  const external = parts.some((p) => p.external);
  return {
    literal: parts.every((p) => p.literal),
    formatted: parts.some((p) => p.formatted),
    tainted: parts.some((p) => p.tainted),
    ...(external ? { external } : {}),
  };
}
