import { CATEGORIES, SEVERITIES, type Category, type Finding, type Note, type Severity } from '../../engine/finding.js';
import type { Conclusion, ReviewMode, ReviewPlan } from '../plan.js';
import { renderSummary, type SummaryOptions } from './summary.js';

/** The CLI's `--format json`: a stable, versioned shape for scripts; the review plan as data. */
export interface JsonReport {
  version: 2;
  mode: ReviewMode;
  files: ReviewPlan['files'];
  /** What the review reports: with `--diff`, what the change introduces (`--report all`: every finding in changed files). */
  findings: Finding[];
  /** The comments the app would post inline: the finding's fingerprint, the line, and the other findings said in the same comment. */
  inline: Array<{ fingerprint: string; path: string; line: number; startLine?: number; also?: string[] }>;
  /** Findings of the base version that the change removed. */
  fixed: Finding[];
  /** Security findings that look intended: notes, never defects. */
  advisories: Finding[];
  verdict: {
    conclusion: Conclusion;
    failOn: Severity | 'none';
    /** Findings that fail the run (exit status 1). */
    failing: number;
    securityDefects: number;
    suppressedInChange: Finding[];
    /** Security findings silenced by a suppression this change adds as the repository's own linter process asks (code named, reason given): listed, not failing. */
    suppressedWithReason: Array<Finding & { suppression: { code: string; reason: string; selectedBy: string } }>;
    /** Python files not (fully) reviewed. */
    unreviewed: Note[];
  };
  summary: {
    /** The review in the sample's format, as GitHub shows it. */
    markdown: string;
    byCategory: Record<Category, number>;
    bySeverity: Record<Severity, number>;
    suppressed: { noqa: number; nosec: number };
    /** Findings already in the code before the change, not reported. */
    preexisting: number;
    notes: Note[];
  };
}

export function renderJson(plan: ReviewPlan, options: SummaryOptions = {}): JsonReport {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of plan.reported) {
    byCategory[f.category]++;
    bySeverity[f.severity]++;
  }
  const { verdict } = plan;
  return {
    version: 2,
    mode: plan.mode,
    files: plan.files,
    findings: plan.reported,
    inline: plan.inline.map((i) => ({
      fingerprint: i.finding.fingerprint,
      path: i.finding.path,
      line: i.anchor.line,
      ...(i.anchor.startLine !== undefined ? { startLine: i.anchor.startLine } : {}),
      ...(i.also.length ? { also: i.also.map((f) => f.fingerprint) } : {}),
    })),
    fixed: plan.fixed,
    advisories: plan.advisories,
    verdict: {
      conclusion: verdict.conclusion,
      failOn: verdict.failOn,
      failing: verdict.failing.length,
      securityDefects: verdict.defects.length,
      suppressedInChange: verdict.suppressedInChange.map((s) => s.finding),
      suppressedWithReason: verdict.suppressedWithReason.map((r) => ({
        ...r.suppressed.finding,
        suppression: { code: r.code, reason: r.reason, selectedBy: r.selectedBy },
      })),
      unreviewed: verdict.unreviewed,
    },
    summary: {
      markdown: renderSummary(plan, options),
      byCategory,
      bySeverity,
      suppressed: plan.suppressed,
      preexisting: plan.preexisting.length,
      notes: plan.notes,
    },
  };
}
