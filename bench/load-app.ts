import { ProbotOctokit } from 'probot';
import { startServer } from '../src/http/start-server.js';
import { createApp } from '../src/index.js';
import { EnginePool, defaultPoolSize } from '../src/engine/pool.js';
import { engineAnalyser } from '../src/review/analyse.js';
import { inProcessQueue } from '../src/queue/in-process.js';
import { reviewerOctokit } from '../src/github/octokit-limits.js';
import { redisQueue } from '../src/queue/redis.js';
import { shutDownGracefully } from '../src/queue/shutdown.js';
import type { QueueLog, ReviewQueue, ReviewWorker } from '../src/queue/types.js';

/**
 * One app process for `npm run bench:load`: the real app (Probot's `run`, our handlers and
 * worker) with the embedded queue, or BullMQ when REDIS_URL is set, and GitHub's pacing scaled
 * by BENCH_TIME_SCALE. Prints one JSON line when ready and one with its counts when it exits.
 */

const env = process.env;
const scale = Number(env.BENCH_TIME_SCALE ?? 0.01);
let runs = 0;
let failures = 0;
let queue: ReviewQueue | undefined;

const log: QueueLog = {
  info: () => undefined,
  warn: () => undefined,
  error: (obj, msg) => {
    failures++;
    process.stderr.write(`${msg} ${JSON.stringify(obj, (k, v) => (k === 'err' ? String(v) : v))}\n`);
  },
};

const makeQueue = async (worker: ReviewWorker): Promise<ReviewQueue> => {
  const counted: ReviewWorker = async (job, control) => {
    runs++;
    process.stdout.write(`${JSON.stringify({ runs })}\n`);
    // BENCH_NOOP=1 measures the intake path alone: webhook, signature, handler, enqueue.
    if (!env.BENCH_NOOP) await worker(job, control);
  };
  const concurrency = Number(env.REVIEW_CONCURRENCY ?? 4);
  queue = env.REDIS_URL
    ? await redisQueue(counted, {
        url: env.REDIS_URL,
        name: env.BENCH_QUEUE ?? 'bench',
        concurrency,
        lockDurationMs: 3000,
        stalledIntervalMs: 1000,
        staleCheckMs: 200,
        log,
      })
    : inProcessQueue(counted, { concurrency, log });
  return queue;
};

// As src/server.ts: every review's analysis on one pool of worker threads.
const workers = env.ENGINE_WORKERS;
const pool = new EnginePool({ size: workers !== undefined && /^\d+$/.test(workers) ? Number(workers) : defaultPoolSize(), workerNice: 10 });

const { server } = await startServer(createApp({ queue: makeQueue, review: { analyser: engineAnalyser(pool) } }), {
  env: {
    APP_ID: '1',
    PRIVATE_KEY: env.BENCH_PRIVATE_KEY!,
    WEBHOOK_SECRET: env.BENCH_SECRET!,
    GHE_HOST: env.BENCH_GHE_HOST!,
    GHE_PROTOCOL: 'http',
    HOST: '127.0.0.1',
    PORT: env.PORT!,
    LOG_LEVEL: 'fatal',
    ...(env.REDIS_URL ? { REDIS_URL: env.REDIS_URL } : {}),
  },
  // GitHub's pacing, every interval scaled: writes 1 s apart, content 80 a minute and 500 an hour.
  Octokit: reviewerOctokit(ProbotOctokit, {
    writeSpacingMs: 1000 * scale,
    contentPerMinute: 80 / scale,
    contentWindowMs: 3600_000 * scale,
    retryAfterBaseValue: 1000 * scale,
  }),
});

shutDownGracefully(queue!, {
  stopIntake: () => server.stop(),
  release: () => pool.close(),
  exit: (code) => {
    process.stdout.write(`${JSON.stringify({ exited: code, runs, failures })}\n`);
    process.exit(code);
  },
});
process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid })}\n`);
