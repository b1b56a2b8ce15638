import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import { ProbotOctokit, type Server } from 'probot';
import { reviewerOctokit } from '../../src/github/octokit-limits.js';
import { startServer } from '../../src/http/start-server.js';
import { createApp } from '../../src/index.js';
import { createReviewQueue } from '../../src/queue/create-queue.js';
import type { ReviewQueue } from '../../src/queue/types.js';
import { GitHubStandIn } from '../support/github-stand-in.js';
import { deliver, pullRequestPayload } from '../support/webhooks.js';

/**
 * The real server (Probot's `run`, what `npm start` runs) on loopback, pointed at the GitHub
 * stand-in through GHE_HOST, receiving webhooks signed like GitHub's.
 */

const SECRET = 'e2e-secret';
const OWNER = 'acme';
const REPO = 'shop';

const CONFIG = `categories:
  docstrings: false
  naming: false
  type-hints: false
  signatures: false
  indentation: false
  function-logic: false
`;

const BASE = `import os
import json


def load(path):
    with open(path) as f:
        return json.load(f)


def total(items):
    result = 0
    for item in items:
        result += item
    return result


def helper(a):
    return a * 2
`;

/** Adds a new unused import at the top and an unused local far from the top. */
const HEAD_1 = BASE.replace('import json\n', 'import json\nimport sys\n').replace(
  'def helper(a):\n    return a * 2',
  'def helper(a):\n    unused_local = 3\n    return a * 2',
);
/** The second push also adds an unused import of `re`. */
const HEAD_2 = HEAD_1.replace('import sys\n', 'import sys\nimport re\n');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function until(what: string, predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** RIGHT-side lines of a patch, read directly from its hunk headers. */
function diffLines(patch: string): Set<number> {
  const lines = new Set<number>();
  let line = 0;
  for (const text of patch.split('\n')) {
    const h = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(text);
    if (h) line = Number(h[1]);
    else if (!text.startsWith('-')) lines.add(line++);
  }
  return lines;
}

describe('the app server end to end', () => {
  const standIn = new GitHubStandIn();
  let server: Server;
  let queue: ReviewQueue | undefined;
  let url: string;

  beforeAll(async () => {
    const { host } = await standIn.start();
    // The repository's config on its default branch: only the categories this test is about.
    standIn.addRepo(OWNER, REPO, { 'app/core.py': BASE, '.github/pr-reviewer.yml': CONFIG });
    standIn.addRepo(OWNER, '.github', {});
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const port = await freePort();
    // The app as src/server.ts builds it, with a hold on its queue to finish its reviews before stopping.
    const app = createApp({ queue: async (worker) => (queue = await createReviewQueue(worker, { env: {} })) });
    ({ server } = await startServer(app, {
      env: {
        APP_ID: '12345',
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: SECRET,
        GHE_HOST: host,
        GHE_PROTOCOL: 'http',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'fatal',
        NODE_ENV: 'test',
      },
      // The Octokit `npm start` runs with (src/server.ts).
      Octokit: reviewerOctokit(ProbotOctokit),
    }));
    url = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await queue?.drain();
    await queue?.close();
    await server?.stop();
    await standIn.stop();
  });

  test('answers the health check', async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  test('refuses a bad signature without calling GitHub', async () => {
    standIn.reset();
    const pr = standIn.pushPull(OWNER, REPO, { number: 9, base: { 'app/core.py': BASE }, head: { 'app/core.py': HEAD_1 } });
    const payload = pullRequestPayload('opened', { owner: OWNER, repo: REPO, number: 9, headSha: pr.headSha });
    const res = await deliver(`${url}/api/github/webhooks`, 'pull_request', payload, SECRET, 'bad-1', `sha256=${'0'.repeat(64)}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    await new Promise((r) => setTimeout(r, 300));
    expect(standIn.calls).toEqual([]);
  });

  test('one summary, inline comments on diff lines only, and an edit after a second push', async () => {
    standIn.reset();
    const first = standIn.pushPull(OWNER, REPO, { number: 7, base: { 'app/core.py': BASE }, head: { 'app/core.py': HEAD_1 } });
    const res = await deliver(
      `${url}/api/github/webhooks`,
      'pull_request',
      pullRequestPayload('opened', { owner: OWNER, repo: REPO, number: 7, headSha: first.headSha }),
      SECRET,
    );
    expect(res.status).toBe(200);
    await until('the first check run to complete', () => standIn.checkRuns(OWNER, REPO).some((c) => c.head_sha === first.headSha && c.status === 'completed'));

    const summaries = standIn.issueComments(OWNER, REPO, 7);
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.body).toContain('<!-- pr-reviewer:summary -->');
    const inline = standIn.reviewComments(OWNER, REPO, 7);
    expect(inline.length).toBeGreaterThan(0);
    const lines = diffLines(first.files[0]!.patch!);
    for (const c of inline) {
      expect(c.path).toBe('app/core.py');
      expect(lines.has(c.line)).toBe(true);
      expect(c.body).toMatch(/<!-- pr-reviewer:fp=[\w-]+ -->/);
    }
    // `import sys` (line 3) is new in this PR; `import os` was unused before it and is not repeated.
    expect(inline.some((c) => c.line === 3 && c.body.includes('sys'))).toBe(true);
    expect(inline.some((c) => c.body.includes('`os`'))).toBe(false);
    const run1 = standIn.checkRuns(OWNER, REPO).find((c) => c.head_sha === first.headSha)!;
    expect(run1.conclusion).toBe('success');
    expect(run1.output.annotations.length).toBeGreaterThan(0);

    const firstInline = inline.length;
    const second = standIn.pushPull(OWNER, REPO, { number: 7, base: { 'app/core.py': BASE }, head: { 'app/core.py': HEAD_2 } });
    await deliver(
      `${url}/api/github/webhooks`,
      'pull_request',
      pullRequestPayload('synchronize', { owner: OWNER, repo: REPO, number: 7, headSha: second.headSha }),
      SECRET,
    );
    await until('the second check run to complete', () =>
      standIn.checkRuns(OWNER, REPO).some((c) => c.head_sha === second.headSha && c.status === 'completed'),
    );

    expect(standIn.issueComments(OWNER, REPO, 7)).toHaveLength(1);
    expect(standIn.calls.filter((c) => c.method === 'PATCH' && /\/issues\/comments\/\d+$/.test(c.path))).toHaveLength(1);
    expect(standIn.calls.filter((c) => c.method === 'POST' && /\/issues\/7\/comments$/.test(c.path))).toHaveLength(1);
    const after = standIn.reviewComments(OWNER, REPO, 7);
    // Only the new finding (`re`) is commented; no fingerprint is posted twice.
    const fingerprints = after.map((c) => /fp=([\w-]+)/.exec(c.body)![1]);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(after.length).toBe(firstInline + 1);
    expect(after[after.length - 1]!.body).toContain('re');
  });

  test('a draft marked ready for review is reviewed: the skipped draft head does not count as reviewed', async () => {
    standIn.reset();
    const pr = standIn.pushPull(OWNER, REPO, { number: 11, draft: true, base: { 'app/core.py': BASE }, head: { 'app/core.py': HEAD_1 } });
    const event = (action: string, id: string) =>
      deliver(
        `${url}/api/github/webhooks`,
        'pull_request',
        pullRequestPayload(action, { owner: OWNER, repo: REPO, number: 11, headSha: pr.headSha, draft: action === 'opened' }),
        SECRET,
        id,
      );
    await event('opened', 'draft-opened');
    await until('the draft check run', () => standIn.checkRuns(OWNER, REPO).some((c) => c.head_sha === pr.headSha && c.conclusion === 'neutral'));
    expect(standIn.issueComments(OWNER, REPO, 11)).toEqual([]);

    standIn.pull(OWNER, REPO, 11).draft = false;
    await event('ready_for_review', 'draft-ready');
    await until('the review', () => standIn.issueComments(OWNER, REPO, 11).length === 1);
    await until('its check run', () => standIn.checkRuns(OWNER, REPO).some((c) => c.head_sha === pr.headSha && c.conclusion === 'success'));
    expect(standIn.reviewComments(OWNER, REPO, 11).some((c) => c.body.includes('sys'))).toBe(true);
  });
});
