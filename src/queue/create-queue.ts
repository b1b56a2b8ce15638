import { inProcessQueue } from './in-process.js';
import { redisQueue } from './redis.js';
import type { QueueLog, ReviewQueue, ReviewWorker } from './types.js';

export interface QueueSettings {
  /** process.env by default: REDIS_URL picks the durable queue, REVIEW_CONCURRENCY the workers per process. */
  env?: NodeJS.ProcessEnv;
  log?: QueueLog;
}

/** The embedded queue by default; with REDIS_URL, the durable BullMQ queue shared by every replica. */
export async function createReviewQueue(worker: ReviewWorker, { env = process.env, log }: QueueSettings = {}): Promise<ReviewQueue> {
  const concurrency = Math.max(1, Number(env.REVIEW_CONCURRENCY) || 4);
  if (env.REDIS_URL) {
    log?.info({ concurrency }, 'review queue: Redis (BullMQ)');
    return redisQueue(worker, { url: env.REDIS_URL, concurrency, ...(log ? { log } : {}) });
  }
  log?.info({ concurrency }, 'review queue: in-process (set REDIS_URL for a durable queue shared by replicas)');
  return inProcessQueue(worker, { concurrency, ...(log ? { log } : {}) });
}
