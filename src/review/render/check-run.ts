import { SEVERITIES, severityRank, type Finding, type Severity } from '../../engine/finding.js';
import { isSecurityFinding, type ReviewPlan } from '../plan.js';
import { plainText, plural, shorten } from './markdown.js';

export type { Conclusion } from '../plan.js';

/** The words and annotations of the `pr-reviewer` check run. Pure: publishing is src/github's job. */

export const CHECK_NAME = 'pr-reviewer';
/** GitHub takes at most 50 annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/**
 * Annotations per check run: the most severe findings, one request's worth, so that a review costs
 * the same few writes whatever the PR's size (the summary lists every finding).
 */
export const MAX_ANNOTATIONS = 50;
/** Check run output fields are limited to 65,535 characters; keep a margin. */
export const CHECK_TEXT_LIMIT = 60_000;

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

/** The check run's title: the verdict the summary states, with its numbers. */
export function checkTitle(plan: ReviewPlan): string {
  const { verdict } = plan;
  const suggestions = plan.reported.filter((f) => !isSecurityFinding(f)).length;
  const tail = suggestions ? `; ${plural(suggestions, 'suggestion')}` : '';
  if (verdict.failing.length) {
    const silenced = verdict.suppressedInChange.length ? ` (${verdict.suppressedInChange.length} silenced by this change)` : '';
    return `Security defects found: ${verdict.failing.length} at or above ${verdict.failOn}${silenced}${tail}`;
  }
  if (verdict.unreviewed.length) return `Not fully reviewed: ${plural(verdict.unreviewed.length, 'Python file')} could not be reviewed${tail}`;
  if (verdict.defects.length) return `${plural(verdict.defects.length, 'security defect')} below the ${verdict.failOn} threshold${tail}`;
  if (plan.files.length === 0) return 'Nothing to review';
  return `No security defects${tail || '; nothing to flag'}`;
}

function level(severity: Severity): Annotation['annotation_level'] {
  if (severityRank(severity) >= SEVERITIES.indexOf('high')) return 'failure';
  if (severity === 'medium') return 'warning';
  return 'notice';
}

/** One annotation per finding, most severe first, up to `limit`; columns only when GitHub allows them (single-line ranges). */
export function annotations(findings: readonly Finding[], limit: number = MAX_ANNOTATIONS): Annotation[] {
  const ordered = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.path.localeCompare(b.path) || a.line - b.line);
  return ordered.slice(0, limit).map((f) => ({
    path: f.path,
    start_line: f.line,
    end_line: Math.max(f.line, f.endLine),
    ...(f.endLine === f.line && f.endColumn > f.column ? { start_column: f.column, end_column: f.endColumn } : {}),
    annotation_level: level(f.severity),
    title: shorten(`${f.rule}${f.code ? ` (${f.code})` : ''}`, 255),
    message: shorten(f.message, 4000),
  }));
}

/** Said in the check run when not every finding could be an annotation. */
export function annotationsNote(total: number, shown: number): string | undefined {
  return total > shown ? `Annotations show the ${shown} most severe of ${plural(total, 'finding')}; the summary covers them all.` : undefined;
}

export function batches<T>(items: readonly T[], size: number = ANNOTATIONS_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The check run's summary field: the review's summary, cut to the field's limit. */
export function checkSummary(markdown: string): string {
  if (markdown.length <= CHECK_TEXT_LIMIT) return markdown;
  return `${markdown.slice(0, CHECK_TEXT_LIMIT - 80)}\n\n… (cut: the full review is in the pull request's summary comment)`;
}

/** The body of the review that carries the inline comments (GitHub requires one for COMMENT). */
export function inlineReviewBody(comments: number): string {
  return `pr-reviewer: ${plural(comments, 'inline comment')} on lines this pull request changes. The full review is in the summary comment.`;
}

/** The check run of a review that could not finish: the reason (inert: it may name a file), and what happens next. */
export function reviewFailedOutput(reason: string, willRetry: boolean): { title: string; summary: string } {
  const next = willRetry
    ? ' It will be tried again; a new check run will follow.'
    : ' It will not be tried again on its own: push a commit, or re-run this check, to review the pull request.';
  return { title: 'Review failed', summary: `The review could not be completed: ${plainText(shorten(reason, 1000))}.${next}` };
}

/** The check run of a review that returned without concluding it (a bug of ours, said rather than left spinning). */
export const NO_RESULT_OUTPUT = { title: 'Review ended without a result', summary: 'The review stopped before it could publish a result.' };
