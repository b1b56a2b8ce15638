import type { Finding, NameExample, Note } from './finding.js';
import type { FileConventions } from './conventions.js';
import { analyzeFile, type EnabledRule, type FileResult, type Measurement, type SuppressedFinding } from './run.js';

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
  for (const input of inputs) {
    const file = analyzeSafely(input.path, input.source, rules, input.conventions);
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
      if (input.lines && !touches(f, input.lines)) result.outsideLines++;
      else result.findings.push(f);
    }
  }
  return result;
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
