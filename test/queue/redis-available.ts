import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';

/**
 * The Redis the queue tests use: REDIS_URL, else a local redis on 6379 (.ci/run starts one),
 * else a private redis-server started for this test file when the binary exists. Without any,
 * the Redis tests are reported as not run, loudly.
 */
export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

async function reachable(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    // A client whose connection failed is already 'end'; disconnecting it again would leave
    // ioredis's 2 s stream-close timer running, and jest waiting for it after the last test.
    if (client.status !== 'end') client.disconnect();
  }
}

export async function testRedis(): Promise<TestRedis | undefined> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await reachable(url)) return { url, stop: async () => undefined };
  if (spawnSync('redis-server', ['--version']).status !== 0) return undefined;
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const own = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (await reachable(own)) return { url: own, stop: async () => void child.kill('SIGTERM') };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  return undefined;
}

/** The title of the skipped block: test/support/not-run-reporter.cjs repeats it after jest's summary. */
export const NOT_RUN_MESSAGE =
  'REDIS TESTS NOT RUN: no Redis at REDIS_URL or 127.0.0.1:6379 and no redis-server binary. ' +
  'Install redis-server (apt-get install -y redis-server) or set REDIS_URL; .ci/run starts one.';
