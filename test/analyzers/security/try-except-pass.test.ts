import { tryExceptPass } from '../../../analyzers/security/try-except-pass.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(tryExceptPass, {
  flagged: [
    { code: `try:\n    verify_signature(payload)\nexcept Exception:\n    pass`, lines: [3], message: 'silently ignored' },
    { code: `try:\n    os.chmod(path, 0o600)\nexcept:\n    pass`, lines: [3] },
    { code: `for c in certs:\n    try:\n        ctx.load_verify_locations(c)\n    except Exception as e:\n        continue`, lines: [4] },
  ],
  clean: [
    { code: `try:\n    import ujson as json\nexcept ImportError:\n    pass` },
    { code: `try:\n    os.remove(path)\nexcept Exception:\n    pass` },
    { code: `try:\n    verify_signature(payload)\nexcept ValueError:\n    pass` },
    { code: `try:\n    verify_signature(payload)\nexcept Exception:\n    log.warning("bad signature")\n    raise` },
  ],
});

test('try-except-pass: low severity, B110 / B112', () => {
  expect(runRule(tryExceptPass, 'try:\n    authenticate(u)\nexcept:\n    pass\n')[0]).toMatchObject({ code: 'B110', severity: 'low', cwe: 703 });
  expect(runRule(tryExceptPass, 'for x in y:\n    try:\n        authenticate(u)\n    except:\n        continue\n')[0]!.code).toBe('B112');
});
