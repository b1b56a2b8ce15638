import type { QueueLog, ReviewQueue } from './types.js';

export interface ShutdownOptions {
  /** Closes the HTTP server first so no new webhook is taken (Probot's server.stop()). */
  stopIntake?: () => Promise<void>;
  /** Closes what the reviews ran on (the engine's worker pool), once they are done or abandoned. */
  release?: () => Promise<void>;
  log?: QueueLog;
  /** After this long the reviews in hand are abandoned (Redis: another replica takes them). */
  deadlineMs?: number;
  signals?: NodeJS.Signals[];
  exit?: (code: number) => void;
}

/**
 * Graceful shutdown on SIGTERM/SIGINT: stop taking webhooks, finish the reviews in hand (the
 * embedded queue also runs what is waiting; Redis leaves it to the other replicas), then exit.
 * Returns a function that removes the handlers.
 */
export function shutDownGracefully(queue: ReviewQueue & { abandon?: () => Promise<void> }, options: ShutdownOptions = {}): () => void {
  const { stopIntake, release, log, deadlineMs = 25_000, signals = ['SIGTERM', 'SIGINT'], exit = (code) => process.exit(code) } = options;
  let shutting = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (shutting) return;
    shutting = true;
    log?.info({ signal }, 'shutting down: finishing the reviews in hand');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), deadlineMs);
      timer.unref();
    });
    // The queue refuses new jobs from this moment; the server stops accepting connections meanwhile.
    const work = Promise.all([queue.close(), stopIntake?.().catch((err: unknown) => log?.warn({ err }, 'closing the server failed'))]).then(
      () => 'closed' as const,
    );
    void Promise.race([work, deadline])
      .then(async (how) => {
        if (how === 'deadline') {
          log?.warn({ deadlineMs }, 'shutdown deadline passed: abandoning the reviews in hand');
          await queue.abandon?.();
        }
        await release?.().catch((err: unknown) => log?.warn({ err }, 'closing the engine failed'));
        clearTimeout(timer);
        log?.info({ how }, 'shut down');
        exit(0);
      })
      .catch((err: unknown) => {
        log?.error({ err }, 'shutdown failed');
        exit(1);
      });
  };
  for (const s of signals) process.on(s, handler);
  return () => {
    for (const s of signals) process.off(s, handler);
  };
}
