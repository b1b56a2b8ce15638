import { ProbotOctokit } from 'probot';
import { startServer } from './http/start-server.js';
import { createApp } from './index.js';
import { createReviewQueue } from './queue/create-queue.js';
import { reviewerOctokit } from './github/octokit-limits.js';
import { shutDownGracefully } from './queue/shutdown.js';
import type { QueueLog, ReviewQueue } from './queue/types.js';
import { EnginePool, defaultPoolSize } from './engine/pool.js';
import { engineAnalyser } from './review/analyse.js';

/**
 * `npm start`: Probot's server with our app, as `probot run` would start it, plus what `probot
 * run` cannot take: the Octokit that retries secondary rate limits and paces content writes, and
 * graceful shutdown on SIGTERM (finish the reviews in hand, or hand them back to Redis), and the
 * request limits (webhook bodies over GitHub's 25 MB refused unread, slow connections closed).
 * Every review's analysis runs on one pool of worker threads made here (ENGINE_WORKERS, one per
 * core by default), so that this thread only takes webhooks and talks to GitHub; the workers run
 * at nice 10, so that this thread gets a core as soon as a request arrives.
 */
const workers = process.env.ENGINE_WORKERS;
const pool = new EnginePool({ size: workers !== undefined && /^\d+$/.test(workers) ? Number(workers) : defaultPoolSize(), workerNice: 10 });
let queue: ReviewQueue | undefined;
let log: QueueLog | undefined;
const { server } = await startServer(
  createApp({
    queue: async (worker, app) => {
      log = app.log.child({ name: 'queue' });
      return (queue = await createReviewQueue(worker, { log }));
    },
    review: { analyser: engineAnalyser(pool) },
  }),
  { Octokit: reviewerOctokit(ProbotOctokit) },
);
if (queue) shutDownGracefully(queue, { stopIntake: () => server.stop(), release: () => pool.close(), ...(log ? { log } : {}) });
