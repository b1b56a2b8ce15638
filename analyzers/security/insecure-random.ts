import type { Rule } from '../../src/engine/rule.js';
import { resolvedCalls } from './call-target.js';
import { enclosingFunctionName, receivingName } from './intent.js';

const RANDOM = new Set(['random', 'randrange', 'randint', 'choice', 'choices', 'sample', 'shuffle', 'uniform', 'getrandbits', 'randbytes', 'triangular']);
const SECRET_USE =
  /(?:^|_)(?:token|password|passwd|pwd|secret|nonce|salt|otp|csrf|session_?id|session_?key|api_?key|secret_?key|private_?key|auth|captcha|reset_?code|verification_?code|passphrase|pin)s?(?:_|$)/i;
const SECURITY_FUNCTION = /token|passw|secret|nonce|salt|otp|csrf|session|auth|captcha|crypt|keygen|(?:gen\w*|make|new|api|private|secret)_?key/i;

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
      ctx.report({ node, message: `\`${q}\` ${why}, but its output is predictable; use the \`secrets\` module.`, subject: q });
    });
  },
};
