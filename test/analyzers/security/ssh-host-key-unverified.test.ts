import { sshHostKeyUnverified } from '../../../analyzers/security/ssh-host-key-unverified.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(sshHostKeyUnverified, {
  flagged: [
    { code: `import paramiko\nclient.set_missing_host_key_policy(paramiko.AutoAddPolicy())`, lines: [2], message: 'AutoAddPolicy' },
    { code: `from paramiko import WarningPolicy\nclient.set_missing_host_key_policy(WarningPolicy)`, lines: [2] },
  ],
  clean: [{ code: `import paramiko\nclient.set_missing_host_key_policy(paramiko.RejectPolicy())` }, { code: `client.load_system_host_keys()` }],
});

test('ssh-host-key-unverified: B507, CWE-295', () => {
  expect(runRule(sshHostKeyUnverified, 'c.set_missing_host_key_policy(paramiko.AutoAddPolicy())\n')[0]).toMatchObject({
    code: 'B507',
    cwe: 295,
    severity: 'high',
  });
});
