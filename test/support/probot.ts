import { generateKeyPairSync } from 'node:crypto';
import { Probot, ProbotOctokit } from 'probot';
import { createApp, type AppOptions } from '../../src/index.js';
import type { ReviewJob, ReviewQueue } from '../../src/queue/types.js';
import type { GitHub } from '../../src/github/octokit.js';

/** Test wiring: a Probot instance with our app loaded, Octokit without retries or throttling. */

let key: string | undefined;
export function privateKey(): string {
  key ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  return key;
}

export const TestOctokit = ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } });

/** A queue that only records what the handlers enqueued (the worker is tested on its own). */
export function recordingQueue(): ReviewQueue & { jobs: ReviewJob[] } {
  const jobs: ReviewJob[] = [];
  return {
    jobs,
    async enqueue(job) {
      jobs.push(job);
      return 'queued';
    },
    async drain() {},
    async close() {},
  };
}

export async function probotWith(options: AppOptions): Promise<Probot> {
  const probot = new Probot({ appId: 123, privateKey: privateKey(), Octokit: TestOctokit, logLevel: 'fatal' });
  await probot.load(createApp(options), { cwd: process.cwd(), addHandler: () => undefined });
  return probot;
}

/** An installation client as the worker gets it, for calling reviewPullRequest directly. */
export function installationClient(): GitHub {
  return new TestOctokit({ auth: { token: 'ghs_test' } }) as GitHub;
}
