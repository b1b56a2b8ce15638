import { bindAllInterfaces } from '../../../analyzers/security/bind-all-interfaces.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(bindAllInterfaces, {
  flagged: [
    { code: `sock.bind(("0.0.0.0", 8080))`, lines: [1], message: '0.0.0.0' },
    { code: `app.run(host="0.0.0.0")`, lines: [1] },
    { code: `HOST = '0.0.0.0'`, lines: [1] },
    { code: `def serve(host="0.0.0.0", port=80):\n    pass`, lines: [1] },
    { code: `server = loop.create_server(Proto, '0.0.0.0', 8000)`, lines: [1] },
    // A settings class: its constants and its bind address are where the server listens.
    { code: `class Config:\n    HOST = "0.0.0.0"\n    bind_address: str = "0.0.0.0"`, lines: [2, 3] },
    { code: `def serve(listen_host="0.0.0.0"):\n    pass`, lines: [1] },
  ],
  clean: [
    { code: `sock.bind(("127.0.0.1", 8080))` },
    { code: `if host == "0.0.0.0":\n    warn()` },
    { code: `names = {"0.0.0.0": "any"}` },
    { code: `"""Binds to 0.0.0.0 by default."""` },
    { code: `if not name or name in ('0.0.0.0', '::'):\n    pass` },
    { code: `from ipaddress import IPv4Address\nunspecified = IPv4Address('0.0.0.0')` },
    { code: `self.assertEqual(host, '0.0.0.0')` },
    // A client's source address: "any interface" to send from, not a listener.
    { code: `transport = httpx.HTTPTransport(local_address="0.0.0.0")` },
    { code: `def connect(host, port, source_address="0.0.0.0"):\n    pass` },
    { code: `src_addr = "0.0.0.0"` },
    // A field of a data class, not where anything listens.
    { code: `@dataclass\nclass Route:\n    address: str = "0.0.0.0"\n    gateway = "0.0.0.0"` },
  ],
});

test('bind-all-interfaces: B104, CWE-605', () => {
  expect(runRule(bindAllInterfaces, 'HOST = "0.0.0.0"\n')[0]).toMatchObject({ code: 'B104', cwe: 605, severity: 'medium' });
});
