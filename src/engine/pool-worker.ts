import { parentPort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { RULES } from '../../analyzers/index.js';
import type { EnabledRule } from './rule.js';
import { runJob, type FileJob, type JobLimits, type JobResult, type RuleSpec } from './job.js';

/** What the pool sends a worker: one file (and its base), the rules as specs, the limits. */
export interface WorkerRequest {
  id: number;
  job: FileJob;
  rules: RuleSpec[];
  limits: JobLimits;
}

export type WorkerResponse = { id: number; result: JobResult; heapBytes: number } | { id: number; error: string; heapBytes: number };

/** The same specs (a review's, job after job) resolve to the same list: rules keep per-list caches. */
const resolved = new Map<string, EnabledRule[]>();

export function resolveRules(specs: readonly RuleSpec[]): EnabledRule[] {
  const key = JSON.stringify(specs);
  let rules = resolved.get(key);
  if (!rules) {
    rules = specs.map((spec) => {
      const rule = RULES.find((r) => r.id === spec.id);
      if (!rule) throw new Error(`unknown rule '${spec.id}'`);
      return { rule, options: spec.options, ...(spec.severity ? { severity: spec.severity } : {}) };
    });
    if (resolved.size > 16) resolved.clear();
    resolved.set(key, rules);
  }
  return rules;
}

const port = parentPort;
port?.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id: request.id, result: runJob(request.job, resolveRules(request.rules), request.limits), heapBytes: 0 };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error), heapBytes: 0 };
  }
  response.heapBytes = getHeapStatistics().total_physical_size;
  port.postMessage(response);
});
