import { insecureTempFile } from '../../../analyzers/security/insecure-temp-file.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(insecureTempFile, {
  flagged: [
    { code: `import tempfile\npath = tempfile.mktemp()`, lines: [2], message: 'mkstemp' },
    { code: `from tempfile import mktemp\nname = mktemp(suffix=".txt")`, lines: [2] },
    { code: `open("/tmp/report.csv", "w")`, lines: [1], message: '/tmp/report.csv' },
    { code: `LOG = "/var/tmp/app.log"`, lines: [1] },
  ],
  clean: [
    { code: `import tempfile\nfd, path = tempfile.mkstemp()` },
    { code: `import tempfile\nwith tempfile.NamedTemporaryFile() as f:\n    pass` },
    { code: `if path.startswith("/tmp/"):\n    pass` },
    { code: `"""Files go to /tmp/cache by default."""` },
    { code: `open("/tmp/x", "w")`, path: 'tests/test_io.py' },
    { code: `open("/tmpfiles/x")` },
  ],
});

test('insecure-temp-file: mktemp is B306, hard-coded paths B108', () => {
  expect(runRule(insecureTempFile, 'import tempfile\ntempfile.mktemp()\n')[0]).toMatchObject({ code: 'B306', cwe: 377 });
  expect(runRule(insecureTempFile, 'p = "/tmp/x"\n')[0]!.code).toBe('B108');
});
