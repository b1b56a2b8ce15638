import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { EnginePool } from '../../src/engine/pool.js';
import { analyzeFile } from '../../src/engine/run.js';
import { DEFAULT_CONFIG, enabledRules } from '../../src/review/config.js';

/**
 * The worker pool returns what the engine returns on the caller's thread, for whole files and
 * for the base and head of a changed file; budgets turn a file into a note instead of a hang;
 * and a pathological file leaves the caller's event loop free. Budgets across a review's files:
 * test/review/analyse.test.ts.
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

describe('file budgets', () => {
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

  test("a file that starts after the review's deadline: both versions are named", async () => {
    const result = await pool.run({ path: 'a.py', source: vulnerable, base: { source: inventory, path: 'old.py' } }, rules, {
      reviewDeadline: 0,
      reviewTimeMs: 0,
    });
    expect(over(result.head.notes)).toEqual(['a.py: not fully reviewed: the review ran out of its time budget (0 ms) before this file was done']);
    expect(over(result.base!.notes)).toEqual(['old.py: not fully reviewed: the review ran out of its time budget (0 ms) before this file was done']);
  });
});

describe('worker threads', () => {
  test('the built worker exists (npm run build)', () => {
    expect(existsSync(builtWorker)).toBe(true);
  });

  test('workers return what the caller would have computed', async () => {
    const pool = new EnginePool({ size: 2, workerUrl: builtWorker });
    const here = new EnginePool({ size: 0 });
    try {
      const head = inventory.replace('import ', 'import pickle\nimport ');
      const jobs = [
        { path: 'app.py', source: vulnerable },
        { path: 'inv.py', source: head, base: { source: inventory } },
        { path: 'broken.py', source: 'def f(:\n  eval(x)\n' },
      ];
      const expected = await Promise.all(jobs.map((job) => here.run(job, rules)));
      expect(await Promise.all(jobs.map((job) => pool.run(job, rules)))).toEqual(expected);
      // Options, severities and codes turned off cross to the worker with the rule.
      const tuned = rules.map((r) =>
        r.rule.id === 'eval-exec' ? { ...r, severity: 'low' as const } : r.rule.id === 'unused-import' ? { ...r, disabledCodes: r.rule.codes } : r,
      );
      const tunedHere = await Promise.all(jobs.slice(0, 2).map((job) => here.run(job, tuned)));
      expect(expected[1]!.head.findings.some((f) => f.rule === 'unused-import')).toBe(true);
      expect(tunedHere[1]!.head.findings.some((f) => f.rule === 'unused-import')).toBe(false);
      expect(new Set(tunedHere[0]!.head.findings.filter((f) => f.rule === 'eval-exec').map((f) => f.severity))).toEqual(new Set(['low']));
      expect(await Promise.all(jobs.slice(0, 2).map((job) => pool.run(job, tuned)))).toEqual(tunedHere);
    } finally {
      await pool.close();
    }
  }, 60_000);

  test("a rule that is not the registry's runs on this thread, not in a worker that cannot name it", async () => {
    const pool = new EnginePool({ size: 1, workerUrl: new URL('../fixtures/workers/crashing-worker.mjs', import.meta.url) });
    try {
      const own = { ...rules[0]!, rule: { ...rules[0]!.rule } };
      const result = await pool.run({ path: 'app.py', source: vulnerable }, [own]);
      expect(result.head.notes).toEqual([]);
    } finally {
      await pool.close();
    }
  });

  test("while a worker analyses a heavy file, this thread's event loop keeps turning; on this thread it cannot", async () => {
    const turnsWhile = async (pool: EnginePool): Promise<number> => {
      let turns = 0;
      let done = false;
      const tick = (): void => {
        turns++;
        if (!done) setTimeout(tick, 1);
      };
      setTimeout(tick, 1);
      const result = await pool.run({ path: 'big.py', source: pathological() }, rules, { fileTimeMs: 500, fileFindings: 5_000 });
      done = true;
      expect(result.head.notes.map((n) => n.kind)).toEqual(['over-budget']);
      return turns;
    };
    const pool = new EnginePool({ size: 1, workerUrl: builtWorker });
    try {
      expect(await turnsWhile(pool)).toBeGreaterThan(10);
      expect(await turnsWhile(new EnginePool({ size: 0 }))).toBeLessThanOrEqual(2);
    } finally {
      await pool.close();
    }
  }, 120_000);

  test('workerNice: the workers run at a lower priority than the thread that made them (Linux: a nice value per thread)', async () => {
    const nices = (): number[] =>
      readdirSync('/proc/self/task').map((tid) => {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        // After the command name in parentheses: state is field 3, nice field 19.
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      });
    const atTen = (): number => nices().filter((n) => n === 10).length;
    const before = atTen();
    const pool = new EnginePool({ size: 1, workerUrl: builtWorker, workerNice: 10 });
    try {
      await pool.run({ path: 'a.py', source: 'x = 1\n' }, rules);
      expect(atTen()).toBe(before + 1);
    } finally {
      await pool.close();
    }
  });

  test('a worker that does not answer is stopped at the deadline and replaced', async () => {
    const pool = new EnginePool({ size: 1, workerUrl: new URL('../fixtures/workers/silent-worker.mjs', import.meta.url), graceMs: 50 });
    try {
      const results = await Promise.all(['a.py', 'b.py'].map((path) => pool.run({ path, source: 'x = 1\n' }, rules, { fileTimeMs: 20 })));
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
      const results = await Promise.all(['a.py', 'b.py'].map((path) => pool.run({ path, source: 'x = 1\n' }, rules)));
      expect(results.map((r) => r.head.notes.map((n) => [n.kind, n.message]))).toEqual([
        [['analyzer-failed', 'a.py could not be analysed: the worker failed: out of memory (simulated)']],
        [['analyzer-failed', 'b.py could not be analysed: the worker failed: out of memory (simulated)']],
      ]);
    } finally {
      await pool.close();
    }
  });

  test('a worker whose module does not load fails the files given to it, and is not restarted in a loop', async () => {
    const pool = new EnginePool({ size: 1, workerUrl: new URL('../fixtures/workers/no-such-worker.mjs', import.meta.url) });
    try {
      const results = await Promise.all(['a.py', 'b.py'].map((path) => pool.run({ path, source: 'x = 1\n' }, rules)));
      for (const r of results) expect(r.head.notes.map((n) => n.kind)).toEqual(['analyzer-failed']);
    } finally {
      await pool.close();
    }
  }, 30_000);

  test('a closed pool takes no more files', async () => {
    const pool = new EnginePool({ size: 1, workerUrl: builtWorker });
    await pool.close();
    await expect(pool.run({ path: 'a.py', source: 'x = 1\n' }, rules)).rejects.toThrow('the engine pool is closed');
  });
});
