import type { ReviewBudget } from '../engine/review-budget.js';
import type { Config } from './config.js';

/**
 * The app's ceilings: what one review may take of the server's workers, whatever a repository's
 * config asks for. A 1 MB file of one-line functions yields some 135,000 findings; the standard
 * library's worst file (test_typing.py, 300 kB) has about 1,900 and takes half a second.
 */
export const APP_BUDGET: Required<ReviewBudget> = {
  fileTimeMs: 20_000,
  fileFindings: 10_000,
  reviewTimeMs: 300_000,
  reviewFindings: 50_000,
};

/** The config's budgets (`budgets:`), each held within the ceiling when there is one. */
export function reviewBudget(config: Pick<Config, 'budgets'>, ceiling: ReviewBudget = {}): ReviewBudget {
  const { file_seconds, file_findings, review_seconds, review_findings } = config.budgets;
  const within = (wanted: number | undefined, max: number | undefined): number | undefined =>
    wanted === undefined ? max : max === undefined ? wanted : Math.min(wanted, max);
  const budget: ReviewBudget = {};
  const set = (key: keyof ReviewBudget, value: number | undefined): void => {
    if (value !== undefined) budget[key] = value;
  };
  set('fileTimeMs', within(file_seconds === undefined ? undefined : file_seconds * 1000, ceiling.fileTimeMs));
  set('fileFindings', within(file_findings, ceiling.fileFindings));
  set('reviewTimeMs', within(review_seconds === undefined ? undefined : review_seconds * 1000, ceiling.reviewTimeMs));
  set('reviewFindings', within(review_findings, ceiling.reviewFindings));
  return budget;
}
