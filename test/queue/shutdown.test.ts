import { inProcessQueue } from '../../src/queue/in-process.js';
import { shutDownGracefully } from '../../src/queue/shutdown.js';
import { QueueClosedError, type ReviewJob } from '../../src/queue/types.js';

const job = (pullNumber: number): ReviewJob => ({
  deliveryId: `d${pullNumber}`,
  installationId: 1,
  owner: 'acme',
  repo: 'app',
  pullNumber,
  headSha: 'h',
  reason: 'pull_request.opened',
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('graceful shutdown on SIGTERM', () => {
  const removers: Array<() => void> = [];
  afterEach(() => removers.splice(0).forEach((remove) => remove()));

  test('stops intake, finishes every review in hand, closes the engine, then exits 0', async () => {
    const events: string[] = [];
    const queue = inProcessQueue(
      async (j) => {
        await sleep(50);
        events.push(`reviewed ${j.pullNumber}`);
      },
      { concurrency: 2 },
    );
    for (let pr = 1; pr <= 5; pr++) await queue.enqueue(job(pr));
    const exited = new Promise<number>((resolve) => {
      removers.push(
        shutDownGracefully(queue, {
          signals: ['SIGTERM'],
          stopIntake: async () => void events.push('intake stopped'),
          release: async () => void events.push('engine closed'),
          exit: (code) => {
            events.push(`exit ${code}`);
            resolve(code);
          },
        }),
      );
    });
    process.emit('SIGTERM', 'SIGTERM');
    await expect(queue.enqueue(job(9))).rejects.toBeInstanceOf(QueueClosedError);
    expect(await exited).toBe(0);
    expect(events[0]).toBe('intake stopped');
    expect(events.slice(1, -2).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `reviewed ${n}`));
    // The engine's workers close only once the reviews that need them are done.
    expect(events.slice(-2)).toEqual(['engine closed', 'exit 0']);
  });

  test('a review that outlasts the deadline is abandoned (handed back to Redis), and the process still exits', async () => {
    const calls: string[] = [];
    const queue = inProcessQueue(() => new Promise<void>(() => undefined));
    await queue.enqueue(job(1));
    const exited = new Promise<number>((resolve) => {
      removers.push(
        shutDownGracefully(Object.assign(queue, { abandon: async () => void calls.push('abandon') }), {
          signals: ['SIGTERM'],
          deadlineMs: 100,
          release: async () => void calls.push('engine closed'),
          exit: resolve,
        }),
      );
    });
    process.emit('SIGTERM', 'SIGTERM');
    expect(await exited).toBe(0);
    expect(calls).toEqual(['abandon', 'engine closed']);
  });

  test('a second signal does not start a second shutdown', async () => {
    let exits = 0;
    const queue = inProcessQueue(async () => void (await sleep(20)));
    await queue.enqueue(job(1));
    const done = new Promise<void>((resolve) => {
      removers.push(shutDownGracefully(queue, { signals: ['SIGTERM'], exit: () => (exits++, resolve()) }));
    });
    process.emit('SIGTERM', 'SIGTERM');
    process.emit('SIGTERM', 'SIGTERM');
    await done;
    await sleep(50);
    expect(exits).toBe(1);
  });
});
