import { EnginePool } from '../engine/pool.js';
import { engineAnalyser, type Analyser } from '../review/analyse.js';

/** Below this much Python a review stays on this thread: a worker costs more to start and warm up (~2.6 CPU-s) than it saves. */
export const MIN_CHARS_FOR_WORKERS = 300_000;

/** Worker threads for one run: `jobs` (never more than files) for a large input, none for a small one. */
export function cliWorkers(jobs: number, files: number, chars: number): number {
  return chars < MIN_CHARS_FOR_WORKERS ? 0 : Math.min(jobs, files);
}

/** The CLI's engine for one run (see cliWorkers); close it when the run is done. */
export function cliAnalyser(jobs: number, files: number, chars: number): { analyser: Analyser; close: () => Promise<void> } {
  const pool = new EnginePool({ size: cliWorkers(jobs, files, chars) });
  return { analyser: engineAnalyser(pool), close: () => pool.close() };
}
