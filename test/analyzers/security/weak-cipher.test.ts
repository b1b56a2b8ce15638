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
