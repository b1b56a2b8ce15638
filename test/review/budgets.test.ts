import { APP_BUDGET, reviewBudget } from '../../src/review/budgets.js';
import { validateConfig } from '../../src/review/config.js';

/** `budgets:` in the config becomes the review's budget, in the engine's units, within the app's ceilings. */
describe('budgets', () => {
  const config = (budgets: unknown) => validateConfig({ budgets });

  test('none by default: a review takes as long as it takes (the CLI)', () => {
    expect(reviewBudget(config(undefined).config)).toEqual({});
  });

  test('seconds become milliseconds; counts stay counts', () => {
    const { config: c, problems } = config({ file_seconds: 2.5, file_findings: 100, review_seconds: 60, review_findings: 1000 });
    expect(problems).toEqual([]);
    expect(reviewBudget(c)).toEqual({ fileTimeMs: 2500, fileFindings: 100, reviewTimeMs: 60_000, reviewFindings: 1000 });
  });

  test('in the app a repository may lower the ceilings, never raise them', () => {
    expect(reviewBudget(config(undefined).config, APP_BUDGET)).toEqual(APP_BUDGET);
    const { config: c } = config({ file_seconds: 5, review_findings: 10_000_000 });
    expect(reviewBudget(c, APP_BUDGET)).toEqual({ ...APP_BUDGET, fileTimeMs: 5000 });
  });

  test('a misspelt or wrong budget is a named problem, and the rest of the config still applies', () => {
    const { config: c, problems } = validateConfig({ budgets: { file_secs: 5 }, report: 'all' });
    expect(problems.map((p) => p.key)).toEqual(['budgets']);
    expect(c.report).toBe('all');
    expect(config({ file_findings: 0.5 }).problems.map((p) => p.key)).toEqual(['budgets.file_findings']);
    expect(config({ review_seconds: -1 }).problems.map((p) => p.key)).toEqual(['budgets.review_seconds']);
  });
});
