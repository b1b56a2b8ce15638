import type { ApplicationFunction, Probot } from 'probot';
import { onCheckRun, onCheckSuite, onIssueComment, onPullRequest, type Decision, type EventDeps } from './github/events.js';
import { CommandLimiter } from './github/command-limit.js';
import { healthHandler } from './github/health.js';
import { installationOctokit } from './github/octokit.js';
import { reviewPullRequest, type ReviewDeps } from './github/review-job.js';
import { createReviewQueue } from './queue/create-queue.js';
import type { ReviewQueue, ReviewWorker } from './queue/types.js';

/** The Probot entry (`probot run ./dist/src/index.js`): wires events to handlers, nothing else. */

export interface AppOptions {
  /** Builds the review queue around the worker; by default REDIS_URL picks Redis, else the embedded queue. */
  queue?: (worker: ReviewWorker, app: Probot) => ReviewQueue | Promise<ReviewQueue>;
  review?: ReviewDeps;
}

function defaultQueue(worker: ReviewWorker, app: Probot): Promise<ReviewQueue> {
  return createReviewQueue(worker, { log: app.log.child({ name: 'queue' }) });
}

export function createApp(options: AppOptions = {}): ApplicationFunction {
  return async (app, { addHandler }) => {
    let slug: Promise<string> | undefined;
    const appSlug = (): Promise<string> =>
      (slug ??= app
        .auth()
        .then((octokit) => octokit.rest.apps.getAuthenticated())
        .then(({ data }) => data?.slug ?? '')
        .catch((error: unknown) => {
          slug = undefined;
          throw error;
        }));
    const worker: ReviewWorker = async (job, control) => {
      const octokit = await installationOctokit(app, job.installationId);
      const log = app.log.child({ delivery: job.deliveryId, pr: `${job.owner}/${job.repo}#${job.pullNumber}` });
      // Only comments and threads of our own bot are ours: a marker in anyone else's is ignored.
      const botLogin = `${await appSlug()}[bot]`;
      const outcome = await reviewPullRequest(octokit, job, control, { log, botLogin, ...options.review });
      // Only a published review reviewed the head: after a skip (a draft) the next event for it must run.
      return outcome.status === 'published' ? 'reviewed' : 'skipped';
    };
    const queue = await (options.queue ?? defaultQueue)(worker, app);
    const deps: EventDeps = { queue, commandLimiter: new CommandLimiter(), appSlug };

    const logged =
      (name: string, handler: (context: Parameters<typeof onPullRequest>[0], deps: EventDeps) => Promise<Decision>) =>
      async (context: Parameters<typeof onPullRequest>[0]) => {
        const decision = await handler(context, deps);
        context.log.info({ event: name, delivery: context.id, ...decision }, `${name}: ${decision.action}`);
      };

    app.on(
      ['pull_request.opened', 'pull_request.reopened', 'pull_request.synchronize', 'pull_request.ready_for_review'],
      logged('pull_request', onPullRequest),
    );
    app.on('issue_comment.created', logged('issue_comment', onIssueComment));
    app.on('check_run.rerequested', logged('check_run', onCheckRun));
    app.on('check_suite.rerequested', logged('check_suite', onCheckSuite));
    app.on(['installation', 'installation_repositories'], async (context) => {
      const p = context.payload;
      const repos = 'repositories_added' in p ? p.repositories_added.length : 'repositories' in p ? (p.repositories?.length ?? 0) : 0;
      context.log.info({ event: context.name, action: p.action, account: accountName(p.installation.account), repositories: repos }, 'installation changed');
    });

    addHandler(healthHandler());
  };
}

function accountName(account: unknown): string {
  if (typeof account !== 'object' || account === null) return '';
  const a = account as { login?: string; slug?: string };
  return a.login ?? a.slug ?? '';
}

export default createApp();
