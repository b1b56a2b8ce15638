import { existsSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { analyze, analyzeSources } from '../../src/engine/analyze.js';
import { EnginePool } from '../../src/engine/pool.js';
import { analyzeFile } from '../../src/engine/run.js';
import { DEFAULT_CONFIG, enabledRules } from '../../src/review/config.js';

/**
 * The worker pool returns what the engine returns on the caller's thread, for whole files and
 * for the base and head of a changed file; budgets turn a file into a note instead of a hang;
 * and a review of pathological files leaves the caller's event loop free.
 *
 * Workers run the built engine (dist/, from `npm run build`, which `npm ci` runs): tests load
 * TypeScript, a worker thread cannot.
 */
const builtWorker = new URL('../../dist/src/engine/pool-worker.js', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const rules = enabledRules(DEFAULT_CONFIG);
const vulnerable = fixture('security/vulnerable_app.py');
const inventory = fixture('python/inventory_service.py');
/** Issue 11's attack: 1 MB of `def fN(x): return eval(x)`, about 34 000 functions and 135 000 findings. */
const pathological = (): string => {
  const lines: string[] = [];
  for (let n = 0, size = 0; size < 1_000_000; n++) size += (lines[n] = `def f${n}(x): return eval(x)\n`).length;
  return lines.join('');
};

describe('in-process pool (size 0)', () => {
  const pool = new EnginePool({ size: 0 });

  test('a file gives what analyzeFile gives', async () => {
    expect((await pool.run({ path: 'app.py', source: vulnerable }, rules)).head).toEqual(analyzeFile('app.py', vulnerable, rules));
  });

  test('a changed file: the base and the head (parsed against the base) as if analysed alone', async () => {
    const head = inventory.replace('def ', 'def added(x):\n    return eval(x)\n\n\ndef ');
    const result = await pool.run({ path: 'inv.py', source: head, base: { source: inventory, path: 'old/inv.py' } }, rules);
    expect(result.head).toEqual(analyzeFile('inv.py', head, rules));
    expect(result.base).toEqual(analyzeFile('old/inv.py', inventory, rules));
    expect(result.head.findings.filter((f) => f.rule === 'eval-exec').length).toBeGreaterThan(
      result.base!.findings.filter((f) => f.rule === 'eval-exec').length,
    );
  });

  test('rules named by spec are resolved from the registry', async () => {
    const specs = rules.map((r) => ({ id: r.rule.id, options: r.options }));
    expect((await pool.run({ path: 'app.py', source: vulnerable }, specs)).head).toEqual(analyzeFile('app.py', vulnerable, rules));
  });
});

describe('budgets', () => {
  const pool = new EnginePool({ size: 0 });
  const over = (notes: Array<{ kind: string; message: string }>) => notes.filter((n) => n.kind === 'over-budget').map((n) => n.message);

  test('a file over its time budget is not fully reviewed, and says which budget', async () => {
    const result = await pool.run({ path: 'big.py', source: pathological() }, rules, { fileTimeMs: 50 });
    expect(result.head.findings).toEqual([]);
    expect(over(result.head.notes)).toEqual(['big.py: not fully reviewed: its analysis took longer than the per-file time budget (50 ms)']);
  });

  test('a file over its findings budget', async () => {
    const result = await pool.run({ path: 'app.py', source: vulnerable }, rules, { fileFindings: 3 });
    expect(over(result.head.notes)).toEqual(['app.py: not fully reviewed: it produced more than the per-file budget of 3 findings']);
    // Within the budget, the same file is reviewed whole.
    expect(over((await pool.run({ path: 'app.py', source: vulnerable }, rules, { fileFindings: 10_000 })).head.notes)).toEqual([]);
  });

  test('a review over its findings budget: from the file that passes it on, files are notes', async () => {
    const jobs = ['a.py', 'b.py', 'c.py'].map((path) => ({ path, source: vulnerable }));
    const perFile = analyzeFile('a.py', vulnerable, rules).findings.length;
    const results = await pool.review(jobs, rules, { reviewFindings: perFile + 1 });
    expect(results.map((r) => r.head.findings.length)).toEqual([perFile, 0, 0]);
    expect(over(results[1]!.head.notes)).toEqual([
      `b.py: not fully reviewed: the review reached its budget of ${perFile + 1} findings before this file was done`,
    ]);
  });

  test('a review out of time: the files not done are named', async () => {
    const results = await pool.review([{ path: 'a.py', source: vulnerable, base: { source: inventory } }], rules, { reviewTimeMs: 0 });
    expect(over(results[0]!.head.notes)).toEqual(['a.py: not fully reviewed: the review ran out of its time budget (0 ms) before this file was done']);
    expect(over(results[0]!.base!.notes)).toHaveLength(1);
  });
});

describe('worker threads', () => {
  test('the built worker exists (npm run build)', () => {
    expect(existsSync(builtWorker)).toBe(true);
  });

  test('workers return what the caller would have computed, in job order', async () => {
    const pool = new EnginePool({ size: 2, workerUrl: builtWorker });
    try {
      const head = inventory.replace('import ', 'import pickle\nimport ');
      const jobs = [
        { path: 'app.py', source: vulnerable },
        { path: 'inv.py', source: head, base: { source: inventory } },
        { path: 'broken.py', source: 'def f(:\n  eval(x)\n' },
      ];
      const here = await new EnginePool({ size: 0 }).review(jobs, rules);
      expect(await pool.review(jobs, rules)).toEqual(here);
    } finally {
      await pool.close();
    }
  }, 60_000);

  test('analyzeSources on workers equals analyze on this thread', async () => {
    const inputs = [
      { path: 'app.py', source: vulnerable, lines: new Set([3, 4, 5, 6, 7, 8, 9, 10]) },
      { path: 'inv.py', source: inventory },
    ];
    let progress = 0;
    const parallel = await analyzeSources(inputs, rules, [], { jobs: 2, minCharsForWorkers: 0, workerUrl: builtWorker, onFile: () => progress++ });
    expect(parallel).toEqual(analyze(inputs, rules));
    expect(progress).toBe(2);
  }, 60_000);

  test('six pathological files: each comes back over budget, and the event loop stays free meanwhile', async () => {
    const pool = new EnginePool({ size: 2, workerUrl: builtWorker });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    try {
      const source = pathological();
      delay.enable();
      const results = await pool.review(
        Array.from({ length: 6 }, (_, i) => ({ path: `f${i}.py`, source })),
        rules,
        { fileTimeMs: 500, fileFindings: 5_000 },
      );
      delay.disable();
      for (const r of results) expect(r.head.notes.map((n) => n.kind)).toEqual(['over-budget']);
      // On this thread each of these files takes seconds; here the loop never waited for one.
      expect(delay.max / 1e6).toBeLessThan(1000);
    } finally {
      await pool.close();
    }
  }, 120_000);

  test('a worker that does not answer is stopped at the deadline and replaced', async () => {
    const pool = new EnginePool({ size: 1, workerUrl: new URL('../fixtures/workers/silent-worker.mjs', import.meta.url), graceMs: 50 });
    try {
      const results = await pool.review(
        [
          { path: 'a.py', source: 'x = 1\n' },
          { path: 'b.py', source: 'y = 2\n' },
        ],
        rules,
        { fileTimeMs: 20 },
      );
      expect(results.map((r) => r.head.notes.map((n) => n.message))).toEqual([
        ['a.py: not fully reviewed: its analysis took longer than the per-file time budget (20 ms)'],
        ['b.py: not fully reviewed: its analysis took longer than the per-file time budget (20 ms)'],
      ]);
    } finally {
      await pool.close();
    }
  });

  test('a worker that dies fails its file with a note, and the pool goes on', async () => {
    const pool = new EnginePool({ size: 1, workerUrl: new URL('../fixtures/workers/crashing-worker.mjs', import.meta.url) });
    try {
      const results = await pool.review(
        [
          { path: 'a.py', source: 'x = 1\n' },
          { path: 'b.py', source: 'y = 2\n' },
        ],
        rules,
      );
      expect(results.map((r) => r.head.notes.map((n) => [n.kind, n.message]))).toEqual([
        [['analyzer-failed', 'a.py could not be analysed: the worker failed: out of memory (simulated)']],
        [['analyzer-failed', 'b.py could not be analysed: the worker failed: out of memory (simulated)']],
      ]);
    } finally {
      await pool.close();
    }
  });
});
