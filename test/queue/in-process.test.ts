import { inProcessQueue } from '../../src/queue/in-process.js';
import { QueueClosedError, type JobControl, type ReviewJob, type WorkerResult } from '../../src/queue/types.js';

let n = 0;
function job(pullNumber: number, headSha: string, reason = 'pull_request.synchronize', deliveryId = `d${++n}`): ReviewJob {
  return { deliveryId, installationId: 1, owner: 'acme', repo: 'app', pullNumber, headSha, reason };
}

/** A worker whose runs finish only when the test says so, with what the run did to the head. */
function gatedWorker() {
  const started: Array<{ job: ReviewJob; control: JobControl; finish: (outcome?: Error | WorkerResult) => void }> = [];
  const worker = (j: ReviewJob, control: JobControl) =>
    new Promise<WorkerResult | void>((resolve, reject) =>
      started.push({ job: j, control, finish: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)) }),
    );
  return { started, worker };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('inProcessQueue', () => {
  test('a redelivered delivery id is a duplicate', async () => {
    const ran: string[] = [];
    const q = inProcessQueue(async (j) => void ran.push(j.headSha));
    expect(await q.enqueue(job(1, 'a', 'pull_request.opened', 'same'))).toBe('queued');
    expect(await q.enqueue(job(1, 'a', 'pull_request.opened', 'same'))).toBe('duplicate');
    await q.drain();
    expect(await q.enqueue(job(2, 'b', 'pull_request.opened', 'same'))).toBe('duplicate');
    await q.close();
    expect(ran).toEqual(['a']);
  });

  test('the same PR and head while waiting is a duplicate, even for a command: the waiting job reads the PR when it starts', async () => {
    const { started, worker } = gatedWorker();
    const q = inProcessQueue(worker, 1);
    expect(await q.enqueue(job(1, 'a'))).toBe('queued');
    expect(await q.enqueue(job(2, 'x'))).toBe('queued'); // waits behind #1
    expect(await q.enqueue(job(2, 'x', 'pull_request.reopened'))).toBe('duplicate');
    expect(await q.enqueue(job(2, 'x', 'command'))).toBe('duplicate');
    await tick();
    started[0]!.finish();
    await tick();
    started[1]!.finish();
    await q.close();
    expect(started.map((s) => s.job.pullNumber)).toEqual([1, 2]);
  });

  // A draft opened and then marked ready for review: the first run only said "Skipped: draft".
  test.each<[string, WorkerResult | undefined, string[]]>([
    ['skipped the head', 'skipped', ['pull_request.opened', 'pull_request.ready_for_review']],
    ['reviewed the head', 'reviewed', ['pull_request.opened']],
    ['reviewed the head (a worker that returns nothing)', undefined, ['pull_request.opened']],
  ])('an automatic job for the head being reviewed waits behind it and runs only if that run %s', async (_, outcome, ran) => {
    const { started, worker } = gatedWorker();
    const q = inProcessQueue(worker);
    expect(await q.enqueue(job(1, 'a', 'pull_request.opened'))).toBe('queued');
    await tick();
    expect(await q.enqueue(job(1, 'a', 'pull_request.ready_for_review'))).toBe('queued');
    expect(await q.enqueue(job(1, 'a', 'pull_request.reopened'))).toBe('duplicate'); // one follow-up is enough
    await tick();
    expect(started).toHaveLength(1); // never two runs of one head at once
    started[0]!.finish(outcome);
    await tick();
    for (const s of started.slice(1)) s.finish();
    await q.close();
    expect(started.map((s) => s.job.reason)).toEqual(ran);
  });

  test('a command for the head being reviewed waits behind it and always runs: someone asked', async () => {
    const { started, worker } = gatedWorker();
    const q = inProcessQueue(worker);
    await q.enqueue(job(1, 'a', 'pull_request.opened'));
    await tick();
    expect(await q.enqueue(job(1, 'a', 'command'))).toBe('queued');
    started[0]!.finish('reviewed');
    await tick();
    started[1]!.finish();
    await q.close();
    expect(started.map((s) => s.job.reason)).toEqual(['pull_request.opened', 'command']);
  });

  test('a skipped head is not a reviewed head: the next automatic event for it reviews it', async () => {
    const ran: string[] = [];
    const q = inProcessQueue(async (j) => {
      ran.push(j.reason);
      return j.reason === 'pull_request.opened' ? 'skipped' : 'reviewed';
    });
    await q.enqueue(job(1, 'a', 'pull_request.opened'));
    await q.drain();
    expect(await q.enqueue(job(1, 'a', 'pull_request.ready_for_review'))).toBe('queued');
    await q.drain();
    expect(await q.enqueue(job(1, 'a', 'pull_request.reopened'))).toBe('duplicate');
    await q.close();
    expect(ran).toEqual(['pull_request.opened', 'pull_request.ready_for_review']);
  });

  test('a job waiting behind a running one for an older head is dropped by a newer head', async () => {
    const { started, worker } = gatedWorker();
    const q = inProcessQueue(worker);
    await q.enqueue(job(1, 'a', 'pull_request.opened'));
    await tick();
    await q.enqueue(job(1, 'a', 'command'));
    await q.enqueue(job(1, 'b', 'pull_request.synchronize'));
    await tick();
    started[0]!.finish('skipped');
    await tick();
    for (const s of started.slice(1)) s.finish();
    await q.close();
    expect(started.map((s) => s.job.headSha)).toEqual(['a', 'b']);
  });

  test('a head already reviewed is not reviewed again automatically, but /review and re-run do', async () => {
    const ran: string[] = [];
    const q = inProcessQueue(async (j) => void ran.push(j.reason));
    await q.enqueue(job(1, 'a', 'pull_request.opened'));
    await q.drain();
    expect(await q.enqueue(job(1, 'a', 'pull_request.reopened'))).toBe('duplicate');
    expect(await q.enqueue(job(1, 'a', 'command'))).toBe('queued');
    await q.drain();
    expect(await q.enqueue(job(1, 'a', 'check_run.rerequested'))).toBe('queued');
    await q.close();
    expect(ran).toEqual(['pull_request.opened', 'command', 'check_run.rerequested']);
  });

  test('a head that failed is reviewed again by a new delivery', async () => {
    let fail = true;
    const q = inProcessQueue(async () => {
      if (fail) throw new Error('boom');
    });
    await q.enqueue(job(1, 'a'));
    await q.drain();
    fail = false;
    expect(await q.enqueue(job(1, 'a'))).toBe('queued');
    await q.close();
  });

  test('a newer head drops older waiting jobs and marks the running one stale', async () => {
    const { started, worker } = gatedWorker();
    const q = inProcessQueue(worker, 1);
    await q.enqueue(job(1, 'a'));
    await tick();
    expect(started[0]!.control.isStale()).toBe(false);
    await q.enqueue(job(1, 'b')); // waits (the only slot is taken by a), and makes a stale
    expect(started[0]!.control.isStale()).toBe(true);
    await q.enqueue(job(1, 'c')); // drops b, which never started
    started[0]!.finish();
    await tick();
    expect(started.map((s) => s.job.headSha)).toEqual(['a', 'c']);
    expect(started[1]!.control.isStale()).toBe(false);
    started[1]!.finish();
    await q.close();
    expect(q.stats()).toEqual({ waiting: 0, running: 0 });
  });

  test('a push back to an earlier head reviews it again (the published review is for the other head)', async () => {
    const ran: string[] = [];
    const q = inProcessQueue(async (j) => void ran.push(j.headSha));
    await q.enqueue(job(1, 'a'));
    await q.drain();
    await q.enqueue(job(1, 'b'));
    await q.drain();
    expect(await q.enqueue(job(1, 'a'))).toBe('queued');
    await q.close();
    expect(ran).toEqual(['a', 'b', 'a']);
  });

  test('concurrency is bounded', async () => {
    let now = 0;
    let peak = 0;
    const q = inProcessQueue(
      async () => {
        peak = Math.max(peak, ++now);
        await new Promise((r) => setTimeout(r, 5));
        now--;
      },
      { concurrency: 3 },
    );
    for (let pr = 1; pr <= 20; pr++) await q.enqueue(job(pr, 'h'));
    await q.drain();
    expect(peak).toBe(3);
    await q.close();
  });

  test('a failing review is logged with its delivery id and kept in the failed list', async () => {
    const errors: object[] = [];
    const log = { info() {}, warn() {}, error: (obj: object) => void errors.push(obj) };
    const q = inProcessQueue(
      () => {
        throw new Error('GitHub said 502');
      },
      { log },
    );
    await q.enqueue(job(7, 'z', 'pull_request.opened', 'delivery-7'));
    await q.drain();
    expect(errors).toEqual([expect.objectContaining({ deliveryId: 'delivery-7', reason: 'GitHub said 502' })]);
    const failed = await q.failedJobs();
    expect(failed.map((f) => [f.job.deliveryId, f.reason])).toEqual([['delivery-7', 'GitHub said 502']]);
    await q.close();
  });

  test('close finishes the work in hand and refuses new work', async () => {
    const done: number[] = [];
    const q = inProcessQueue(
      async (j) => {
        await new Promise((r) => setTimeout(r, 10));
        done.push(j.pullNumber);
      },
      { concurrency: 2 },
    );
    for (let pr = 1; pr <= 5; pr++) await q.enqueue(job(pr, 'h'));
    await q.close();
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
    await expect(q.enqueue(job(9, 'h'))).rejects.toBeInstanceOf(QueueClosedError);
  });

  test('drain resolves at once when idle', async () => {
    const q = inProcessQueue(async () => undefined);
    await expect(q.drain()).resolves.toBeUndefined();
  });
});
