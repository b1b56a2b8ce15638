import { tlsVerificationDisabled } from '../../../analyzers/security/tls-verification-disabled.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(tlsVerificationDisabled, {
  flagged: [
    { code: `import requests\nrequests.get(url, verify=False)`, lines: [2], message: 'verify=False' },
    { code: `import httpx\nhttpx.Client(verify=False)`, lines: [2] },
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
    { code: `import ssl\nctx.verify_mode = ssl.CERT_NONE`, path: 'tests/test_tls.py' },
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
