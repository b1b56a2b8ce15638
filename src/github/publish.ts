import type { GitHub } from './octokit.js';
import { statusOf } from './octokit.js';

/** Hidden in the summary comment so that later runs find it and edit it instead of adding another. */
export const SUMMARY_MARKER = '<!-- pr-reviewer:summary -->';

/**
 * Our comments are the ones our own app's bot wrote (`<app slug>[bot]`, as REST spells it), with
 * our marker on a line of its own at a fixed place: the last line (the first line in summaries
 * written before the marker moved there). A marker anywhere else, or in anyone else's comment
 * (a user quoting us, another bot such as `github-actions[bot]`), is not ours.
 */
export function isOurs(user: { login?: string; type?: string } | null | undefined, botLogin: string): boolean {
  return Boolean(botLogin) && user?.type === 'Bot' && user.login === botLogin;
}

function hasSummaryMarker(body: string): boolean {
  const lines = body.trim().split(/\r?\n/);
  return lines[lines.length - 1]?.trim() === SUMMARY_MARKER || lines[0]?.trim() === SUMMARY_MARKER;
}

export interface ExistingComment {
  id: number;
  body: string;
  /** The author's login (always our bot's for the comments listed here). */
  author: string;
}

export interface InlineComment {
  path: string;
  line: number;
  startLine?: number;
  body: string;
  /** Our own key for the comment, returned in `rejected` when GitHub refuses it. */
  fingerprint: string;
}

/** Our summary comment on the pull request, if an earlier run of our app left one. */
export async function findSummaryComment(
  octokit: GitHub,
  owner: string,
  repo: string,
  issueNumber: number,
  botLogin: string,
): Promise<ExistingComment | undefined> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
  const ours = comments.find((c) => isOurs(c.user, botLogin) && hasSummaryMarker(c.body ?? ''));
  return ours ? { id: ours.id, body: ours.body ?? '', author: botLogin } : undefined;
}

/** The summary as we post it: the marker alone on its last line. */
export function markedSummary(body: string): string {
  return `${body.trimEnd()}\n\n${SUMMARY_MARKER}`;
}

/**
 * Creates the summary comment, or edits ours in place; an unchanged summary is not written again
 * (an edit notifies nobody, but it costs a write and shows "edited" on every push).
 */
export async function upsertSummary(
  octokit: GitHub,
  owner: string,
  repo: string,
  issueNumber: number,
  body: string,
  existing: ExistingComment | undefined,
): Promise<'created' | 'updated' | 'unchanged'> {
  const marked = markedSummary(body);
  if (!existing) {
    await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: marked });
    return 'created';
  }
  if (existing.body.trim() === marked.trim()) return 'unchanged';
  await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body: marked });
  return 'updated';
}

/** Our app's earlier inline comments (bodies only: their last-line markers tell which findings were already posted). */
export async function listOurReviewComments(octokit: GitHub, owner: string, repo: string, pullNumber: number, botLogin: string): Promise<ExistingComment[]> {
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, { owner, repo, pull_number: pullNumber, per_page: 100 });
  return comments.filter((c) => isOurs(c.user, botLogin)).map((c) => ({ id: c.id, body: c.body, author: botLogin }));
}

/**
 * One review (event COMMENT) carrying the inline comments. When GitHub refuses it (422, a line
 * not in the diff), the comments are split in halves until the ones it accepts are posted; the
 * refused ones are returned for the summary.
 */
export async function postReview(
  octokit: GitHub,
  owner: string,
  repo: string,
  pullNumber: number,
  commitId: string,
  body: string,
  comments: readonly InlineComment[],
): Promise<{ posted: InlineComment[]; rejected: InlineComment[]; reviews: number }> {
  const result = { posted: [] as InlineComment[], rejected: [] as InlineComment[], reviews: 0 };
  if (comments.length === 0) return result;
  const attempt = async (batch: readonly InlineComment[]): Promise<void> => {
    try {
      await octokit.rest.pulls.createReview({
        owner,
        repo,
        pull_number: pullNumber,
        commit_id: commitId,
        event: 'COMMENT',
        body,
        comments: batch.map((c) => ({
          path: c.path,
          line: c.line,
          side: 'RIGHT' as const,
          ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: 'RIGHT' as const } : {}),
          body: c.body,
        })),
      });
      result.posted.push(...batch);
      result.reviews++;
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
      if (batch.length === 1) {
        result.rejected.push(...batch);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await attempt(batch.slice(0, half));
      await attempt(batch.slice(half));
    }
  };
  await attempt(comments);
  return result;
}
