import pLimit from 'p-limit';
import { analyzeSafely } from '../engine/analyze.js';
import type { FileConventions } from '../engine/conventions.js';
import type { EnabledRule } from '../engine/rule.js';
import type { FileResult } from '../engine/run.js';
import type { AnalysedFile, ChangedSource } from './plan.js';

/** What each file is reviewed with: the rules its path turns on and the conventions of the code around it. */
export interface ReviewSettings {
  rulesFor(path: string): readonly EnabledRule[];
  conventionsFor(path: string): FileConventions;
}

/** One file for the engine. */
export interface FileJob {
  path: string;
  source: string;
  rules: readonly EnabledRule[];
  conventions: FileConventions;
}

/** Runs the engine on files: in this thread, or in a worker pool that returns plain results. */
export interface Analyser {
  analyse(job: FileJob): Promise<FileResult>;
  /** How many files may be in hand at once (a pool queues them itself). */
  concurrency: number;
}

/** The engine in this thread, one file at a time with a turn of the event loop after each, so a server keeps answering. */
export const inThisThread: Analyser = {
  concurrency: 1,
  async analyse(job) {
    const result = analyzeSafely(job.path, job.source, job.rules, job.conventions);
    await new Promise((resolve) => setImmediate(resolve));
    return result;
  },
};

/**
 * Analyses the head and, for a changed file, the base version of each source, both with the
 * head path's settings so that their findings compare like with like.
 */
export async function analyseSources(sources: readonly ChangedSource[], settings: ReviewSettings, analyser: Analyser = inThisThread): Promise<AnalysedFile[]> {
  const limit = pLimit(Math.max(1, analyser.concurrency));
  const analyse = (job: FileJob): Promise<FileResult> => limit(() => analyser.analyse(job));
  return Promise.all(
    sources.map(async (source) => {
      const rules = settings.rulesFor(source.path);
      const conventions = settings.conventionsFor(source.path);
      const [head, base] = await Promise.all([
        analyse({ path: source.path, source: source.head, rules, conventions }),
        source.base !== undefined ? analyse({ path: source.basePath ?? source.path, source: source.base, rules, conventions }) : undefined,
      ]);
      return { source, head, ...(base ? { base } : {}) };
    }),
  );
}
