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
    { code: `from cryptography.hazmat.primitives import hashes\nhashes.SHA1()`, lines: [2], message: '`hashes.SHA256()`' },
    { code: `from Crypto.Hash import MD5\nMD5.new(data)`, lines: [2], message: '`SHA256.new` from `Crypto.Hash`' },
    { code: `import hashlib\npassword_hash = hashlib.md5(pw).hexdigest()`, lines: [2], message: 'use `hashlib.sha256`' },
    {
      code: `import hashlib\ndef sign(data, usedforsecurity=True):\n    return hashlib.md5(data, usedforsecurity=True).hexdigest()`,
      lines: [3],
      message: 'broken for security',
    },
    // A cache of credentials is not a cache key.
    { code: `import hashlib\ndef cache_credentials(pw):\n    return hashlib.md5(pw).hexdigest()`, lines: [3], message: 'broken for security' },
  ],
  clean: [{ code: `import hashlib\nhashlib.sha256(data)` }, { code: `import hashlib\nhashlib.new("sha256", data)` }, { code: `md5(data)` }],
});

test('weak-hash: B303 for constructors, B324 for hashlib.new', () => {
  expect(runRule(weakHash, 'import hashlib\nhashlib.md5(data)\n')[0]).toMatchObject({ code: 'B303', cwe: 327, severity: 'medium' });
  expect(runRule(weakHash, 'import hashlib\nhashlib.new("md4")\n')[0]!.code).toBe('B324');
});

describe('weak-hash: a hash that guards nothing is an advisory note of low severity, not a defect', () => {
  test.each([
    ['usedforsecurity=False', 'import hashlib\nhashlib.md5(data, usedforsecurity=False)\n', 'usedforsecurity=False'],
    ['usedforsecurity=False, by name', 'import hashlib\nhashlib.new("md5", data, usedforsecurity=False)\n', 'usedforsecurity=False'],
    ['an ETag', 'import hashlib\netag = hashlib.md5(body).hexdigest()\n', 'an ETag'],
    ['an ETag header', 'import hashlib\nheaders["ETag"] = hashlib.sha1(body).hexdigest()\n', 'an ETag'],
    ['a cache key', 'import hashlib\ncache_key = hashlib.md5(url.encode()).hexdigest()\n', 'a cache key'],
    // starlette 0aef1724, starlette/_compat.py: a wrapper that leaves the choice to its callers, and its probe.
    [
      'usedforsecurity passed through',
      'import hashlib\ndef md5_hexdigest(data, *, usedforsecurity=True):\n    return hashlib.md5(data, usedforsecurity=usedforsecurity).hexdigest()\n',
      'caller',
    ],
    [
      'a fallback in a wrapper that takes usedforsecurity',
      'import hashlib\ndef md5_hexdigest(data, *, usedforsecurity=True):\n    return hashlib.md5(data).hexdigest()\n',
      'from its caller',
    ],
    ['a probe on a constant', 'import hashlib\ntry:\n    hashlib.md5(b"data", usedforsecurity=True)\nexcept TypeError:\n    pass\n', 'constant'],
    ['a nonce, by the function that makes it', 'import hashlib\ndef _get_client_nonce(self, n):\n    return hashlib.sha1(s).hexdigest()[:16]\n', 'a nonce'],
  ])('%s', (_name, code, why) => {
    const findings = runRule(weakHash, code);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'low' });
    expect(findings[0]!.advisory).toContain(why);
    expect(findings[0]!.message).not.toContain('pass `usedforsecurity=False`');
  });
});
