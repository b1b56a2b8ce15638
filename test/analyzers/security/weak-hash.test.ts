import { weakHash } from '../../../analyzers/security/weak-hash.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(weakHash, {
  flagged: [
    { code: `import hashlib\nh = hashlib.md5(data)`, lines: [2], message: 'MD5' },
    { code: `import hashlib\nh = hashlib.sha1(data).hexdigest()`, lines: [2], message: 'SHA1' },
    { code: `from hashlib import md5 as m\nm(data)`, lines: [2] },
    { code: `import hashlib\nhashlib.new("md5", data)`, lines: [2] },
    { code: `import hashlib\nhashlib.new(name="SHA1")`, lines: [2] },
    { code: `from Crypto.Hash import MD5\nMD5.new(data)`, lines: [2] },
    { code: `from cryptography.hazmat.primitives import hashes\nhashes.SHA1()`, lines: [2] },
  ],
  clean: [
    { code: `import hashlib\nhashlib.sha256(data)` },
    { code: `import hashlib\nhashlib.new("sha256", data)` },
    { code: `import hashlib\nhashlib.md5(data, usedforsecurity=False)` },
    { code: `import hashlib\nhashlib.new("md5", data, usedforsecurity=False)` },
    { code: `md5(data)` },
  ],
});

test('weak-hash: B303 for constructors, B324 for hashlib.new', () => {
  expect(runRule(weakHash, 'import hashlib\nhashlib.md5(b"")\n')[0]).toMatchObject({ code: 'B303', cwe: 327, severity: 'medium' });
  expect(runRule(weakHash, 'import hashlib\nhashlib.new("md4")\n')[0]!.code).toBe('B324');
});
