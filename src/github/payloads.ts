import { z } from 'zod';

/**
 * The parts of GitHub's webhook payloads this app relies on, checked with zod at the boundary.
 * Unknown keys pass through untouched: GitHub adds fields over time.
 */

const repository = z.object({
  name: z.string(),
  owner: z.object({ login: z.string() }),
});

const installation = z.object({ id: z.number().int() });

export const PullRequestEvent = z.object({
  action: z.string(),
  installation,
  repository,
  pull_request: z.object({
    number: z.number().int(),
    state: z.string(),
    draft: z.boolean().optional(),
    head: z.object({ sha: z.string() }),
  }),
});
export type PullRequestEvent = z.infer<typeof PullRequestEvent>;

export const IssueCommentEvent = z.object({
  action: z.string(),
  installation,
  repository,
  issue: z.object({
    number: z.number().int(),
    state: z.string(),
    user: z.object({ login: z.string() }),
    /** Present only when the issue is a pull request. */
    pull_request: z.object({ url: z.string() }).nullish(),
  }),
  comment: z.object({
    id: z.number().int(),
    body: z.string().nullish(),
    user: z.object({ login: z.string(), type: z.string() }),
  }),
});
export type IssueCommentEvent = z.infer<typeof IssueCommentEvent>;

const pullRequestRef = z.object({ number: z.number().int(), head: z.object({ sha: z.string() }) });

export const CheckRunEvent = z.object({
  action: z.string(),
  installation,
  repository,
  check_run: z.object({
    name: z.string(),
    head_sha: z.string(),
    pull_requests: z.array(pullRequestRef),
  }),
});
export type CheckRunEvent = z.infer<typeof CheckRunEvent>;

export const CheckSuiteEvent = z.object({
  action: z.string(),
  installation,
  repository,
  check_suite: z.object({
    head_sha: z.string(),
    pull_requests: z.array(pullRequestRef),
  }),
});
export type CheckSuiteEvent = z.infer<typeof CheckSuiteEvent>;
