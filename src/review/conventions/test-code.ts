/**
 * Test code by its path, as pytest and unittest discovery find it: `test_*.py`, `*_test.py`,
 * `tests.py`, `conftest.py`, or anything under a `tests` or `test` folder. `test.py` alone is
 * left out: werkzeug's and Django's `test` modules are library code that ships a test client.
 */
export function isTestPath(path: string): boolean {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const base = parts.pop() ?? '';
  if (/^(test_.+|.+_tests?|tests|conftest)\.pyi?$/.test(base)) return true;
  return parts.some((p) => p === 'tests' || p === 'test');
}
