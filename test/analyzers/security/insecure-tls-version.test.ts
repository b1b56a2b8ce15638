import { insecureTlsVersion } from '../../../analyzers/security/insecure-tls-version.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(insecureTlsVersion, {
  flagged: [
    { code: `import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)`, lines: [2], message: 'PROTOCOL_TLSv1' },
    { code: `import ssl\nssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_SSLv3)`, lines: [2] },
    { code: `from OpenSSL import SSL\nSSL.Context(method=SSL.SSLv2_METHOD)`, lines: [2] },
    { code: `import ssl\ndef connect(host, version=ssl.PROTOCOL_TLSv1_1):\n    pass`, lines: [2] },
  ],
  clean: [
    { code: `import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)` },
    { code: `import ssl\nctx = ssl.create_default_context()` },
    { code: `import ssl\nctx.minimum_version = ssl.TLSVersion.TLSv1_2` },
    // Despite their names these negotiate the best version both sides support.
    { code: `from OpenSSL import SSL\nctx = SSL.Context(SSL.SSLv23_METHOD)` },
    { code: `from OpenSSL import SSL\ndef connect(host, method=SSL.SSLv23_METHOD):\n    pass` },
    { code: `import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_SSLv23)` },
  ],
});

test('insecure-tls-version: B502 in calls, B503 in defaults', () => {
  expect(runRule(insecureTlsVersion, 'import ssl\nssl.SSLContext(ssl.PROTOCOL_SSLv2)\n')[0]).toMatchObject({ code: 'B502', cwe: 327 });
  expect(runRule(insecureTlsVersion, 'import ssl\ndef f(v=ssl.PROTOCOL_SSLv2): pass\n')[0]!.code).toBe('B503');
});
