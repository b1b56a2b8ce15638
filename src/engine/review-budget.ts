import { now, overBudgetNote, type BudgetKind, type JobLimits } from './budget.js';
import type { JobResult } from './job.js';
import type { FileResult } from './run.js';

/**
 * Time and findings a review may spend. Per file: each version of a file (base, head) gets the
 * file budgets. Per review: a deadline shared by every file and a total of findings.
 */
export interface ReviewBudget {
  fileTimeMs?: number;
  fileFindings?: number;
  reviewTimeMs?: number;
  reviewFindings?: number;
}

/**
 * One review's budgets while its files are analysed. Every file gets the file budgets and the
 * review's deadline (`limits`). Findings are counted as results arrive, so that once the total is
 * passed the files not started yet are not started at all (`spent`); and counted again in file
 * order at the end (`settle`), so that which files are cut never depends on which worker
 * finished first.
 */
export class ReviewAccount {
  readonly limits: JobLimits;
  private findings = 0;

  constructor(
    private readonly budget: ReviewBudget,
    start = now(),
  ) {
    this.limits = {
      ...(budget.fileTimeMs !== undefined ? { fileTimeMs: budget.fileTimeMs } : {}),
      ...(budget.fileFindings !== undefined ? { fileFindings: budget.fileFindings } : {}),
      ...(budget.reviewTimeMs !== undefined ? { reviewDeadline: start + budget.reviewTimeMs, reviewTimeMs: budget.reviewTimeMs } : {}),
    };
  }

  /** Why a file not started yet should not start: the review is past its findings total or its deadline. */
  spent(): { kind: BudgetKind; limit: number } | undefined {
    const { reviewFindings, reviewTimeMs } = this.budget;
    if (reviewFindings !== undefined && this.findings > reviewFindings) return { kind: 'review-findings', limit: reviewFindings };
    if (this.limits.reviewDeadline !== undefined && now() >= this.limits.reviewDeadline) return { kind: 'review-time', limit: reviewTimeMs ?? 0 };
    return undefined;
  }

  /** A file's result as it arrives (only the head's findings are the review's). */
  count(result: JobResult): void {
    this.findings += result.head.findings.length;
  }

  /** In file order: from the file whose head findings take the review past its total on, files are notes. */
  settle<T extends JobResult | undefined>(results: readonly T[]): Array<T | JobResult> {
    const total = this.budget.reviewFindings;
    if (total === undefined) return [...results];
    let count = 0;
    return results.map((result) => {
      if (!result) return result;
      count += result.head.findings.length;
      if (count <= total) return result;
      const cut = (r: FileResult): FileResult => ({ ...overBudgetVersion(r.path, 'review-findings', total), lines: r.lines });
      return { head: cut(result.head), ...(result.base ? { base: cut(result.base) } : {}) };
    });
  }
}

/** A file (and its base) not reviewed because of a budget: no findings, one note each. */
export function overBudgetResults(path: string, basePath: string | undefined, kind: BudgetKind, limit: number): JobResult {
  return { head: overBudgetVersion(path, kind, limit), ...(basePath !== undefined ? { base: overBudgetVersion(basePath, kind, limit) } : {}) };
}

function overBudgetVersion(path: string, kind: BudgetKind, limit: number): FileResult {
  return { path, lines: 0, findings: [], conformingNames: [], suppressed: [], measurements: [], notes: [overBudgetNote(path, kind, limit)] };
}
