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
