import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run, type Server } from 'probot';
import { main } from '../../src/cli/main.js';
import app from '../../src/index.js';
import type { JsonReport } from '../../src/review/render/json.js';
import { GitHubStandIn } from '../support/github-stand-in.js';
import { deliver, pullRequestPayload } from '../support/webhooks.js';

/**
 * One change, reviewed twice: by the CLI from a git repository (`--diff BASE..HEAD`) and by the app
 * through the real server and the GitHub stand-in. Both must say the same: the same findings
 * inline, the same verdict, the same summary.
 */

const SECRET = 'cli-and-app';
const OWNER = 'acme';
const REPO = 'shop';

const BASE: Record<string, string> = {
  'shop/orders.py': `import os
import json


def load(path):
    with open(path) as f:
        return json.load(f)


def price(kind, amount):
    if kind == "a":
        return amount
    if kind == "b":
        return amount * 2
    return 0
`,
  'shop/untouched.py': 'import re\n',
  // The repository keeps its formatter input out of every hook: both read it (the app at the base commit) and leave the file out.
  '.pre-commit-config.yaml': 'exclude: ^tests/data/\nrepos: []\n',
};

const HEAD: Record<string, string> = {
  ...BASE,
  'shop/orders.py': `import os
import json
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def price(kind, amount):
${Array.from({ length: 11 }, (_, i) => `    if kind == "${i}":\n        return amount * ${i}\n`).join('')}    return 0


def run_query(text):
    return eval(text)
`,
  'shop/new_module.py': 'import pickle\n\n\ndef restore(blob):\n    return pickle.loads(blob)\n',
  'tests/data/case.py': 'x = eval(input())\n',
};

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

function gitRepo(): { dir: string; base: string; head: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pr-reviewer-cli-app-'));
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
  const put = (files: Record<string, string>): void => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  };
  git('init', '-q');
  put(BASE);
  git('add', '.');
  git('commit', '-qm', 'base');
  const base = git('rev-parse', 'HEAD').trim();
  put(HEAD);
  git('add', '.');
  git('commit', '-qm', 'head');
  return { dir, base, head: git('rev-parse', 'HEAD').trim() };
}

describe('the CLI and the app review a change alike', () => {
  const standIn = new GitHubStandIn();
  let server: Server;
  let url: string;
  let repo: { dir: string; base: string; head: string };

  beforeAll(async () => {
    repo = gitRepo();
    const { host } = await standIn.start();
    standIn.addRepo(OWNER, REPO, BASE);
    standIn.addRepo(OWNER, '.github', {});
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const port = await freePort();
    server = await run(app, {
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
    });
    url = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await server?.stop();
    await standIn.stop();
    rmSync(repo.dir, { recursive: true, force: true });
  });

  test('same inline findings, same verdict, same summary', async () => {
    let stdout = '';
    const code = await main(['review', '--format', 'json', '--diff', `${repo.base}..${repo.head}`, '.'], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: () => true, isTTY: false },
      cwd: repo.dir,
    });
    const cli = JSON.parse(stdout) as JsonReport;

    const pr = standIn.pushPull(OWNER, REPO, { number: 3, base: BASE, head: HEAD });
    await deliver(
      `${url}/api/github/webhooks`,
      'pull_request',
      pullRequestPayload('opened', { owner: OWNER, repo: REPO, number: 3, headSha: pr.headSha }),
      SECRET,
    );
    await until('the check run to complete', () => standIn.checkRuns(OWNER, REPO).some((c) => c.head_sha === pr.headSha && c.status === 'completed'));

    const posted = standIn.reviewComments(OWNER, REPO, 3).map((c) => [c.path, c.line, /fp=([\w-]+)/.exec(c.body)![1]]);
    expect(posted.length).toBeGreaterThan(3);
    expect(new Set(posted.map((p) => JSON.stringify(p)))).toEqual(new Set(cli.inline.map((i) => JSON.stringify([i.path, i.line, i.fingerprint]))));

    const check = standIn.checkRuns(OWNER, REPO).find((c) => c.head_sha === pr.headSha)!;
    expect(check.conclusion).toBe(cli.verdict.conclusion);
    expect(check.conclusion).toBe('failure');
    expect(code).toBe(1);

    const summary = standIn.issueComments(OWNER, REPO, 3)[0]!.body;
    expect(summary).toContain(cli.summary.markdown.trim());
    // What both found: the new eval and pickle, the new import, the function pushed over the complexity limit; not the old `os`.
    expect(cli.findings.map((f) => [f.path, f.rule, f.subject])).toEqual(
      expect.arrayContaining([
        ['shop/orders.py', 'eval-exec', 'eval'],
        ['shop/orders.py', 'unused-import', 'sys'],
        ['shop/orders.py', 'complex-function', 'price'],
        ['shop/new_module.py', 'unsafe-deserialization', 'pickle.loads'],
      ]),
    );
    expect(cli.findings.some((f) => f.subject === 'os' || f.path === 'shop/untouched.py')).toBe(false);
    expect(cli.findings.some((f) => f.path.startsWith('tests/data/'))).toBe(false);
    expect(summary).toContain("`tests/data/case.py` is not reviewed: the repository's `.pre-commit-config.yaml` `exclude` keeps it out of its linters.");
  });
});
