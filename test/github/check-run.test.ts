import nock from 'nock';
import { concludeCheckRun, openCheckRun, withCheckRun, type CheckTarget } from '../../src/github/check-run.js';
import { installationClient } from '../support/probot.js';

/**
 * Issue 11, attack 8: a 500 on the org config or on `pulls.get` left no check run at all, and a
 * 500 on the final update left it "in progress" for good. The check run helpers the review job
 * runs inside: opened first, always concluded, failures logged with the delivery id.
 */

const API = 'https://api.github.com';
const REPO = '/repos/acme/shop';
const HEAD = 'h'.repeat(40);

function target(): CheckTarget & { logged: Array<{ level: string; obj: Record<string, unknown>; msg?: string }> } {
  const logged: Array<{ level: string; obj: Record<string, unknown>; msg?: string }> = [];
  return {
    owner: 'acme',
    repo: 'shop',
    headSha: HEAD,
    deliveryId: 'delivery-42',
    logged,
    log: {
      warn: (obj, msg) => logged.push({ level: 'warn', obj: obj as Record<string, unknown>, ...(msg ? { msg } : {}) }),
      error: (obj, msg) => logged.push({ level: 'error', obj: obj as Record<string, unknown>, ...(msg ? { msg } : {}) }),
    },
  };
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe('withCheckRun', () => {
  test('a 500 on pulls.get (or the config) still concludes the check run, neutral, with the reason', async () => {
    const updates: Array<Record<string, any>> = []; // eslint-disable-line @typescript-eslint/no-explicit-any
    nock(API)
      .post(`${REPO}/check-runs`, (b) => b.status === 'in_progress' && b.head_sha === HEAD)
      .reply(201, { id: 7 });
    nock(API).get(`${REPO}/pulls/5`).reply(500, { message: 'Server Error' });
    nock(API)
      .patch(`${REPO}/check-runs/7`, (b) => (updates.push(b), true))
      .reply(200, { id: 7 });
    const octokit = installationClient();
    const run = withCheckRun(octokit, target(), async () => (await octokit.rest.pulls.get({ owner: 'acme', repo: 'shop', pull_number: 5 })).data, {
      willRetry: true,
    });
    await expect(run).rejects.toMatchObject({ status: 500 });
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ status: 'completed', conclusion: 'neutral', output: { title: 'Review failed' } });
    expect(updates[0]!.output.summary).toContain('The review could not be completed: Server Error');
    expect(updates[0]!.output.summary).toContain('It will be tried again');
  });

  test('a review that concludes its run is not concluded twice', async () => {
    nock(API).post(`${REPO}/check-runs`).reply(201, { id: 8 });
    const scope = nock(API).patch(`${REPO}/check-runs/8`).once().reply(200, { id: 8 });
    const result = await withCheckRun(
      installationClient(),
      target(),
      async (run) => {
        await run.conclude('success', { title: 'No new findings', summary: 'ok' });
        return 'done';
      },
      { willRetry: false },
    );
    expect(result).toBe('done');
    expect(scope.isDone()).toBe(true);
  });
});

describe('openCheckRun', () => {
  test('a creation that fails is tried once more', async () => {
    nock(API).post(`${REPO}/check-runs`).reply(500, { message: 'boom' }).post(`${REPO}/check-runs`).reply(201, { id: 9 });
    expect(await openCheckRun(installationClient(), target(), 1)).toBe(9);
  });

  test('a creation that keeps failing is logged with the delivery id, and the review goes on', async () => {
    nock(API).post(`${REPO}/check-runs`).times(2).reply(500, { message: 'boom' });
    const t = target();
    expect(await openCheckRun(installationClient(), t, 1)).toBeUndefined();
    expect(t.logged).toEqual([expect.objectContaining({ level: 'warn', obj: expect.objectContaining({ delivery: 'delivery-42', err: 'boom' }) })]);
  });
});

describe('concludeCheckRun', () => {
  test('a 500 on the final update: a completed run replaces the one in progress', async () => {
    nock(API).patch(`${REPO}/check-runs/10`).reply(500, { message: 'boom' });
    let created: Record<string, unknown> | undefined;
    nock(API)
      .post(`${REPO}/check-runs`, (b) => ((created = b), true))
      .reply(201, { id: 11 });
    const t = target();
    await concludeCheckRun(installationClient(), t, 10, 'failure', { title: 'Security defects found: 1 new finding', summary: 'the summary' });
    expect(created).toMatchObject({ name: 'pr-reviewer', head_sha: HEAD, status: 'completed', conclusion: 'failure', output: { summary: 'the summary' } });
    expect(t.logged[0]).toMatchObject({ level: 'warn', obj: { delivery: 'delivery-42', checkRunId: 10 } });
  });

  test('a run that was never created is concluded by creating a completed one', async () => {
    const scope = nock(API)
      .post(`${REPO}/check-runs`, (b) => b.status === 'completed' && b.conclusion === 'success')
      .reply(201, { id: 12 });
    await concludeCheckRun(installationClient(), target(), undefined, 'success', { title: 'No new findings', summary: 'ok' });
    expect(scope.isDone()).toBe(true);
  });

  test('when GitHub refuses both, the failure is logged with the delivery id and thrown', async () => {
    nock(API).patch(`${REPO}/check-runs/13`).reply(500, { message: 'update failed' });
    nock(API).post(`${REPO}/check-runs`).reply(500, { message: 'create failed' });
    const t = target();
    await expect(concludeCheckRun(installationClient(), t, 13, 'neutral', { title: 't', summary: 's' })).rejects.toThrow('update failed');
    expect(t.logged).toEqual([expect.objectContaining({ level: 'error', obj: expect.objectContaining({ delivery: 'delivery-42', err: 'create failed' }) })]);
  });
});
