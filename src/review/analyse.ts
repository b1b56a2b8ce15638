import pLimit from 'p-limit';
import type { JobLimits } from '../engine/budget.js';
import type { FileConventions } from '../engine/conventions.js';
import type { JobResult } from '../engine/job.js';
import { EnginePool } from '../engine/pool.js';
import { ReviewAccount, overBudgetResults, type ReviewBudget } from '../engine/review-budget.js';
import type { EnabledRule } from '../engine/rule.js';
import type { AnalysedFile, ChangedSource } from './plan.js';

/** What each file is reviewed with: the rules its path turns on and the conventions of the code around it. */
export interface ReviewSettings {
  rulesFor(path: string): readonly EnabledRule[];
  conventionsFor(path: string): FileConventions;
}

/** One file for the engine: its head and, for a changed file, its base, both with the head path's settings. */
export interface FileJob {
  path: string;
  source: string;
  base?: { path: string; source: string };
  rules: readonly EnabledRule[];
  conventions: FileConventions;
  /** What the file may spend; without limits it takes as long and reports as much as it does. */
  limits?: JobLimits;
}

/** Runs the engine on files: in this thread, or in a worker pool that returns plain results. */
export interface Analyser {
  analyse(job: FileJob): Promise<JobResult>;
  /** How many files may be in hand at once (their texts in memory, their jobs queued). */
  concurrency: number;
}

/**
 * The engine behind a pool: on its worker threads (the base parsed first, the head against the
 * base's tree), or on this thread with a turn of the event loop before each file when the pool
 * has no workers. Twice as many files in hand as workers, so that each finds its next one waiting.
 */
export function engineAnalyser(pool: EnginePool): Analyser {
  return {
    concurrency: Math.max(1, pool.size * 2),
    analyse: (job) =>
      pool.run(
        {
          path: job.path,
          source: job.source,
          conventions: job.conventions,
          ...(job.base ? { base: { path: job.base.path, source: job.base.source } } : {}),
        },
        job.rules,
        job.limits,
      ),
  };
}

/** The engine in this thread, one file at a time, so a server keeps answering between files. */
export const inThisThread: Analyser = engineAnalyser(new EnginePool({ size: 0 }));

/**
 * Analyses the head and, for a changed file, the base version of each source, both with the
 * head path's settings so that their findings compare like with like.
 */
export async function analyseSources(
  sources: readonly ChangedSource[],
  settings: ReviewSettings,
  analyser: Analyser = inThisThread,
  budget: ReviewBudget = {},
): Promise<AnalysedFile[]> {
  const results = await analyseInOrder(
    sources,
    (source) => ({
      path: source.path,
      source: source.head,
      ...(source.base !== undefined ? { base: { path: source.basePath ?? source.path, source: source.base } } : {}),
      rules: settings.rulesFor(source.path),
      conventions: settings.conventionsFor(source.path),
    }),
    analyser,
    budget,
  );
  return sources.map((source, i) => {
    const { head, base } = results[i]!;
    return { source, head, ...(base ? { base } : {}) };
  });
}

/**
 * Analyses items in their order as the analyser has room: an item's job is made (its text read)
 * only when it can start, and let go once analysed. The review's budgets hold across all of
 * them (a file that starts after they ran out is a note, unanalysed). An item without a job
 * (unreadable, skipped) has no result.
 */
export async function analyseInOrder<T>(
  items: readonly T[],
  jobOf: (item: T) => FileJob | undefined,
  analyser: Analyser,
  budget: ReviewBudget = {},
): Promise<Array<JobResult | undefined>> {
  const account = new ReviewAccount(budget);
  const limit = pLimit(Math.max(1, analyser.concurrency));
  const results = await Promise.all(
    items.map((item) =>
      limit(async (): Promise<JobResult | undefined> => {
        const job = jobOf(item);
        if (!job) return undefined;
        const spent = account.spent();
        if (spent) return overBudgetResults(job.path, job.base?.path, spent.kind, spent.limit);
        const result = await analyser.analyse({ ...job, limits: account.limits });
        account.count(result);
        return result;
      }),
    ),
  );
  return account.settle(results);
}
