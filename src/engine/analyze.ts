import type { Finding, NameExample, Note } from './finding.js';
import type { FileConventions } from './conventions.js';
import { analyzeFile, type EnabledRule, type FileResult, type Measurement, type SuppressedFinding } from './run.js';
import { ruleById } from '../../analyzers/index.js';
import { EnginePool, defaultPoolSize } from './pool.js';
import type { ReviewBudget } from './job.js';

export interface SourceInput {
  path: string;
  source: string;
  /** When given, only findings touching these 1-based lines are kept (the rest are counted). */
  lines?: ReadonlySet<number>;
  /** What the code around the file expects of it; strict when not given. */
  conventions?: FileConventions;
}

export interface AnalysisResult {
  files: Array<{ path: string; lines: number }>;
  findings: Finding[];
  notes: Note[];
  /** Names that follow their convention, as evidence beside naming findings. */
  conformingNames: NameExample[];
  suppressed: Array<SuppressedFinding & { path: string }>;
  /** Every function's value for each size and complexity rule, with its file (see RuleContext.measured). */
  measurements: Array<Measurement & { path: string }>;
  /** Findings left out because they are not on the given lines. */
  outsideLines: number;
}

/** The pure pipeline: sources in, findings and notes out. No I/O. */
export function analyze(inputs: readonly SourceInput[], rules: readonly EnabledRule[], notes: readonly Note[] = []): AnalysisResult {
  const result = emptyResult(notes);
  for (const input of inputs) addFile(result, analyzeSafely(input.path, input.source, rules, input.conventions), input.lines);
  return result;
}

/** Adds one file's result; with `lines`, only findings touching them are kept (the rest are counted). */
function addFile(result: AnalysisResult, file: FileResult, lines: ReadonlySet<number> | undefined): void {
  result.files.push({ path: file.path, lines: file.lines });
  append(result.notes, file.notes);
  append(result.conformingNames, file.conformingNames);
  append(
    result.suppressed,
    file.suppressed.map((s) => ({ ...s, path: file.path })),
  );
  append(
    result.measurements,
    file.measurements.map((m) => ({ ...m, path: file.path })),
  );
  for (const f of file.findings) {
    if (lines && !touches(f, lines)) result.outsideLines++;
    else result.findings.push(f);
  }
}

export interface AnalyzeSourcesOptions {
  /** Worker threads (`--jobs`); default: all cores. 0: on this thread. */
  jobs?: number;
  /** Below this much source (UTF-16 units) the files are analysed on this thread: a worker costs more to start than it saves. */
  minCharsForWorkers?: number;
  budget?: ReviewBudget;
  /** Called as each file is done (in the order they finish). */
  onFile?(done: number, total: number, path: string): void;
  /** A pool to use instead of starting one (the server's); it is left open. */
  pool?: EnginePool;
  /** The worker module (tests: the built one). */
  workerUrl?: URL;
}

/** The default of `minCharsForWorkers`: a few hundred kB of Python. */
export const MIN_CHARS_FOR_WORKERS = 300_000;

/**
 * `analyze`, on every core: the files go to a pool of worker threads (or stay on this thread when
 * they are few or small, or when a rule is not in the registry and so cannot be named to a
 * worker), and the results are merged in input order. What the CLI calls.
 */
export async function analyzeSources(
  inputs: readonly SourceInput[],
  rules: readonly EnabledRule[],
  notes: readonly Note[] = [],
  options: AnalyzeSourcesOptions = {},
): Promise<AnalysisResult> {
  const chars = inputs.reduce((n, i) => n + i.source.length, 0);
  const registered = rules.every((r) => ruleById(r.rule.id) === r.rule);
  const wanted = options.jobs ?? defaultPoolSize();
  const size = !registered || chars < (options.minCharsForWorkers ?? MIN_CHARS_FOR_WORKERS) ? 0 : Math.min(wanted, inputs.length);
  const pool = options.pool && registered ? options.pool : new EnginePool({ size, ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}) });
  try {
    const jobs = inputs.map((input) => ({ path: input.path, source: input.source, ...(input.conventions ? { conventions: input.conventions } : {}) }));
    let done = 0;
    const results = await pool.review(jobs, rules, options.budget, (i) => options.onFile?.(++done, inputs.length, inputs[i]!.path));
    const result = emptyResult(notes);
    results.forEach((r, i) => addFile(result, r.head, inputs[i]!.lines));
    return result;
  } finally {
    if (pool !== options.pool) await pool.close();
  }
}

export function emptyResult(notes: readonly Note[] = []): AnalysisResult {
  return { files: [], findings: [], notes: [...notes], conformingNames: [], suppressed: [], measurements: [], outsideLines: 0 };
}

/** Adds one result to a running total: callers that analyse file by file (to free each tree) build one result. */
export function mergeInto(total: AnalysisResult, one: AnalysisResult): void {
  append(total.files, one.files);
  append(total.findings, one.findings);
  append(total.notes, one.notes);
  append(total.conformingNames, one.conformingNames);
  append(total.suppressed, one.suppressed);
  append(total.measurements, one.measurements);
  total.outsideLines += one.outsideLines;
}

/** A loop, not push(...items): a generated file can hold more findings than a call has room for arguments. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

function touches(f: Finding, lines: ReadonlySet<number>): boolean {
  for (let l = f.line; l <= f.endLine; l++) if (lines.has(l)) return true;
  return false;
}

/** A file the engine itself cannot handle becomes a note naming it; the other files are still reviewed. */
export function analyzeSafely(path: string, source: string, rules: readonly EnabledRule[], conventions?: FileConventions): FileResult {
  try {
    return analyzeFile(path, source, rules, conventions);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      path,
      lines: 0,
      findings: [],
      conformingNames: [],
      suppressed: [],
      measurements: [],
      notes: [{ path, kind: 'analyzer-failed', message: `${path} could not be analysed: ${reason}` }],
    };
  }
}
