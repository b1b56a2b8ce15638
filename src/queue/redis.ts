import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { headKey, prKey, reasonClass, reviewedSinceQueued, silentLog } from './policy.js';
import { QueueClosedError, type FailedReview, type QueueLog, type ReviewJob, type ReviewQueue, type ReviewWorker, type WorkerResult } from './types.js';

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
 * newest head is recorded; an automatic job for a head already reviewed is a duplicate. With the
 * decision comes the time of queueing on the queue's clock (KEYS[4], shared by every replica).
 */
const ENQUEUE_SCRIPT = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[3]) then return {'delivery', 0} end
local previous = redis.call('GET', KEYS[2])
if previous == ARGV[1] then
  if ARGV[2] == 'automatic' and redis.call('EXISTS', KEYS[3]) == 1 then return {'reviewed', 0} end
  redis.call('EXPIRE', KEYS[2], ARGV[4])
  return {'same', redis.call('INCR', KEYS[4])}
end
redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[4])
redis.call('PUBLISH', ARGV[5], ARGV[6])
return {'newer', redis.call('INCR', KEYS[4])}
`;

/** A ReviewJob as Redis holds it: with when it was queued, on the queue's clock. */
interface QueuedJob extends ReviewJob {
  queuedAt?: number;
}

interface Decider extends Redis {
  decide(
    delivery: string,
    head: string,
    reviewed: string,
    clock: string,
    sha: string,
    klass: string,
    deliveryTtl: number,
    headTtl: number,
    channel: string,
    message: string,
  ): Promise<[string, number]>;
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
    clock: `${name}:clock`,
    channel: `${name}:heads`,
  };

  const commands = new Redis(url, { maxRetriesPerRequest: 3 }) as Decider;
  commands.defineCommand('decide', { numberOfKeys: 4, lua: ENQUEUE_SCRIPT });
  const queueConnection = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue<QueuedJob>(name, { connection: queueConnection });

  /** Newest head per PR for the jobs running here, kept fresh by pub/sub and polling. */
  const heads = new Map<string, { head: string | null; running: number }>();
  let subscriber: Redis | undefined;
  let poll: NodeJS.Timeout | undefined;
  let bullWorker: Worker<QueuedJob> | undefined;
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

  const process = async (bullJob: Job<QueuedJob>): Promise<string> => {
    const { queuedAt, ...job } = bullJob.data;
    const pr = prKey(job);
    const [latest, reviewedAt] = await commands.mget(keys.head(pr), keys.reviewed(headKey(job)));
    if (latest !== null && latest !== job.headSha) {
      log.info({ deliveryId: job.deliveryId, pr, headSha: job.headSha, by: latest }, 'superseded before it started');
      return 'superseded';
    }
    if (reviewedSinceQueued(job, reviewedAt ? Number(reviewedAt) : undefined, queuedAt)) {
      log.info({ deliveryId: job.deliveryId, pr, headSha: job.headSha }, 'head reviewed while it waited');
      return 'reviewed meanwhile';
    }
    const entry = heads.get(pr) ?? { head: latest ?? null, running: 0 };
    entry.running++;
    heads.set(pr, entry);
    const isStale = (): boolean => entry.head !== null && entry.head !== job.headSha;
    let result: WorkerResult | void;
    try {
      result = await worker(job, { isStale, finalAttempt: bullJob.attemptsMade + 1 >= (bullJob.opts.attempts ?? 1) });
    } finally {
      if (--entry.running === 0) heads.delete(pr);
    }
    if (isStale()) return 'stale';
    // A skipped run (a draft) reviewed nothing: the next event for this head must run.
    if (result === 'skipped') return 'skipped';
    await commands.set(keys.reviewed(headKey(job)), String(await commands.incr(keys.clock)), 'EX', HEAD_TTL);
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
    bullWorker = new Worker<QueuedJob>(name, process, {
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
      const [decision, queuedAt] = await commands.decide(
        keys.delivery(job.deliveryId),
        keys.head(pr),
        keys.reviewed(key),
        keys.clock,
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
        const added = await queue.add(
          'review',
          { ...job, queuedAt },
          {
            jobId,
            // While a job for this PR and head is waiting, another one is a duplicate (the waiting
            // one reads the pull request when it starts). While one is running, the newest other
            // one waits behind it (a draft marked ready for review while its skip is being posted).
            deduplication: { id: key.replace(/:/g, '_'), keepLastIfActive: true },
            attempts,
            backoff: { type: 'exponential', delay: backoffMs },
            removeOnComplete: { count: 1000 },
            removeOnFail: { count: 5000 },
          },
        );
        await commands.expire(keys.delivery(job.deliveryId), DELIVERY_TTL);
        if (added.id === jobId) return 'queued';
        return added.id !== undefined && (await queue.getJobState(added.id)) === 'active' ? 'queued' : 'duplicate';
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
      return jobs.map((j) => ({ job: withoutClock(j.data), reason: j.failedReason, attempts: j.attemptsMade, failedAt: j.finishedOn ?? j.timestamp }));
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

function withoutClock({ queuedAt: _, ...job }: QueuedJob): ReviewJob {
  return job;
}
