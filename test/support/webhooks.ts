import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import type { WebhookDefinition } from '@octokit/webhooks-examples';

/**
 * Webhook payloads for tests: GitHub's own examples (@octokit/webhooks-examples), with only the
 * fields a test cares about replaced, so that the handlers see real payload shapes.
 */

const require = createRequire(import.meta.url);
const definitions = require('@octokit/webhooks-examples') as WebhookDefinition[];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Target {
  owner: string;
  repo: string;
  installationId?: number;
}

export function example(name: string, action: string, pick: (e: Json) => boolean = () => true): Json {
  const def = definitions.find((d) => d.name === name);
  const found = (def?.examples as Json[] | undefined)?.find((e) => e.action === action && pick(e));
  if (!found) throw new Error(`no example for ${name}.${action}`);
  return structuredClone(found);
}

function retarget(payload: Json, t: Target): Json {
  payload.repository = { ...payload.repository, name: t.repo, full_name: `${t.owner}/${t.repo}`, owner: { ...payload.repository.owner, login: t.owner } };
  payload.installation = { id: t.installationId ?? 1, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  return payload;
}

export function pullRequestPayload(action: string, t: Target & { number: number; headSha: string; draft?: boolean; state?: string; author?: string }): Json {
  const p = retarget(example('pull_request', action), t);
  p.number = t.number;
  p.pull_request = {
    ...p.pull_request,
    number: t.number,
    state: t.state ?? (action === 'closed' ? 'closed' : 'open'),
    draft: t.draft ?? false,
    user: { ...p.pull_request.user, login: t.author ?? 'octocat' },
    head: { ...p.pull_request.head, sha: t.headSha },
  };
  return p;
}

export function issueCommentPayload(
  t: Target & {
    number: number;
    body: string;
    commenter: string;
    author?: string;
    commenterType?: 'User' | 'Bot';
    action?: string;
    onPullRequest?: boolean;
    commentId?: number;
  },
): Json {
  const p = retarget(example('issue_comment', t.action ?? 'created'), t);
  p.issue = {
    ...p.issue,
    number: t.number,
    state: 'open',
    user: { ...p.issue.user, login: t.author ?? 'octocat' },
    pull_request: t.onPullRequest === false ? undefined : { url: `https://api.github.com/repos/${t.owner}/${t.repo}/pulls/${t.number}` },
  };
  if (t.onPullRequest === false) delete p.issue.pull_request;
  p.comment = { ...p.comment, id: t.commentId ?? 4242, body: t.body, user: { ...p.comment.user, login: t.commenter, type: t.commenterType ?? 'User' } };
  return p;
}

export function checkRunPayload(t: Target & { headSha: string; name?: string; pulls: Array<{ number: number; sha: string }> }): Json {
  const p = retarget(example('check_run', 'rerequested'), t);
  p.check_run = {
    ...p.check_run,
    name: t.name ?? 'pr-reviewer',
    head_sha: t.headSha,
    pull_requests: t.pulls.map((pr) => ({ number: pr.number, head: { sha: pr.sha, ref: 'x', repo: {} }, base: { sha: 'b', ref: 'main', repo: {} } })),
  };
  return p;
}

export function checkSuitePayload(t: Target & { headSha: string; pulls: Array<{ number: number; sha: string }> }): Json {
  const p = retarget(example('check_suite', 'rerequested'), t);
  p.check_suite = {
    ...p.check_suite,
    head_sha: t.headSha,
    pull_requests: t.pulls.map((pr) => ({ number: pr.number, head: { sha: pr.sha, ref: 'x', repo: {} }, base: { sha: 'b', ref: 'main', repo: {} } })),
  };
  return p;
}

/** GitHub's X-Hub-Signature-256 for a body. */
export function sign(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Posts a webhook to the app the way GitHub does. */
export async function deliver(
  url: string,
  event: string,
  payload: unknown,
  secret: string,
  delivery = `d-${Math.random().toString(36).slice(2)}`,
  signature?: string,
): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': delivery,
      'x-hub-signature-256': signature ?? sign(secret, body),
      'user-agent': 'GitHub-Hookshot/test',
    },
    body,
  });
}
