import { BoundedMap, BoundedSet, headKey, prKey, reasonClass, reviewedSinceQueued, silentLog } from './policy.js';
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
  /** When it was queued, on the queue's own clock. */
  queuedAt: number;
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
  /** Heads reviewed, with when (on the queue's clock, which counts enqueues and reviews). */
  const reviewed = new BoundedMap<string, number>(memory);
  let clock = 0;
  /** Waiting and running jobs, by PR and head. */
  const waitingHeads = new Set<string>();
  const runningHeads = new Set<string>();
  /** The one job that waits for a running review of the same head to finish, by PR and head. */
  const followUps = new Map<string, Entry>();
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
      waitingHeads.delete(entry.key);
      if (reviewedSinceQueued(entry.job, reviewed.get(entry.key), entry.queuedAt)) {
        log.info({ deliveryId: entry.job.deliveryId, pr: entry.pr, headSha: entry.job.headSha }, 'head reviewed while it waited');
        continue;
      }
      running++;
      runningHeads.add(entry.key);
      void run(entry).finally(() => {
        running--;
        runningHeads.delete(entry.key);
        const next = followUps.get(entry.key);
        followUps.delete(entry.key);
        if (next) wait(next);
        pump();
        settle();
      });
    }
  };

  const wait = (entry: Entry): void => {
    waitingHeads.add(entry.key);
    waiting.push(entry);
  };

  const run = async ({ job, pr, key }: Entry): Promise<void> => {
    const isStale = (): boolean => latestHead.get(pr) !== job.headSha;
    try {
      const result = await worker(job, { isStale, finalAttempt: true });
      // A stale run published nothing and a skipped one (a draft) reviewed nothing: neither head counts as reviewed.
      if (!isStale() && result !== 'skipped') reviewed.set(key, ++clock);
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
      // A waiting job reads the pull request when it starts, so it sees what this event reports.
      if (waitingHeads.has(key)) return 'duplicate';
      if (current && reasonClass(job.reason) === 'automatic' && reviewed.get(key) !== undefined) return 'duplicate';
      if (!current) {
        latestHead.set(pr, job.headSha);
        const superseded = [...waiting.filter((e) => e.pr === pr), ...[...followUps.values()].filter((e) => e.pr === pr)];
        waiting = waiting.filter((e) => e.pr !== pr);
        for (const e of superseded) {
          waitingHeads.delete(e.key);
          followUps.delete(e.key);
          log.info({ deliveryId: e.job.deliveryId, pr, headSha: e.job.headSha, by: job.headSha }, 'superseded before it started');
        }
      }
      const entry = { job, pr, key, queuedAt: ++clock };
      if (runningHeads.has(key)) {
        // The running review may have read the pull request before this event (a draft marked
        // ready for review): wait behind it, never beside it. One such job per head is enough.
        if (followUps.has(key)) return 'duplicate';
        followUps.set(key, entry);
        return 'queued';
      }
      wait(entry);
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
