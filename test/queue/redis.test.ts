import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { redisQueue, type RedisQueueOptions, type RedisReviewQueue } from '../../src/queue/redis.js';
import type { JobControl, ReviewJob, ReviewWorker, WorkerResult } from '../../src/queue/types.js';
import { NOT_RUN_MESSAGE, testRedis, type TestRedis } from './redis-available.js';

const redis: TestRedis | undefined = await testRedis();
// Skipped only on a machine with no Redis at all (CI starts one); the block's title then says why,
// and the not-run reporter repeats it at the end of the run.
const describeRedis = redis ? describe : describe.skip;

let n = 0;
function job(pullNumber: number, headSha: string, reason = 'pull_request.synchronize', deliveryId = `${randomUUID()}-${++n}`): ReviewJob {
  return { deliveryId, installationId: 1, owner: 'acme', repo: 'app', pullNumber, headSha, reason };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(10);
  }
}

describeRedis(redis ? 'redisQueue (BullMQ)' : NOT_RUN_MESSAGE, () => {
  const open: RedisReviewQueue[] = [];
  let name: string;
  const replica = async (worker: ReviewWorker, options: Partial<RedisQueueOptions> = {}) => {
    const q = await redisQueue(worker, { url: redis!.url, name, backoffMs: 10, staleCheckMs: 50, ...options });
    open.push(q);
    return q;
  };
  beforeEach(() => {
    name = `test-${randomUUID()}`;
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((q) => q.close()));
    const client = new Redis(redis!.url);
    const stale = await client.keys(`*${name}*`);
    if (stale.length) await client.del(...stale);
    await client.quit();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  test('a delivery id is taken once across replicas', async () => {
    const ran: string[] = [];
    const a = await replica(async (j) => void ran.push(j.deliveryId), { work: false });
    const b = await replica(async (j) => void ran.push(j.deliveryId));
    expect(await a.enqueue(job(1, 'a', 'pull_request.opened', 'dup-1'))).toBe('queued');
    expect(await b.enqueue(job(1, 'a', 'pull_request.opened', 'dup-1'))).toBe('duplicate');
    await b.drain();
    expect(ran).toEqual(['dup-1']);
    // Remembered for GitHub's three days of redeliveries once the job is queued.
    const client = new Redis(redis!.url);
    expect(await client.ttl(`${name}:delivery:dup-1`)).toBeGreaterThan(2 * 24 * 3600);
    await client.quit();
  });

  test('the same PR and head while waiting is a duplicate; a reviewed head reviews again only when asked', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const ran: string[] = [];
    const q = await replica(
      async (j) => {
        ran.push(`${j.pullNumber}:${j.reason}`);
        if (j.pullNumber === 1) await gate;
      },
      { concurrency: 1 },
    );
    expect(await q.enqueue(job(1, 'a', 'pull_request.opened'))).toBe('queued');
    await until(() => ran.length === 1);
    const decisions = [
      await q.enqueue(job(2, 'x', 'pull_request.opened')), // waits behind #1
      await q.enqueue(job(2, 'x', 'pull_request.reopened')),
      await q.enqueue(job(2, 'x', 'command')),
    ];
    release();
    expect(decisions).toEqual(['queued', 'duplicate', 'duplicate']);
    await q.drain();
    await sleep(50);
    expect(await q.enqueue(job(1, 'a', 'pull_request.ready_for_review'))).toBe('duplicate');
    expect(await q.enqueue(job(1, 'a', 'command'))).toBe('queued');
    await q.drain();
    expect(ran).toEqual(['1:pull_request.opened', '2:pull_request.opened', '1:command']);
  });

  // A draft opened and then marked ready for review: the first run only said "Skipped: draft".
  test.each<[string, WorkerResult | undefined, string[]]>([
    ['skipped the head', 'skipped', ['pull_request.opened', 'pull_request.ready_for_review']],
    ['reviewed the head', 'reviewed', ['pull_request.opened']],
  ])('an automatic job for the head being reviewed waits behind it and runs only if that run %s', async (_, outcome, expected) => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const ran: string[] = [];
    const q = await replica(async (j) => {
      ran.push(j.reason);
      if (j.reason === 'pull_request.opened') await gate;
      return j.reason === 'pull_request.opened' ? outcome : 'reviewed';
    });
    expect(await q.enqueue(job(1, 'a', 'pull_request.opened'))).toBe('queued');
    await until(() => ran.length === 1);
    const decision = await q.enqueue(job(1, 'a', 'pull_request.ready_for_review'));
    await sleep(100);
    const running = ran.length;
    release(); // before asserting: a failed assertion must not leave the queue unable to close
    expect(decision).toBe('queued');
    expect(running).toBe(1); // never two runs of one head at once
    await until(() => ran.length === expected.length);
    await q.drain();
    await sleep(50);
    expect(ran).toEqual(expected);
  });

  test('a skipped head is not a reviewed head: the next automatic event for it reviews it', async () => {
    const ran: string[] = [];
    const q = await replica(async (j) => {
      ran.push(j.reason);
      return j.reason === 'pull_request.opened' ? 'skipped' : 'reviewed';
    });
    await q.enqueue(job(1, 'a', 'pull_request.opened'));
    await until(() => ran.length === 1);
    await q.drain();
    expect(await q.enqueue(job(1, 'a', 'pull_request.ready_for_review'))).toBe('queued');
    await until(() => ran.length === 2);
    await q.drain();
    await sleep(50);
    expect(await q.enqueue(job(1, 'a', 'pull_request.reopened'))).toBe('duplicate');
    expect(ran).toEqual(['pull_request.opened', 'pull_request.ready_for_review']);
  });

  test('a newer head drops the older waiting job and tells the running one it is stale', async () => {
    const controls = new Map<string, JobControl>();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const ran: string[] = [];
    const q = await replica(
      async (j, control) => {
        ran.push(j.headSha);
        controls.set(j.headSha, control);
        if (j.headSha === 'a') await gate;
      },
      { concurrency: 1 },
    );
    await q.enqueue(job(1, 'a'));
    await until(() => ran.length === 1);
    expect(controls.get('a')!.isStale()).toBe(false);
    await q.enqueue(job(1, 'b')); // waits behind a
    await q.enqueue(job(1, 'c'));
    await until(() => controls.get('a')!.isStale());
    release();
    await q.drain();
    expect(ran).toEqual(['a', 'c']);
  });

  test('a head pushed on one replica makes the review running on another stale', async () => {
    // By head: the worker may start the newer job while the older one runs, and that job is not stale.
    const controls = new Map<string, JobControl>();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const worker = await replica(async (j, c) => {
      controls.set(j.headSha, c);
      await gate;
    });
    const webhook = await replica(async () => undefined, { work: false });
    await webhook.enqueue(job(3, 'old'));
    await until(() => controls.has('old'));
    expect(controls.get('old')!.isStale()).toBe(false);
    await webhook.enqueue(job(3, 'new'));
    await until(() => controls.get('old')!.isStale());
    release();
    await worker.drain();
  });

  test('a review that keeps failing is retried, then kept in the failed list and logged with its delivery id', async () => {
    const errors: object[] = [];
    const finals: boolean[] = [];
    const log = { info() {}, warn() {}, error: (o: object) => void errors.push(o) };
    const q = await replica(
      async (_j, control) => {
        finals.push(control.finalAttempt === true);
        throw new Error('GitHub 502');
      },
      { attempts: 3, log },
    );
    await q.enqueue(job(5, 'x', 'pull_request.opened', 'fails-5'));
    await until(() => errors.length === 1);
    expect(finals).toEqual([false, false, true]);
    expect(errors[0]).toEqual(expect.objectContaining({ deliveryId: 'fails-5', reason: 'GitHub 502' }));
    const failed = await q.failedJobs();
    expect(failed.map((f) => [f.job.deliveryId, f.reason, f.attempts])).toEqual([['fails-5', 'GitHub 502', 3]]);
  });

  test('work spreads over replicas, one review per PR and head', async () => {
    const byReplica = [0, 0];
    const reviewed: string[] = [];
    const make = (i: number) =>
      replica(
        async (j) => {
          byReplica[i]!++;
          reviewed.push(`${j.pullNumber}@${j.headSha}`);
          // Long enough that one replica cannot take every job before the other starts.
          await sleep(100);
        },
        { concurrency: 2 },
      );
    const [a, b] = [await make(0), await make(1)];
    for (let pr = 1; pr <= 20; pr++) {
      await a.enqueue(job(pr, 'h1'));
      await b.enqueue(job(pr, 'h1')); // another delivery, same PR and head
    }
    await a.drain();
    expect(reviewed.sort()).toEqual([...new Set(reviewed)].sort());
    expect(reviewed).toHaveLength(20);
    expect(byReplica[0]).toBeGreaterThan(0);
    expect(byReplica[1]).toBeGreaterThan(0);
  });

  test('close finishes the review in hand and leaves waiting work to the other replicas', async () => {
    const done: string[] = [];
    const slow = await replica(
      async (j) => {
        await sleep(200);
        done.push(`slow:${j.pullNumber}`);
      },
      { concurrency: 1 },
    );
    for (let pr = 1; pr <= 3; pr++) await slow.enqueue(job(pr, 'h'));
    await sleep(50); // the first one is running
    await slow.close();
    expect(done).toEqual(['slow:1']);
    const other = await replica(async (j) => void done.push(`other:${j.pullNumber}`));
    await other.drain();
    expect(done.sort()).toEqual(['other:2', 'other:3', 'slow:1']);
  });

  test('a replica that dies mid-review loses nothing: its job is picked up again', async () => {
    const started: string[] = [];
    // The dying replica never finishes and stops renewing its lock (as a killed process would).
    const dying = await replica(
      async (j) => {
        started.push(`dying:${j.pullNumber}`);
        await new Promise(() => undefined);
      },
      { lockDurationMs: 500, stalledIntervalMs: 250 },
    );
    await dying.enqueue(job(8, 'h'));
    await until(() => started.length === 1);
    await dying.abandon();
    const survivor = await replica(async (j) => void started.push(`survivor:${j.pullNumber}`), { lockDurationMs: 500, stalledIntervalMs: 250 });
    await until(() => started.includes('survivor:8'), 20_000);
    await survivor.drain();
    expect(started).toEqual(['dying:8', 'survivor:8']);
  });
});
