import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import { reviewerOctokit } from '../../src/github/octokit-limits.js';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const API = 'https://api.github.com';
let installation = 100;

/** An installation's Octokit exactly as Probot builds it for a webhook handler. */
async function installationOctokit(Octokit: typeof ProbotOctokit) {
  const id = ++installation;
  nock(API)
    .post(`/app/installations/${id}/access_tokens`)
    .reply(201, { token: 'ghs_test', expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {}, repository_selection: 'all' });
  const probot = new Probot({ appId: 1, privateKey, Octokit, logLevel: 'fatal' });
  return probot.auth(id);
}

const secondaryLimit = { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' };
// Seconds of `retry-after` count as 10 ms here, so the tests wait for nothing.
const fast = () => reviewerOctokit(ProbotOctokit, { retryAfterBaseValue: 10 });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('GitHub limits', () => {
  test('Probot 14 alone does not retry a secondary rate limit', async () => {
    const octokit = await installationOctokit(ProbotOctokit);
    nock(API).post('/repos/acme/app/issues/1/comments').reply(403, secondaryLimit, { 'retry-after': '1' });
    await expect(octokit.rest.issues.createComment({ owner: 'acme', repo: 'app', issue_number: 1, body: 'hi' })).rejects.toMatchObject({ status: 403 });
  });

  test('a secondary rate limit is retried after retry-after', async () => {
    const octokit = await installationOctokit(fast());
    const scope = nock(API)
      .post('/repos/acme/app/issues/1/comments')
      .reply(403, secondaryLimit, { 'retry-after': '3' })
      .post('/repos/acme/app/issues/1/comments')
      .reply(403, secondaryLimit, { 'retry-after': '1' })
      .post('/repos/acme/app/issues/1/comments')
      .reply(201, { id: 9 });
    const res = await octokit.rest.issues.createComment({ owner: 'acme', repo: 'app', issue_number: 1, body: 'hi' });
    expect(res.data).toEqual({ id: 9 });
    expect(scope.isDone()).toBe(true);
  });

  test('a secondary rate limit that never lifts fails after three retries', async () => {
    const octokit = await installationOctokit(fast());
    const scope = nock(API).post('/repos/acme/app/pulls/1/reviews').times(4).reply(403, secondaryLimit, { 'retry-after': '1' });
    await expect(octokit.rest.pulls.createReview({ owner: 'acme', repo: 'app', pull_number: 1, event: 'COMMENT' })).rejects.toMatchObject({ status: 403 });
    expect(scope.isDone()).toBe(true);
  });

  test('GitHub 5xx is retried with backoff', async () => {
    const octokit = await installationOctokit(fast());
    const scope = nock(API)
      .get('/repos/acme/app/pulls/1/files')
      .reply(502, { message: 'Bad gateway' })
      .get('/repos/acme/app/pulls/1/files')
      .reply(503, { message: 'Unavailable' })
      .get('/repos/acme/app/pulls/1/files')
      .reply(200, [{ filename: 'a.py' }]);
    const res = await octokit.rest.pulls.listFiles({ owner: 'acme', repo: 'app', pull_number: 1 });
    expect(res.data).toEqual([{ filename: 'a.py' }]);
    expect(scope.isDone()).toBe(true);
  });

  test('a 5xx that persists fails after three retries; a 422 is not retried', async () => {
    const octokit = await installationOctokit(fast());
    const scope = nock(API).get('/repos/acme/app/pulls/2/files').times(4).reply(500, { message: 'boom' });
    await expect(octokit.rest.pulls.listFiles({ owner: 'acme', repo: 'app', pull_number: 2 })).rejects.toMatchObject({ status: 500 });
    expect(scope.isDone()).toBe(true);
    const once = nock(API).post('/repos/acme/app/pulls/2/reviews').once().reply(422, { message: 'Line must be part of the diff' });
    await expect(octokit.rest.pulls.createReview({ owner: 'acme', repo: 'app', pull_number: 2, event: 'COMMENT' })).rejects.toMatchObject({ status: 422 });
    expect(once.isDone()).toBe(true);
  });

  test('the primary rate limit is waited out until its reset', async () => {
    const octokit = await installationOctokit(fast());
    const reset = String(Math.ceil(Date.now() / 1000));
    const scope = nock(API)
      .get('/repos/acme/app/pulls/3')
      .reply(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset })
      .get('/repos/acme/app/pulls/3')
      .reply(200, { number: 3 });
    const res = await octokit.rest.pulls.get({ owner: 'acme', repo: 'app', pull_number: 3 });
    expect(res.data).toEqual({ number: 3 });
    expect(scope.isDone()).toBe(true);
  });

  test('content-creating writes of one installation are serialised, spaced, and capped per window', async () => {
    const octokit = await installationOctokit(reviewerOctokit(ProbotOctokit, { contentPerHour: 2, contentWindowMs: 3000 }));
    const times: number[] = [];
    let inFlight = 0;
    let overlap = false;
    nock(API)
      .post(/\/repos\/acme\/app\/issues\/\d+\/comments/)
      .times(3)
      .delay(100)
      .reply(() => {
        times.push(Date.now());
        if (++inFlight > 1) overlap = true;
        setTimeout(() => inFlight--, 100);
        return [201, {}];
      });
    const start = Date.now();
    await Promise.all([1, 2, 3].map((n) => octokit.rest.issues.createComment({ owner: 'acme', repo: 'app', issue_number: n, body: 'x' })));
    const at = times.map((t) => t - start);
    expect(overlap).toBe(false);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(700); // spaced (Octokit's write group: 1 s)
    expect(at[2]!).toBeGreaterThanOrEqual(2800); // the third waited for the window to refill
  });
});

describe('a GitHub that never answers', () => {
  let silent: Server;
  let baseUrl: string;
  let requests = 0;

  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    // Takes every request and never answers it, like the hung contents request of issue 11.
    silent = createServer(() => void requests++);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
    nock.disableNetConnect();
  });

  test('every request fails after its deadline, is retried as a 5xx would be, and says which request timed out', async () => {
    const Octokit = reviewerOctokit(ProbotOctokit, { requestTimeoutMs: 200, retryAfterBaseValue: 1 });
    const octokit = new Octokit({ auth: { token: 'ghs_test' }, baseUrl });
    requests = 0;
    const started = Date.now();
    const call = octokit.rest.repos.getContent({ owner: 'acme', repo: 'app', path: 'hang.py', ref: 'h' });
    await expect(call).rejects.toMatchObject({
      status: 500,
      message: expect.stringContaining('GitHub did not answer GET /repos/acme/app/contents/hang.py within 0.2 s'),
    });
    // Four attempts of 200 ms (plugin-retry: three retries), not undici's 300 s per attempt.
    expect(requests).toBe(4);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('the installation client Probot builds from our Octokit keeps the deadline', async () => {
    const octokit = await installationOctokit(reviewerOctokit(ProbotOctokit, { requestTimeoutMs: 200, retryAfterBaseValue: 1 }));
    nock(API).get('/repos/acme/app/pulls/9').times(4).delay(3000).reply(200, { number: 9 });
    await expect(octokit.rest.pulls.get({ owner: 'acme', repo: 'app', pull_number: 9 })).rejects.toThrow(
      /GitHub did not answer GET \/repos\/acme\/app\/pulls\/9 within 0\.2 s/,
    );
  });

  test('GraphQL has the same deadline', async () => {
    const Octokit = reviewerOctokit(ProbotOctokit, { requestTimeoutMs: 200, retryAfterBaseValue: 1 });
    const octokit = new Octokit({ auth: { token: 'ghs_test' }, baseUrl, retry: { enabled: false } });
    await expect(octokit.graphql('query { viewer { login } }')).rejects.toThrow(/GitHub did not answer POST \/graphql within 0\.2 s/);
  });
});
