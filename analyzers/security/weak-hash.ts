import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule, RuleContext } from '../../src/engine/rule.js';
import { argument, keywordArgument, quotable, quotableArguments, stringValue } from './arguments.js';
import { calleeText, resolvedCalls } from './call-target.js';
import { codeThatGuardsNothing, enclosingFunction, enclosingFunctionName, receivingName, wordsOf } from './intent.js';

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

/** What to use instead, in the words of the library the code calls. */
const ADVICE: Record<string, string> = {
  hashlib: 'use `hashlib.sha256`, or pass `usedforsecurity=False` if this hash guards nothing',
  Crypto: 'use `SHA256.new` from `Crypto.Hash`',
  Cryptodome: 'use `SHA256.new` from `Cryptodome.Hash`',
  cryptography: 'use `hashes.SHA256()`',
};

// Uses that need a short, stable value and no collision resistance: an ETag, a cache key, a nonce.
const NON_SECURITY_USE = /(?:^|_)(etag|c?nonce|cache_?key)(?:_|$)/;
const USE_NAMES: Record<string, string> = { etag: 'an ETag', nonce: 'a nonce', cnonce: 'a nonce', cache_key: 'a cache key', cachekey: 'a cache key' };

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
    what: '`hashlib.md5`/`sha1`, `hashlib.new("md5")` and the MD2/MD4/MD5/SHA-1 constructors of PyCrypto and cryptography. Where the code says the hash guards nothing (`usedforsecurity=False`, a wrapper that passes `usedforsecurity` on from its caller, a constant hashed, or it makes an ETag, a cache key or a nonce), and in test or example code (`examples/`, `docs/`), it is a low advisory note, not a defect. A constructor called without data only to give a mock its `spec=` hashes nothing and is not reported.',
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
      if (onlyASpec(node, q)) return;
      const advisory = intendedUse(ctx, node, q) ?? codeThatGuardsNothing(ctx);
      const suggestion = advisory ? undefined : strongerHash(ctx, node, q);
      ctx.report({
        node,
        message: advisory
          ? `\`${q}\` uses ${algorithm.toUpperCase()}: fine where the hash guards nothing, as here, but never for signatures, passwords or integrity checks.`
          : `\`${q}\` uses ${algorithm.toUpperCase()}, which is broken for security; ${ADVICE[q.split('.')[0]!] ?? ADVICE.hashlib}.`,
        subject: q,
        code,
        ...(advisory ? { advisory, severity: 'low' as const } : {}),
        ...(suggestion ? { suggestion } : {}),
      });
    });
  },
};

const PASSWORD = /passw|pwd/i;
const CHECKSUM = 'if this hash guards nothing (a checksum, a cache key)';

/**
 * What to write instead, in the words of the call: `hashlib.md5(data)` → `hashlib.sha256(data)`, or
 * the same call with `usedforsecurity=False` for a checksum; PyCryptodome's `SHA256` of the same
 * package; cryptography's `hashes.SHA256()`. A password wants a slow, salted hash instead.
 */
function strongerHash(ctx: RuleContext, node: SyntaxNode, q: string): string | undefined {
  const library = q.split('.')[0]!;
  const callee = calleeText(ctx, node);
  const args = quotableArguments(node);
  const at = q === 'hashlib.new' ? 1 : 0;
  const data = argument(node, at, 'data') ?? argument(node, at, 'string');
  if (library !== 'cryptography' && [receivingName(node), data?.text].some((t) => t !== undefined && PASSWORD.test(t)))
    return 'Hash passwords with a slow, salted function: `hashlib.scrypt` or argon2 (`argon2-cffi`); a fast hash such as SHA-256 is guessed quickly too.';
  if (library === 'Crypto' || library === 'Cryptodome')
    return `Use \`SHA256.new(${args ?? '…'})\` from \`${library}.Hash\` (\`from ${library}.Hash import SHA256\`).`;
  if (library === 'cryptography')
    return callee.includes('.') ? `Use \`${callee.replace(/\w+$/, 'SHA256')}()\`.` : 'Use `SHA256()` from `cryptography.hazmat.primitives.hashes`.';
  if (q === 'hashlib.new') {
    // `hashlib.new("md5", data)`: the name's literal as written, with another algorithm in it.
    const name = argument(node, 0, 'name');
    const content = name?.type === 'string' ? name.namedChildren.find((c) => c.type === 'string_content') : undefined;
    if (!name || !content) return undefined;
    const stronger = quotable(name.text.slice(0, content.startIndex - name.startIndex) + 'sha256' + name.text.slice(content.endIndex - name.startIndex));
    return stronger && `Use \`${stronger}\` instead of \`${name.text}\`, or pass \`usedforsecurity=False\` ${CHECKSUM}.`;
  }
  // `hashlib.md5` / `hl.md5` as written; a bare `md5` was imported from hashlib.
  const sha256 = callee.includes('.') ? callee.replace(/\w+$/, 'sha256') : 'hashlib.sha256';
  if (args === undefined || keywordArgument(node, 'usedforsecurity'))
    return `Use \`${sha256}\`, or pass \`usedforsecurity=False\` to \`${callee}\` ${CHECKSUM}.`;
  return `Use \`${sha256}(${args})\`, or \`${callee}(${args ? `${args}, ` : ''}usedforsecurity=False)\` ${CHECKSUM}.`;
}

// Mock factories whose first argument is a spec: `create_autospec(md5())`.
const SPEC_TAKERS = /(?:^|\.)(?:create_autospec|(?:Magic|NonCallable|Async)?Mock)$/;

/**
 * `MagicMock(spec=md5())`: a constructor called without data, only to give a mock the hash
 * object's shape. Nothing is hashed, so it is no use of the hash at all.
 */
function onlyASpec(node: SyntaxNode, q: string): boolean {
  const at = q === 'hashlib.new' ? 1 : 0;
  if (argument(node, at, 'data') ?? argument(node, at, 'string')) return false;
  const parent = node.parent;
  if (parent?.type === 'keyword_argument') return /^(?:spec|spec_set)$/.test(parent.childForFieldName('name')?.text ?? '');
  if (parent?.type !== 'argument_list' || parent.namedChildren[0]?.id !== node.id) return false;
  const callee = parent.parent?.childForFieldName('function')?.text ?? '';
  return SPEC_TAKERS.test(callee);
}

/** Why a weak hash here guards nothing, when the code says so. */
function intendedUse(ctx: RuleContext, node: SyntaxNode, q: string): string | undefined {
  const flag = keywordArgument(node, 'usedforsecurity');
  if (flag?.type === 'false') return '`usedforsecurity=False` says this hash guards nothing.';
  // starlette's `md5_hexdigest(data, *, usedforsecurity=True)`: the wrapper leaves the choice to its callers.
  if (flag && flag.type !== 'true') return `\`usedforsecurity=${flag.text}\` passes the caller's choice through.`;
  const fn = enclosingFunction(ctx, node);
  if (!flag && fn?.bindingsOf('usedforsecurity').some((b) => b.kind === 'parameter'))
    return 'The function takes `usedforsecurity` from its caller, who decides what the hash is for.';
  // `hashlib.md5(b"data")`: a probe of the API, or a digest of a constant; nothing secret goes in.
  const data = argument(node, q === 'hashlib.new' ? 1 : 0, 'data') ?? argument(node, q === 'hashlib.new' ? 1 : 0, 'string');
  if (data && (data.type === 'string' || data.type === 'concatenated_string') && stringValue(data) !== undefined)
    return 'It hashes a constant, which guards nothing.';
  for (const name of [receivingName(node), enclosingFunctionName(ctx, node)]) {
    const use = name ? NON_SECURITY_USE.exec(wordsOf(name).join('_'))?.[1] : undefined;
    if (use) return `It makes ${USE_NAMES[use]} (\`${name}\`), which needs no collision resistance.`;
  }
  return undefined;
}
