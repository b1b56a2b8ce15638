import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { headKey, prKey, reasonClass, silentLog } from './policy.js';
import { QueueClosedError, type FailedReview, type QueueLog, type ReviewJob, type ReviewQueue, type ReviewWorker } from './types.js';

export interface RedisQueueOptions {
  /** redis://[user:password@]host:port[/db] (REDIS_URL). */
  url: string;
  /** Queue name and key prefix; replicas that share it share the work. */
  name?: string;
  /** Reviews running at once in this process. */
  concurrency?: number;
  /** Attempts per review before it lands in the failed list (GitHub 5xx already retried by Octokit). */
  attempts?: number;
  backoffMs?: number;
  /** A crashed replica's job goes back to the queue after this long (BullMQ lock). */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** How often a running job re-reads its PR's newest head (pub/sub usually tells it sooner). */
  staleCheckMs?: number;
  /** False for a replica that only enqueues (a webhook-only process). */
  work?: boolean;
  log?: QueueLog;
}

export interface RedisReviewQueue extends ReviewQueue {
  /** Reviews that failed every attempt, newest first; they stay in Redis until removed. */
  failedJobs(limit?: number): Promise<FailedReview[]>;
  stats(): Promise<{ waiting: number; running: number; failed: number; completed: number }>;
  /**
   * Stops at once without finishing the reviews in hand (a shutdown deadline passed): their
   * locks lapse and another replica, or this one after a restart, runs them again.
   */
  abandon(): Promise<void>;
}

const DAY = 24 * 3600;
/** GitHub keeps deliveries redeliverable for three days. */
const DELIVERY_TTL = 3 * DAY;
/** Until its job is in the queue a delivery id is held briefly, so a crash in between loses nothing. */
const PENDING_TTL = 120;
const HEAD_TTL = 30 * DAY;

/**
 * One atomic decision per delivery, shared by every replica: a delivery id is taken once; a PR's
 * newest head is recorded; an automatic job for a head already reviewed is a duplicate.
 */
const ENQUEUE_SCRIPT = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[3]) then return 'delivery' end
local previous = redis.call('GET', KEYS[2])
if previous == ARGV[1] then
  if ARGV[2] == 'automatic' and redis.call('EXISTS', KEYS[3]) == 1 then return 'reviewed' end
  redis.call('EXPIRE', KEYS[2], ARGV[4])
  return 'same'
end
redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[4])
redis.call('PUBLISH', ARGV[5], ARGV[6])
return 'newer'
`;

interface Decider extends Redis {
  decide(
    delivery: string,
    head: string,
    reviewed: string,
    sha: string,
    klass: string,
    deliveryTtl: number,
    headTtl: number,
    channel: string,
    message: string,
  ): Promise<string>;
}

/**
 * The durable queue on Redis (BullMQ): jobs survive a restart and spread over every replica.
 * Per pull request the newest head wins across replicas: a Redis key holds it, a waiting job
 * for an older head is dropped when a worker picks it up, and a running one sees isStale().
 */
export async function redisQueue(worker: ReviewWorker, options: RedisQueueOptions): Promise<RedisReviewQueue> {
  const {
    url,
    name = 'pr-reviewer',
    concurrency = 4,
    attempts = 3,
    backoffMs = 5000,
    lockDurationMs = 30_000,
    stalledIntervalMs = 15_000,
    staleCheckMs = 1000,
    work = true,
    log = silentLog,
  } = options;
  const keys = {
    delivery: (id: string) => `${name}:delivery:${id}`,
    head: (pr: string) => `${name}:head:${pr}`,
    reviewed: (key: string) => `${name}:reviewed:${key}`,
    channel: `${name}:heads`,
  };

  const commands = new Redis(url, { maxRetriesPerRequest: 3 }) as Decider;
  commands.defineCommand('decide', { numberOfKeys: 3, lua: ENQUEUE_SCRIPT });
  const queueConnection = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue<ReviewJob>(name, { connection: queueConnection });

  /** Newest head per PR for the jobs running here, kept fresh by pub/sub and polling. */
  const heads = new Map<string, { head: string | null; running: number }>();
  let subscriber: Redis | undefined;
  let poll: NodeJS.Timeout | undefined;
  let bullWorker: Worker<ReviewJob> | undefined;
  let workerConnection: Redis | undefined;
  let closed = false;

  const refreshHeads = async (): Promise<void> => {
    const prs = [...heads.keys()];
    if (!prs.length) return;
    const values = await commands.mget(prs.map(keys.head));
    prs.forEach((pr, i) => {
      const entry = heads.get(pr);
      if (entry) entry.head = values[i] ?? entry.head;
    });
  };

  const process = async (bullJob: Job<ReviewJob>): Promise<string> => {
    const job = bullJob.data;
    const pr = prKey(job);
    const latest = await commands.get(keys.head(pr));
    if (latest !== null && latest !== job.headSha) {
      log.info({ deliveryId: job.deliveryId, pr, headSha: job.headSha, by: latest }, 'superseded before it started');
      return 'superseded';
    }
    const entry = heads.get(pr) ?? { head: latest, running: 0 };
    entry.running++;
    heads.set(pr, entry);
    const isStale = (): boolean => entry.head !== null && entry.head !== job.headSha;
    try {
      await worker(job, { isStale, finalAttempt: bullJob.attemptsMade + 1 >= (bullJob.opts.attempts ?? 1) });
    } finally {
      if (--entry.running === 0) heads.delete(pr);
    }
    if (isStale()) return 'stale';
    await commands.set(keys.reviewed(headKey(job)), '1', 'EX', HEAD_TTL);
    return 'reviewed';
  };

  if (work) {
    subscriber = new Redis(url, { maxRetriesPerRequest: null });
    await subscriber.subscribe(keys.channel);
    subscriber.on('message', (_channel: string, message: string) => {
      const [pr, head] = JSON.parse(message) as [string, string];
      const entry = heads.get(pr);
      if (entry) entry.head = head;
    });
    poll = setInterval(() => void refreshHeads().catch(() => undefined), staleCheckMs);
    poll.unref();
    workerConnection = new Redis(url, { maxRetriesPerRequest: null });
    bullWorker = new Worker<ReviewJob>(name, process, {
      connection: workerConnection,
      concurrency,
      lockDuration: lockDurationMs,
      stalledInterval: stalledIntervalMs,
    });
    bullWorker.on('failed', (bullJob, error) => {
      if (!bullJob) return;
      const final = bullJob.attemptsMade >= (bullJob.opts.attempts ?? 1);
      const fields = {
        deliveryId: bullJob.data.deliveryId,
        pr: prKey(bullJob.data),
        headSha: bullJob.data.headSha,
        attempt: bullJob.attemptsMade,
        reason: error.message,
      };
      if (final) log.error(fields, 'review failed after every attempt; kept in the failed-job list');
      else log.warn(fields, 'review attempt failed; will retry');
    });
    bullWorker.on('error', (error) => log.error({ err: error }, 'queue worker error'));
    await bullWorker.waitUntilReady();
  }

  const shutDown = async (force: boolean): Promise<void> => {
    if (closed) return;
    closed = true;
    if (poll) clearInterval(poll);
    await bullWorker?.close(force);
    await queue.close();
    const connections = [commands, queueConnection, subscriber, workerConnection].filter((c): c is Redis => c !== undefined);
    await Promise.all(connections.map((c) => (force ? Promise.resolve(c.disconnect()) : c.quit()).catch(() => undefined)));
  };

  return {
    async enqueue(job) {
      if (closed) throw new QueueClosedError();
      const pr = prKey(job);
      const key = headKey(job);
      // One round trip decides, records the newest head and tells the other replicas about it.
      const decision = await commands.decide(
        keys.delivery(job.deliveryId),
        keys.head(pr),
        keys.reviewed(key),
        job.headSha,
        reasonClass(job.reason),
        PENDING_TTL,
        HEAD_TTL,
        keys.channel,
        JSON.stringify([pr, job.headSha]),
      );
      if (decision === 'delivery' || decision === 'reviewed') return 'duplicate';
      const jobId = `delivery-${job.deliveryId.replace(/[^\w.-]/g, '_')}`;
      try {
        const added = await queue.add('review', job, {
          jobId,
          // While a job for this PR and head is waiting or running, another one is a duplicate.
          deduplication: { id: key.replace(/:/g, '_') },
          attempts,
          backoff: { type: 'exponential', delay: backoffMs },
          removeOnComplete: { count: 1000 },
          removeOnFail: { count: 5000 },
        });
        await commands.expire(keys.delivery(job.deliveryId), DELIVERY_TTL);
        return added.id === jobId ? 'queued' : 'duplicate';
      } catch (error) {
        // Let GitHub's redelivery of this id count as new: nothing was queued for it.
        await commands.del(keys.delivery(job.deliveryId)).catch(() => undefined);
        throw error;
      }
    },
    async drain() {
      for (;;) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
        if (Object.values(counts).every((n) => n === 0)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** Stops taking work and finishes the reviews in hand; waiting jobs stay in Redis for other replicas. */
    close: () => shutDown(false),
    abandon: () => shutDown(true),
    async failedJobs(limit = 100) {
      const jobs = await queue.getFailed(0, limit - 1);
      return jobs.map((j) => ({ job: j.data, reason: j.failedReason, attempts: j.attemptsMade, failedAt: j.finishedOn ?? j.timestamp }));
    },
    async stats() {
      const c = await queue.getJobCounts('waiting', 'active', 'failed', 'completed', 'delayed', 'prioritized');
      return {
        waiting: (c.waiting ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0),
        running: c.active ?? 0,
        failed: c.failed ?? 0,
        completed: c.completed ?? 0,
      };
    },
  };
}
