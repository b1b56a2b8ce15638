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

describe('weak-hash: the fix in the words of the call and the library it comes from', () => {
  const CHECKSUM = 'if this hash guards nothing (a checksum, a cache key).';
  ruleTester(weakHash, {
    flagged: [
      {
        code: 'import hashlib\nh = hashlib.md5(data).hexdigest()',
        lines: [2],
        suggestion: `Use \`hashlib.sha256(data)\`, or \`hashlib.md5(data, usedforsecurity=False)\` ${CHECKSUM}`,
      },
      { code: 'import hashlib as hl\nh = hl.sha1()', lines: [2], suggestion: `Use \`hl.sha256()\`, or \`hl.sha1(usedforsecurity=False)\` ${CHECKSUM}` },
      {
        code: 'from hashlib import md5\nmd5(data)',
        lines: [2],
        suggestion: `Use \`hashlib.sha256(data)\`, or \`md5(data, usedforsecurity=False)\` ${CHECKSUM}`,
      },
      {
        code: "import hashlib\nhashlib.new('md5', data)",
        lines: [2],
        suggestion: `Use \`'sha256'\` instead of \`'md5'\`, or pass \`usedforsecurity=False\` ${CHECKSUM}`,
      },
      // Arguments too long to quote (or holding a backtick) are not quoted; the function is named alone.
      {
        code: 'import hashlib\nhashlib.md5(json.dumps(payload, sort_keys=True).encode("utf-8"))',
        lines: [2],
        suggestion: `Use \`hashlib.sha256\`, or pass \`usedforsecurity=False\` to \`hashlib.md5\` ${CHECKSUM}`,
      },
      {
        code: 'import hashlib\nhashlib.md5(b"`x`" + data)',
        lines: [2],
        suggestion: `Use \`hashlib.sha256\`, or pass \`usedforsecurity=False\` to \`hashlib.md5\` ${CHECKSUM}`,
      },
      {
        code: 'from Crypto.Hash import MD5\nMD5.new(data)',
        lines: [2],
        suggestion: 'Use `SHA256.new(data)` from `Crypto.Hash` (`from Crypto.Hash import SHA256`).',
      },
      {
        code: 'from Cryptodome.Hash import SHA\nSHA.new()',
        lines: [2],
        suggestion: 'Use `SHA256.new()` from `Cryptodome.Hash` (`from Cryptodome.Hash import SHA256`).',
      },
      { code: 'from cryptography.hazmat.primitives import hashes\nhashes.MD5()', lines: [2], suggestion: 'Use `hashes.SHA256()`.' },
      {
        code: 'from cryptography.hazmat.primitives.hashes import SHA1\nSHA1()',
        lines: [2],
        suggestion: 'Use `SHA256()` from `cryptography.hazmat.primitives.hashes`.',
      },
      {
        code: 'import hashlib\npassword_hash = hashlib.md5(pw).hexdigest()',
        lines: [2],
        suggestion:
          'Hash passwords with a slow, salted function: `hashlib.scrypt` or argon2 (`argon2-cffi`); a fast hash such as SHA-256 is guessed quickly too.',
      },
      // An advisory note has nothing to fix.
      { code: 'import hashlib\netag = hashlib.md5(body).hexdigest()', lines: [2], suggestion: null },
    ],
    clean: [{ code: 'import hashlib\nhashlib.sha256(data)' }],
  });
});

// FINDINGS class 4: code that guards nothing. aiohttp ab76c5a6 gives a mock its spec with `sha1()`.
describe('weak-hash: code that guards nothing', () => {
  test.each([
    ['a mock spec', 'from hashlib import md5\nfrom unittest import mock\nm = mock.MagicMock(spec=md5())\n'],
    ['a mock spec_set', 'import hashlib\nfrom unittest import mock\nm = mock.Mock(spec_set=hashlib.sha1())\n'],
    ['the spec of create_autospec', 'import hashlib\nfrom unittest import mock\nm = mock.create_autospec(hashlib.sha1())\n'],
  ])('no finding: %s (nothing is hashed)', (_name, code) => {
    expect(runRule(weakHash, code, 'tests/test_digest.py')).toEqual([]);
    expect(runRule(weakHash, code)).toEqual([]);
  });

  test.each([
    ['a test file', 'tests/test_digest.py', 'Test code'],
    ['an example', 'examples/digest_auth.py', 'Example code'],
    ['the docs', 'docs/conf_example.py', 'Example code'],
  ])('an advisory note, not a defect, in %s', (_name, path, why) => {
    const findings = runRule(weakHash, 'import hashlib\nh = hashlib.md5(data).hexdigest()\n', path);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[2, 'low']]);
    expect(findings[0]!.advisory).toContain(why);
  });

  test.each([
    ['hashing data', 'import hashlib\nh = hashlib.sha1()\nh.update(data)\n', 2],
    ['data given, in a spec', 'import hashlib\nfrom unittest import mock\nm = mock.Mock(spec=hashlib.md5(data))\n', 3],
    ['an HMAC digest', 'import hashlib, hmac\nmac = hmac.new(key, msg, hashlib.sha1())\n', 2],
  ])('still a defect in library code: %s', (_name, code, line) => {
    const findings = runRule(weakHash, code, 'aiohttp/digest.py');
    expect(findings.map((f) => [f.line, f.severity, f.advisory])).toEqual([[line, 'medium', undefined]]);
  });
});
