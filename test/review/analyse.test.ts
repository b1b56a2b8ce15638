import { readFileSync } from 'node:fs';
import { STRICT_CONVENTIONS, type FileConventions } from '../../src/engine/conventions.js';
import { EnginePool } from '../../src/engine/pool.js';
import type { EnabledRule } from '../../src/engine/rule.js';
import type { FileResult } from '../../src/engine/run.js';
import { analyseInOrder, analyseSources, engineAnalyser, inThisThread, type Analyser, type FileJob, type ReviewSettings } from '../../src/review/analyse.js';
import { DEFAULT_CONFIG, enabledRules } from '../../src/review/config.js';
import { wholeFileDiff } from '../../src/review/diff.js';
import { planReview, type ChangedSource } from '../../src/review/plan.js';
import { corpusFiles, stdlibRoot } from '../../bench/corpus.js';

/**
 * A review's files reach the engine through an Analyser: on this thread or on the worker pool,
 * the review finds the same, file for file, base and head; its budgets hold across its files
 * and cut the same files whichever worker finishes first; and a file's text is read only when
 * there is room for it.
 *
 * Workers run the built engine (dist/, from `npm run build`): tests load TypeScript, a worker thread cannot.
 */
const builtWorker = new URL('../../dist/src/engine/pool-worker.js', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const vulnerable = fixture('security/vulnerable_app.py');
const inventory = fixture('python/inventory_service.py');
const rules = enabledRules(DEFAULT_CONFIG);

/** Per-path settings, as a repository's overrides and conventions give them: tests lenient and without the naming rules. */
const settings: ReviewSettings = {
  rulesFor: (path) => (path.startsWith('tests/') ? rules.filter((r) => r.rule.category !== 'naming') : rules),
  conventionsFor: (path): FileConventions =>
    path.startsWith('tests/') ? { profile: 'conventional', testCode: true, annotations: false, docstrings: false } : STRICT_CONVENTIONS,
};

/** Changed files of every kind: edited (base and head), renamed, added, broken, and test code. */
function change(): ChangedSource[] {
  const sources: ChangedSource[] = [];
  const add = (path: string, head: string, base?: string, basePath?: string): void => {
    sources.push({ path, head, ...(base !== undefined ? { base } : {}), ...(basePath ? { basePath } : {}), diff: wholeFileDiff(head) });
  };
  for (const [i, file] of [...corpusFiles(stdlibRoot(), { limit: 12 })].entries()) {
    const edited = file.source.replace(/\ndef /, '\ndef added(x):\n    return eval(x)\n\n\ndef ').replace(/\n[^\n]*\n/, '\n');
    add(i % 3 === 0 ? `tests/${file.path}` : file.path, edited, file.source, i % 4 === 1 ? `old/${file.path}` : undefined);
  }
  add('app.py', vulnerable);
  add('inventory.py', inventory.replace('import ', 'import pickle\nimport '), inventory);
  add('broken.py', 'def f(:\n  eval(x)\n', 'def f(x):\n  return x\n');
  return sources;
}

describe('on this thread and on workers', () => {
  test('the same results for every file, base and head, with per-path rules and conventions', async () => {
    const sources = change();
    const pool = new EnginePool({ size: 2, workerUrl: builtWorker });
    try {
      const here = await analyseSources(sources, settings, inThisThread);
      const there = await analyseSources(sources, settings, engineAnalyser(pool));
      expect(there).toEqual(here);
      // The comparison means something: findings on both sides, the edits seen, the settings applied.
      expect(here.filter((f) => f.head.findings.length > 0).length).toBeGreaterThan(here.length / 2);
      expect(here.filter((f) => f.base).length).toBe(sources.length - 1);
      const tests = here.filter((f) => f.source.path.startsWith('tests/'));
      expect(tests.length).toBeGreaterThan(0);
      for (const f of tests) expect(f.head.findings.some((x) => x.category === 'naming')).toBe(false);
      expect(here.find((f) => f.source.basePath?.startsWith('old/'))!.base!.path).toMatch(/^old\//);
      expect(planReview({ mode: 'change', files: there, config: DEFAULT_CONFIG, notes: [] })).toEqual(
        planReview({ mode: 'change', files: here, config: DEFAULT_CONFIG, notes: [] }),
      );
    } finally {
      await pool.close();
    }
  }, 120_000);
});

describe("a review's budgets", () => {
  const over = (r: { head: FileResult }) => r.head.notes.filter((n) => n.kind === 'over-budget').map((n) => n.message);
  const sources = (): ChangedSource[] =>
    ['a.py', 'b.py', 'c.py', 'd.py'].map((path) => ({ path, head: vulnerable, base: inventory, diff: wholeFileDiff(vulnerable) }));

  test('findings: from the file that takes the review past its total on, files are notes, the same on this thread and on workers', async () => {
    const perFile = (await analyseSources(sources().slice(0, 1), settings))[0]!.head.findings.length;
    const budget = { reviewFindings: perFile + 1 };
    const pool = new EnginePool({ size: 2, workerUrl: builtWorker });
    try {
      for (const analyser of [inThisThread, engineAnalyser(pool)]) {
        const files = await analyseSources(sources(), settings, analyser, budget);
        expect(files.map((f) => f.head.findings.length)).toEqual([perFile, 0, 0, 0]);
        expect(over(files[1]!)).toEqual([`b.py: not fully reviewed: the review reached its budget of ${perFile + 1} findings before this file was done`]);
        expect(files[1]!.base!.notes.map((n) => n.kind)).toEqual(['over-budget']);
        expect(over(files[0]!)).toEqual([]);
      }
    } finally {
      await pool.close();
    }
  }, 60_000);

  test('time: files not done by the deadline are named; the plan counts them as not reviewed', async () => {
    const files = await analyseSources(sources(), settings, inThisThread, { reviewTimeMs: 0 });
    for (const f of files) {
      expect(over(f)).toEqual([`${f.source.path}: not fully reviewed: the review ran out of its time budget (0 ms) before this file was done`]);
      expect(f.base!.notes.map((n) => n.kind)).toEqual(['over-budget']);
    }
    const plan = planReview({ mode: 'change', files, config: DEFAULT_CONFIG, notes: [] });
    expect(plan.verdict.unreviewed.map((n) => n.path)).toEqual(expect.arrayContaining(['a.py', 'b.py', 'c.py', 'd.py']));
    expect(plan.verdict.conclusion).toBe('neutral');
  });

  test('per file: each version of each file gets the file budgets', async () => {
    const files = await analyseSources(sources().slice(0, 2), settings, inThisThread, { fileFindings: 3 });
    for (const f of files) {
      expect(over(f)).toEqual([`${f.source.path}: not fully reviewed: it produced more than the per-file budget of 3 findings`]);
      expect(f.base!.notes.map((n) => n.kind)).toEqual(['over-budget']);
    }
  });
});

describe('files read as there is room for them', () => {
  test('at most `concurrency` jobs in hand, results in item order, none for an item without a job', async () => {
    let inHand = 0;
    let most = 0;
    const made: string[] = [];
    const slow: Analyser = {
      concurrency: 2,
      async analyse(job: FileJob) {
        most = Math.max(most, ++inHand);
        const result = await inThisThread.analyse(job);
        inHand--;
        return result;
      },
    };
    const items = ['a.py', 'skip.py', 'b.py', 'c.py', 'd.py'];
    const results = await analyseInOrder(
      items,
      (path) => {
        made.push(path);
        return path === 'skip.py' ? undefined : { path, source: `import os\n# ${path}\n`, rules, conventions: STRICT_CONVENTIONS };
      },
      slow,
    );
    expect(made).toEqual(items);
    expect(most).toBe(2);
    expect(results.map((r) => r?.head.path)).toEqual(['a.py', undefined, 'b.py', 'c.py', 'd.py']);
    expect(results[0]!.head.findings.map((f) => f.rule)).toContain('unused-import');
  });

  test('the job of a file not yet started is not made while the analyser is full', async () => {
    const made: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held: Analyser = {
      concurrency: 1,
      async analyse(job) {
        await gate;
        return inThisThread.analyse(job);
      },
    };
    const done = analyseInOrder(
      ['a.py', 'b.py'],
      (path) => (made.push(path), { path, source: 'x = 1\n', rules: [] as EnabledRule[], conventions: STRICT_CONVENTIONS }),
      held,
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(made).toEqual(['a.py']);
    release();
    await done;
    expect(made).toEqual(['a.py', 'b.py']);
  });
});
