import { tlsVerificationDisabled } from '../../../analyzers/security/tls-verification-disabled.js';
import { STRICT_CONVENTIONS } from '../../../src/engine/conventions.js';
import { analyzeFile } from '../../../src/engine/run.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(tlsVerificationDisabled, {
  flagged: [
    { code: `import requests\nrequests.get(url, verify=False)`, lines: [2], message: '`verify="/path/to/ca.pem"`' },
    { code: `import httpx\nhttpx.Client(verify=False)`, lines: [2], message: '`verify=ssl.create_default_context(cafile=' },
    { code: `session.post(url, data=d, verify=False)`, lines: [1] },
    { code: `import ssl\nctx = ssl._create_unverified_context()`, lines: [2], message: 'accepts any certificate' },
    { code: `import ssl\nctx.verify_mode = ssl.CERT_NONE`, lines: [2] },
    { code: `import ssl\nssl.wrap_socket(s, cert_reqs=ssl.CERT_NONE)`, lines: [2] },
  ],
  clean: [
    { code: `import requests\nrequests.get(url)` },
    { code: `import requests\nrequests.get(url, verify=True)` },
    { code: `import requests\nrequests.get(url, verify="/etc/ssl/ca.pem")` },
    { code: `import ssl\nctx = ssl.create_default_context()` },
    { code: `import ssl\nctx.verify_mode = ssl.CERT_REQUIRED` },
    { code: `signer.verify(data, verify=False)` },
    // Hostname checks alone off, and tests against their own self-signed servers.
    { code: `ctx.check_hostname = False` },
  ],
});

test('tls-verification-disabled: codes and CWE', () => {
  expect(runRule(tlsVerificationDisabled, 'import requests\nrequests.get(u, verify=False)\n')[0]).toMatchObject({
    code: 'B501',
    cwe: 295,
    severity: 'high',
    confidence: 'high',
  });
  expect(runRule(tlsVerificationDisabled, 'import ssl\nssl._create_unverified_context()\n')[0]!.code).toBe('B323');
});

test('tls-verification-disabled: the fix names the library the code calls', () => {
  const [httpx] = runRule(tlsVerificationDisabled, 'import httpx\nhttpx.get(url, verify=False)\n');
  expect(httpx!.message).not.toContain('requests');
  const [requests] = runRule(tlsVerificationDisabled, 'import requests\nrequests.get(url, verify=False)\n');
  expect(requests!.message).not.toContain('httpx');
  expect(requests!.message).not.toContain('create_default_context');
});

describe('tls-verification-disabled: an opt-out the caller asked for, or test code, is an advisory note of low severity', () => {
  // httpx 0.28's SSLContext (encode/httpx 8e36f2bc, httpx/_config.py): verify=False passed by the caller.
  const httpxConfig = `
import ssl

class SSLContext(ssl.SSLContext):
    def __init__(self, verify: bool = True, cert=None) -> None:
        self.verify = verify
        super().__init__()
        if not verify:
            self.check_hostname = False
            self.verify_mode = ssl.CERT_NONE
            return
        self.verify_mode = ssl.CERT_REQUIRED
`;
  test.each([
    ['if not verify: (httpx _config.py)', httpxConfig, 'httpx/_config.py', 9, '`verify`'],
    [
      'else branch of if verify:',
      'import ssl\ndef make(verify=True):\n    ctx = ssl.create_default_context()\n    if verify:\n        pass\n    else:\n        ctx.verify_mode = ssl.CERT_NONE\n',
      'm.py',
      7,
      '`verify`',
    ],
    [
      'if insecure is True:',
      'import requests\ndef fetch(url, insecure=False):\n    if insecure is True:\n        return requests.get(url, verify=False)\n',
      'm.py',
      4,
      '`insecure`',
    ],
    [
      'a conditional expression',
      'import ssl\ndef ctx(verify):\n    return ssl._create_unverified_context() if not verify else ssl.create_default_context()\n',
      'm.py',
      3,
      '`verify`',
    ],
    [
      'verify=False in a test file',
      'import httpx\ndef test_self_signed(server):\n    httpx.get(server.url, verify=False)\n',
      'tests/test_tls.py',
      3,
      'Test code',
    ],
    ['CERT_NONE in a test file', 'import ssl\nctx.verify_mode = ssl.CERT_NONE\n', 'tests/test_tls.py', 2, 'Test code'],
  ])('%s', (_name, code, path, line, why) => {
    const findings = runRule(tlsVerificationDisabled, code, path);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[line, 'low']]);
    expect(findings[0]!.advisory).toContain(why);
  });

  test.each([
    ['a condition on a setting, not a parameter', 'import ssl\nif not settings.VERIFY:\n    ctx.verify_mode = ssl.CERT_NONE\n'],
    ['a condition on a local', 'import ssl\ndef f():\n    verify = load()\n    if not verify:\n        ctx.verify_mode = ssl.CERT_NONE\n'],
    [
      'a parameter tested in another function',
      'import ssl\ndef f(verify):\n    if not verify:\n        def g():\n            ctx.verify_mode = ssl.CERT_NONE\n',
    ],
  ])('still a defect: %s', (_name, code) => {
    const findings = runRule(tlsVerificationDisabled, code);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.advisory).toBeUndefined();
    expect(findings[0]!.severity).toBe('medium');
  });

  test('in a file the conventions call test code', () => {
    const result = analyzeFile('checks/tls.py', 'import ssl\nctx.verify_mode = ssl.CERT_NONE\n', [{ rule: tlsVerificationDisabled, options: {} }], {
      ...STRICT_CONVENTIONS,
      testCode: true,
    });
    expect(result.findings.map((f) => [f.severity, f.advisory !== undefined])).toEqual([['low', true]]);
  });
});
