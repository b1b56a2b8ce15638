import type { RuleContext } from '../../src/engine/rule.js';
import { argumentsText } from './call-target.js';
import type { SyntaxNode } from '../../src/engine/syntax.js';

// Several rules read the same string/assignment node's text; reading it crosses into native code.
const texts = new WeakMap<SyntaxNode, string>();

/** A node's source text, read once however many rules ask. */
export function textOf(node: SyntaxNode): string {
  let text = texts.get(node);
  if (text === undefined) texts.set(node, (text = node.text));
  return text;
}

/** The positional arguments of a call (not `*args`, not keywords). */
export function positionalArguments(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return [];
  return args.namedChildren.filter((c) => c.type !== 'keyword_argument' && c.type !== 'comment' && c.type !== 'list_splat' && c.type !== 'dictionary_splat');
}

/** The value of keyword argument `name`, if the call passes it. */
export function keywordArgument(call: SyntaxNode, name: string): SyntaxNode | undefined {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return undefined;
  for (const c of args.namedChildren) {
    if (c.type === 'keyword_argument' && c.childForFieldName('name')?.text === name) return c.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** The n-th positional argument, or the keyword argument of that name. */
export function argument(call: SyntaxNode, position: number, name?: string): SyntaxNode | undefined {
  return (name !== undefined ? keywordArgument(call, name) : undefined) ?? positionalArguments(call)[position];
}

/** Quick check on the call's argument text before building any argument nodes. */
export function mentions(ctx: RuleContext, call: SyntaxNode, word: string): boolean {
  return argumentsText(ctx, call).includes(word);
}

/** A constant that Python treats as true: True, a non-zero number, a non-empty string or container. */
export function isTruthy(node: SyntaxNode | undefined): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'true':
      return true;
    case 'false':
    case 'none':
      return false;
    case 'integer':
    case 'float':
      return Number(node.text.replace(/_/g, '')) !== 0;
    case 'string':
      return stringValue(node) !== '';
    case 'list':
    case 'tuple':
    case 'dictionary':
    case 'set':
      return node.namedChildCount > 0;
    default:
      // A name or expression: it may well be true, as Bandit assumes.
      return true;
  }
}

/** The content of a plain string literal (no interpolation), or undefined. */
export function stringValue(node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'concatenated_string') {
    const parts = node.namedChildren.map((c) => stringValue(c));
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  let out = '';
  for (const c of node.namedChildren) {
    if (c.type === 'interpolation') return undefined;
    if (c.type === 'string_content' || c.type === 'escape_sequence') out += c.text;
  }
  return out;
}

/** A string literal with `{…}` parts. */
export function isFString(node: SyntaxNode): boolean {
  return node.type === 'string' && node.namedChildren.some((c) => c.type === 'interpolation');
}

/**
 * Code from the call to quote in a suggestion (`yaml.safe_load(stream)`): one line, at most `max`
 * characters, no backtick and no control character, so that it reads as code and stays one code span; undefined for
 * anything longer or stranger, and the suggestion then names the function alone.
 */
export function quotable(text: string | undefined, max = 40): string | undefined {
  // Control characters (a terminal's escapes) and bidirectional overrides would not read as the code does.
  if (text === undefined || text.length > max || /[`\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(text)) return undefined;
  return text.trim() || undefined;
}

/** The call's arguments as written, without the parentheses (`'' ` for none), when quotable. */
export function quotableArguments(call: SyntaxNode, max = 40): string | undefined {
  const args = call.childForFieldName('arguments');
  if (args?.type !== 'argument_list') return undefined;
  const inner = args.text.slice(1, -1).trim();
  return inner === '' ? '' : quotable(inner, max);
}
