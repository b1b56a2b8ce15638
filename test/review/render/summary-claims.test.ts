import { analyze } from '../../../src/engine/analyze.js';
import { renderSummary } from '../../../src/review/render/summary.js';
import { DEFAULT_CONFIG, enabledRules } from '../../../src/review/config.js';
import { dedent } from '../../helpers/rule-tester.js';
import { planOf } from '../../helpers/plan.js';

/** The summary, from the real engine with the default rules, for one file. */
function summaryOf(code: string): string {
  return renderSummary(planOf(analyze([{ path: 'app.py', source: dedent(code) }], enabledRules(DEFAULT_CONFIG))));
}

test('a file with no annotations at all is never called inconsistent', () => {
  const text = summaryOf(`
    """Helpers."""


    def add(a, b):
        """Add."""
        return a + b


    def sub(a, b):
        """Subtract."""
        return a - b
  `);
  expect(text).toContain('Type hints and annotations');
  expect(text.toLowerCase()).not.toContain('inconsisten');
});

test("a decorator's functools.wraps wrapper is not reported as nested logic", () => {
  const text = summaryOf(`
    """Decorators."""
    import functools


    def logged(func):
        """Log calls."""
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return func(*args, **kwargs)
        return wrapper
  `);
  expect(text).not.toContain('Decorated helper');
  expect(text).not.toContain('Function logic');
});

test('camelCase beside snake_case: the mix is claimed with a real example of each', () => {
  const text = summaryOf(`
    """Pages."""


    def fetchPage(url):
        """Fetch one page."""
        return url


    def fetch_all(urls):
        """Fetch every page."""
        return [fetchPage(u) for u in urls]
  `);
  expect(text).toMatch(/mixes camelCase \(e\.g\., `fetchPage` at `?app\.py:4`?\) and snake_case \(e\.g\., `fetch_all` at `?app\.py:9`?\)/);
});

test('only snake_case: no naming item at all', () => {
  const text = summaryOf(`
    """Pages."""


    def fetch_page(url):
        """Fetch one page."""
        return url
  `);
  expect(text).not.toContain('naming');
});

test('a crafted file name in a note can neither mention anyone nor format the summary', () => {
  const text = renderSummary(planOf(analyze([{ path: '@octo/team_**x**.py', source: 'def f(:\n' }], enabledRules(DEFAULT_CONFIG))));
  // Inside code spans GitHub neither mentions nor formats; outside them the name is neutralised.
  const prose = text.replace(/`[^`\n]*`/g, '');
  expect(prose).not.toMatch(/(^|[^\u200b])@octo/);
  expect(text).toContain('@\u200bocto/team\\_\\*\\*x\\*\\*.py');
});
