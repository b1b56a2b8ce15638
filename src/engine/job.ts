import type { FileConventions } from './conventions.js';
import type { Severity } from './finding.js';
import type { EnabledRule } from './rule.js';
import { STRICT_CONVENTIONS } from './conventions.js';
import { lineStartsOf, parseFlat, parseFlatEditable } from './parse.js';
import type { FlatTree } from './flat-tree.js';
import { analyzeTree, overBudgetResult, type FileResult } from './run.js';
import { now, type WalkLimits } from './file-analysis.js';

/**
 * One file of a review as the worker pool receives it: plain data, so that it can cross to a
 * worker thread. A changed file carries its base too: the worker parses the base, then the head
 * against the base's edited tree, and returns both results.
 */
export interface FileJob {
  path: string;
  source: string;
  /** What the code around the file expects of it; strict when not given. */
  conventions?: FileConventions;
  /** The version before the change (for a renamed file, with its old path). */
  base?: { source: string; path?: string; conventions?: FileConventions };
}

export interface JobResult {
  head: FileResult;
  base?: FileResult;
}

/** A rule as a worker receives it: resolved there from the registry (analyzers/index.ts). */
export interface RuleSpec {
  id: string;
  options: Record<string, unknown>;
  severity?: Severity;
}

/**
 * Time and findings a review may spend. Per file: each version of a file (base, head) gets the
 * file budgets. Per review: a deadline for every file and a total of findings (see pool.ts).
 */
export interface ReviewBudget {
  fileTimeMs?: number;
  fileFindings?: number;
  reviewTimeMs?: number;
  reviewFindings?: number;
}

/** What a job may still spend when it starts: its budgets and the review's deadline (epoch ms, see now()). */
export interface JobLimits {
  fileTimeMs?: number;
  fileFindings?: number;
  reviewDeadline?: number;
  reviewTimeMs?: number;
}

export function specOf(enabled: EnabledRule): RuleSpec {
  return { id: enabled.rule.id, options: enabled.options, ...(enabled.severity ? { severity: enabled.severity } : {}) };
}

/** A file's limits from now on: its own time budget or what is left of the review's, whichever ends first. */
export function limitsFrom(limits: JobLimits, start = now()): WalkLimits {
  const fileDeadline = limits.fileTimeMs !== undefined ? start + limits.fileTimeMs : Infinity;
  const reviewDeadline = limits.reviewDeadline ?? Infinity;
  const review = reviewDeadline < fileDeadline;
  return {
    deadline: Math.min(fileDeadline, reviewDeadline),
    deadlineBudget: review ? { kind: 'review-time', limit: limits.reviewTimeMs ?? Infinity } : { kind: 'file-time', limit: limits.fileTimeMs ?? Infinity },
    findings: limits.fileFindings ?? Infinity,
    findingsBudget: { kind: 'file-findings', limit: limits.fileFindings ?? Infinity },
  };
}

/** Analyses one job: the base first (its tree kept for the head's incremental parse), then the head. */
export function runJob(job: FileJob, rules: readonly EnabledRule[], limits: JobLimits = {}): JobResult {
  const headLines = lineStartsOf(job.source);
  if (job.base === undefined)
    return { head: analyzeVersion(job.path, headLines, rules, job.conventions, limits, (options) => parseFlat(job.source, headLines, options)) };
  const base = job.base;
  const basePath = base.path ?? job.path;
  const baseLines = lineStartsOf(base.source);
  let editable: ReturnType<typeof parseFlatEditable> | undefined;
  try {
    const baseResult = analyzeVersion(basePath, baseLines, rules, base.conventions ?? job.conventions, limits, (options) => {
      editable = parseFlatEditable(base.source, baseLines, options);
      return editable.tree;
    });
    const head = analyzeVersion(job.path, headLines, rules, job.conventions, limits, (options) =>
      editable ? editable.parseNext(job.source, headLines, options) : parseFlat(job.source, headLines, options),
    );
    return { head, base: baseResult };
  } finally {
    editable?.release();
  }
}

function analyzeVersion(
  path: string,
  lineStarts: number[],
  rules: readonly EnabledRule[],
  conventions: FileConventions | undefined,
  jobLimits: JobLimits,
  parse: (options: { timeoutMs?: number }) => FlatTree | null,
): FileResult {
  const limits = limitsFrom(jobLimits);
  const remaining = limits.deadline - now();
  if (remaining <= 0) return overBudgetResult(path, lineStarts.length, limits.deadlineBudget.kind, limits.deadlineBudget.limit);
  const tree = parse(Number.isFinite(remaining) ? { timeoutMs: remaining } : {});
  if (!tree || now() > limits.deadline) return overBudgetResult(path, lineStarts.length, limits.deadlineBudget.kind, limits.deadlineBudget.limit);
  return analyzeTree(path, tree, rules, conventions ?? STRICT_CONVENTIONS, limits);
}
