import type { Note } from './finding.js';

/**
 * How much one file may cost. A file over budget is not fully reviewed: it comes back with a note
 * of kind 'over-budget' instead of hanging the review (or the server) on it.
 */
export interface FileBudget {
  /** Wall-clock milliseconds for parse, walk and rules, counted from when the file's analysis starts. */
  timeMs?: number;
  /** Findings (reported, before suppressions) one file may produce. */
  findings?: number;
}

/** Which budget a file went over: its own, or what was left of the review's. */
export type BudgetKind = 'file-time' | 'file-findings' | 'review-time' | 'review-findings';

/** Thrown inside the walk when a budget runs out; the engine turns it into a note, never a crash. */
export class OverBudget extends Error {
  constructor(
    readonly budget: BudgetKind,
    readonly limit: number,
  ) {
    super(`over the ${budget} budget`);
  }
}

const DESCRIPTIONS: Record<BudgetKind, (limit: number) => string> = {
  'file-time': (limit) => `its analysis took longer than the per-file time budget (${seconds(limit)})`,
  'file-findings': (limit) => `it produced more than the per-file budget of ${limit} findings`,
  'review-time': (limit) => `the review ran out of its time budget (${seconds(limit)}) before this file was done`,
  'review-findings': (limit) => `the review reached its budget of ${limit} findings before this file was done`,
};

export function overBudgetNote(path: string, budget: BudgetKind, limit: number): Note {
  return { path, kind: 'over-budget', message: `${path}: not fully reviewed: ${DESCRIPTIONS[budget](limit)}` };
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 ? 1 : 0)} s` : `${ms} ms`;
}
