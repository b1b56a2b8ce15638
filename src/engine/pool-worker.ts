import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import type { EnabledRule } from './rule.js';
import { memoryKeeper } from './memory.js';
import { flatParserKind } from './parse.js';
import { resolveRule, runJob, type FileJob, type JobLimits, type RuleSpec } from './job.js';

/** What a worker is started with. */
export interface WorkerSettings {
  /** This thread's nice value (see PoolOptions.workerNice). */
  nice?: number | undefined;
}

/** What the pool sends a worker: one file (and its base), the rules as specs, the limits. */
export interface WorkerRequest {
  id: number;
  job: FileJob;
  rules: RuleSpec[];
  limits: JobLimits;
}

/**
 * The result goes back as JSON text: V8's JSON.parse on the caller's thread takes about 60 % of
 * what deserialising the same objects from a structured clone does, and that thread is the one
 * every worker waits on.
 */
export type WorkerResponse = { id: number; json: string; heapBytes: number } | { id: number; error: string; heapBytes: number };

/** The same specs (a review's, job after job) resolve to the same list: rules keep per-list caches. */
const resolved = new Map<string, EnabledRule[]>();

export function resolveRules(specs: readonly RuleSpec[]): EnabledRule[] {
  const key = JSON.stringify(specs);
  let rules = resolved.get(key);
  if (!rules) {
    rules = specs.map(resolveRule);
    if (resolved.size > 16) resolved.clear();
    resolved.set(key, rules);
  }
  return rules;
}

/** Without our native parser, the binding's trees are freed by finalizers after a collection: ask for one now and then. */
const release = flatParserKind() === 'native' ? undefined : memoryKeeper();

lowerPriority((workerData as WorkerSettings | undefined)?.nice);

/** On Linux a thread has its own nice value: this one's, when asked (/proc/thread-self names the thread). Elsewhere it stays. */
function lowerPriority(nice: number | undefined): void {
  if (nice === undefined) return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid !== process.pid) setPriority(tid, nice);
  } catch {
    // Not Linux, or not allowed: the worker runs at the process's priority.
  }
}

const port = parentPort;
port?.on('message', (request: WorkerRequest) => void answer(request));

async function answer(request: WorkerRequest): Promise<void> {
  let response: WorkerResponse;
  try {
    response = { id: request.id, json: JSON.stringify(runJob(request.job, resolveRules(request.rules), request.limits)), heapBytes: 0 };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error), heapBytes: 0 };
  }
  response.heapBytes = getHeapStatistics().total_physical_size;
  port!.postMessage(response);
  await release?.(request.job.source.length + (request.job.base?.source.length ?? 0));
}
