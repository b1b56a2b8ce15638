import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EnabledRule } from './rule.js';
import { ruleById } from '../../analyzers/index.js';
import { now, type BudgetKind, type JobLimits } from './budget.js';
import { memoryKeeper } from './memory.js';
import { flatParserKind } from './parse.js';
import { resolveRule, runJob, specOf, type FileJob, type JobResult, type RuleSpec } from './job.js';
import type { WorkerRequest, WorkerResponse, WorkerSettings } from './pool-worker.js';
import { overBudgetResults } from './review-budget.js';
import type { FileResult } from './run.js';

export type { FileJob, JobResult, RuleSpec } from './job.js';

/** All cores: the default of `--jobs` and of the server's pool. */
export function defaultPoolSize(): number {
  return availableParallelism();
}

export interface PoolOptions {
  /** Worker threads; 0 analyses on the caller's thread (small inputs: a worker costs ~2.6 CPU-s to start and warm up). */
  size?: number;
  /** The worker's module (tests point at the built one: dist/src/engine/pool-worker.js). */
  workerUrl?: URL;
  /** Past its deadline a job is stopped inside the worker; a worker that does not answer this much later is terminated and replaced. */
  graceMs?: number;
  /** V8 heap limit of each worker: a file that needs more fails alone (a note), the process lives on. */
  maxHeapMb?: number;
  /**
   * Nice value of the worker threads (Linux gives each thread its own): the server's are lowered,
   * so that the thread that answers webhooks gets a core the moment it needs one. Unchanged by default.
   */
  workerNice?: number;
}

interface Pending {
  request: WorkerRequest;
  versions: number;
  resolve(result: JobResult): void;
}

interface Slot {
  worker: Worker;
  job?: Pending;
  timer?: NodeJS.Timeout;
  /** Failed while idle: replaced after a pause, and given no job meanwhile. */
  down?: boolean;
}

/** A worker that fails with no job in hand (its module does not load) is started again after this pause, not in a loop. */
const RESPAWN_PAUSE_MS = 1000;

/**
 * Worker threads that parse and analyse whole files and send back plain results, so that the
 * caller's event loop only ever awaits messages: a pathological file costs a worker its time
 * budget, never the server its responsiveness. Jobs are queued and run as workers free up. The
 * server keeps one pool for its lifetime; the CLI makes one per run (cli/analyser.ts).
 */
export class EnginePool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly workerUrl: URL;
  private readonly graceMs: number;
  private readonly maxHeapMb: number;
  private readonly workerNice: number | undefined;
  private nextId = 1;
  private closed = false;
  /** Largest V8 heap a worker reported, per worker slot (for benchmarks and health). */
  readonly peakHeapBytes: number[] = [];

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(0, Math.floor(options.size ?? defaultPoolSize()));
    this.workerUrl = options.workerUrl ?? new URL('./pool-worker.js', import.meta.url);
    this.graceMs = options.graceMs ?? 2000;
    this.maxHeapMb = options.maxHeapMb ?? 1536;
    this.workerNice = options.workerNice;
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn(i));
  }

  /**
   * One file (and its base, when it has one). Resolves with results, never rejects for the
   * file's sake: a file over budget or a worker that failed comes back as a note. Rules that are
   * not the registry's (a test's, a local experiment's) cannot be named to a worker: such a job
   * runs on this thread.
   */
  run(job: FileJob, rules: readonly EnabledRule[] | readonly RuleSpec[], limits: JobLimits = {}): Promise<JobResult> {
    if (this.closed) return Promise.reject(new Error('the engine pool is closed'));
    const local = rules.filter((r): r is EnabledRule => 'rule' in r);
    if (this.size === 0 || local.some((r) => ruleById(r.rule.id) !== r.rule)) return this.runHere(job, rules, limits);
    const specs = rules.map((r) => ('rule' in r ? specOf(r) : r));
    return new Promise<JobResult>((resolve) => {
      this.queue.push({ request: { id: this.nextId++, job, rules: specs, limits }, versions: job.base ? 2 : 1, resolve });
      this.dispatch();
    });
  }

  /** Stops the workers; queued jobs are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await Promise.all(
      this.slots.map((slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        return slot.worker.terminate();
      }),
    );
  }

  /** Without our native parser, trees wait for a collection to be freed (see memory.ts); decided at the first job. */
  private release: ((chars: number) => Promise<void>) | null | undefined;

  /** On this thread: the same job, with a turn of the event loop before it, so that a server keeps answering. */
  private async runHere(job: FileJob, rules: readonly EnabledRule[] | readonly RuleSpec[], limits: JobLimits): Promise<JobResult> {
    this.release ??= flatParserKind() === 'native' ? null : memoryKeeper();
    await this.release?.(job.source.length + (job.base?.source.length ?? 0));
    await new Promise<void>((resolve) => setImmediate(resolve));
    // Specs without their rules are resolved from the registry, as a worker does.
    const enabled = rules.map((r) => ('rule' in r ? r : resolveRule(r)));
    return runJobSafely(job, enabled, limits);
  }

  private spawn(index: number): Slot {
    const worker = new Worker(this.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
      workerData: { nice: this.workerNice } satisfies WorkerSettings,
    });
    const slot: Slot = { worker };
    worker.on('message', (response: WorkerResponse) => {
      this.peakHeapBytes[index] = Math.max(this.peakHeapBytes[index] ?? 0, response.heapBytes);
      const job = slot.job;
      if (!job || job.request.id !== response.id) return;
      this.finish(slot, job, 'json' in response ? (JSON.parse(response.json) as JobResult) : failedResult(job.request.job, response.error));
    });
    // A worker that dies (out of memory, a crash in native code) fails its file, not the review.
    const died = (reason: string): void => {
      if (this.closed) return;
      const job = slot.job;
      if (job) {
        this.replace(index, slot);
        this.finish(slot, job, failedResult(job.request.job, reason));
        return;
      }
      this.stop(slot);
      slot.down = true;
      setTimeout(() => {
        if (this.closed || this.slots[index] !== slot) return;
        this.slots[index] = this.spawn(index);
        this.dispatch();
      }, RESPAWN_PAUSE_MS).unref();
    };
    worker.on('error', (error: Error) => died(`the worker failed: ${error.message}`));
    worker.on('exit', (code) => died(`the worker exited (code ${code})`));
    // The pool never keeps a process alive on its own: waiting jobs do.
    worker.unref();
    return slot;
  }

  private replace(index: number, slot: Slot): void {
    this.stop(slot);
    if (!this.closed) this.slots[index] = this.spawn(index);
  }

  private stop(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {});
    void slot.worker.terminate();
  }

  private finish(slot: Slot, job: Pending, result: JobResult): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
    slot.worker.unref();
    job.resolve(result);
    this.dispatch();
  }

  private dispatch(): void {
    for (let index = 0; index < this.slots.length && this.queue.length; index++) {
      const slot = this.slots[index]!;
      if (slot.job || slot.down) continue;
      const job = this.queue.shift()!;
      const { limits } = job.request;
      if (limits.reviewDeadline !== undefined && now() >= limits.reviewDeadline) {
        job.resolve(overBudgetOf(job.request.job, 'review-time', limits.reviewTimeMs ?? 0));
        index--;
        continue;
      }
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage(job.request);
      const hardLimit = this.hardLimit(limits, job.versions);
      if (hardLimit !== undefined) {
        slot.timer = setTimeout(() => {
          // The worker did not stop at its deadline (a rule stuck in one call): it goes, the file is over budget.
          const kind: BudgetKind = hardLimit.kind;
          this.replace(index, slot);
          slot.job = undefined;
          job.resolve(overBudgetOf(job.request.job, kind, hardLimit.limit));
          this.dispatch();
        }, hardLimit.ms);
      }
    }
  }

  private hardLimit(limits: JobLimits, versions: number): { ms: number; kind: BudgetKind; limit: number } | undefined {
    const file = limits.fileTimeMs !== undefined ? limits.fileTimeMs * versions : Infinity;
    const review = limits.reviewDeadline !== undefined ? limits.reviewDeadline - now() : Infinity;
    if (!Number.isFinite(Math.min(file, review))) return undefined;
    const ms = Math.max(0, Math.min(file, review)) + this.graceMs;
    return review < file ? { ms, kind: 'review-time', limit: limits.reviewTimeMs ?? 0 } : { ms, kind: 'file-time', limit: limits.fileTimeMs! };
  }
}

function runJobSafely(job: FileJob, rules: readonly EnabledRule[], limits: JobLimits): JobResult {
  try {
    return runJob(job, rules, limits);
  } catch (error) {
    return failedResult(job, error instanceof Error ? error.message : String(error));
  }
}

function emptyResult(path: string, notes: FileResult['notes']): FileResult {
  return { path, lines: 0, findings: [], conformingNames: [], suppressed: [], measurements: [], notes };
}

function failedResult(job: FileJob, reason: string): JobResult {
  const note = (path: string) => ({ path, kind: 'analyzer-failed' as const, message: `${path} could not be analysed: ${reason}` });
  return {
    head: emptyResult(job.path, [note(job.path)]),
    ...(job.base ? { base: emptyResult(job.base.path ?? job.path, [note(job.base.path ?? job.path)]) } : {}),
  };
}

function overBudgetOf(job: FileJob, kind: BudgetKind, limit: number): JobResult {
  return overBudgetResults(job.path, job.base ? (job.base.path ?? job.path) : undefined, kind, limit);
}
