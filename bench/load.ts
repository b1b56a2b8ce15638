import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { GitHubStandIn } from '../test/support/github-stand-in.js';
import { deliver, pullRequestPayload, sign } from '../test/support/webhooks.js';
import { corpusFiles, stdlibRoot } from './corpus.js';

/**
 * `npm run bench:load`: bursts of webhook deliveries against the real app, with the loopback
 * GitHub stand-in behind it. 500 deliveries over 100 PRs: openings, superseding pushes, other
 * events for a head already queued, and GitHub redeliveries of earlier ids, sent 50 at a time.
 * Variant 1: one process, embedded queue. Variant 2: two processes sharing one Redis behind a
 * round-robin balancer; one is killed (SIGKILL) mid-burst and its failed deliveries are
 * redelivered to the other, as GitHub's redeliver would.
 * Reports acknowledgement times, reviews published per PR and head (must be one), lost reviews
 * (must be 0), and each process's peak RSS.
 * Variant 3 (hostile, issue 11): for BENCH_HOSTILE_SECONDS, one process takes a heavy pull request
 * (six 1 MB files of `def fN(x): return eval(x)`), webhook bodies over 25 MB, and hundreds of
 * slow connections, while ordinary deliveries keep coming and `/healthz` is probed every 100 ms:
 * it reports acknowledgement and `/healthz` p99 throughout (goals: < 500 ms and < 100 ms).
 * Variant 4 (heavy, issue 14): four heavy pull requests reviewed at once (each BENCH_HEAVY_FILES
 * changed files of the standard library, base and head), while ordinary deliveries arrive every
 * 250 ms and `/healthz` is probed every 100 ms until the four are published: acknowledgement and
 * `/healthz` p99 over that window (goals: < 200 ms and < 50 ms), the four reviews' times, peak RSS.
 */

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 500);
const PRS = Number(process.env.BENCH_PRS ?? 100);
const REPOS = 10;
const BURST = 50;
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 250);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const TIME_SCALE = Number(process.env.BENCH_TIME_SCALE ?? 0.01);
const SECRET = 'load-bench-secret';
const OWNER = 'acme';

/** Deterministic choices, so that two runs send the same schedule. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

interface Pr {
  repo: string;
  number: number;
  base: Record<string, string>;
  /** Heads pushed so far (the last is current). */
  heads: string[];
}

interface Delivery {
  id: string;
  pr: Pr;
  action: 'opened' | 'synchronize' | 'ready_for_review';
  /** The push this delivery announces (applied to the stand-in just before sending). */
  push?: number;
  redelivery: boolean;
  headSha?: string;
}

function moduleSource(n: number, part: string, version: number): string {
  const extra = version
    ? `\n\ndef adjust_${part}_${version}(values, factor):\n    scaled = [v * factor for v in values]\n    unused_total = sum(values)\n    return scaled\n`
    : '';
  return `"""Module ${part} of change ${n}."""
import json
import os
from dataclasses import dataclass


@dataclass
class Record${n}:
    """A record."""

    key: str
    value: float

    def to_json(self) -> str:
        """As JSON."""
        return json.dumps({"key": self.key, "value": self.value})


def load_${part}(path: str) -> list:
    """Records from a file."""
    with open(path, encoding="utf-8") as handle:
        rows = json.load(handle)
    return [Record${n}(row["key"], float(row["value"])) for row in rows]
${extra}`;
}

function headFiles(pr: Pr, version: number): Record<string, string> {
  return {
    [`pkg/change_${pr.number}_a.py`]: moduleSource(pr.number, 'a', version + 1),
    [`pkg/change_${pr.number}_b.py`]: moduleSource(pr.number, 'b', version ? version + 1 : 0),
  };
}

/** 100 openings, superseding pushes, other events for the head in hand, and redeliveries. */
function schedule(prs: Pr[], random: () => number): Delivery[][] {
  const originals: Delivery[] = [];
  for (const pr of prs) originals.push({ id: randomUUID(), pr, action: 'opened', push: 0, redelivery: false });
  // Half the PRs get a second push, a fifth a third, each after the PR's earlier events.
  const second = prs.filter((_, i) => i % 2 === 0);
  const third = prs.filter((_, i) => i % 5 === 0);
  const ordered: Delivery[] = [...originals];
  for (const pr of second) ordered.push({ id: randomUUID(), pr, action: 'synchronize', push: 1, redelivery: false });
  for (const pr of prs.filter((_, i) => i % 4 === 1)) ordered.push({ id: randomUUID(), pr, action: 'ready_for_review', redelivery: false });
  for (const pr of third) ordered.push({ id: randomUUID(), pr, action: 'synchronize', push: 2, redelivery: false });
  // Interleave redeliveries of ids already sent, evenly, until the total is reached.
  const all: Delivery[] = [];
  const sent: Delivery[] = [];
  const extra = Math.max(0, DELIVERIES - ordered.length);
  for (const [k, d] of ordered.entries()) {
    all.push(d);
    sent.push(d);
    const due = Math.floor((extra * (k + 1)) / ordered.length);
    while (all.length - sent.length < due) all.push({ ...sent[Math.floor(random() * sent.length)]!, redelivery: true });
  }
  const bursts: Delivery[][] = [];
  for (let i = 0; i < all.length; i += BURST) bursts.push(all.slice(i, i + BURST));
  return bursts;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface AppProcess {
  child: ChildProcess;
  url: string;
  name: string;
  alive: boolean;
  peakRssMb: number;
  exit: Promise<{ code: number | null; runs?: number; failures?: number; ms: number }>;
}

function peakRss(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

async function startApp(name: string, env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const script = fileURLToPath(new URL('./load-app.js', import.meta.url));
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let report: { runs?: number; failures?: number } = {};
  let signalledAt = 0;
  const ready = new Promise<void>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        if (!line.startsWith('{')) continue;
        const msg = JSON.parse(line) as { ready?: boolean; exited?: number; runs?: number; failures?: number };
        if (msg.ready) resolve();
        if (msg.runs !== undefined) report = { ...report, runs: msg.runs };
        if (msg.exited !== undefined) report = msg;
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
    child.once('exit', (code) => reject(new Error(`${name} exited early (${code})`)));
  });
  const app: AppProcess = {
    child,
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    name,
    alive: true,
    peakRssMb: 0,
    exit: new Promise((resolve) => {
      child.once('exit', (code) => resolve({ code, ...report, ms: signalledAt ? Date.now() - signalledAt : 0 }));
    }),
  };
  child.once('exit', () => (app.alive = false));
  const originalKill = child.kill.bind(child);
  child.kill = (signal?: NodeJS.Signals | number) => {
    signalledAt = Date.now();
    app.peakRssMb = Math.max(app.peakRssMb, peakRss(child.pid));
    return originalKill(signal);
  };
  await ready;
  return app;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Result {
  variant: string;
  processes: AppProcess[];
  acks: number[];
  refused: number;
  redeliveredAfterFailure: number;
  answers: Record<string, number>;
  drainMs: number;
  published: number;
  superseded: number;
  perHeadMax: number;
  duplicateHeads: number;
  lost: number;
  summariesPerPr: { min: number; max: number };
  reviewPostsPerHeadMax: number;
  runsByProcess: number[];
  shutdown: Array<{ code: number | null; ms: number }>;
  killed?: string;
}

async function runVariant(variant: 'embedded' | 'redis', redisUrl?: string): Promise<Result> {
  const standIn = new GitHubStandIn({ latencyMs: LATENCY_MS });
  const { host } = await standIn.start();
  const random = prng(42);
  const prs: Pr[] = [];
  for (let r = 0; r < REPOS; r++) standIn.addRepo(OWNER, `service-${r}`, {});
  for (let i = 0; i < PRS; i++) {
    const repo = `service-${i % REPOS}`;
    const number = Math.floor(i / REPOS) + 1;
    const pr: Pr = { repo, number, base: {}, heads: [] };
    pr.base = { [`pkg/change_${number}_a.py`]: moduleSource(number, 'a', 0), [`pkg/change_${number}_b.py`]: moduleSource(number, 'b', 0) };
    prs.push(pr);
  }
  const bursts = schedule(prs, random);
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const queueName = `bench-${randomUUID()}`;
  // A fresh installation per run: with Redis, Octokit's limiters (per installation) outlive a run.
  const installationId = 1000 + Math.floor(Math.random() * 1_000_000);
  const env: Record<string, string> = {
    BENCH_PRIVATE_KEY: privateKey,
    BENCH_SECRET: SECRET,
    BENCH_GHE_HOST: host,
    BENCH_TIME_SCALE: String(TIME_SCALE),
    BENCH_QUEUE: queueName,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  };
  const processes = variant === 'redis' ? await Promise.all([startApp('app-1', env), startApp('app-2', env)]) : [await startApp('app', env)];

  const acks: number[] = [];
  const answers: Record<string, number> = {};
  let refused = 0;
  let redeliveredAfterFailure = 0;
  let next = 0;
  let sentCount = 0;
  let killed: string | undefined;
  const killAt = variant === 'redis' ? Math.floor(DELIVERIES * 0.45) : -1;
  const failed: Delivery[] = [];

  const payloadOf = (d: Delivery) => {
    if (d.headSha === undefined) {
      // GitHub updates the PR, then sends the event: the push lands in the stand-in first.
      if (d.push !== undefined && d.pr.heads.length <= d.push) {
        const pull = standIn.pushPull(OWNER, d.pr.repo, { number: d.pr.number, base: d.pr.base, head: headFiles(d.pr, d.push) });
        d.pr.heads.push(pull.headSha);
      }
      d.headSha = d.pr.heads[d.pr.heads.length - 1]!;
    }
    return pullRequestPayload(d.action, { owner: OWNER, repo: d.pr.repo, number: d.pr.number, headSha: d.headSha, installationId });
  };

  const send = async (d: Delivery, payload: unknown): Promise<void> => {
    const alive = processes.filter((p) => p.alive);
    const target = alive[next++ % alive.length]!;
    const start = performance.now();
    try {
      const res = await deliver(target.url, 'pull_request', payload, SECRET, d.id);
      await res.arrayBuffer();
      acks.push(performance.now() - start);
      answers[res.status] = (answers[res.status] ?? 0) + 1;
      if (res.status >= 500) failed.push(d);
    } catch {
      refused++;
      failed.push(d);
    }
    if (++sentCount === killAt) {
      const victim = processes[0]!;
      victim.child.kill('SIGKILL');
      victim.alive = false;
      killed = victim.name;
    }
  };

  const sendBurst = async (burst: Delivery[]): Promise<void> => {
    // Deliveries for one PR go in order; different PRs at once.
    const chains = new Map<Pr, Delivery[]>();
    for (const d of burst) chains.set(d.pr, [...(chains.get(d.pr) ?? []), d]);
    await Promise.all(
      [...chains.values()].map(async (chain) => {
        for (const d of chain) {
          // A redelivery carries the payload of its original (which was sent earlier).
          const original = d.redelivery ? burstsFlat.find((o) => o.id === d.id && !o.redelivery)! : d;
          await send(d, payloadOf(original));
        }
      }),
    );
  };
  const burstsFlat = bursts.flat();
  const start = Date.now();
  for (const burst of bursts) {
    await sendBurst(burst);
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  // GitHub's redeliver for the deliveries that failed (the killed process, or a 5xx).
  while (failed.length) {
    const retry = failed.splice(0);
    redeliveredAfterFailure += retry.length;
    for (const d of retry) await send(d, payloadOf(d.redelivery ? burstsFlat.find((o) => o.id === d.id && !o.redelivery)! : d));
  }

  const finalHeads = prs.map((pr) => ({ pr, head: pr.heads[pr.heads.length - 1]! }));
  const publishedFor = (repo: string, sha: string) =>
    standIn.checkRuns(OWNER, repo).filter((c) => c.head_sha === sha && c.status === 'completed' && (c.conclusion === 'success' || c.conclusion === 'failure'))
      .length;
  const deadline = Date.now() + 300_000;
  let quietSince = Date.now();
  let calls = standIn.calls.length;
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    if (standIn.calls.length !== calls) {
      calls = standIn.calls.length;
      quietSince = Date.now();
    }
    const done = finalHeads.every(({ pr, head }) => publishedFor(pr.repo, head) > 0);
    if ((done && Date.now() - quietSince > 1500) || Date.now() > deadline) break;
  }
  const drainMs = Date.now() - start;

  for (const p of processes) if (p.alive) p.peakRssMb = peakRss(p.child.pid);
  const exits = await Promise.all(
    processes.map(async (p) => {
      if (p.alive) p.child.kill('SIGTERM');
      return p.exit;
    }),
  );

  let published = 0;
  let superseded = 0;
  let perHeadMax = 0;
  let duplicateHeads = 0;
  let lost = 0;
  let reviewPostsPerHeadMax = 0;
  const summaries: number[] = [];
  for (const pr of prs) {
    for (const head of pr.heads) {
      const n = publishedFor(pr.repo, head);
      published += n;
      perHeadMax = Math.max(perHeadMax, n);
      if (n > 1) duplicateHeads++;
      const posts = standIn.calls.filter(
        (c) =>
          c.method === 'POST' && c.path === `/repos/${OWNER}/${pr.repo}/pulls/${pr.number}/reviews` && (c.body as { commit_id?: string })?.commit_id === head,
      ).length;
      reviewPostsPerHeadMax = Math.max(reviewPostsPerHeadMax, posts);
    }
    superseded += standIn.checkRuns(OWNER, pr.repo).filter((c) => pr.heads.includes(c.head_sha) && c.output?.title === 'Superseded').length;
    if (publishedFor(pr.repo, pr.heads[pr.heads.length - 1]!) === 0) lost++;
    summaries.push(standIn.issueComments(OWNER, pr.repo, pr.number).filter((c) => c.user.type === 'Bot').length);
  }
  await standIn.stop();
  if (redisUrl) {
    const client = new Redis(redisUrl);
    const keys = await client.keys(`*${queueName}*`);
    if (keys.length) await client.del(...keys);
    await client.quit();
  }
  return {
    variant,
    processes,
    acks: acks.sort((a, b) => a - b),
    refused,
    redeliveredAfterFailure,
    answers,
    drainMs,
    published,
    superseded,
    perHeadMax,
    duplicateHeads,
    lost,
    summariesPerPr: { min: Math.min(...summaries), max: Math.max(...summaries) },
    reviewPostsPerHeadMax,
    runsByProcess: exits.map((e) => e.runs ?? -1),
    shutdown: exits.map((e) => ({ code: e.code, ms: e.ms })),
    ...(killed ? { killed } : {}),
  };
}

const HOSTILE_SECONDS = Number(process.env.BENCH_HOSTILE_SECONDS ?? 60);
const SLOW_CONNECTIONS = Number(process.env.BENCH_SLOW_CONNECTIONS ?? 500);

/** Six files just under 1 MB (the default max_file_bytes) of one-line functions that call eval. */
function heavyFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let f = 0; f < 6; f++) {
    const lines: string[] = [];
    let size = 0;
    for (let n = 0; size < 990_000; n++) {
      const line = `def f${n}(x): return eval(x)\n`;
      lines.push(line);
      size += line.length;
    }
    files[`heavy/h${f}.py`] = lines.join('');
  }
  return files;
}

interface HostileResult {
  acks: number[];
  ackStatuses: Record<string, number>;
  health: number[];
  healthFailures: number;
  oversize: Record<string, number>;
  slowOpened: number;
  slowClosedByServer: number;
  slowLifetimes: number[];
  peakRssMb: number;
  heavyConcluded: string;
  reviewsPublished: number;
}

/** GitHub's headers for a delivery of this payload, signed. */
function deliveryHeaders(payload: unknown): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-github-event': 'pull_request',
    'x-github-delivery': randomUUID(),
    'x-hub-signature-256': sign(SECRET, JSON.stringify(payload)),
    'user-agent': 'GitHub-Hookshot/bench',
  };
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('deadline')), ms).unref())]);
}

/** GET /healthz, its time in ms (a failure or a wait over 5 s counts as 5,000 ms). */
async function probeHealth(base: string): Promise<{ ms: number; ok: boolean }> {
  const start = performance.now();
  try {
    const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return { ms: performance.now() - start, ok: res.status === 200 };
  } catch {
    return { ms: 5000, ok: false };
  }
}

/** A body over GitHub's 25 MB, unsigned, streamed without a length: the status the server answers, or 'closed'. */
function oversizeBody(port: number): Promise<string> {
  return new Promise((resolve) => {
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/github/webhooks',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'push',
        'x-github-delivery': randomUUID(),
        'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
        'transfer-encoding': 'chunked',
      },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(String(res.statusCode));
      req.destroy();
    });
    req.on('error', () => resolve('closed'));
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < 30 * 1024 * 1024) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

/** A connection that sends a header byte every 500 ms and never finishes: how long the server keeps it. */
function slowConnection(port: number, until: number, done: (lifetimeMs: number, byServer: boolean) => void): void {
  const started = Date.now();
  const socket = connect(port, '127.0.0.1');
  let byUs = false;
  const timer = setInterval(() => {
    if (Date.now() > until) {
      byUs = true;
      socket.destroy();
    } else if (socket.writable) socket.write('x');
  }, 500);
  socket.on('connect', () => socket.write('POST /api/github/webhooks HTTP/1.1\r\nHost: bench\r\nX-Slow: '));
  socket.on('error', () => undefined);
  socket.on('data', () => undefined);
  socket.on('close', () => {
    clearInterval(timer);
    done(Date.now() - started, !byUs);
  });
}

async function runHostile(): Promise<HostileResult> {
  const standIn = new GitHubStandIn({ latencyMs: LATENCY_MS });
  const { host } = await standIn.start();
  standIn.addRepo(OWNER, 'heavy', {});
  standIn.addRepo(OWNER, 'busy', {});
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const installationId = 1000 + Math.floor(Math.random() * 1_000_000);
  const app = await startApp('app', {
    BENCH_PRIVATE_KEY: privateKey,
    BENCH_SECRET: SECRET,
    BENCH_GHE_HOST: host,
    BENCH_TIME_SCALE: String(TIME_SCALE),
    BENCH_QUEUE: `bench-${randomUUID()}`,
  });
  const base = app.url.replace('/api/github/webhooks', '');
  const port = Number(new URL(base).port);
  const end = Date.now() + HOSTILE_SECONDS * 1000;
  const result: HostileResult = {
    acks: [],
    ackStatuses: {},
    health: [],
    healthFailures: 0,
    oversize: {},
    slowOpened: 0,
    slowClosedByServer: 0,
    slowLifetimes: [],
    peakRssMb: 0,
    heavyConcluded: 'still running',
    reviewsPublished: 0,
  };

  const stage = (what: string): boolean => process.stderr.write(`[hostile ${((Date.now() - end) / 1000 + HOSTILE_SECONDS).toFixed(1)} s] ${what}\n`);
  stage('pushing the heavy pull request');
  const heavy = standIn.pushPull(OWNER, 'heavy', { number: 1, base: {}, head: heavyFiles() });
  stage('delivering it');
  const heavyAck = await deliver(
    app.url,
    'pull_request',
    pullRequestPayload('opened', { owner: OWNER, repo: 'heavy', number: 1, headSha: heavy.headSha, installationId }),
    SECRET,
  );
  result.ackStatuses[heavyAck.status] = 1;

  const slow = (): void => {
    result.slowOpened++;
    slowConnection(port, end, (lifetime, byServer) => {
      if (!byServer) return;
      result.slowClosedByServer++;
      result.slowLifetimes.push(lifetime);
      if (Date.now() < end) slow();
    });
  };
  for (let i = 0; i < SLOW_CONNECTIONS; i++) slow();

  const loops: Array<Promise<void>> = [];
  // /healthz every 100 ms.
  loops.push(
    (async () => {
      while (Date.now() < end) {
        const { ms, ok } = await probeHealth(base);
        result.health.push(ms);
        if (!ok) result.healthFailures++;
        await new Promise((r) => setTimeout(r, 100));
      }
      stage('health probes done');
    })(),
  );
  // An ordinary pull request opened every 250 ms, each delivery on its own (a slow answer never delays the next).
  loops.push(
    (async () => {
      const sent: Array<Promise<void>> = [];
      for (let n = 1; Date.now() < end; n++) {
        const pr = standIn.pushPull(OWNER, 'busy', { number: n, base: {}, head: { [`pkg/m${n}.py`]: moduleSource(n, 'a', 1) } });
        const start = performance.now();
        const count = (status: string): void => {
          result.acks.push(performance.now() - start);
          result.ackStatuses[status] = (result.ackStatuses[status] ?? 0) + 1;
        };
        // GitHub gives up on a delivery after 10 s: so does this sender.
        const payload = pullRequestPayload('opened', { owner: OWNER, repo: 'busy', number: n, headSha: pr.headSha, installationId });
        const delivery = fetch(app.url, {
          method: 'POST',
          headers: deliveryHeaders(payload),
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(10_000),
        });
        sent.push(
          delivery.then(
            async (res) => {
              await res.arrayBuffer().catch(() => undefined);
              count(String(res.status));
            },
            () => count('no answer in 10 s'),
          ),
        );
        await new Promise((r) => setTimeout(r, 250));
      }
      await Promise.all(sent);
      stage('deliveries done');
    })(),
  );
  // A 30 MB unsigned body every second.
  loops.push(
    (async () => {
      while (Date.now() < end) {
        const status = await withDeadline(oversizeBody(port), 10_000).catch(() => 'no answer in 10 s');
        result.oversize[status] = (result.oversize[status] ?? 0) + 1;
        await new Promise((r) => setTimeout(r, 1000));
      }
      stage('oversize bodies done');
    })(),
  );
  stage('load running');
  await Promise.all(loops);
  stage('window over');
  await new Promise((r) => setTimeout(r, 600));

  result.peakRssMb = peakRss(app.child.pid);
  const heavyRun = standIn.checkRuns(OWNER, 'heavy').find((c) => c.head_sha === heavy.headSha);
  result.heavyConcluded = heavyRun?.status === 'completed' ? `${heavyRun.conclusion}: ${heavyRun.output.title}` : heavyRun ? 'in progress' : 'no check run yet';
  result.reviewsPublished = standIn.checkRuns(OWNER, 'busy').filter((c) => c.status === 'completed').length;
  app.child.kill('SIGKILL');
  await app.exit;
  await standIn.stop();
  return result;
}

function printHostile(r: HostileResult): void {
  const acks = [...r.acks].sort((a, b) => a - b);
  const health = [...r.health].sort((a, b) => a - b);
  const lifetimes = [...r.slowLifetimes].sort((a, b) => a - b);
  console.log(`\n### Hostile mix for ${HOSTILE_SECONDS} s (issue 11): a heavy pull request, bodies over 25 MB, ${SLOW_CONNECTIONS} slow connections\n`);
  console.log('| measure | value |');
  console.log('|---|---:|');
  console.log(
    `| ordinary deliveries acknowledged, by HTTP status | ${Object.entries(r.ackStatuses)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')} |`,
  );
  console.log(
    `| acknowledgement p50 / p99 / max (goal p99 < 500 ms) | ${percentile(acks, 50).toFixed(1)} ms / ${percentile(acks, 99).toFixed(1)} ms / ${(acks.at(-1) ?? 0).toFixed(1)} ms |`,
  );
  console.log(
    `| /healthz p50 / p99 / max (goal p99 < 100 ms), probes | ${percentile(health, 50).toFixed(1)} ms / ${percentile(health, 99).toFixed(1)} ms / ${(health.at(-1) ?? 0).toFixed(1)} ms, ${health.length} |`,
  );
  console.log(`| /healthz failures (no 200 within 5 s) | ${r.healthFailures} |`);
  console.log(
    `| 30 MB bodies, by answer | ${Object.entries(r.oversize)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')} |`,
  );
  console.log(
    `| slow connections opened / closed by the server (or refused), lifetime p50 | ${r.slowOpened} / ${r.slowClosedByServer}, ${(percentile(lifetimes, 50) / 1000).toFixed(1)} s |`,
  );
  console.log(`| ordinary reviews published during the window | ${r.reviewsPublished} |`);
  console.log(`| the heavy pull request's check run at the end | ${r.heavyConcluded} |`);
  console.log(`| peak RSS of the app | ${r.peakRssMb.toFixed(0)} MB |`);
}

const HEAVY_FILES = Number(process.env.BENCH_HEAVY_FILES ?? 100);

/** Four changes of HEAVY_FILES standard library files each (every fourth file, none shared): the base as shipped, the head edited. */
function heavyChanges(): Array<{ base: Record<string, string>; head: Record<string, string> }> {
  const files = [...corpusFiles(stdlibRoot())].filter((f) => f.bytes < 990_000);
  const changes = Array.from({ length: 4 }, () => ({ base: {} as Record<string, string>, head: {} as Record<string, string> }));
  const step = Math.max(1, Math.floor(files.length / (4 * HEAVY_FILES)));
  for (let i = 0, n = 0; i < files.length && n < 4 * HEAVY_FILES; i += step, n++) {
    const f = files[i]!;
    const change = changes[n % 4]!;
    change.base[f.path] = f.source;
    change.head[f.path] = `${f.source}\n\ndef added_${n}(text):\n    return eval(text)\n`;
  }
  return changes;
}

interface HeavyResult {
  files: number;
  megabytes: number;
  acks: number[];
  ackStatuses: Record<string, number>;
  health: number[];
  healthFailures: number;
  reviewSeconds: number[];
  concluded: string[];
  windowSeconds: number;
  peakRssMb: number;
}

async function runHeavy(): Promise<HeavyResult> {
  const standIn = new GitHubStandIn({ latencyMs: LATENCY_MS });
  const { host } = await standIn.start();
  standIn.addRepo(OWNER, 'busy', {});
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const installationId = 1000 + Math.floor(Math.random() * 1_000_000);
  const app = await startApp('app', {
    BENCH_PRIVATE_KEY: privateKey,
    BENCH_SECRET: SECRET,
    BENCH_GHE_HOST: host,
    BENCH_TIME_SCALE: String(TIME_SCALE),
    BENCH_QUEUE: `bench-${randomUUID()}`,
  });
  const base = app.url.replace('/api/github/webhooks', '');
  const changes = heavyChanges();
  const result: HeavyResult = {
    files: changes.reduce((n, c) => n + Object.keys(c.head).length, 0),
    megabytes: changes.reduce((n, c) => n + Object.values(c.head).reduce((m, s) => m + s.length, 0), 0) / 1e6,
    acks: [],
    ackStatuses: {},
    health: [],
    healthFailures: 0,
    reviewSeconds: [],
    concluded: [],
    windowSeconds: 0,
    peakRssMb: 0,
  };
  const heads = changes.map((change, k) => {
    standIn.addRepo(OWNER, `heavy-${k}`, change.base);
    return standIn.pushPull(OWNER, `heavy-${k}`, { number: 1, base: change.base, head: change.head }).headSha;
  });
  const start = performance.now();
  await Promise.all(
    heads.map((headSha, k) =>
      deliver(app.url, 'pull_request', pullRequestPayload('opened', { owner: OWNER, repo: `heavy-${k}`, number: 1, headSha, installationId }), SECRET),
    ),
  );
  const finished = (): boolean[] => heads.map((sha, k) => standIn.checkRuns(OWNER, `heavy-${k}`).some((c) => c.head_sha === sha && c.status === 'completed'));
  const deadline = Date.now() + 900_000;
  const running = (): boolean => finished().some((done) => !done) && Date.now() < deadline;
  const loops: Array<Promise<void>> = [];
  loops.push(
    (async () => {
      while (running()) {
        const { ms, ok } = await probeHealth(base);
        result.health.push(ms);
        if (!ok) result.healthFailures++;
        await new Promise((r) => setTimeout(r, 100));
      }
    })(),
  );
  loops.push(
    (async () => {
      const sent: Array<Promise<void>> = [];
      for (let n = 1; running(); n++) {
        const pr = standIn.pushPull(OWNER, 'busy', { number: n, base: {}, head: { [`pkg/m${n}.py`]: moduleSource(n, 'a', 1) } });
        const payload = pullRequestPayload('opened', { owner: OWNER, repo: 'busy', number: n, headSha: pr.headSha, installationId });
        const sentAt = performance.now();
        const count = (status: string): void => {
          result.acks.push(performance.now() - sentAt);
          result.ackStatuses[status] = (result.ackStatuses[status] ?? 0) + 1;
        };
        sent.push(
          fetch(app.url, { method: 'POST', headers: deliveryHeaders(payload), body: JSON.stringify(payload), signal: AbortSignal.timeout(10_000) }).then(
            async (res) => {
              await res.arrayBuffer().catch(() => undefined);
              count(String(res.status));
            },
            () => count('no answer in 10 s'),
          ),
        );
        await new Promise((r) => setTimeout(r, 250));
      }
      await Promise.all(sent);
    })(),
  );
  loops.push(
    (async () => {
      const done = new Set<number>();
      while (running()) {
        finished().forEach((d, k) => {
          if (d && !done.has(k)) {
            done.add(k);
            result.reviewSeconds[k] = (performance.now() - start) / 1000;
          }
        });
        await new Promise((r) => setTimeout(r, 50));
      }
      finished().forEach((d, k) => {
        if (d && !done.has(k)) result.reviewSeconds[k] = (performance.now() - start) / 1000;
      });
    })(),
  );
  await Promise.all(loops);
  result.windowSeconds = (performance.now() - start) / 1000;
  result.peakRssMb = peakRss(app.child.pid);
  result.concluded = heads.map((sha, k) => {
    const run = standIn.checkRuns(OWNER, `heavy-${k}`).find((c) => c.head_sha === sha);
    return run?.status === 'completed' ? `${run.conclusion}: ${run.output.title}` : 'not done';
  });
  app.child.kill('SIGKILL');
  await app.exit;
  await standIn.stop();
  return result;
}

function printHeavy(r: HeavyResult): void {
  const acks = [...r.acks].sort((a, b) => a - b);
  const health = [...r.health].sort((a, b) => a - b);
  console.log(`\n### Four heavy reviews at once (issue 14): ${r.files} changed stdlib files, ${r.megabytes.toFixed(1)} MB of heads (and their bases)\n`);
  console.log('| measure | value |');
  console.log('|---|---:|');
  console.log(`| window: the four delivered to the four published | ${r.windowSeconds.toFixed(1)} s |`);
  console.log(`| each heavy review, delivered to published | ${r.reviewSeconds.map((t) => `${t.toFixed(1)} s`).join(', ')} |`);
  console.log(
    `| ordinary deliveries acknowledged, by HTTP status | ${Object.entries(r.ackStatuses)
      .map(([st, n]) => `${st}: ${n}`)
      .join(', ')} |`,
  );
  console.log(
    `| acknowledgement p50 / p99 / max (goal p99 < 200 ms) | ${percentile(acks, 50).toFixed(1)} ms / ${percentile(acks, 99).toFixed(1)} ms / ${(acks.at(-1) ?? 0).toFixed(1)} ms |`,
  );
  console.log(
    `| /healthz p50 / p99 / max (goal p99 < 50 ms), probes | ${percentile(health, 50).toFixed(1)} ms / ${percentile(health, 99).toFixed(1)} ms / ${(health.at(-1) ?? 0).toFixed(1)} ms, ${health.length} |`,
  );
  console.log(`| /healthz failures (no 200 within 5 s) | ${r.healthFailures} |`);
  console.log(`| the heavy reviews' check runs | ${r.concluded.join('; ')} |`);
  console.log(`| peak RSS of the app (workers included) | ${r.peakRssMb.toFixed(0)} MB |`);
}

async function reachableRedis(): Promise<string | undefined> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return url;
  } catch {
    return undefined;
  } finally {
    client.disconnect();
  }
}

function print(r: Result): void {
  const p50 = percentile(r.acks, 50);
  const p99 = percentile(r.acks, 99);
  console.log(`\n### ${r.variant === 'embedded' ? 'One process, embedded queue' : 'Two processes, one Redis (BullMQ); one killed mid-burst'}\n`);
  console.log('| measure | value |');
  console.log('|---|---:|');
  console.log(`| deliveries sent (incl. redeliveries after failure) | ${r.acks.length + r.refused} |`);
  console.log(
    `| acknowledged, by HTTP status | ${Object.entries(r.answers)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')} |`,
  );
  console.log(`| refused connections (killed process) | ${r.refused} |`);
  console.log(`| acknowledgement p50 / p99 / max | ${p50.toFixed(1)} ms / ${p99.toFixed(1)} ms / ${(r.acks.at(-1) ?? 0).toFixed(1)} ms |`);
  console.log(`| reviews published (check runs concluded) | ${r.published} |`);
  console.log(`| reviews superseded while running | ${r.superseded} |`);
  console.log(`| reviews published per PR and head (max) | ${r.perHeadMax} (heads with more than one: ${r.duplicateHeads}) |`);
  console.log(`| inline reviews posted per PR and head (max) | ${r.reviewPostsPerHeadMax} |`);
  console.log(`| summary comments per PR (min–max) | ${r.summariesPerPr.min}–${r.summariesPerPr.max} |`);
  console.log(`| lost reviews (newest head without a review) | ${r.lost} |`);
  console.log(`| first delivery to last review published | ${(r.drainMs / 1000).toFixed(1)} s |`);
  console.log(
    `| reviews run per process | ${r.processes.map((p, i) => `${p.name}: ${r.runsByProcess[i]}${r.killed === p.name ? ' (then killed)' : ''}`).join(', ')} |`,
  );
  console.log(`| peak RSS per process | ${r.processes.map((p) => `${p.name}: ${p.peakRssMb.toFixed(0)} MB`).join(', ')} |`);
  console.log(
    `| SIGTERM to exit (graceful) | ${r.processes.map((p, i) => `${p.name}: ${r.killed === p.name ? 'SIGKILLed' : `${r.shutdown[i]!.ms} ms, code ${r.shutdown[i]!.code}`}`).join(', ')} |`,
  );
}

async function main(): Promise<void> {
  const variants = (process.env.BENCH_VARIANTS ?? 'embedded,redis,hostile,heavy').split(',');
  console.log(
    `${DELIVERIES} deliveries over ${PRS} PRs in ${REPOS} repositories of one installation, in bursts of ${BURST} ` +
      `(${PAUSE_MS} ms apart); GitHub stand-in with ${LATENCY_MS} ms per call; GitHub's write pacing scaled by ${TIME_SCALE} ` +
      `(writes ${1000 * TIME_SCALE} ms apart per installation); ${cpus().length} CPUs shared with the stand-in and the sender.`,
  );
  const results: Result[] = [];
  if (variants.includes('embedded')) results.push(await runVariant('embedded'));
  if (variants.includes('redis')) {
    const url = await reachableRedis();
    if (url) results.push(await runVariant('redis', url));
    else console.log('\nTwo-process variant NOT RUN: no Redis at REDIS_URL or 127.0.0.1:6379 (apt-get install redis-server).');
  }
  for (const r of results) print(r);
  if (variants.includes('hostile')) printHostile(await runHostile());
  if (variants.includes('heavy')) printHeavy(await runHeavy());
  console.log(
    `\nLoad average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} on ${cpus().length} CPUs.`,
  );
  const bad = results.filter((r) => r.lost > 0 || r.perHeadMax > 1);
  process.exit(bad.length ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
