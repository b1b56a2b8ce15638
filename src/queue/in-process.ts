import { BoundedMap, BoundedSet, headKey, prKey, reasonClass, silentLog } from './policy.js';
import { QueueClosedError, type FailedReview, type QueueLog, type ReviewJob, type ReviewQueue, type ReviewWorker } from './types.js';

export interface InProcessOptions {
  /** Reviews running at once in this process. */
  concurrency?: number;
  log?: QueueLog;
  /** How many delivery ids, heads and reviewed heads to remember (oldest forgotten first). */
  memory?: number;
}

export interface InProcessQueue extends ReviewQueue {
  /** Jobs that threw, newest last (bounded): each was also logged with its delivery id. */
  failedJobs(): Promise<FailedReview[]>;
  stats(): { waiting: number; running: number };
}

interface Entry {
  job: ReviewJob;
  pr: string;
  key: string;
}

/**
 * The embedded queue: reviews run in this process with bounded concurrency, and nothing survives
 * a restart (use REDIS_URL for that). Per pull request the newest head wins: an older job still
 * waiting is dropped, an older job already running is told it is stale.
 */
export function inProcessQueue(worker: ReviewWorker, options: InProcessOptions | number = {}): InProcessQueue {
  const { concurrency = 4, log = silentLog, memory = 50_000 } = typeof options === 'number' ? { concurrency: options } : options;
  const deliveries = new BoundedSet<string>(memory);
  const latestHead = new BoundedMap<string, string>(memory);
  const reviewed = new BoundedSet<string>(memory);
  /** Queued or running, by PR and head. */
  const active = new Set<string>();
  const failed: FailedReview[] = [];
  let waiting: Entry[] = [];
  let running = 0;
  let closed = false;
  let idle: Array<() => void> = [];

  const settle = (): void => {
    if (waiting.length || running) return;
    const resolve = idle;
    idle = [];
    for (const r of resolve) r();
  };

  const pump = (): void => {
    while (running < concurrency && waiting.length) {
      const entry = waiting.shift()!;
      running++;
      void run(entry).finally(() => {
        running--;
        active.delete(entry.key);
        pump();
        settle();
      });
    }
  };

  const run = async ({ job, pr, key }: Entry): Promise<void> => {
    const isStale = (): boolean => latestHead.get(pr) !== job.headSha;
    try {
      await worker(job, { isStale, finalAttempt: true });
      // A stale run published nothing, so its head does not count as reviewed.
      if (!isStale()) reviewed.add(key);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failed.push({ job, reason, attempts: 1, failedAt: Date.now() });
      if (failed.length > 1000) failed.shift();
      log.error({ deliveryId: job.deliveryId, pr, headSha: job.headSha, reason, err: error }, 'review failed');
    }
  };

  return {
    async enqueue(job) {
      if (closed) throw new QueueClosedError();
      if (deliveries.has(job.deliveryId)) return 'duplicate';
      deliveries.add(job.deliveryId);
      const pr = prKey(job);
      const key = headKey(job);
      const current = latestHead.get(pr) === job.headSha;
      if (active.has(key)) return 'duplicate';
      if (current && reasonClass(job.reason) === 'automatic' && reviewed.has(key)) return 'duplicate';
      if (!current) {
        latestHead.set(pr, job.headSha);
        const superseded = waiting.filter((e) => e.pr === pr);
        if (superseded.length) {
          waiting = waiting.filter((e) => e.pr !== pr);
          for (const e of superseded) {
            active.delete(e.key);
            log.info({ deliveryId: e.job.deliveryId, pr, headSha: e.job.headSha, by: job.headSha }, 'superseded before it started');
          }
        }
      }
      active.add(key);
      waiting.push({ job, pr, key });
      pump();
      return 'queued';
    },
    drain() {
      if (!waiting.length && !running) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
    async close() {
      closed = true;
      await this.drain();
    },
    async failedJobs() {
      return [...failed];
    },
    stats() {
      return { waiting: waiting.length, running };
    },
  };
}
