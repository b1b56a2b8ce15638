import { generateKeyPairSync } from 'node:crypto';
import { request, type Server as HttpServer } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';
import { HtmlRenderer, Parser } from 'commonmark';
import { ProbotOctokit, type Server } from 'probot';
import { analyze } from '../../src/engine/analyze.js';
import { reviewerOctokit } from '../../src/github/octokit-limits.js';
import { DEFAULT_REQUEST_LIMITS } from '../../src/http/request-limits.js';
import { startServer } from '../../src/http/start-server.js';
import app from '../../src/index.js';
import { DEFAULT_CONFIG, enabledRules } from '../../src/review/config.js';
import { GitHubStandIn } from '../support/github-stand-in.js';
import { deliver, pullRequestPayload } from '../support/webhooks.js';

/**
 * Issue 11, tried again as an attacker would: the real server (Probot's `run` with our limits) on
 * loopback, signed webhooks, and the GitHub stand-in. Limits and GitHub deadlines are shortened
 * so that each attack resolves in seconds.
 */

const SECRET = 'attack-secret';
const OWNER = 'acme';
const LIMITS = {
  ...DEFAULT_REQUEST_LIMITS,
  maxBodyBytes: 1024 * 1024,
  maxBufferedBytes: 4 * 1024 * 1024,
  headersTimeoutMs: 1000,
  requestTimeoutMs: 2000,
  checkIntervalMs: 200,
};

const standIn = new GitHubStandIn();
let server: Server;
/** Every connection the server accepted, to see how much of a body it actually read. */
const accepted: Socket[] = [];
let port: number;
let url: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port: p } = s.address() as { port: number };
      s.close(() => resolve(p));
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

const render = (markdown: string): string => new HtmlRenderer({ safe: false }).render(new Parser().parse(markdown));

/** What in a rendered comment would be live on GitHub: images, raw HTML, links (other than our CWE links), mentions outside code. */
function liveParts(markdown: string): string[] {
  const html = render(markdown);
  const found: string[] = [];
  for (const m of html.matchAll(/<(img|div|script|iframe)\b[^>]*>/g)) found.push(m[0]);
  for (const m of html.matchAll(/<a href="([^"]*)"/g)) if (!m[1]!.startsWith('https://cwe.mitre.org/')) found.push(m[0]);
  const text = html
    .replace(/<code>[\s\S]*?<\/code>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&');
  for (const m of text.matchAll(/@[A-Za-z0-9][\w/-]*/g)) found.push(m[0]);
  return found;
}

async function openPull(repo: string, number: number, head: Record<string, string>, base: Record<string, string> = {}): Promise<string> {
  const pr = standIn.pushPull(OWNER, repo, { number, base, head });
  const res = await deliver(
    `${url}/api/github/webhooks`,
    'pull_request',
    pullRequestPayload(number === 1 ? 'opened' : 'synchronize', { owner: OWNER, repo, number, headSha: pr.headSha }),
    SECRET,
  );
  expect(res.status).toBe(200);
  await until(`the check run of ${repo}#${number}`, () => standIn.checkRuns(OWNER, repo).some((c) => c.head_sha === pr.headSha && c.status === 'completed'));
  return pr.headSha;
}

beforeAll(async () => {
  const { host } = await standIn.start();
  standIn.addRepo(OWNER, '.github', {});
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  port = await freePort();
  const Octokit = reviewerOctokit(ProbotOctokit, { requestTimeoutMs: 1000, retryAfterBaseValue: 1, writeSpacingMs: 10, contentPerMinute: 100_000 });
  let http: HttpServer;
  ({ server, http } = await startServer(
    app,
    {
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
      Octokit,
    },
    LIMITS,
  ));
  http.on('connection', (socket: Socket) => accepted.push(socket));
  url = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server?.stop();
  await standIn.stop();
});

/** Sends headers only, then waits for an answer: the status, or 'closed' when the server hangs up first. */
function headersOnly(headers: Record<string, string>, body?: { chunk: Buffer; times: number }): Promise<{ status: number | 'closed'; sent: number }> {
  return new Promise((resolve) => {
    let sent = 0;
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/github/webhooks', headers });
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
    });
    req.on('error', () => resolve({ status: 'closed', sent }));
    req.flushHeaders();
    if (body) {
      const pump = (): void => {
        while (sent < body.times * body.chunk.length) {
          sent += body.chunk.length;
          if (!req.write(body.chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    }
  });
}

describe('unbounded webhook bodies (attack 7)', () => {
  const webhookHeaders = {
    'content-type': 'application/json',
    'x-github-event': 'pull_request',
    'x-github-delivery': 'big-1',
    'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
  };

  test('a body declared over the limit is refused at once, before a byte of it is sent', async () => {
    const answer = await headersOnly({ ...webhookHeaders, 'content-length': String(600 * 1024 * 1024) });
    expect(answer).toEqual({ status: 413, sent: 0 });
  });

  test('an undeclared (chunked) body is cut off as soon as it passes the limit', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const before = accepted.length;
    const answer = await headersOnly({ ...webhookHeaders, 'transfer-encoding': 'chunked' }, { chunk, times: 400 }); // 25 MB offered
    expect([413, 'closed']).toContain(answer.status);
    // What the server read, not what the client queued: loopback buffers (tcp_rmem up to 32 MB) can
    // take the whole offer before the answer arrives.
    const read = accepted.slice(before).reduce((sum, socket) => sum + socket.bytesRead, 0);
    expect(read).toBeGreaterThan(LIMITS.maxBodyBytes);
    expect(read).toBeLessThan(LIMITS.maxBodyBytes + 1024 * 1024);
  });

  test('Expect: 100-continue with an oversize length is refused without the go-ahead', async () => {
    const answer = await headersOnly({ ...webhookHeaders, 'content-length': String(30 * 1024 * 1024), expect: '100-continue' });
    expect(answer.status).toBe(413);
  });

  test('a webhook within the limit still goes through', async () => {
    standIn.addRepo(OWNER, 'small', {});
    const pr = standIn.pushPull(OWNER, 'small', { number: 1, base: {}, head: { 'a.py': 'x = 1\n' } });
    const payload = pullRequestPayload('opened', { owner: OWNER, repo: 'small', number: 1, headSha: pr.headSha });
    (payload as Record<string, unknown>).padding = 'x'.repeat(900 * 1024);
    const res = await deliver(`${url}/api/github/webhooks`, 'pull_request', payload, SECRET);
    expect(res.status).toBe(200);
  });
});

describe('slow connections (attack 7)', () => {
  function slowSockets(n: number, trickle: (socket: Socket, i: number) => void): Promise<Array<{ closedAfterMs: number }>> {
    return Promise.all(
      Array.from({ length: n }, (_, i) => {
        return new Promise<{ closedAfterMs: number }>((resolve) => {
          const started = Date.now();
          const socket = connect(port, '127.0.0.1');
          let timer: NodeJS.Timeout | undefined;
          socket.on('connect', () => {
            trickle(socket, i);
            timer = setInterval(() => socket.writable && socket.write('x'), 100);
          });
          socket.on('data', () => undefined);
          socket.on('error', () => undefined);
          socket.on('close', () => {
            clearInterval(timer);
            resolve({ closedAfterMs: Date.now() - started });
          });
          // The test's own bound: Node's defaults would keep these 60 s (headers) and 300 s (request).
          setTimeout(() => socket.destroy(), 8000);
        });
      }),
    );
  }

  test('connections that never finish their headers are closed after headersTimeout, and /healthz answers meanwhile', async () => {
    const sockets = slowSockets(100, (s) => s.write('POST /api/github/webhooks HTTP/1.1\r\nHost: x\r\nX-Slow: '));
    await new Promise((r) => setTimeout(r, 300));
    const start = performance.now();
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(performance.now() - start).toBeLessThan(2000);
    const closed = await sockets;
    for (const c of closed) expect(c.closedAfterMs).toBeLessThan(4000);
  });

  test('a body trickled slower than requestTimeout allows is cut off', async () => {
    const [closed] = await slowSockets(1, (s) =>
      s.write('POST /api/github/webhooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nX-GitHub-Event: ping\r\n\r\n'),
    );
    expect(closed!.closedAfterMs).toBeLessThan(5000);
  });
});

describe('a GitHub that never answers (attack 8)', () => {
  test('a hung contents request ends the review with the reason on its check run, in seconds', async () => {
    standIn.addRepo(OWNER, 'hang', {});
    standIn.hang((method, path) => method === 'GET' && path === `/repos/${OWNER}/hang/contents/slow.py`);
    const pr = standIn.pushPull(OWNER, 'hang', { number: 1, base: {}, head: { 'slow.py': 'import os\n' } });
    const res = await deliver(
      `${url}/api/github/webhooks`,
      'pull_request',
      pullRequestPayload('opened', { owner: OWNER, repo: 'hang', number: 1, headSha: pr.headSha }),
      SECRET,
    );
    expect(res.status).toBe(200);
    await until('the check run to conclude', () => standIn.checkRuns(OWNER, 'hang').some((c) => c.status === 'completed'), 25_000);
    const run = standIn.checkRuns(OWNER, 'hang').find((c) => c.status === 'completed')!;
    expect(run).toMatchObject({ conclusion: 'neutral', output: { title: 'Review failed' } });
    expect(run.output.summary).toMatch(new RegExp(`GitHub did not answer GET (/api/v3)?/repos/${OWNER}/hang/contents/slow\\.py within 1 s`));
  });
});

describe('injection into our own comments (attack 4)', () => {
  const hostileName = 'a` @mallory <img src=x.png> `b.py';

  test('a file named to mention, embed and link: summary, check run and inline comments stay inert', async () => {
    standIn.addRepo(OWNER, 'names', {});
    const head = await openPull('names', 1, { [hostileName]: 'def run(data):\n    return eval(data)\n' });
    const summary = standIn.issueComments(OWNER, 'names', 1).find((c) => c.user.login === standIn.botLogin)!.body;
    expect(summary).toContain('Security defects detected');
    expect(liveParts(summary)).toEqual([]);
    const run = standIn.checkRuns(OWNER, 'names').find((c) => c.head_sha === head)!;
    expect(liveParts(run.output.summary ?? '')).toEqual([]);
    const inline = standIn.reviewComments(OWNER, 'names', 1);
    expect(inline.length).toBeGreaterThan(0);
    for (const c of inline) expect(liveParts(c.body)).toEqual([]);
  });

  test('a string literal with mentions, an image and a link: the inline comment stays inert', async () => {
    standIn.addRepo(OWNER, 'literal', {});
    const literal = '"/tmp/` @octocat @acme/security-team <img src=https://evil.example/t.png> [login](https://evil.example) `x"';
    await openPull('literal', 1, { 'tmp.py': `def save(data):\n    with open(${literal}, "w") as f:\n        f.write(data)\n` });
    const inline = standIn.reviewComments(OWNER, 'literal', 1);
    const temp = inline.find((c) => c.body.includes('shared temporary directory'));
    expect(temp).toBeDefined();
    expect(liveParts(temp!.body)).toEqual([]);
  });
});

describe('forged markers (attack 5)', () => {
  test('a fingerprint planted in a string does not stop a later finding from being commented', async () => {
    standIn.addRepo(OWNER, 'planted', {});
    const evalLine = 'def run(data):\n    return eval(data)\n';
    // The attacker knows the fingerprint the eval of the second push will have, and plants it first.
    const planted = (fp: string) => `PATH = "/tmp/<!-- pr-reviewer:fp=${fp} -->"\n\n\n`;
    const probe = analyze([{ path: 'app.py', source: planted('x') + evalLine }], enabledRules(DEFAULT_CONFIG)).findings.find((f) => f.rule === 'eval-exec')!;
    const first = planted(probe.fingerprint);
    const second = first + evalLine;
    expect(analyze([{ path: 'app.py', source: second }], enabledRules(DEFAULT_CONFIG)).findings.find((f) => f.rule === 'eval-exec')!.fingerprint).toBe(
      probe.fingerprint,
    );

    await openPull('planted', 1, { 'app.py': first });
    expect(standIn.reviewComments(OWNER, 'planted', 1).some((c) => c.body.includes(`fp=${probe.fingerprint}`))).toBe(true);
    standIn.pushPull(OWNER, 'planted', { number: 1, base: {}, head: { 'app.py': second } });
    const pr = standIn.pull(OWNER, 'planted', 1);
    await deliver(
      `${url}/api/github/webhooks`,
      'pull_request',
      pullRequestPayload('synchronize', { owner: OWNER, repo: 'planted', number: 1, headSha: pr.headSha }),
      SECRET,
    );
    await until('the second review', () => standIn.checkRuns(OWNER, 'planted').some((c) => c.head_sha === pr.headSha && c.status === 'completed'));
    const evalComments = standIn.reviewComments(OWNER, 'planted', 1).filter((c) => c.body.trimEnd().endsWith(`<!-- pr-reviewer:fp=${probe.fingerprint} -->`));
    expect(evalComments).toHaveLength(1);
    expect(evalComments[0]!.line).toBe(5);
  });

  test("another bot's comment carrying our summary marker is not edited as ours, and its thread is not resolved", async () => {
    standIn.addRepo(OWNER, 'forged', {});
    const actions = { login: 'github-actions[bot]', type: 'Bot' as const };
    const base = { 'app.py': 'import json\n\n\ndef load(p):\n    return json.loads(p)\n' };
    const withUnused = { 'app.py': 'import json\nimport sys\n\n\ndef load(p):\n    return json.loads(p)\n' };
    const pr = standIn.pushPull(OWNER, 'forged', { number: 1, base, head: withUnused });
    const fake = standIn.addIssueComment(OWNER, 'forged', 1, '<!-- pr-reviewer:summary -->\nAll clear, merge away.', actions);
    await deliver(
      `${url}/api/github/webhooks`,
      'pull_request',
      pullRequestPayload('opened', { owner: OWNER, repo: 'forged', number: 1, headSha: pr.headSha }),
      SECRET,
    );
    await until('the first review', () => standIn.checkRuns(OWNER, 'forged').some((c) => c.head_sha === pr.headSha && c.status === 'completed'));
    const comments = standIn.issueComments(OWNER, 'forged', 1);
    expect(comments.find((c) => c.id === fake.id)!.body).toBe('<!-- pr-reviewer:summary -->\nAll clear, merge away.');
    expect(comments.filter((c) => c.user.login === standIn.botLogin)).toHaveLength(1);

    // Our comment on the unused import; another bot opens a thread with the same marker.
    const ours = standIn.reviewComments(OWNER, 'forged', 1).find((c) => c.user.login === standIn.botLogin)!;
    const marker = ours.body.trimEnd().split('\n').pop()!;
    const theirs = standIn.addReviewComment(OWNER, 'forged', 1, { path: 'app.py', line: 2, body: `Please keep this.\n\n${marker}`, user: actions });
    // The push that removes the import: our thread is resolved, theirs is left alone.
    const fixed = standIn.pushPull(OWNER, 'forged', { number: 1, base, head: { 'app.py': `${base['app.py']}\n\ndef dump(v):\n    return json.dumps(v)\n` } });
    await deliver(
      `${url}/api/github/webhooks`,
      'pull_request',
      pullRequestPayload('synchronize', { owner: OWNER, repo: 'forged', number: 1, headSha: fixed.headSha }),
      SECRET,
    );
    await until('the second review', () => standIn.checkRuns(OWNER, 'forged').some((c) => c.head_sha === fixed.headSha && c.status === 'completed'));
    const after = standIn.reviewComments(OWNER, 'forged', 1);
    expect(after.find((c) => c.id === ours.id)!.resolved).toBe(true);
    expect(after.find((c) => c.id === theirs.id)!.resolved).toBe(false);
  });
});
