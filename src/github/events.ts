import type { Context } from 'probot';
import type { ReviewJob, ReviewQueue } from '../queue/types.js';
import { CHECK_NAME } from '../review/render/check-run.js';
import type { CommandLimiter } from './command-limit.js';
import { loadConfig } from './config.js';
import type { GitHub } from './octokit.js';
import { CheckRunEvent, CheckSuiteEvent, IssueCommentEvent, PullRequestEvent } from './payloads.js';

/**
 * Which events start a review, and who may ask for one. Handlers validate the payload, decide,
 * and enqueue a ReviewJob; the review itself runs in the worker (review-job.ts).
 */

export interface EventDeps {
  queue: ReviewQueue;
  /** The app's slug, for `@<slug> review`. */
  appSlug(): Promise<string>;
  /** Per-PR limit on accepted review commands; none when absent. */
  commandLimiter?: CommandLimiter;
}

/** What a handler decided, for the log and the tests. */
export type Decision = { action: 'queued' | 'duplicate'; jobs: number } | { action: 'ignored'; reason: string };

export const REVIEWED_PR_ACTIONS = ['opened', 'reopened', 'synchronize', 'ready_for_review'] as const;
/** Roles that may run the command besides the PR's author (GitHub's permission API). */
const COMMAND_PERMISSIONS = new Set(['admin', 'maintain', 'write']);

type AnyContext = Pick<Context, 'payload' | 'id' | 'log'> & { octokit: unknown };

function ignored(reason: string): Decision {
  return { action: 'ignored', reason };
}

async function enqueueAll(queue: ReviewQueue, jobs: ReviewJob[]): Promise<Decision> {
  if (!jobs.length) return ignored('no open pull request');
  const results = await Promise.all(jobs.map((job) => queue.enqueue(job)));
  return { action: results.includes('queued') ? 'queued' : 'duplicate', jobs: jobs.length };
}

export async function onPullRequest(context: AnyContext, deps: EventDeps): Promise<Decision> {
  const parsed = PullRequestEvent.safeParse(context.payload);
  if (!parsed.success) return ignored('unexpected payload');
  const { action, installation, repository, pull_request: pr } = parsed.data;
  if (!(REVIEWED_PR_ACTIONS as readonly string[]).includes(action)) return ignored(`action ${action}`);
  if (pr.state !== 'open') return ignored('closed');
  // Drafts are queued too: whether they are reviewed depends on the repo's `drafts` setting,
  // which the worker reads; a skipped draft gets a neutral check run that says why.
  return enqueueAll(deps.queue, [
    {
      deliveryId: context.id,
      installationId: installation.id,
      owner: repository.owner.login,
      repo: repository.name,
      pullNumber: pr.number,
      headSha: pr.head.sha,
      reason: `pull_request.${action}`,
    },
  ]);
}

/** The command in a comment: its first word is the configured command, or `@<slug> review`. */
export function isCommand(body: string, command: string, slug: string): boolean {
  const [first = '', second = ''] = body.trim().split(/\s+/);
  if (first === command) return true;
  return first.toLowerCase() === `@${slug.toLowerCase()}` && second.toLowerCase() === 'review';
}

export async function onIssueComment(context: AnyContext, deps: EventDeps): Promise<Decision> {
  const parsed = IssueCommentEvent.safeParse(context.payload);
  if (!parsed.success) return ignored('unexpected payload');
  const { action, installation, repository, issue, comment } = parsed.data;
  if (action !== 'created') return ignored(`action ${action}`);
  if (!issue.pull_request) return ignored('not a pull request');
  if (comment.user.type === 'Bot') return ignored('comment by a bot');
  const body = comment.body ?? '';
  const first = body.trim().split(/\s+/)[0] ?? '';
  if (!first.startsWith('/') && !first.startsWith('@')) return ignored('not a command');
  const octokit = context.octokit as GitHub;
  const owner = repository.owner.login;
  const repo = repository.name;
  // The command word is configurable, so a slash word needs the repo's config to be judged.
  const command = first.startsWith('/') ? (await loadConfig(octokit, owner, repo)).config.command : '';
  const slug = first.startsWith('@') ? await deps.appSlug() : '';
  if (!isCommand(body, command, slug)) return ignored('not our command');
  if (issue.state !== 'open') return ignored('closed');
  if (!(await mayRunCommand(octokit, owner, repo, comment.user.login, issue.user.login))) {
    context.log.info({ user: comment.user.login }, 'review command refused: no write permission');
    return ignored('permission denied');
  }
  if (deps.commandLimiter && !deps.commandLimiter.allow(`${owner}/${repo}#${issue.number}`)) {
    context.log.info({ user: comment.user.login }, 'review command refused: too many for this pull request');
    return ignored('rate limited');
  }
  const { data: pr } = await octokit.rest.pulls.get({ owner, repo, pull_number: issue.number });
  const decision = await enqueueAll(deps.queue, [
    { deliveryId: context.id, installationId: installation.id, owner, repo, pullNumber: issue.number, headSha: pr.head.sha, reason: 'command' },
  ]);
  // The 👀 says "accepted"; failing to add it must not lose the review.
  await octokit.rest.reactions.createForIssueComment({ owner, repo, comment_id: comment.id, content: 'eyes' }).catch((error: unknown) => {
    context.log.warn({ err: error }, 'could not react to the review command');
  });
  return decision;
}

/** The PR's author, or a user GitHub says has write, maintain or admin permission. */
export async function mayRunCommand(octokit: GitHub, owner: string, repo: string, user: string, author: string): Promise<boolean> {
  if (user === author) return true;
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: user });
    return COMMAND_PERMISSIONS.has(data.permission) || COMMAND_PERMISSIONS.has(data.role_name);
  } catch {
    // Not a collaborator (404) or not visible to us: no permission.
    return false;
  }
}

export async function onCheckRun(context: AnyContext, deps: EventDeps): Promise<Decision> {
  const parsed = CheckRunEvent.safeParse(context.payload);
  if (!parsed.success) return ignored('unexpected payload');
  const { action, installation, repository, check_run: run } = parsed.data;
  if (action !== 'rerequested') return ignored(`action ${action}`);
  if (run.name !== CHECK_NAME) return ignored('not our check');
  return rerun(context, deps, installation.id, repository.owner.login, repository.name, run.head_sha, run.pull_requests);
}

export async function onCheckSuite(context: AnyContext, deps: EventDeps): Promise<Decision> {
  const parsed = CheckSuiteEvent.safeParse(context.payload);
  if (!parsed.success) return ignored('unexpected payload');
  const { action, installation, repository, check_suite: suite } = parsed.data;
  if (action !== 'rerequested') return ignored(`action ${action}`);
  return rerun(context, deps, installation.id, repository.owner.login, repository.name, suite.head_sha, suite.pull_requests);
}

async function rerun(
  context: AnyContext,
  deps: EventDeps,
  installationId: number,
  owner: string,
  repo: string,
  headSha: string,
  listed: ReadonlyArray<{ number: number; head: { sha: string } }>,
): Promise<Decision> {
  // The re-run button may send an empty `pull_requests` (forks, some suites): look them up.
  const numbers = listed.length ? listed.map((p) => p.number) : await openPullRequestsFor(context.octokit as GitHub, owner, repo, headSha);
  return enqueueAll(
    deps.queue,
    numbers.map((pullNumber) => ({ deliveryId: `${context.id}:${pullNumber}`, installationId, owner, repo, pullNumber, headSha, reason: 'rerequested' })),
  );
}

/** The open pull requests whose head is this commit. */
export async function openPullRequestsFor(octokit: GitHub, owner: string, repo: string, sha: string): Promise<number[]> {
  const { data: associated } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha });
  const found = associated.filter((p) => p.state === 'open' && p.head.sha === sha).map((p) => p.number);
  if (found.length) return found;
  // Commits from forks are not always associated: scan the open pull requests instead.
  const open = await octokit.paginate(octokit.rest.pulls.list, { owner, repo, state: 'open', per_page: 100 });
  return open.filter((p) => p.head.sha === sha).map((p) => p.number);
}
