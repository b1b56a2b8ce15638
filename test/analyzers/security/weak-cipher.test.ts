import { weakCipher } from '../../../analyzers/security/weak-cipher.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(weakCipher, {
  flagged: [
    { code: `from Crypto.Cipher import DES\ncipher = DES.new(key, DES.MODE_ECB)`, lines: [2], message: 'ECB' },
    { code: `from Cryptodome.Cipher import ARC4\nARC4.new(key)`, lines: [2], message: 'ARC4' },
    { code: `from cryptography.hazmat.primitives.ciphers import algorithms\nalgorithms.Blowfish(key)`, lines: [2] },
    { code: `from cryptography.hazmat.primitives.ciphers import modes\nmodes.ECB()`, lines: [2], message: 'ECB mode' },
    { code: `from Crypto.Cipher import AES\nAES.new(key, AES.MODE_ECB)`, lines: [2], message: 'ECB mode' },
  ],
  clean: [
    { code: `from Crypto.Cipher import AES\nAES.new(key, AES.MODE_GCM)` },
    { code: `from cryptography.hazmat.primitives.ciphers import algorithms, modes\nalgorithms.AES(key)\nmodes.GCM(iv)` },
    { code: `from cryptography.fernet import Fernet\nFernet(key)` },
    { code: `DES.new(key)` },
  ],
});

test('weak-cipher: ciphers are B304 high, ECB is B305 medium', () => {
  expect(runRule(weakCipher, 'from Crypto.Cipher import DES\nDES.new(k)\n')[0]).toMatchObject({ code: 'B304', severity: 'high', cwe: 327 });
  expect(runRule(weakCipher, 'from cryptography.hazmat.primitives.ciphers import modes\nmodes.ECB()\n')[0]).toMatchObject({ code: 'B305', severity: 'medium' });
});

describe('weak-cipher: the replacement from the package the code imports', () => {
  const PYCRYPTO = (root: string): string =>
    `Use AES in GCM mode: \`from ${root}.Cipher import AES\`, then \`AES.new(key, AES.MODE_GCM)\` with a 16-, 24- or 32-byte key.`;
  const CRYPTOGRAPHY = 'Use `AESGCM` from `cryptography.hazmat.primitives.ciphers.aead` (or `Fernet` from `cryptography.fernet` to encrypt whole messages).';
  ruleTester(weakCipher, {
    flagged: [
      { code: 'from Crypto.Cipher import DES\ncipher = DES.new(key, DES.MODE_ECB)', lines: [2], suggestion: PYCRYPTO('Crypto') },
      { code: 'from Cryptodome.Cipher import ARC4\nARC4.new(key)', lines: [2], suggestion: PYCRYPTO('Cryptodome') },
      { code: 'from cryptography.hazmat.primitives.ciphers import algorithms\nalgorithms.Blowfish(key)', lines: [2], suggestion: CRYPTOGRAPHY },
      { code: 'from cryptography.hazmat.decrepit.ciphers import algorithms\nalgorithms.TripleDES(key)', lines: [2], suggestion: CRYPTOGRAPHY },
      {
        code: 'from cryptography.hazmat.primitives.ciphers import modes\nmodes.ECB()',
        lines: [2],
        suggestion:
          'Use `AESGCM(key).encrypt(nonce, data, None)` from `cryptography.hazmat.primitives.ciphers.aead`, with a fresh 12-byte `nonce` for every message.',
      },
      // AES in ECB: the call itself, in GCM mode.
      {
        code: 'from Crypto.Cipher import AES\nAES.new(self.key, AES.MODE_ECB)',
        lines: [2],
        suggestion: "Use `AES.new(self.key, AES.MODE_GCM)` and `encrypt_and_digest`, and keep the cipher's `nonce` and tag with the ciphertext.",
      },
      {
        code: 'from Crypto.Cipher import AES\nAES.new(derive_key(settings.SECRET_KEY, salt=b"static"), AES.MODE_ECB)',
        lines: [2],
        suggestion: "Use `AES.MODE_GCM` (from `Crypto.Cipher`) and `encrypt_and_digest`, and keep the cipher's `nonce` and tag with the ciphertext.",
      },
      // DES3 has no GCM mode: AES is the way out.
      {
        code: 'from Crypto.Cipher import DES3\nDES3.new(key, DES3.MODE_ECB)',
        lines: [2],
        message: '`AES.new(key, AES.MODE_GCM)`',
        suggestion: PYCRYPTO('Crypto'),
      },
    ],
    clean: [{ code: 'from Crypto.Cipher import AES\nAES.new(key, AES.MODE_GCM)' }],
  });
});
