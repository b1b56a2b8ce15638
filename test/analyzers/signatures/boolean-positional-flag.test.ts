import { booleanPositionalFlag } from '../../../analyzers/signatures/boolean-positional-flag.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

test('FBT is opt-in', () => expect(booleanPositionalFlag.optIn).toBe(true));

ruleTester(booleanPositionalFlag, {
  flagged: [
    { code: 'def fetch(url: str, follow: bool) -> bytes:\n    pass', lines: [1], message: '`follow`' },
    { code: 'def fetch(url, follow=False):\n    pass', lines: [1] },
    { code: 'class C:\n    def run(self, dry_run: bool = False):\n        pass', lines: [2] },
  ],
  clean: [
    { code: 'def fetch(url: str, *, follow: bool = False) -> bytes:\n    pass' },
    { code: 'def _fetch(url, follow=False):\n    pass' },
    { code: 'def outer():\n    def inner(flag=True):\n        pass' },
    {
      code: 'class C:\n    def __setitem__(self, key, value: bool):\n        pass\n    @property\n    def on(self):\n        pass\n    @on.setter\n    def on(self, value: bool):\n        pass',
    },
    { code: 'from typing import override\nclass C(B):\n    @override\n    def run(self, flag: bool):\n        pass' },
    { code: 'bool = int\ndef f(x: bool):\n    pass' },
  ],
});

test('codes FBT001 for annotated flags, FBT002 for bare boolean defaults', () => {
  const findings = runRule(booleanPositionalFlag, 'def f(a: bool, b=True):\n    pass\n');
  expect(findings.map((f) => f.code)).toEqual(['FBT001', 'FBT002']);
});
