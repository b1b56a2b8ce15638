import type { Note } from './finding.js';

/**
 * What a file may spend when its analysis starts: its own time and findings budgets, and the
 * review's deadline. A file over budget is not fully reviewed: it comes back with a note of kind
 * 'over-budget' instead of hanging the review (or the server) on it.
 */
export interface JobLimits {
  /** Wall-clock milliseconds for one version of a file: parse, walk and rules. */
  fileTimeMs?: number;
  /** Findings (reported, before suppressions) one version of a file may produce. */
  fileFindings?: number;
  /** When the review's time runs out (see `now`), and how long it had. */
  reviewDeadline?: number;
  reviewTimeMs?: number;
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

/** Milliseconds on a clock that worker threads share (performance.now() starts anew in each). */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

/** What a walk may still spend: a deadline and a number of findings, each with the budget it stands for. */
export interface WalkLimits {
  deadline: number;
  deadlineBudget: { kind: BudgetKind; limit: number };
  findings: number;
  findingsBudget: { kind: BudgetKind; limit: number };
}

export const NO_LIMITS: WalkLimits = {
  deadline: Infinity,
  deadlineBudget: { kind: 'file-time', limit: Infinity },
  findings: Infinity,
  findingsBudget: { kind: 'file-findings', limit: Infinity },
};

/** A file's limits from `start` on: its own time budget or what is left of the review's, whichever ends first. */
export function limitsFrom(limits: JobLimits, start = now()): WalkLimits {
  const fileDeadline = limits.fileTimeMs !== undefined ? start + limits.fileTimeMs : Infinity;
  const reviewDeadline = limits.reviewDeadline ?? Infinity;
  const review = reviewDeadline < fileDeadline;
  return {
    deadline: Math.min(fileDeadline, reviewDeadline),
    deadlineBudget: review ? { kind: 'review-time', limit: limits.reviewTimeMs ?? 0 } : { kind: 'file-time', limit: limits.fileTimeMs ?? Infinity },
    findings: limits.fileFindings ?? Infinity,
    findingsBudget: { kind: 'file-findings', limit: limits.fileFindings ?? Infinity },
  };
}
