import type { Rule } from '../../src/engine/rule.js';
import { argument, keywordArgument, stringValue } from './arguments.js';
import { resolvedCalls } from './call-target.js';

const DIRECT = new Set([
  'hashlib.md5',
  'hashlib.sha1',
  'Crypto.Hash.MD2.new',
  'Crypto.Hash.MD4.new',
  'Crypto.Hash.MD5.new',
  'Crypto.Hash.SHA.new',
  'Cryptodome.Hash.MD2.new',
  'Cryptodome.Hash.MD4.new',
  'Cryptodome.Hash.MD5.new',
  'Cryptodome.Hash.SHA.new',
  'cryptography.hazmat.primitives.hashes.MD5',
  'cryptography.hazmat.primitives.hashes.SHA1',
]);
const WEAK_NAMES = /^(?:md4|md5|sha1|sha-1|ripemd160|md5-sha1)$/i;

// Callee names this rule can be about: other calls are never resolved.
const CALLEES = new Set<string>(['md5', 'sha1', 'new', 'MD5', 'SHA1']);

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /hashlib|Crypto|cryptography/;

/** MD5, SHA-1 and friends where nothing says they are not for security. */
export const weakHash: Rule = {
  id: 'weak-hash',
  category: 'security',
  title: 'Broken hash function (MD5, SHA-1)',
  severity: 'medium',
  confidence: 'medium',
  cwe: 327,
  codes: ['B303', 'B324', 'S303', 'S324'],
  doc: {
    what: '`hashlib.md5`/`sha1`, `hashlib.new("md5")` and the MD2/MD4/MD5/SHA-1 constructors of PyCrypto and cryptography, unless `usedforsecurity=False` says the hash guards nothing.',
    why: 'Collisions for MD5 and SHA-1 can be computed cheaply: signatures, integrity checks and password hashes built on them can be forged.',
    example: 'digest = hashlib.md5(password.encode()).hexdigest()',
    useInstead: 'digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)',
    fix: 'Use `hashlib.sha256` (or `hashlib.scrypt`/`argon2` for passwords); for a checksum or cache key that guards nothing, say so with `usedforsecurity=False`.',
  },
  create(ctx) {
    return resolvedCalls(ctx, FILE_HINT, CALLEES, (node, q) => {
      let code: string;
      let algorithm: string;
      if (DIRECT.has(q)) {
        code = 'B303';
        algorithm = q.split('.').at(-1) === 'new' ? q.split('.').at(-2)! : q.split('.').at(-1)!;
      } else if (q === 'hashlib.new') {
        const name = stringValue(argument(node, 0, 'name'));
        if (name === undefined || !WEAK_NAMES.test(name)) return;
        code = 'B324';
        algorithm = name;
      } else return;
      if (keywordArgument(node, 'usedforsecurity')?.type === 'false') return;
      ctx.report({
        node,
        message: `\`${q}\` uses ${algorithm.toUpperCase()}, which is broken for security; use SHA-256, or pass usedforsecurity=False if this hash guards nothing.`,
        subject: q,
        code,
      });
    });
  },
};
