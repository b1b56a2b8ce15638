import parseDiff from 'parse-diff';
import type { Finding } from '../engine/finding.js';

/**
 * What may be commented inline, decided here only. GitHub accepts a review comment on the RIGHT
 * side only on a line its patch shows (added or context), and a range only inside one hunk.
 */

export type FilterMode = 'added' | 'diff_context' | 'file';

export interface Hunk {
  /** First and last RIGHT-side line the hunk shows. */
  start: number;
  end: number;
}

export interface FileDiff {
  added: ReadonlySet<number>;
  context: ReadonlySet<number>;
  hunks: readonly Hunk[];
  /** GitHub left the patch out (file too large or binary): nothing can go inline. */
  patchMissing: boolean;
}

export interface InlineAnchor {
  line: number;
  /** First line of a multi-line comment, only when it differs from `line` and is in the same hunk. */
  startLine?: number;
}

/** Parses a GitHub `patch` (hunks only, no file header) into the RIGHT-side lines it shows. */
export function commentableLines(patch: string | null | undefined): FileDiff {
  if (!patch) return { added: new Set(), context: new Set(), hunks: [], patchMissing: true };
  return fileDiffOf(parseDiff(patch).flatMap((file) => file.chunks));
}

/** The RIGHT-side lines of each file of a `git diff` (with file headers), by new path. */
export function fileDiffs(diff: string): Map<string, FileDiff> {
  const out = new Map<string, FileDiff>();
  for (const file of parseDiff(diff)) if (file.to && file.to !== '/dev/null') out.set(file.to, fileDiffOf(file.chunks));
  return out;
}

/** A file the change adds whole (or a file reviewed whole): every line is an added line. */
export function wholeFileDiff(source: string): FileDiff {
  const lines = source === '' ? 0 : source.split('\n').length - (source.endsWith('\n') ? 1 : 0);
  const added = new Set<number>();
  for (let l = 1; l <= lines; l++) added.add(l);
  return { added, context: new Set(), hunks: lines ? [{ start: 1, end: lines }] : [], patchMissing: false };
}

function fileDiffOf(chunks: readonly parseDiff.Chunk[]): FileDiff {
  const added = new Set<number>();
  const context = new Set<number>();
  const hunks: Hunk[] = [];
  for (const chunk of chunks) {
    let last = chunk.newStart - 1;
    for (const change of chunk.changes) {
      // "\ No newline at end of file" is a marker, not a line (parse-diff reports it as one).
      if (change.content.startsWith('\\')) continue;
      if (change.type === 'add') {
        added.add(change.ln);
        last = change.ln;
      } else if (change.type === 'normal') {
        context.add(change.ln2);
        last = change.ln2;
      }
    }
    if (last >= chunk.newStart) hunks.push({ start: chunk.newStart, end: last });
  }
  return { added, context, hunks, patchMissing: false };
}

function isShown(diff: FileDiff, line: number): boolean {
  return diff.added.has(line) || diff.context.has(line);
}

function hunkOf(diff: FileDiff, line: number): Hunk | undefined {
  return diff.hunks.find((h) => line >= h.start && line <= h.end);
}

/**
 * Where a finding may be commented, or undefined when it must stay in the summary.
 * - added: the finding's first line was added by the PR;
 * - diff_context: its first line is anywhere in the diff (added or context);
 * - file: any line of its range is in the diff (the comment goes on the first such line).
 * A suggestion needs its whole range in one hunk, so a fix's lines are returned as a range.
 */
export function inlineAnchor(finding: Finding, diff: FileDiff, mode: FilterMode, range?: { start: number; end: number }): InlineAnchor | undefined {
  if (diff.patchMissing) return undefined;
  if (range && range.end > range.start) {
    const hunk = hunkOf(diff, range.start);
    const lineOk = mode === 'added' ? diff.added.has(finding.line) : isShown(diff, finding.line);
    if (hunk && range.end <= hunk.end && lineOk) return { startLine: range.start, line: range.end };
  }
  if (finding.measure) {
    // A finding about a whole function (its size) belongs where the change touched the function.
    if (mode === 'added' ? diff.added.has(finding.line) : isShown(diff, finding.line)) return { line: finding.line };
    for (let line = finding.line; line <= finding.endLine; line++) if (diff.added.has(line)) return { line };
    return undefined;
  }
  if (mode === 'added') return diff.added.has(finding.line) ? { line: finding.line } : undefined;
  if (mode === 'diff_context') return isShown(diff, finding.line) ? { line: finding.line } : undefined;
  for (let line = finding.line; line <= finding.endLine; line++) if (isShown(diff, line)) return { line };
  return undefined;
}

/** True when any line of the finding's range was added by the PR. */
export function touchesAddedLine(finding: Finding, diff: FileDiff): boolean {
  for (let line = finding.line; line <= finding.endLine; line++) if (diff.added.has(line)) return true;
  return false;
}

/**
 * The base version of a file, rebuilt from its head version and GitHub's patch: the patch is the
 * diff from the merge base, so this is the code the PR actually started from (the base branch's
 * tip may have moved on), and it costs no API call. Undefined when the patch does not fit the
 * head text (then the caller fetches the base instead).
 */
export function baseFromPatch(head: string, patch: string): string | undefined {
  const headLines = head === '' ? [] : head.split('\n');
  const headEndsWithNewline = head.endsWith('\n');
  if (headEndsWithNewline) headLines.pop();
  const out: string[] = [];
  let next = 0; // index into headLines
  let baseNoNewline = false;
  let last: 'add' | 'del' | 'normal' | undefined;
  for (const file of parseDiff(patch)) {
    for (const chunk of file.chunks) {
      const start = Math.max(chunk.newStart - 1, 0);
      if (start < next) return undefined;
      while (next < start) out.push(headLines[next++]!);
      for (const change of chunk.changes) {
        const text = change.content.slice(1);
        if (change.content.startsWith('\\')) {
          if (last === 'del' || last === 'normal') baseNoNewline = true;
          continue;
        }
        if (change.type === 'add') {
          if (headLines[next] !== text) return undefined;
          next++;
        } else if (change.type === 'normal') {
          if (headLines[next] !== text) return undefined;
          out.push(headLines[next++]!);
        } else {
          out.push(text);
        }
        last = change.type;
      }
    }
  }
  // Lines after the last hunk are the same in both versions, and so is the file's ending.
  const copiedTail = next < headLines.length || last === undefined;
  while (next < headLines.length) out.push(headLines[next++]!);
  if (!out.length) return '';
  const trailing = copiedTail ? headEndsWithNewline : !baseNoNewline;
  return out.join('\n') + (trailing ? '\n' : '');
}
