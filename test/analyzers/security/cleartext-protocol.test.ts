import { cleartextProtocol } from '../../../analyzers/security/cleartext-protocol.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(cleartextProtocol, {
  flagged: [
    { code: `import ftplib\nftp = ftplib.FTP("files.example.com")`, lines: [2], message: 'FTP' },
    { code: `from telnetlib import Telnet\ntn = Telnet(host)`, lines: [2], message: 'Telnet' },
    // Imported by a helper call: resolved like an import.
    { code: `from test.support import warnings_helper\ntelnetlib = warnings_helper.import_deprecated('telnetlib')\ntelnetlib.Telnet(h)`, lines: [3] },
  ],
  clean: [{ code: `import ftplib\nftp = ftplib.FTP_TLS("files.example.com")` }, { code: `import paramiko\nparamiko.SSHClient()` }],
});

test('cleartext-protocol: B321 for FTP, B312 for Telnet, CWE-319', () => {
  expect(runRule(cleartextProtocol, 'import ftplib\nftplib.FTP(h)\n')[0]).toMatchObject({ code: 'B321', cwe: 319 });
  expect(runRule(cleartextProtocol, 'import telnetlib\ntelnetlib.Telnet(h)\n')[0]!.code).toBe('B312');
});
