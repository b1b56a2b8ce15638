import pLimit from 'p-limit';
import type { ReviewJob, ReviewQueue, ReviewWorker } from './types.js';

/**
 * The embedded queue: reviews run in this process with bounded concurrency. Per pull request
 * the newest head wins: an older job still waiting or running is told it is stale.
 */
export function inProcessQueue(worker: ReviewWorker, concurrency = 4): ReviewQueue {
  const limit = pLimit(concurrency);
  const latestHead = new Map<string, string>();
  const seen = new Set<string>();
  const running = new Set<Promise<void>>();
  let closed = false;
  return {
    async enqueue(job) {
      const pr = `${job.owner}/${job.repo}#${job.pullNumber}`;
      const key = `${pr}@${job.headSha}`;
      if (closed || seen.has(job.deliveryId) || (latestHead.get(pr) === job.headSha && seen.has(key))) return 'duplicate';
      seen.add(job.deliveryId);
      seen.add(key);
      latestHead.set(pr, job.headSha);
      const run = limit(() => worker(job, { isStale: () => latestHead.get(pr) !== job.headSha })).catch(() => undefined);
      running.add(run);
      void run.finally(() => running.delete(run));
      return 'queued';
    },
    async drain() {
      while (running.size) await Promise.all([...running]);
    },
    async close() {
      closed = true;
      await this.drain();
    },
  };
}
