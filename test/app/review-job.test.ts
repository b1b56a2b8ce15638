import nock from 'nock';
import { analyze } from '../../src/engine/analyze.js';
import { SUMMARY_MARKER } from '../../src/github/publish.js';
import { reviewPullRequest, type ReviewDeps, type ReviewOutcome } from '../../src/github/review-job.js';
import type { JobControl, ReviewJob } from '../../src/queue/types.js';
import { DEFAULT_CONFIG, enabledRules, type Config } from '../../src/review/config.js';
import { fingerprintMarker } from '../../src/review/render/inline.js';
import { unifiedPatch } from '../support/github-stand-in.js';
import { installationClient } from '../support/probot.js';
import { STRICT_CONVENTIONS } from '../../src/engine/conventions.js';

/** The worker against nock: what it reads, what it writes, and what it must never write. */

const API = 'https://api.github.com';
const REPO = '/repos/acme/shop';
const HEAD = 'h'.repeat(40);
const BASE_SHA = 'b'.repeat(40);
const JOB: ReviewJob = { deliveryId: 'd1', installationId: 77, owner: 'acme', repo: 'shop', pullNumber: 5, headSha: HEAD, reason: 'pull_request.opened' };
const fresh: JobControl = { isStale: () => false };
/** Only the unused-import rule, so that the counts below do not move as other rules are added. */
const onlyImports = (config: Config) => enabledRules(config).filter((r) => r.rule.category === 'unused-imports');
const DEPS: ReviewDeps = {
  settings: (config) => ({ rulesFor: () => onlyImports(config), conventionsFor: () => STRICT_CONVENTIONS }),
  botLogin: 'pr-reviewer[bot]',
};

const BASE = `import os


def total(items):
    result = 0
    for item in items:
        result += item
    return result
`;
/** Adds two unused imports (lines 2 and 3); `os` was unused before the PR. */
const HEAD_SRC = BASE.replace('import os\n', 'import os\nimport sys\nimport re\n');

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

function file(text: string): object {
  return { type: 'file', encoding: 'base64', size: Buffer.byteLength(text), content: Buffer.from(text).toString('base64') };
}

function pull(over: Record<string, unknown> = {}): void {
  nock(API)
    .get(`${REPO}/pulls/5`)
    .reply(200, { number: 5, state: 'open', draft: false, user: { login: 'octocat' }, head: { sha: HEAD }, base: { sha: BASE_SHA }, ...over });
}

function config(repo?: string, org?: string): void {
  nock(API)
    .get('/repos/acme/.github/contents/.github%2Fpr-reviewer.yml')
    .reply(org === undefined ? 404 : 200, org === undefined ? { message: 'Not Found' } : file(org));
  nock(API)
    .get(`${REPO}/contents/.github%2Fpr-reviewer.yml`)
    .reply(repo === undefined ? 404 : 200, repo === undefined ? { message: 'Not Found' } : file(repo));
}

interface Listed {
  filename: string;
  status: string;
  patch?: string;
}

function pyFile(path = 'app/core.py', before = BASE, after = HEAD_SRC): Listed {
  return { filename: path, status: 'modified', patch: unifiedPatch(before, after) };
}

/** The file listing, one page unless a second page is given. */
function files(page1: Listed[], page2?: Listed[]): void {
  const next = `<${API}${REPO}/pulls/5/files?per_page=100&page=2>; rel="next"`;
  nock(API)
    .get(`${REPO}/pulls/5/files`)
    .query({ per_page: 100 })
    .reply(200, page1, page2 ? { link: next } : {});
  if (page2) nock(API).get(`${REPO}/pulls/5/files`).query({ per_page: 100, page: 2 }).reply(200, page2);
}

function contents(path: string, ref: string, text: string): void {
  nock(API)
    .get(`${REPO}/contents/${encodeURIComponent(path)}`)
    .query({ ref })
    .reply(200, file(text));
}

function existing(issueComments: object[] = [], reviewComments: object[] = []): void {
  nock(API).get(`${REPO}/issues/5/comments`).query({ per_page: 100 }).reply(200, issueComments);
  nock(API).get(`${REPO}/pulls/5/comments`).query({ per_page: 100 }).reply(200, reviewComments);
}

interface Writes {
  checkCreate: Array<Record<string, unknown>>;
  checkUpdate: Array<Record<string, unknown>>;
  reviews: Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  summaryCreate: string[];
  summaryUpdate: string[];
}

/** Accepts the writes and keeps their bodies. */
function writes(opts: { review?: boolean; summary?: 'create' | 'update' | 'none'; checkUpdates?: number } = {}): Writes {
  const w: Writes = { checkCreate: [], checkUpdate: [], reviews: [], summaryCreate: [], summaryUpdate: [] };
  nock(API)
    .post(`${REPO}/check-runs`, (b) => (w.checkCreate.push(b), true))
    .reply(201, { id: 900 });
  if (opts.checkUpdates !== 0)
    nock(API)
      .patch(`${REPO}/check-runs/900`, (b) => (w.checkUpdate.push(b), true))
      .times(opts.checkUpdates ?? 1)
      .reply(200, { id: 900 });
  if (opts.review !== false)
    nock(API)
      .post(`${REPO}/pulls/5/reviews`, (b) => (w.reviews.push(b), true))
      .reply(200, { id: 1 });
  if ((opts.summary ?? 'create') === 'create')
    nock(API)
      .post(`${REPO}/issues/5/comments`, (b) => (w.summaryCreate.push(b.body), true))
      .reply(201, { id: 55 });
  if (opts.summary === 'update')
    nock(API)
      .patch(`${REPO}/issues/comments/55`, (b) => (w.summaryUpdate.push(b.body), true))
      .reply(200, { id: 55 });
  return w;
}

function fingerprintOf(source: string, subject: string): string {
  const result = analyze([{ path: 'app/core.py', source }], onlyImports(DEFAULT_CONFIG));
  const f = result.findings.find((x) => x.subject === subject || x.message.includes(`\`${subject}\``));
  if (!f) throw new Error(`no finding about ${subject}`);
  return f.fingerprint;
}

function published(outcome: ReviewOutcome): Extract<ReviewOutcome, { status: 'published' }> {
  if (outcome.status !== 'published') throw new Error(`not published: ${JSON.stringify(outcome)}`);
  return outcome;
}

test('a full review: all pages of files, one review on the head commit, a summary, a completed check run', async () => {
  pull();
  config();
  const docs = Array.from({ length: 100 }, (_, i) => ({ filename: `docs/page-${i}.md`, status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }));
  files(docs, [pyFile(), { filename: 'old/gone.py', status: 'removed' }]);
  contents('app/core.py', HEAD, HEAD_SRC);
  existing();
  const w = writes();

  const outcome = published(await reviewPullRequest(installationClient(), JOB, fresh, DEPS));

  expect(w.checkCreate).toMatchObject([{ name: 'pr-reviewer', head_sha: HEAD, status: 'in_progress' }]);
  expect(w.reviews).toHaveLength(1);
  expect(w.reviews[0]).toMatchObject({ commit_id: HEAD, event: 'COMMENT' });
  const comments = w.reviews[0]!.comments as Array<{ path: string; line: number; side: string; body: string }>;
  expect(comments.map((c) => [c.path, c.line, c.side])).toEqual([
    ['app/core.py', 2, 'RIGHT'],
    ['app/core.py', 3, 'RIGHT'],
  ]);
  for (const c of comments) expect(c.body).toMatch(/<!-- pr-reviewer:fp=\w+ -->/);
  // `os` was already unused before the PR: counted, not reported.
  expect(outcome).toMatchObject({ files: 1, reported: 2, older: 1, inline: 2, summary: 'created' });
  expect(w.summaryCreate[0]).toContain(SUMMARY_MARKER);
  expect(w.summaryCreate[0]).toContain('`sys`');
  expect(w.summaryCreate[0]).not.toContain('`os`');
  expect(w.checkUpdate).toHaveLength(1);
  expect(w.checkUpdate[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
  const output = w.checkUpdate[0]!.output as { annotations: Array<{ path: string; start_line: number }>; summary: string };
  expect(output.annotations.map((a) => a.start_line)).toEqual([2, 3]);
  expect(w.summaryCreate[0]).toBe(`${output.summary.trimEnd()}\n\n${SUMMARY_MARKER}`);
});

test('marker-based update: our summary is edited in place and a finding already commented is not commented again', async () => {
  pull();
  config();
  files([pyFile()]);
  contents('app/core.py', HEAD, HEAD_SRC);
  const bot = { login: 'pr-reviewer[bot]', type: 'Bot' };
  existing(
    [
      { id: 54, body: `${SUMMARY_MARKER}\nsomeone quoting us`, user: { login: 'alice', type: 'User' } },
      { id: 55, body: `${SUMMARY_MARKER}\nan older review`, user: bot },
    ],
    [{ id: 70, body: `**Unused import**\n\n${fingerprintMarker(fingerprintOf(HEAD_SRC, 'sys'))}`, user: bot, path: 'app/core.py', line: 2 }],
  );
  const w = writes({ summary: 'update' });

  const outcome = published(await reviewPullRequest(installationClient(), JOB, fresh, DEPS));

  expect(outcome.summary).toBe('updated');
  expect(w.summaryUpdate[0]).toContain(SUMMARY_MARKER);
  const comments = w.reviews[0]!.comments as Array<{ line: number; body: string }>;
  expect(comments.map((c) => c.line)).toEqual([3]);
  expect(comments[0]!.body).toContain('re');
});

test('an unchanged summary is not written again, and nothing new means no review', async () => {
  const bot = { login: 'pr-reviewer[bot]', type: 'Bot' };
  // First run: learn the summary the app writes.
  pull();
  config();
  files([pyFile()]);
  contents('app/core.py', HEAD, HEAD_SRC);
  existing();
  const first = writes();
  await reviewPullRequest(installationClient(), JOB, fresh, DEPS);
  const posted = first.reviews[0]!.comments as Array<{ body: string }>;

  pull();
  config();
  files([pyFile()]);
  contents('app/core.py', HEAD, HEAD_SRC);
  existing(
    [{ id: 55, body: first.summaryCreate[0], user: bot }],
    posted.map((c, i) => ({ id: 80 + i, body: c.body, user: bot })),
  );
  const second = writes({ review: false, summary: 'none' });
  const outcome = published(await reviewPullRequest(installationClient(), JOB, fresh, DEPS));
  expect(outcome).toMatchObject({ summary: 'unchanged', inline: 0 });
  expect(second.checkUpdate).toHaveLength(1);
});

test('422 fallback: the comments GitHub accepts are posted, the refused one stays in the summary', async () => {
  pull();
  config();
  files([pyFile()]);
  contents('app/core.py', HEAD, HEAD_SRC);
  existing();
  const attempts: Array<Array<{ line: number }>> = [];
  nock(API).post(`${REPO}/check-runs`).reply(201, { id: 900 });
  nock(API)
    .post(`${REPO}/pulls/5/reviews`, (b) => (attempts.push(b.comments), true))
    .reply(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] });
  nock(API)
    .post(`${REPO}/pulls/5/reviews`, (b) => (attempts.push(b.comments), true))
    .reply(200, { id: 2 });
  nock(API)
    .post(`${REPO}/pulls/5/reviews`, (b) => (attempts.push(b.comments), true))
    .reply(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] });
  nock(API).post(`${REPO}/issues/5/comments`).reply(201, { id: 55 });
  nock(API).patch(`${REPO}/check-runs/900`).reply(200, { id: 900 });

  const outcome = published(await reviewPullRequest(installationClient(), JOB, fresh, DEPS));

  expect(attempts.map((a) => a.map((c) => c.line))).toEqual([[2, 3], [2], [3]]);
  expect(outcome).toMatchObject({ inline: 1, rejected: 1, reported: 2 });
});

test('an invalid config is reported in the summary and the check run; the review runs with what is valid', async () => {
  pull();
  config('filter: everywhere\nmax_inline_comments: 1\ncolour: blue\n');
  files([pyFile()]);
  contents('app/core.py', HEAD, HEAD_SRC);
  existing();
  const w = writes();

  published(await reviewPullRequest(installationClient(), JOB, fresh, DEPS));

  // max_inline_comments: 1 still applies.
  expect((w.reviews[0]!.comments as unknown[]).length).toBe(1);
  expect(w.summaryCreate[0]).toMatch(/`filter`/);
  expect(w.summaryCreate[0]).toMatch(/colour/);
  expect(w.summaryCreate[0]).toContain('acme/shop:.github/pr-reviewer.yml');
  expect((w.checkUpdate[0]!.output as { summary: string }).summary).toMatch(/`filter`/);
});

test('a YAML syntax error is reported and the defaults apply', async () => {
  pull();
  config('filter: [added\n');
  files([pyFile()]);
  contents('app/core.py', HEAD, HEAD_SRC);
  existing();
  const w = writes();
  published(await reviewPullRequest(installationClient(), JOB, fresh, DEPS));
  expect(w.summaryCreate[0]).toMatch(/not valid YAML/);
  expect((w.reviews[0]!.comments as unknown[]).length).toBe(2);
});

test("org defaults and the repository's keys merge key by key", async () => {
  pull();
  // The org caps inline comments at 1; the repo excludes vendor/ and does not repeat the cap.
  config('exclude:\n  - "vendor/**"\n', 'max_inline_comments: 1\n');
  files([pyFile(), pyFile('vendor/lib.py')]);
  contents('app/core.py', HEAD, HEAD_SRC);
  existing();
  const w = writes();
  const outcome = published(await reviewPullRequest(installationClient(), JOB, fresh, DEPS));
  expect(outcome.files).toBe(1);
  expect((w.reviews[0]!.comments as unknown[]).length).toBe(1);
});

test('a draft is skipped with a neutral check run that says why', async () => {
  pull({ draft: true });
  config();
  const w = writes({ review: false, summary: 'none' });
  const outcome = await reviewPullRequest(installationClient(), JOB, fresh, DEPS);
  expect(outcome).toEqual({ status: 'skipped', reason: 'draft' });
  expect(w.checkCreate).toMatchObject([{ head_sha: HEAD }]);
  expect(w.checkUpdate).toMatchObject([{ status: 'completed', conclusion: 'neutral', output: { title: 'Skipped: draft pull request' } }]);
  expect((w.checkUpdate[0]!.output as { summary: string }).summary).toMatch(/drafts: true/);
});

test('`drafts: true` reviews drafts', async () => {
  pull({ draft: true });
  config('drafts: true\n');
  files([pyFile()]);
  contents('app/core.py', HEAD, HEAD_SRC);
  existing();
  writes();
  published(await reviewPullRequest(installationClient(), { ...JOB }, fresh, DEPS));
});

test('a closed pull request is not reviewed and nothing is written', async () => {
  pull({ state: 'closed' });
  config();
  expect(await reviewPullRequest(installationClient(), JOB, fresh, DEPS)).toEqual({ status: 'skipped', reason: 'closed' });
});

test('a job the queue calls stale publishes nothing', async () => {
  expect(await reviewPullRequest(installationClient(), JOB, { isStale: () => true }, DEPS)).toEqual({ status: 'stale' });
});

test('events delivered out of order: a job for an older head that the queue still calls newest reviews the head GitHub reports', async () => {
  const newer = 'n'.repeat(40);
  pull({ head: { sha: newer } });
  config();
  files([pyFile()]);
  contents('app/core.py', newer, HEAD_SRC);
  existing();
  const w = writes();
  published(await reviewPullRequest(installationClient(), JOB, fresh, DEPS));
  expect(w.checkCreate).toMatchObject([{ head_sha: newer }]);
  expect(w.reviews[0]).toMatchObject({ commit_id: newer });
});

test('overtaken by a newer push during the review: the check run says so and nothing else is written', async () => {
  pull();
  config();
  files([pyFile()]);
  contents('app/core.py', HEAD, HEAD_SRC);
  existing();
  const w = writes({ review: false, summary: 'none' });
  let calls = 0;
  const control: JobControl = { isStale: () => ++calls > 1 };
  expect(await reviewPullRequest(installationClient(), JOB, control, DEPS)).toEqual({ status: 'stale' });
  expect(w.checkUpdate[0]).toMatchObject({ conclusion: 'neutral', output: { title: 'Superseded' } });
});

test("a check run that cannot be created is logged through the app's own logger (pino's methods need their `this`), and the review still concludes one", async () => {
  pull();
  config();
  files([pyFile()]);
  contents('app/core.py', HEAD, HEAD_SRC);
  existing();
  nock(API).post(`${REPO}/check-runs`).times(2).reply(500, { message: 'boom' });
  const w = writes({ checkUpdates: 0 });
  /** Like pino: a method that reads its own instance's state. */
  class Logger {
    readonly #lines: string[] = [];
    get lines(): string[] {
      return this.#lines;
    }
    info(_obj: object, msg?: string): void {
      this.#lines.push(`info ${msg}`);
    }
    warn(_obj: object, msg?: string): void {
      this.#lines.push(`warn ${msg}`);
    }
  }
  const log = new Logger();
  published(await reviewPullRequest(installationClient(), JOB, fresh, { ...DEPS, log }));
  expect(log.lines).toContain('warn could not create the check run; the review goes on and concludes with a new one');
  expect(w.checkCreate.at(-1)).toMatchObject({ status: 'completed', head_sha: HEAD });
}, 15_000);

test('a file whose patch GitHub left out is analysed; its findings go to the summary only', async () => {
  pull();
  config();
  files([{ filename: 'app/core.py', status: 'added' }]);
  contents('app/core.py', HEAD, HEAD_SRC);
  existing();
  const w = writes({ review: false });
  const outcome = published(await reviewPullRequest(installationClient(), JOB, fresh, DEPS));
  expect(outcome).toMatchObject({ reported: 3, inline: 0 });
  expect(w.summaryCreate[0]).toContain('`sys`');
});

test('a modified file without a patch: its base version is fetched at the base commit to tell new from old', async () => {
  pull();
  config();
  files([{ filename: 'app/core.py', status: 'modified' }]);
  contents('app/core.py', HEAD, HEAD_SRC);
  contents('app/core.py', BASE_SHA, BASE);
  existing();
  writes({ review: false });
  const outcome = published(await reviewPullRequest(installationClient(), JOB, fresh, DEPS));
  expect(outcome).toMatchObject({ reported: 2, older: 1, inline: 0 });
});

test('files over max_file_bytes and binary files are skipped with a note', async () => {
  pull();
  config('max_file_bytes: 100\n');
  const big = `x = 1\n${'# padding\n'.repeat(20)}`;
  files([
    { filename: 'app/big.py', status: 'added', patch: unifiedPatch('', big) },
    { filename: 'app/blob.py', status: 'added' },
  ]);
  contents('app/big.py', HEAD, big);
  nock(API)
    .get(`${REPO}/contents/app%2Fblob.py`)
    .query({ ref: HEAD })
    .reply(200, { type: 'file', encoding: 'base64', size: 4, content: Buffer.from([0, 1, 2, 3]).toString('base64') });
  existing();
  const w = writes({ review: false });
  published(await reviewPullRequest(installationClient(), JOB, fresh, DEPS));
  expect(w.summaryCreate[0]).toMatch(/app\/big\.py.*max\\?_file\\?_bytes/);
  expect(w.summaryCreate[0]).toMatch(/app\/blob\.py.*binary/);
});

test('our thread whose finding is gone is resolved; a thread someone answered is left alone', async () => {
  pull();
  config();
  files([pyFile()]);
  contents('app/core.py', HEAD, HEAD_SRC);
  const bot = { login: 'pr-reviewer[bot]', type: 'Bot' };
  const gone = `**Unused variable**\n\n${fingerprintMarker('0123456789abcdef0123')}`;
  const answered = `**Unused variable**\n\n${fingerprintMarker('fedcba98765432100000')}`;
  existing(
    [],
    [
      { id: 90, body: gone, user: bot, path: 'app/core.py', line: 7 },
      { id: 91, body: answered, user: bot, path: 'app/core.py', line: 8 },
    ],
  );
  writes();
  // Two pages of threads: the one to resolve is on the second.
  const threadsPage = (nodes: object[], pageInfo: object) => ({ data: { repository: { pullRequest: { reviewThreads: { pageInfo, nodes } } } } });
  nock(API)
    .post('/graphql', (b) => /reviewThreads/.test(b.query) && b.variables.after == null)
    .reply(
      200,
      threadsPage(
        [
          {
            id: 'T2',
            isResolved: false,
            path: 'app/core.py',
            comments: { totalCount: 2, nodes: [{ body: answered, author: { __typename: 'Bot', login: 'pr-reviewer' } }] },
          },
        ],
        { hasNextPage: true, endCursor: 'c1' },
      ),
    );
  nock(API)
    .post('/graphql', (b) => /reviewThreads/.test(b.query) && b.variables.after === 'c1')
    .reply(
      200,
      threadsPage(
        [
          {
            id: 'T1',
            isResolved: false,
            path: 'app/core.py',
            comments: { totalCount: 1, nodes: [{ body: gone, author: { __typename: 'Bot', login: 'pr-reviewer' } }] },
          },
        ],
        {
          hasNextPage: false,
          endCursor: null,
        },
      ),
    );
  const resolved: string[] = [];
  nock(API)
    .post('/graphql', (b) => /resolveReviewThread/.test(b.query) && (resolved.push(b.variables.id), true))
    .reply(200, { data: { resolveReviewThread: { thread: { id: 'T1' } } } });
  const outcome = published(await reviewPullRequest(installationClient(), JOB, fresh, DEPS));
  expect(resolved).toEqual(['T1']);
  expect(outcome.resolvedThreads).toBe(1);
});

test('a failure concludes the check run with the reason before the error reaches the queue', async () => {
  pull();
  config();
  nock(API).post(`${REPO}/check-runs`).reply(201, { id: 900 });
  nock(API).get(`${REPO}/pulls/5/files`).query({ per_page: 100 }).reply(500, { message: 'boom' });
  nock(API).get(`${REPO}/issues/5/comments`).query({ per_page: 100 }).reply(200, []);
  nock(API).get(`${REPO}/pulls/5/comments`).query({ per_page: 100 }).reply(200, []);
  const updates: Array<Record<string, any>> = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  nock(API)
    .patch(`${REPO}/check-runs/900`, (b) => (updates.push(b), true))
    .reply(200, {});
  await expect(reviewPullRequest(installationClient(), JOB, fresh, DEPS)).rejects.toThrow();
  expect(updates[0]).toMatchObject({ status: 'completed', conclusion: 'neutral', output: { title: 'Review failed' } });
});

test('a pull request without Python files gets a neutral check run and no comment', async () => {
  pull();
  config();
  files([{ filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }]);
  existing();
  const w = writes({ review: false, summary: 'none' });
  expect(await reviewPullRequest(installationClient(), JOB, fresh, DEPS)).toEqual({ status: 'skipped', reason: 'no python files' });
  expect(w.checkUpdate[0]).toMatchObject({ conclusion: 'neutral', output: { title: 'No Python files to review' } });
});

test('`report: all` with `filter: diff_context` also comments an older finding on a context line', async () => {
  pull();
  config('report: all\nfilter: diff_context\n');
  files([pyFile()]);
  contents('app/core.py', HEAD, HEAD_SRC);
  existing();
  const w = writes();
  const outcome = published(await reviewPullRequest(installationClient(), JOB, fresh, DEPS));
  expect(outcome).toMatchObject({ reported: 3, inline: 3 });
  expect((w.reviews[0]!.comments as Array<{ line: number }>).map((c) => c.line).sort()).toEqual([1, 2, 3]);
});

test('a pull request of 3,000 files: all 30 pages listed, the Python one reviewed, no crash', async () => {
  pull();
  config();
  const listed: Listed[] = Array.from({ length: 2999 }, (_, i) => ({ filename: `assets/img-${i}.svg`, status: 'added', patch: '@@ -0,0 +1 @@\n+<svg/>' }));
  listed.push(pyFile());
  for (let page = 1; page <= 30; page++) {
    const link: Record<string, string> = page < 30 ? { link: `<${API}${REPO}/pulls/5/files?per_page=100&page=${page + 1}>; rel="next"` } : {};
    nock(API)
      .get(`${REPO}/pulls/5/files`)
      .query(page === 1 ? { per_page: 100 } : { per_page: 100, page })
      .reply(200, listed.slice((page - 1) * 100, page * 100), link);
  }
  contents('app/core.py', HEAD, HEAD_SRC);
  existing();
  const w = writes();
  const outcome = published(await reviewPullRequest(installationClient(), JOB, fresh, DEPS));
  expect(outcome).toMatchObject({ files: 1 });
  expect(w.reviews).toHaveLength(1);
});
