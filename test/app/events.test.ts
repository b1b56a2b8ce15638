import nock from 'nock';
import type { Probot } from 'probot';
import { isCommand } from '../../src/github/events.js';
import { probotWith, recordingQueue } from '../support/probot.js';
import { checkRunPayload, checkSuitePayload, example, issueCommentPayload, pullRequestPayload } from '../support/webhooks.js';

/** Which webhooks start a review: handlers validate, decide and enqueue; nock answers their few API calls. */

const API = 'https://api.github.com';
const T = { owner: 'acme', repo: 'shop', installationId: 77 };
const SHA = 'a'.repeat(40);

let probot: Probot;
let queue: ReturnType<typeof recordingQueue>;

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

beforeEach(async () => {
  queue = recordingQueue();
  probot = await probotWith({ queue: () => queue });
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

function token(): void {
  nock(API).post(`/app/installations/${T.installationId}/access_tokens`).reply(201, { token: 'ghs_test', permissions: {} });
}

/** No org defaults, no repository config: the default command `/review` applies. */
function noConfig(): void {
  nock(API).get('/repos/acme/.github/contents/.github%2Fpr-reviewer.yml').reply(404, { message: 'Not Found' });
  nock(API).get('/repos/acme/shop/contents/.github%2Fpr-reviewer.yml').reply(404, { message: 'Not Found' });
}

function yamlFile(text: string): object {
  return { type: 'file', encoding: 'base64', size: text.length, content: Buffer.from(text).toString('base64') };
}

describe('pull_request', () => {
  test.each(['opened', 'reopened', 'synchronize', 'ready_for_review'])('%s queues a review of the head commit', async (action) => {
    await probot.receive({ name: 'pull_request', id: `d-${action}`, payload: pullRequestPayload(action, { ...T, number: 5, headSha: SHA }) as never });
    expect(queue.jobs).toEqual([
      { deliveryId: `d-${action}`, installationId: 77, owner: 'acme', repo: 'shop', pullNumber: 5, headSha: SHA, reason: `pull_request.${action}` },
    ]);
  });

  test('a closed pull request is not reviewed', async () => {
    await probot.receive({ name: 'pull_request', id: 'd1', payload: pullRequestPayload('closed', { ...T, number: 5, headSha: SHA }) as never });
    expect(queue.jobs).toEqual([]);
  });

  test('other actions (labeled) are not reviewed', async () => {
    await probot.receive({ name: 'pull_request', id: 'd1', payload: pullRequestPayload('labeled', { ...T, number: 5, headSha: SHA }) as never });
    expect(queue.jobs).toEqual([]);
  });

  test('a draft is queued: the worker reads `drafts` from the config and says why it skips', async () => {
    await probot.receive({ name: 'pull_request', id: 'd1', payload: pullRequestPayload('opened', { ...T, number: 5, headSha: SHA, draft: true }) as never });
    expect(queue.jobs).toHaveLength(1);
  });
});

describe('issue_comment commands', () => {
  const comment = (over: Partial<Parameters<typeof issueCommentPayload>[0]>) =>
    issueCommentPayload({ ...T, number: 5, body: '/review', commenter: 'octocat', author: 'octocat', ...over }) as never;

  test('/review from the pull request author: 👀 and a review of the current head', async () => {
    token();
    noConfig();
    nock(API)
      .get('/repos/acme/shop/pulls/5')
      .reply(200, { number: 5, state: 'open', head: { sha: SHA } });
    const reaction = nock(API).post('/repos/acme/shop/issues/comments/4242/reactions', { content: 'eyes' }).reply(201, {});
    await probot.receive({ name: 'issue_comment', id: 'c1', payload: comment({}) });
    expect(reaction.isDone()).toBe(true);
    expect(queue.jobs).toMatchObject([{ pullNumber: 5, headSha: SHA, reason: 'command', deliveryId: 'c1' }]);
  });

  test.each(['write', 'maintain', 'admin'])('/review from a user with %s permission is accepted', async (role) => {
    token();
    noConfig();
    const folded = role === 'maintain' ? 'write' : role;
    nock(API).get('/repos/acme/shop/collaborators/reviewer/permission').reply(200, { permission: folded, role_name: role });
    nock(API)
      .get('/repos/acme/shop/pulls/5')
      .reply(200, { number: 5, state: 'open', head: { sha: SHA } });
    nock(API).post('/repos/acme/shop/issues/comments/4242/reactions').reply(201, {});
    await probot.receive({ name: 'issue_comment', id: 'c1', payload: comment({ commenter: 'reviewer' }) });
    expect(queue.jobs).toHaveLength(1);
  });

  test.each([
    ['read', 'read'],
    ['read', 'triage'],
  ])('permission denied: %s (%s) gets no review and no reaction', async (permission, role) => {
    token();
    noConfig();
    nock(API).get('/repos/acme/shop/collaborators/passer-by/permission').reply(200, { permission, role_name: role });
    await probot.receive({ name: 'issue_comment', id: 'c1', payload: comment({ commenter: 'passer-by' }) });
    expect(queue.jobs).toEqual([]);
  });

  test('permission denied: a user who is not a collaborator (404)', async () => {
    token();
    noConfig();
    nock(API).get('/repos/acme/shop/collaborators/stranger/permission').reply(404, { message: 'Not Found' });
    await probot.receive({ name: 'issue_comment', id: 'c1', payload: comment({ commenter: 'stranger' }) });
    expect(queue.jobs).toEqual([]);
  });

  test('comments by bots are ignored without any API call', async () => {
    await probot.receive({ name: 'issue_comment', id: 'c1', payload: comment({ commenter: 'renovate[bot]', commenterType: 'Bot' }) });
    expect(queue.jobs).toEqual([]);
  });

  test('edited comments are ignored', async () => {
    await probot.receive({ name: 'issue_comment', id: 'c1', payload: comment({ action: 'edited' }) });
    expect(queue.jobs).toEqual([]);
  });

  test('a comment on a plain issue is ignored', async () => {
    await probot.receive({ name: 'issue_comment', id: 'c1', payload: comment({ onPullRequest: false }) });
    expect(queue.jobs).toEqual([]);
  });

  test('the command must be the first word', async () => {
    await probot.receive({ name: 'issue_comment', id: 'c1', payload: comment({ body: 'please /review this' }) });
    expect(queue.jobs).toEqual([]);
  });

  test('`@<app-slug> review` works too', async () => {
    nock(API).get('/app').reply(200, { id: 123, slug: 'pr-reviewer' });
    token();
    nock(API)
      .get('/repos/acme/shop/pulls/5')
      .reply(200, { number: 5, state: 'open', head: { sha: SHA } });
    nock(API).post('/repos/acme/shop/issues/comments/4242/reactions').reply(201, {});
    await probot.receive({ name: 'issue_comment', id: 'c1', payload: comment({ body: '@PR-Reviewer review please' }) });
    expect(queue.jobs).toHaveLength(1);
  });

  test('the command is configurable: `/lint` replaces `/review`', async () => {
    token();
    const config = yamlFile('command: /lint\n');
    nock(API).get('/repos/acme/.github/contents/.github%2Fpr-reviewer.yml').times(2).reply(404, {});
    nock(API).get('/repos/acme/shop/contents/.github%2Fpr-reviewer.yml').times(2).reply(200, config);
    nock(API)
      .get('/repos/acme/shop/pulls/5')
      .reply(200, { number: 5, state: 'open', head: { sha: SHA } });
    nock(API).post('/repos/acme/shop/issues/comments/4242/reactions').reply(201, {});
    await probot.receive({ name: 'issue_comment', id: 'c1', payload: comment({ body: '/review' }) });
    expect(queue.jobs).toEqual([]);
    await probot.receive({ name: 'issue_comment', id: 'c2', payload: comment({ body: '/lint' }) });
    expect(queue.jobs).toHaveLength(1);
  });
});

describe('re-runs', () => {
  test('check_run rerequested for our check reviews its pull requests again', async () => {
    await probot.receive({ name: 'check_run', id: 'r1', payload: checkRunPayload({ ...T, headSha: SHA, pulls: [{ number: 5, sha: SHA }] }) as never });
    expect(queue.jobs).toMatchObject([{ pullNumber: 5, headSha: SHA, reason: 'rerequested' }]);
  });

  test("check_run rerequested for another app's check is ignored", async () => {
    await probot.receive({
      name: 'check_run',
      id: 'r1',
      payload: checkRunPayload({ ...T, headSha: SHA, name: 'ci/tests', pulls: [{ number: 5, sha: SHA }] }) as never,
    });
    expect(queue.jobs).toEqual([]);
  });

  test('check_suite rerequested with an empty pull_requests list finds the open pull requests itself', async () => {
    token();
    nock(API)
      .get(`/repos/acme/shop/commits/${SHA}/pulls`)
      .reply(200, [
        { number: 8, state: 'open', head: { sha: SHA } },
        { number: 3, state: 'closed', head: { sha: SHA } },
      ]);
    await probot.receive({ name: 'check_suite', id: 's1', payload: checkSuitePayload({ ...T, headSha: SHA, pulls: [] }) as never });
    expect(queue.jobs).toMatchObject([{ pullNumber: 8, headSha: SHA, reason: 'rerequested' }]);
  });

  test('a fork commit not associated with any pull request is found among the open ones', async () => {
    token();
    nock(API).get(`/repos/acme/shop/commits/${SHA}/pulls`).reply(200, []);
    nock(API)
      .get('/repos/acme/shop/pulls')
      .query({ state: 'open', per_page: 100 })
      .reply(200, [
        { number: 11, state: 'open', head: { sha: SHA } },
        { number: 12, state: 'open', head: { sha: 'b'.repeat(40) } },
      ]);
    await probot.receive({ name: 'check_suite', id: 's1', payload: checkSuitePayload({ ...T, headSha: SHA, pulls: [] }) as never });
    expect(queue.jobs.map((j) => j.pullNumber)).toEqual([11]);
  });

  test('check_suite rerequested with its pull requests listed needs no lookup', async () => {
    await probot.receive({ name: 'check_suite', id: 's1', payload: checkSuitePayload({ ...T, headSha: SHA, pulls: [{ number: 2, sha: SHA }] }) as never });
    expect(queue.jobs).toMatchObject([{ pullNumber: 2 }]);
  });
});

describe('installation events', () => {
  test.each([
    ['installation', 'created'],
    ['installation', 'deleted'],
    ['installation_repositories', 'added'],
  ])('%s.%s is logged and queues nothing', async (name, action) => {
    const payload = example(name, action);
    payload.installation = { ...payload.installation, id: 77 };
    await probot.receive({ name: name as never, id: 'i1', payload: payload as never });
    expect(queue.jobs).toEqual([]);
  });
});

describe('isCommand', () => {
  test.each([
    ['/review', true],
    ['  /review\nplease', true],
    ['/reviewer', false],
    ['/Review', false],
    ['@pr-reviewer review', true],
    ['@pr-reviewer', false],
    ['@someone-else review', false],
  ])('%j → %s', (body, expected) => {
    expect(isCommand(body, '/review', 'pr-reviewer')).toBe(expected);
  });
});
