import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { run } from 'probot';
import { defaultSettings } from '../src/github/review-job.js';
import { analyseSources } from '../src/review/analyse.js';
import { wholeFileDiff } from '../src/review/diff.js';
import app from '../src/index.js';
import { DEFAULT_CONFIG } from '../src/review/config.js';
import { repositoryConventions } from '../src/review/conventions/index.js';
import { GitHubStandIn } from '../test/support/github-stand-in.js';
import { deliver, pullRequestPayload } from '../test/support/webhooks.js';

/**
 * `npm run bench:app`: the real server (Probot's `run`, as `npm start`) against the loopback
 * GitHub stand-in with 20 ms added to every API call. For pull requests of 1, 20, 100 and 300
 * modified Python files: webhook-to-posted-review time, time to the completed check run, and
 * the API calls (reads and writes apart; installation tokens counted apart). Each repository also
 * holds a pyproject.toml and untouched neighbours, so that the reads and engine time the
 * repository's conventions cost are counted too.
 */

/** Lint settings the conventions read from the base commit. */
const PYPROJECT = '[tool.ruff]\nline-length = 100\n\n[tool.ruff.lint]\nselect = ["E", "F", "N", "D"]\n';
/** Untouched modules beside the changed ones: more than the conventions' read budget. */
const NEIGHBOURS = 12;

const SIZES = (process.env.BENCH_SIZES ?? '1,20,100,300').split(',').map(Number);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const SECRET = 'bench-secret';

/** A plausible module: imports, a class, functions; `variant` keeps the files apart. */
function moduleSource(variant: number): string {
  return `"""Orders and invoices, part ${variant}."""
import json
import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass
class Order${variant}:
    """An order."""

    order_id: int
    amount: float
    currency: str = "EUR"

    def total(self, tax_rate: float) -> float:
        """The amount with tax."""
        return round(self.amount * (1 + tax_rate), 2)

    def to_json(self) -> str:
        """The order as JSON."""
        return json.dumps({"id": self.order_id, "amount": self.amount, "currency": self.currency})


def load_orders(path: str) -> list:
    """Orders from a JSON file."""
    with open(path, encoding="utf-8") as handle:
        rows = json.load(handle)
    return [Order${variant}(row["id"], row["amount"], row.get("currency", "EUR")) for row in rows]


def summarise(orders: list) -> dict:
    """Count and sum per currency."""
    result: dict = {}
    for order in orders:
        entry = result.setdefault(order.currency, {"count": 0, "sum": 0.0})
        entry["count"] += 1
        entry["sum"] += order.amount
    log.info("summarised %d orders", len(orders))
    return result
`;
}

/** The change a PR makes: a new helper with findings (unused import, unused local, camelCase). */
function changed(source: string, variant: number): string {
  return source.replace('import logging\n', 'import logging\nimport os\n').concat(`

def applyDiscount${variant}(order, percent):
    unused = percent * 2
    return order.amount * (1 - percent / 100)
`);
}

/** A contents read of a changed file or of the app's own config: not the conventions'. */
function isOwnRead(path: string, changed: ReadonlySet<string>): boolean {
  const file = decodeURIComponent(path.split('/contents/')[1]!.split('?')[0]!);
  return changed.has(file) || file.endsWith('pr-reviewer.yml');
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

async function until(predicate: () => boolean, timeoutMs = 120_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

interface Row {
  files: number;
  reviewMs: number;
  checkMs: number;
  reads: number;
  writes: number;
  auth: number;
  inline: number;
  analysisMs: number;
  /** Reads of the repository's tree, lint configs and neighbours (the conventions). */
  conventionReads: number;
  /** The engine with the conventions: computing them, then the same analysis under them. */
  conventionalMs: number;
}

async function main(): Promise<void> {
  const standIn = new GitHubStandIn({ latencyMs: LATENCY_MS });
  const { host } = await standIn.start();
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const port = await freePort();
  const server = await run(app, {
    env: {
      APP_ID: '1',
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: host,
      GHE_PROTOCOL: 'http',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'fatal',
    },
  });
  const rows: Row[] = [];
  // One analysis first, so that neither measured pass pays for loading the parser.
  await analyseSources([{ path: 'warm.py', head: moduleSource(0), diff: wholeFileDiff(moduleSource(0)) }], defaultSettings(DEFAULT_CONFIG));
  for (const [i, size] of SIZES.entries()) {
    const repo = `bench-${size}`;
    const base: Record<string, string> = {};
    const head: Record<string, string> = {};
    for (let f = 0; f < size; f++) {
      const path = `pkg/module_${f}.py`;
      base[path] = moduleSource(f);
      head[path] = changed(base[path], f);
    }
    // Their own text in each repository: the app caches configs and neighbours by blob, across repositories.
    const pyproject = `# ${repo}\n${PYPROJECT}`;
    const neighbours: Record<string, string> = { 'pyproject.toml': pyproject };
    for (let n = 0; n < NEIGHBOURS; n++) neighbours[`pkg/untouched_${n}.py`] = `# ${repo}\n${moduleSource(10_000 + n)}`;
    const changedPaths = new Set(Object.keys(head));
    // The engine's share: the same head and base versions analysed directly, without the server.
    const analysisStart = performance.now();
    await analyseSources(
      Object.keys(head).map((path) => ({ path, basePath: path, head: head[path]!, base: base[path]!, diff: wholeFileDiff(head[path]!) })),
      defaultSettings(DEFAULT_CONFIG),
    );
    const analysisMs = performance.now() - analysisStart;
    // The same under the conventions the app infers (lint settings, the bases and ten neighbours), computing them included.
    const conventionalStart = performance.now();
    const conventions = repositoryConventions({
      config: DEFAULT_CONFIG,
      lintFiles: { 'pyproject.toml': pyproject },
      sources: [
        ...Object.keys(base).map((path) => ({ path, source: base[path]! })),
        ...Object.keys(neighbours)
          .filter((p) => p.endsWith('.py'))
          .slice(0, 10)
          .map((path) => ({ path, source: neighbours[path]! })),
      ],
      stubs: [],
    });
    await analyseSources(
      Object.keys(head).map((path) => ({ path, basePath: path, head: head[path]!, base: base[path]!, diff: wholeFileDiff(head[path]!) })),
      conventions,
    );
    const conventionalMs = performance.now() - conventionalStart;
    standIn.addRepo('bench', repo, { ...base, ...neighbours });
    const pr = standIn.pushPull('bench', repo, { number: i + 1, base: { ...base, ...neighbours }, head: { ...neighbours, ...head } });
    standIn.reset();
    const start = Date.now();
    await deliver(
      `http://127.0.0.1:${port}/api/github/webhooks`,
      'pull_request',
      pullRequestPayload('opened', { owner: 'bench', repo, number: i + 1, headSha: pr.headSha }),
      SECRET,
    );
    await until(() => standIn.checkRuns('bench', repo).some((c) => c.status === 'completed'));
    const review = standIn.calls.find((c) => c.method === 'POST' && c.path.endsWith('/reviews'));
    const done = standIn.calls.filter((c) => c.method === 'PATCH' && c.path.includes('/check-runs/')).pop();
    const { reads, writes } = standIn.counts();
    if (process.env.BENCH_TRACE) for (const c of standIn.calls) console.error(`${c.at - start}ms ${c.method} ${c.path} ${c.status}`);
    rows.push({
      files: size,
      reviewMs: (review?.at ?? start) - start,
      checkMs: (done?.at ?? start) - start,
      reads,
      writes,
      auth: standIn.calls.filter((c) => c.kind === 'auth').length,
      inline: standIn.reviewComments('bench', repo, i + 1).length,
      analysisMs,
      conventionReads: standIn
        .apiCalls()
        .filter((c) => c.kind === 'read' && (c.path.includes('/git/trees/') || (c.path.includes('/contents/') && !isOwnRead(c.path, changedPaths)))).length,
      conventionalMs,
    });
  }
  await server.stop();
  await standIn.stop();

  console.log(`GitHub stand-in with ${LATENCY_MS} ms per call; Octokit as Probot configures it (throttling on).`);
  console.log(
    `${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} at the end of the run.\n`,
  );
  console.log(
    '| files | review posted | check run completed | engine alone (head + base) | engine with conventions | reads | of them for conventions | writes | token requests | inline comments |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const extra = ((r.conventionalMs / r.analysisMs - 1) * 100).toFixed(0);
    console.log(
      `| ${r.files} | ${(r.reviewMs / 1000).toFixed(2)} s | ${(r.checkMs / 1000).toFixed(2)} s | ${(r.analysisMs / 1000).toFixed(2)} s | ${(r.conventionalMs / 1000).toFixed(2)} s (${Number(extra) >= 0 ? '+' : ''}${extra}%) | ${r.reads} | ${r.conventionReads} | ${r.writes} | ${r.auth} | ${r.inline} |`,
    );
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
