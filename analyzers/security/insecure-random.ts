import type { Rule } from '../../src/engine/rule.js';
import type { SyntaxNode } from '../../src/engine/syntax.js';
import { positionalArguments, quotable, quotableArguments } from './arguments.js';
import { resolvedCalls } from './call-target.js';
import { enclosingFunctionName, receivingName } from './intent.js';

const RANDOM = new Set(['random', 'randrange', 'randint', 'choice', 'choices', 'sample', 'shuffle', 'uniform', 'getrandbits', 'randbytes', 'triangular']);
const SECRET_USE =
  /(?:^|_)(?:token|password|passwd|pwd|secret|nonce|salt|otp|csrf|session_?id|session_?key|api_?key|secret_?key|private_?key|auth|captcha|reset_?code|verification_?code|passphrase|pin)s?(?:_|$)/i;
const SECURITY_FUNCTION = /token|passw|secret|nonce|salt|otp|csrf|session|auth|captcha|crypt|keygen|(?:gen\w*|make|new|api|private|secret)_?key/i;

/** A literal integer's value (`10`, `-5`, `1_000`), when it is a safe one. */
function integerOf(node: SyntaxNode): number | undefined {
  if (node.type !== 'integer' && node.type !== 'unary_operator') return undefined;
  if (!/^-?\s*\d[\d_]*$/.test(node.text)) return undefined;
  const n = Number(node.text.replace(/[\s_]/g, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

const ATOMS = new Set(['identifier', 'attribute', 'call', 'subscript', 'integer', 'parenthesized_expression']);

/** An operand's text as it can stand in a sum: a name, call, subscript or number as is, anything else in parentheses. */
function operand(node: SyntaxNode, text: string): string {
  return ATOMS.has(node.type) ? text : `(${text})`;
}

/** `low + secrets.randbelow(span)`, with the arithmetic done where both ends are numbers. */
function offsetBelow(low: SyntaxNode, high: SyntaxNode, inclusive: boolean): string | undefined {
  const a = integerOf(low);
  const b = integerOf(high);
  const extra = inclusive ? 1 : 0;
  if (a !== undefined && b !== undefined) return a === 0 ? `secrets.randbelow(${b + extra})` : `${a} + secrets.randbelow(${b - a + extra})`;
  if (a !== undefined) {
    // `randint(0, len(items) - 1)` → `randbelow(len(items))`: the `- 1` taken off the tree, never off the text.
    const right = high.type === 'binary_operator' && high.childForFieldName('operator')?.type === '-' ? high.childForFieldName('right') : null;
    const less = right ? integerOf(right) : undefined;
    const base = less !== undefined && less >= 0 ? high.childForFieldName('left')! : high;
    const highText = quotable(base.text, 30);
    if (highText === undefined) return undefined;
    const shift = extra - a - (base === high ? 0 : less!);
    const span = shift === 0 ? highText : `${operand(base, highText)} ${shift > 0 ? '+' : '-'} ${Math.abs(shift)}`;
    return a === 0 ? `secrets.randbelow(${span})` : `${a} + secrets.randbelow(${span})`;
  }
  const highText = quotable(high.text, 30);
  const lowText = quotable(low.text, 30);
  if (highText === undefined || lowText === undefined) return undefined;
  return `${operand(low, lowText)} + secrets.randbelow(${operand(high, highText)} - ${operand(low, lowText)}${inclusive ? ' + 1' : ''})`;
}

/** The `secrets` call that does the same job, in the arguments of the call at hand. */
function secretsCall(node: SyntaxNode, fn: string): string | undefined {
  const args = quotableArguments(node);
  const positional = positionalArguments(node);
  const only = args !== undefined && !args.includes('=') ? positional : undefined;
  switch (fn) {
    case 'choice':
      return only?.length === 1 ? `secrets.choice(${args})` : undefined;
    case 'getrandbits':
      return only?.length === 1 ? `secrets.randbits(${args})` : undefined;
    case 'randbytes':
      return only?.length === 1 ? `secrets.token_bytes(${args})` : undefined;
    case 'randint':
      return only?.length === 2 ? offsetBelow(only[0]!, only[1]!, true) : undefined;
    case 'randrange':
      if (only?.length === 1) return `secrets.randbelow(${args})`;
      if (only?.length === 2) return offsetBelow(only[0]!, only[1]!, false);
      break;
  }
  // `secrets.SystemRandom` has every method of `random`, drawn from the operating system.
  return args !== undefined ? `secrets.SystemRandom().${fn}(${args})` : undefined;
}

// Callee names this rule can be about: other calls are never resolved.
const CALLEES = new Set<string>([...RANDOM]);

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /random/;

/** `random` (a predictable generator) making tokens, passwords, keys, or used in security-named functions. */
export const insecureRandom: Rule = {
  id: 'insecure-random',
  category: 'security',
  title: 'Predictable random values for secrets',
  severity: 'medium',
  confidence: 'medium',
  cwe: 330,
  codes: ['B311', 'S311'],
  doc: {
    what: 'The `random` module used to make tokens, passwords, keys, salts or nonces, or called inside a function whose name says it does security work.',
    why: '`random` is a Mersenne Twister: after 624 outputs an observer can predict every later one, so tokens made with it can be guessed.',
    example: 'token = "".join(random.choice(alphabet) for _ in range(32))',
    useInstead: 'token = secrets.token_urlsafe(32)',
    fix: 'Use the `secrets` module: `secrets.token_urlsafe(32)`, `secrets.choice(alphabet)`.',
  },
  create(ctx) {
    return resolvedCalls(ctx, FILE_HINT, CALLEES, (node, q) => {
      if (!q.startsWith('random.') || !RANDOM.has(q.slice(7))) return;
      const name = receivingName(node);
      let why: string | undefined;
      if (name && SECRET_USE.test(name)) why = `makes \`${name}\``;
      else {
        const fn = enclosingFunctionName(ctx, node);
        if (fn && SECURITY_FUNCTION.test(fn)) why = `is used in \`${fn}\``;
      }
      if (!why) return;
      const replacement = secretsCall(node, q.slice(7));
      ctx.report({
        node,
        message: `\`${q}\` ${why}, but its output is predictable; use the \`secrets\` module.`,
        subject: q,
        suggestion: replacement
          ? `Use \`${replacement}\` (\`import secrets\`).`
          : `Use \`secrets.SystemRandom().${q.slice(7)}\`, which has the same arguments (\`import secrets\`).`,
      });
    });
  },
};
