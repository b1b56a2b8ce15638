import { hardcodedSecret } from '../../../analyzers/security/hardcoded-secret.js';
import { STRICT_CONVENTIONS } from '../../../src/engine/conventions.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

const KEY_BLOCK = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEA7'].join('\\n');

ruleTester(hardcodedSecret, {
  flagged: [
    { code: `DB_PASSWORD = "hunter2-prod"`, lines: [1], message: '`DB_PASSWORD`' },
    { code: `self.password = "s3cr3t!"`, lines: [1] },
    { code: `connect(host="db", password="s3cr3t!")`, lines: [1], message: '`password`' },
    { code: `def login(user, passwd="letmein99"):\n    pass`, lines: [1] },
    { code: `def login(user, passwd: str = "letmein99"):\n    pass`, lines: [1] },
    { code: `settings = {"api_key": "a8f5f167f44f4964e6c998dee827110c"}`, lines: [1] },
    { code: `if password == "Sup3rSecret":\n    grant()`, lines: [1] },
    { code: `API_TOKEN = "tok_8d9f7a6b5c4d3e2f1a0b"`, lines: [1] },
    { code: `aws = "AKIAIOSFODNN7EXAMPLE"`, lines: [1], message: 'AWS access key' },
    { code: `KEY = "${KEY_BLOCK}"`, lines: [1], message: 'private key' },
    { code: `gh = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"`, lines: [1], message: 'GitHub token' },
  ],
  clean: [
    // Read at run time: the acceptance's os.environ case.
    { code: `import os\nDB_PASSWORD = os.environ["DB_PASSWORD"]` },
    { code: `import os\npassword = os.getenv("PASSWORD")` },
    { code: `password = config.get("db", "password")` },
    // Names and templates about secrets, not secrets.
    { code: `PASSWORD_FIELD = "password"` },
    { code: `TOKEN_URL = "https://example.com/oauth/token"` },
    { code: `token_type = "bearer"` },
    { code: `password = ""` },
    { code: `password = "********"` },
    { code: `password = "<your password here>"` },
    { code: `prompt = "Password: "` },
    { code: `password_msg = "wrong password for %s"` },
    { code: `TOKEN = "access_token"` },
    { code: `form = {"password": "{password}"}` },
    // A tokenizer comparing tokens, not a secret.
    { code: `if token == "(":\n    depth += 1` },
    { code: `if token == "def":\n    pass` },
    { code: `CONFIG = {'MODULE_PWD_STATE': 'yes'}` },
    { code: `HELP = {'pass': 'The "pass" statement is a null operation'}` },
    // Regular expressions a token or password must match, not a token or password.
    { code: `_TOKEN = "[0-9a-zA-Z!#$%&'*+.^_|~-]+"` },
    { code: `NAME_TOKEN = r"[A-Za-z_]\\w*"` },
    { code: `PASSWORD_RE_PART = r"(?P<pw>[^:@]+)"` },
    { code: `HEX_TOKEN = r"0x[0-9a-f]+"` },
    // Test credentials are fixtures.
    { code: `password = "python123"`, path: 'tests/test_login.py' },
    { code: `'''Example: -----BEGIN RSA PRIVATE KEY----- goes here and more'''` },
  ],
});

test('hardcoded-secret: codes by where the secret is, severity by how sure', () => {
  expect(runRule(hardcodedSecret, 'password = "letmein99"\n')[0]).toMatchObject({ code: 'B105', severity: 'medium', cwe: 798 });
  expect(runRule(hardcodedSecret, 'f(password="letmein99")\n')[0]!.code).toBe('B106');
  expect(runRule(hardcodedSecret, 'def f(password="letmein99"): pass\n')[0]!.code).toBe('B107');
  expect(runRule(hardcodedSecret, 'k = "AKIAIOSFODNN7EXAMPLE"\n')[0]).toMatchObject({ severity: 'high', confidence: 'high' });
});

// FINDINGS class 4: aiohttp ab76c5a6 `examples/digest_auth_qop_auth.py` logs in to httpbin.org with its public test password.
describe("hardcoded-secret: demonstration code, and a fix in the code's own names", () => {
  test.each([
    ['an example', 'examples/digest_auth_qop_auth.py', 'Example code'],
    ['the docs', 'docs/code/login.py', 'Example code'],
  ])('an advisory note, not a defect, in %s', (_name, path, why) => {
    const findings = runRule(hardcodedSecret, 'USERNAME = "my"\nPASSWORD = "dog-2024x"\n', path);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[2, 'low']]);
    expect(findings[0]!.advisory).toContain(why);
  });

  test('in a file the conventions call test code', () => {
    const findings = runRule(hardcodedSecret, 'PASSWORD = "dog-2024x"\n', 'checks/login.py', {}, { ...STRICT_CONVENTIONS, testCode: true });
    expect(findings.map((f) => f.severity)).toEqual(['low']);
  });

  test('a real key shape in an example is still a defect', () => {
    const [finding] = runRule(hardcodedSecret, 'aws = "AKIAIOSFODNN7EXAMPLE"\n', 'examples/s3.py');
    expect(finding!.severity).toBe('high');
    expect(finding!.advisory).toBeUndefined();
  });

  test.each([
    ['PASSWORD = "dog-2024x"', '`PASSWORD = os.environ["PASSWORD"]`'],
    ['self.db_password = "s3cr3t!"', '`self.db_password = os.environ["DB_PASSWORD"]`'],
    ['connect(host="db", password="s3cr3t!")', '`password=os.environ["PASSWORD"]`'],
    ['settings = {"api_key": "a8f5f167f44f4964e6c998dee827110c"}', '`"api_key": os.environ["API_KEY"]`'],
    ['def login(user, passwd="letmein99"):\n    pass', '`os.environ["PASSWD"]`'],
  ])("the fix names the code's variable: %s", (code, fix) => {
    const findings = runRule(hardcodedSecret, code, 'app/db.py');
    expect(findings[0]!.suggestion).toContain(fix);
    // Not the rule doc's example name.
    expect(findings[0]!.suggestion).not.toContain('DB_PASSWORD = os.environ');
  });
});
