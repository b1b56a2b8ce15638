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

describe('insecure-tls-version: the constant to use instead, named as the code names its module', () => {
  const SSL = (ssl: string): string =>
    `Use \`${ssl}PROTOCOL_TLS_CLIENT\` (\`PROTOCOL_TLS_SERVER\` in a server) and set the context's \`minimum_version\` to \`${ssl}TLSVersion.TLSv1_2\`.`;
  ruleTester(insecureTlsVersion, {
    flagged: [
      { code: 'import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)', lines: [2], suggestion: SSL('ssl.') },
      { code: 'import ssl as s\nctx = s.SSLContext(protocol=s.PROTOCOL_SSLv3)', lines: [2], suggestion: SSL('s.') },
      { code: 'import ssl\nfrom ssl import PROTOCOL_TLSv1\nctx = ssl.SSLContext(PROTOCOL_TLSv1)', lines: [3], suggestion: SSL('ssl.') },
      { code: 'import ssl\ndef connect(host, version=ssl.PROTOCOL_TLSv1_1):\n    pass', lines: [2], suggestion: SSL('ssl.') },
      {
        code: 'import ssl\nssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_SSLv3)',
        lines: [2],
        suggestion:
          'Make a context with `ssl.create_default_context()` (TLS 1.2 or later) and call its `wrap_socket`; `ssl.wrap_socket` is gone in Python 3.12.',
      },
      {
        code: 'from OpenSSL import SSL\nSSL.Context(method=SSL.SSLv2_METHOD)',
        lines: [2],
        suggestion: 'Use `SSL.TLS_METHOD` and call `set_min_proto_version(SSL.TLS1_2_VERSION)` on the context.',
      },
    ],
    clean: [{ code: 'import ssl\nctx = ssl.create_default_context()' }],
  });
});
