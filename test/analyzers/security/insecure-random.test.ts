import { insecureRandom } from '../../../analyzers/security/insecure-random.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(insecureRandom, {
  flagged: [
    { code: `import random\ntoken = "".join(random.choice(alphabet) for _ in range(32))`, lines: [2], message: 'makes `token`' },
    { code: `import random\nself.session_id = random.getrandbits(64)`, lines: [2] },
    { code: `import random\nreset_code = random.randint(100000, 999999)`, lines: [2] },
    { code: `from random import choice\npassword = choice(words)`, lines: [2] },
    { code: `import random\ndef generate_api_key():\n    return "%032x" % random.getrandbits(128)`, lines: [3], message: 'used in `generate_api_key`' },
  ],
  clean: [
    { code: `import random\nx = random.choice(items)` },
    { code: `import random\ndef shuffle_deck(deck):\n    random.shuffle(deck)` },
    { code: `import secrets\ntoken = secrets.token_urlsafe(32)` },
    { code: `import random\ndelay = random.uniform(0.1, 0.5)` },
    { code: `import random\nrng = random.SystemRandom()\ntoken = rng.choice(alphabet)` },
  ],
});

describe('insecure-random: the `secrets` call that does the same job, in the arguments at hand', () => {
  const USE = (call: string): string => `Use \`${call}\` (\`import secrets\`).`;
  ruleTester(insecureRandom, {
    flagged: [
      { code: 'import random\ntoken = "".join(random.choice(alphabet) for _ in range(32))', lines: [2], suggestion: USE('secrets.choice(alphabet)') },
      { code: 'import random\nself.session_id = random.getrandbits(64)', lines: [2], suggestion: USE('secrets.randbits(64)') },
      { code: 'import random\nreset_code = random.randint(100000, 999999)', lines: [2], suggestion: USE('100000 + secrets.randbelow(900000)') },
      { code: 'import random\notp = random.randint(0, 9)', lines: [2], suggestion: USE('secrets.randbelow(10)') },
      { code: 'import random\npin = random.randint(1, n)', lines: [2], suggestion: USE('1 + secrets.randbelow(n)') },
      { code: 'import random\npin = random.randint(0, len(digits) - 1)', lines: [2], suggestion: USE('secrets.randbelow(len(digits))') },
      { code: 'import random\npin = random.randint(1, n - 1)', lines: [2], suggestion: USE('1 + secrets.randbelow(n - 1)') },
      { code: 'import random\npin = random.randrange(0, 2 * n)', lines: [2], suggestion: USE('secrets.randbelow(2 * n)') },
      { code: 'import random\npin = random.randint(0, a if b else c - 1)', lines: [2], suggestion: USE('secrets.randbelow((a if b else c - 1) + 1)') },
      { code: 'import random\npin = random.randint(lo, hi)', lines: [2], suggestion: USE('lo + secrets.randbelow(hi - lo + 1)') },
      { code: 'import random\npin = random.randint(f(a) + 1, g(b))', lines: [2], suggestion: USE('(f(a) + 1) + secrets.randbelow(g(b) - (f(a) + 1) + 1)') },
      { code: 'import random\nsalt = random.randrange(256)', lines: [2], suggestion: USE('secrets.randbelow(256)') },
      { code: 'import random\nsalt = random.randrange(10, 20)', lines: [2], suggestion: USE('10 + secrets.randbelow(10)') },
      { code: 'import random\nsalt = random.randbytes(16)', lines: [2], suggestion: USE('secrets.token_bytes(16)') },
      {
        code: 'from random import choices\npassword = "".join(choices(chars, k=12))',
        lines: [2],
        suggestion: USE('secrets.SystemRandom().choices(chars, k=12)'),
      },
      // Arguments too long (or hostile) to quote: the method of `secrets.SystemRandom`, named alone.
      {
        code: 'import random\ntoken = random.choice(string.ascii_letters + string.digits + "-_")',
        lines: [2],
        suggestion: 'Use `secrets.SystemRandom().choice`, which has the same arguments (`import secrets`).',
      },
    ],
    clean: [{ code: 'import secrets\ntoken = secrets.token_urlsafe(32)' }],
  });
});
