import type { Rule } from '../../src/engine/rule.js';
import type { SyntaxNode } from '../../src/engine/syntax.js';
import { quotable } from './arguments.js';
import { argumentsText, resolvedCalls } from './call-target.js';

const CIPHERS = new Set(['ARC2', 'ARC4', 'Blowfish', 'DES', 'XOR', 'IDEA', 'CAST', 'TripleDES']);
const LIBRARIES = [
  'Crypto.Cipher',
  'Cryptodome.Cipher',
  'cryptography.hazmat.primitives.ciphers.algorithms',
  'cryptography.hazmat.decrepit.ciphers.algorithms',
];
/** The strong replacement, in the words of the library the code uses. */
const STRONG: Record<string, string> = {
  Crypto: 'use AES in an authenticated mode: `AES.new(key, AES.MODE_GCM)`',
  Cryptodome: 'use AES in an authenticated mode: `AES.new(key, AES.MODE_GCM)`',
  cryptography: 'use `Fernet`, or `AESGCM` / `ChaCha20Poly1305` from `cryptography.hazmat.primitives.ciphers.aead`',
};
/** The replacement in the words of the package the code imports (PyCryptodome keeps its two names apart). */
function strongCipher(library: string): string {
  const root = library.split('.')[0]!;
  return root === 'cryptography'
    ? 'Use `AESGCM` from `cryptography.hazmat.primitives.ciphers.aead` (or `Fernet` from `cryptography.fernet` to encrypt whole messages).'
    : `Use AES in GCM mode: \`from ${root}.Cipher import AES\`, then \`AES.new(key, AES.MODE_GCM)\` with a 16-, 24- or 32-byte key.`;
}

/** `AES.new(key, AES.MODE_ECB)` → the same call with `MODE_GCM`, when it is short enough to quote. */
function gcmCall(node: SyntaxNode, library: string): string {
  const call = quotable(node.text, 60);
  const gcm = call?.replace(/\bMODE_ECB\b/g, 'MODE_GCM');
  return gcm
    ? `Use \`${gcm}\` and \`encrypt_and_digest\`, and keep the cipher's \`nonce\` and tag with the ciphertext.`
    : `Use \`AES.MODE_GCM\` (from \`${library}\`) and \`encrypt_and_digest\`, and keep the cipher's \`nonce\` and tag with the ciphertext.`;
}

const ECB = new Set(['cryptography.hazmat.primitives.ciphers.modes.ECB']);
const ECB_CONSTANT = /^(?:Crypto|Cryptodome)\.Cipher\.\w+\.MODE_ECB$/;

// Callee names this rule can be about: other calls are never resolved.
const CALLEES = new Set<string>(['new', 'ECB', ...CIPHERS]);

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /Crypto|cryptography/;

/** Weak ciphers (DES, RC4, Blowfish…) and the ECB mode. */
export const weakCipher: Rule = {
  id: 'weak-cipher',
  category: 'security',
  title: 'Weak cipher or ECB mode',
  severity: 'high',
  confidence: 'high',
  cwe: 327,
  codes: ['B304', 'B305', 'S304', 'S305'],
  doc: {
    what: 'DES, 3DES, RC2, RC4 (ARC4), Blowfish, IDEA, CAST or XOR from PyCrypto/PyCryptodome/cryptography, and the ECB mode.',
    why: 'These ciphers have short keys or blocks or known biases, and ECB encrypts equal blocks to equal ciphertext, so the data pattern shows through.',
    example: 'from Crypto.Cipher import DES\n\ncipher = DES.new(key, DES.MODE_ECB)',
    useInstead: 'from cryptography.hazmat.primitives.ciphers.aead import AESGCM\n\nciphertext = AESGCM(key).encrypt(nonce, data, None)',
    fix: 'Use an authenticated modern cipher: `cryptography.fernet.Fernet`, or AES-GCM / ChaCha20-Poly1305 from `cryptography`.',
  },
  create(ctx) {
    return resolvedCalls(ctx, FILE_HINT, CALLEES, (node, q) => {
      if (ECB.has(q)) {
        ctx.report({
          node,
          message:
            'ECB mode encrypts equal blocks to equal ciphertext; use an authenticated mode: `AESGCM` from `cryptography.hazmat.primitives.ciphers.aead`.',
          subject: 'ECB',
          code: 'B305',
          severity: 'medium',
          suggestion:
            'Use `AESGCM(key).encrypt(nonce, data, None)` from `cryptography.hazmat.primitives.ciphers.aead`, with a fresh 12-byte `nonce` for every message.',
        });
        return;
      }
      const parts = q.split('.');
      const isNew = parts.at(-1) === 'new';
      const cipher = isNew ? parts.at(-2)! : parts.at(-1)!;
      const library = parts.slice(0, isNew ? -2 : -1).join('.');
      if (!LIBRARIES.includes(library)) return;
      const ecb = isNew && ECB_CONSTANT.test(`${library}.${cipher}.MODE_ECB`) && /\bMODE_ECB\b/.test(argumentsText(ctx, node));
      if (CIPHERS.has(cipher)) {
        ctx.report({
          node,
          message: `${cipher} is a weak cipher${ecb ? ', here in ECB mode' : ''}; ${STRONG[library.split('.')[0]!]}.`,
          subject: cipher,
          code: 'B304',
          suggestion: strongCipher(library),
        });
      } else if (ecb) {
        // GCM needs a 128-bit block: PyCryptodome offers it for AES only (not for DES3).
        const aes = cipher === 'AES';
        ctx.report({
          node,
          message: `${cipher} in ECB mode encrypts equal blocks to equal ciphertext; use an authenticated mode: \`AES.new(key, AES.MODE_GCM)\`.`,
          subject: 'ECB',
          code: 'B305',
          severity: 'medium',
          suggestion: aes ? gcmCall(node, library) : strongCipher(library),
        });
      }
    });
  },
};
