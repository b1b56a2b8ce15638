import { uselessExpression } from '../../../analyzers/function-logic/useless-expression.js';
import { analyzeFile } from '../../../src/engine/run.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(uselessExpression, {
  flagged: [
    { code: 'def shutdown(conn):\n    conn.close\n', lines: [2], message: 'was a call (`conn.close()`) meant?' },
    { code: 'def f(x):\n    x\n', lines: [2], message: 'thrown away' },
    { code: 'def f():\n    1\n    True\n    None\n', lines: [2, 3, 4] },
    { code: 'def f(a, b):\n    a, b\n    [a, b]\n    {"k": a}\n', lines: [2, 3, 4] },
    { code: 'def f(a, b):\n    not a\n    a and b\n    -a\n    a if b else None\n', lines: [2, 3, 4, 5] },
    { code: 'def f(self):\n    self.items.sort\n', lines: [2], message: 'was a call' },
  ],
  clean: [
    // Docstrings and stub bodies.
    { code: 'def f():\n    """Docstring."""\n    ...\n' },
    { code: 'x = 1\n"""Attribute docstring."""\n' },
    // Anything that may run code: calls, subscripts, operators, f-strings, await, yield.
    { code: 'def f(a, d):\n    a.close()\n    d["key"]\n    a + 1\n    f"{a}"\n    [g() for g in a]\n' },
    { code: 'async def f(a):\n    await a\n' },
    { code: 'def f(a):\n    yield a\n' },
    { code: 'def f(a):\n    a.b().c\n    a[0].b\n' },
    // Attributes read for their effect: a lazy property, a type check (csv, traceback, urllib.parse).
    { code: 'def __next__(self):\n    if self.line_num == 0:\n        # Used only for its side effect.\n        self.fieldnames\n' },
    { code: 'def unquote(string):\n    if not string:\n        string.split\n        return b""\n' },
    { code: 'def f(self):\n    self.items.count\n' },
    // Evaluated for what it raises (`try: unicode / except NameError:`).
    { code: 'try:\n    unicode\nexcept NameError:\n    unicode = str\n' },
    { code: 'with pytest.raises(AttributeError):\n    obj.missing\n' },
    { code: 'with self.assertRaises(AttributeError):\n    obj.missing\n' },
    { code: 'with warnings.catch_warnings(record=True):\n    module.deprecated_name\n' },
    // An import marked as used (twisted's pop3client: "fake usage to please pyflakes").
    { code: 'from twisted.mail.pop3 import OK, ERR\nOK\nERR\n' },
    { code: 'def test_deprecated():\n    from twisted.protocols import dict\n    dict\n' },
    // Comparisons are useless-comparison's.
    { code: 'x == 1\n' },
  ],
});

test('a `# noqa: B018` for what Ruff flags and this rule leaves alone is not called unused (RUF100)', () => {
  // httpx's tests: Ruff's B018 flags the attribute read inside pytest.raises; the noqa is for Ruff.
  const code = 'import pytest\nwith pytest.raises(ResponseNotRead):\n    response.content  # noqa: B018\n';
  const result = analyzeFile('tests/test_responses.py', code, [{ rule: uselessExpression, options: {} }]);
  expect(result.findings).toEqual([]);
});
