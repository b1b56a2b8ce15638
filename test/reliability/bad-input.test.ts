import { analyze } from '../../src/engine/analyze.js';
import { decodePython } from '../../src/engine/decode.js';
import type { Note } from '../../src/engine/finding.js';
import { onCheckRun, onCheckSuite, onIssueComment, onPullRequest, type EventDeps } from '../../src/github/events.js';
import { DEFAULT_CONFIG, enabledRules } from '../../src/review/config.js';
import { renderSummary } from '../../src/review/render/summary.js';
import { checkRunPayload, checkSuitePayload, issueCommentPayload, pullRequestPayload } from '../support/webhooks.js';
import type { ReviewJob } from '../../src/queue/types.js';
import { planOf } from '../helpers/plan.js';

/** Input nobody should send, which somebody will: bounded time, a clear note, never a crash. */
const rules = enabledRules(DEFAULT_CONFIG);

function reviewOf(source: string, path = 'bad.py'): { summary: string; crashes: Note[]; ms: number; findings: number } {
  const start = performance.now();
  const result = analyze([{ path, source }], rules);
  const summary = renderSummary(planOf(result));
  return { summary, crashes: result.notes.filter((n) => n.kind === 'analyzer-failed'), ms: performance.now() - start, findings: result.findings.length };
}

describe('files', () => {
  test('a file with NUL bytes is skipped with a reason; NULs inside decoded text do not crash the engine', () => {
    const bytes = new TextEncoder().encode('import os\x00\x00\nprint(os)\n');
    expect(decodePython(bytes)).toEqual({ ok: false, reason: 'skipped: binary file (contains NUL bytes)' });
    const { crashes, summary } = reviewOf('x = "a\u0000b"\n\u0000\ndef f(\u0000):\n    pass\n');
    expect(crashes).toEqual([]);
    expect(summary).not.toBe('');
  });

  test('a 10 MB file is skipped by the size limit at once, without being decoded', () => {
    const line = 'value = compute(alpha, beta, gamma)  # a typical line of python\n';
    const big = new TextEncoder().encode(line.repeat(Math.ceil(10_000_000 / line.length)));
    const start = performance.now();
    const decoded = decodePython(big, DEFAULT_CONFIG.max_file_bytes);
    expect(performance.now() - start).toBeLessThan(200);
    expect(decoded).toEqual({ ok: false, reason: 'skipped: 10.0 MB is over the 1.0 MB limit (max_file_bytes)' });
  });

  test('invalid UTF-8 is skipped with a reason', () => {
    expect(decodePython(Uint8Array.from([0x78, 0x20, 0x3d, 0x20, 0xff, 0xfe, 0x0a]))).toEqual({
      ok: false,
      reason: 'skipped: not valid UTF-8 and no PEP 263 coding line',
    });
  });

  test('a 5,000-line function is reviewed in bounded time', () => {
    const body: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const k = i % 5;
      if (k === 0) body.push(`    total_${i} = helper(values[${i % 97}], key="k${i}")`);
      else if (k === 1) body.push(`    if total_${i - 1} > limit:`, `        limit = total_${i - 1}`);
      else if (k === 2) body.push(`    results.append({"index": ${i}, "value": total_${i - 2}})`);
      else if (k === 3) body.push(`    for item in values[:${i % 13}]:`, `        count += len(str(item))`);
      else body.push(`    log.debug("step %d of %d", ${i}, count)`);
    }
    const source = `import logging\n\nlog = logging.getLogger(__name__)\n\n\ndef process(values, helper, limit=0):\n    """One very long function."""\n    results = []\n    count = 0\n${body.join('\n')}\n    return results, limit, count\n`;
    expect(source.split('\n').length).toBeGreaterThan(5000);
    const { crashes, ms, summary } = reviewOf(source);
    expect(crashes).toEqual([]);
    expect(summary).not.toBe('');
    // Generous: CI shares its CPUs; on a quiet machine this takes a few seconds.
    expect(ms).toBeLessThan(30_000);
  }, 60_000);

  /** Every construct that nests, 200 levels deep: no stack overflow, no rule failure, quick. */
  const DEPTH = 200;
  const indent = (n: number) => '    '.repeat(n);
  const nested: Record<string, (d: number) => string> = {
    'if blocks': (d) => Array.from({ length: d }, (_, i) => `${indent(i)}if x${i}:`).join('\n') + `\n${indent(d)}pass\n`,
    'function definitions': (d) => Array.from({ length: d }, (_, i) => `${indent(i)}def f${i}(a${i}):`).join('\n') + `\n${indent(d)}return a0\n`,
    'class definitions': (d) => Array.from({ length: d }, (_, i) => `${' '.repeat(i)}class C${i}:`).join('\n') + `\n${' '.repeat(d)}pass\n`,
    'try blocks': (d) =>
      Array.from({ length: d }, (_, i) => `${indent(i)}try:`).join('\n') +
      `\n${indent(d)}pass\n` +
      Array.from({ length: d }, (_, i) => `${indent(d - 1 - i)}except E:\n${indent(d - i)}pass`).join('\n') +
      '\n',
    'with blocks': (d) => Array.from({ length: d }, (_, i) => `${indent(i)}with open(p${i}) as f${i}:`).join('\n') + `\n${indent(d)}pass\n`,
    parentheses: (d) => `x = ${'('.repeat(d)}1${')'.repeat(d)}\n`,
    lists: (d) => `x = ${'['.repeat(d)}1${']'.repeat(d)}\n`,
    dicts: (d) => `x = ${'{"k": '.repeat(d)}1${'}'.repeat(d)}\n`,
    calls: (d) => `x = ${'f('.repeat(d)}y${')'.repeat(d)}\n`,
    lambdas: (d) => `x = ${Array.from({ length: d }, (_, i) => `lambda a${i}:`).join(' ')} a0\n`,
    comprehensions: (d) => `x = ${'[a for a in '.repeat(d)}y${']'.repeat(d)}\n`,
    'unpacking targets': (d) => `${'('.repeat(d)}a, b${'), c'.repeat(d)} = y\n`,
    'binary operators': (d) => `x = ${Array.from({ length: d }, (_, i) => `v${i} +`).join(' ')} 1\n`,
    'conditional expressions': (d) => `x = ${Array.from({ length: d }, (_, i) => `a${i} if c${i} else`).join(' ')} z\n`,
    'attribute chains': (d) => `x = a${'.b'.repeat(d)}\n`,
    'string annotations': (d) => `def f(x: "${'List['.repeat(d)}int${']'.repeat(d)}"): pass\n`,
  };
  test.each(Object.keys(nested))(`${DEPTH} levels of %s`, (name) => {
    const { crashes, ms, summary } = reviewOf(nested[name]!(DEPTH));
    expect(crashes).toEqual([]);
    expect(summary).not.toBe('');
    expect(ms).toBeLessThan(5_000);
  });
});

describe('webhook payloads', () => {
  const target = { owner: 'acme', repo: 'app', installationId: 7 };
  const enqueued: ReviewJob[] = [];
  const deps: EventDeps = {
    queue: { enqueue: async (job) => (enqueued.push(job), 'queued'), drain: async () => undefined, close: async () => undefined },
    appSlug: async () => 'pr-reviewer',
  };
  const unusedOctokit = new Proxy(
    {},
    {
      get: () => {
        throw new Error('no API call expected');
      },
    },
  );
  const context = (payload: unknown) => ({ payload, id: 'delivery-x', log: { info() {}, warn() {}, error() {}, debug() {} }, octokit: unusedOctokit }) as never;

  /** Deletes a dotted path from a payload. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads of every shape, walked by key
  function without(payload: Record<string, any>, path: string): Record<string, any> {
    const copy = structuredClone(payload);
    const keys = path.split('.');
    let at = copy;
    for (const k of keys.slice(0, -1)) at = at?.[k];
    if (at) delete at[keys[keys.length - 1]!];
    return copy;
  }

  const pr = pullRequestPayload('opened', { ...target, number: 3, headSha: 'abc' });
  test.each(['installation', 'repository', 'pull_request', 'pull_request.head', 'pull_request.head.sha', 'pull_request.number', 'repository.owner', 'action'])(
    'pull_request without %s is ignored without a crash or an API call',
    async (path) => {
      enqueued.length = 0;
      await expect(onPullRequest(context(without(pr, path)), deps)).resolves.toEqual(expect.objectContaining({ action: 'ignored' }));
      expect(enqueued).toEqual([]);
    },
  );

  test('unknown actions and non-objects are ignored', async () => {
    enqueued.length = 0;
    for (const payload of [{ ...pr, action: 'teleported' }, null, 'text', 42, [], {}]) {
      await expect(onPullRequest(context(payload), deps)).resolves.toEqual(expect.objectContaining({ action: 'ignored' }));
    }
    expect(enqueued).toEqual([]);
  });

  test('comment and re-run events missing their fields are ignored', async () => {
    enqueued.length = 0;
    const comment = issueCommentPayload({ ...target, number: 3, body: '/review', commenter: 'octocat' });
    for (const path of ['comment', 'comment.user', 'issue', 'installation']) {
      await expect(onIssueComment(context(without(comment, path)), deps)).resolves.toEqual(expect.objectContaining({ action: 'ignored' }));
    }
    const run = checkRunPayload({ ...target, headSha: 'abc', pulls: [{ number: 3, sha: 'abc' }] });
    for (const path of ['check_run', 'check_run.head_sha', 'check_run.pull_requests', 'repository']) {
      await expect(onCheckRun(context(without(run, path)), deps)).resolves.toEqual(expect.objectContaining({ action: 'ignored' }));
    }
    const suite = checkSuitePayload({ ...target, headSha: 'abc', pulls: [{ number: 3, sha: 'abc' }] });
    for (const path of ['check_suite', 'check_suite.head_sha', 'installation']) {
      await expect(onCheckSuite(context(without(suite, path)), deps)).resolves.toEqual(expect.objectContaining({ action: 'ignored' }));
    }
    expect(enqueued).toEqual([]);
  });
});
