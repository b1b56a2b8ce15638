import type { SourceFile } from '../../src/engine/parse.js';
import { indentationFacts, indentLevel, type LogicalLine } from './logical-lines.js';

/**
 * pycodestyle's `indentation` check (E111–E117) over the logical lines, as Ruff runs it (tabs
 * count to the next multiple of 4), with one change: the width a file indents by is judged once.
 * A file that consistently indents by 2 (or 8) spaces gets one finding saying so, and the per-line
 * checks then measure against that width, so they name only the lines that break the file's own rule.
 */
export type IndentCode = 'E111' | 'E112' | 'E113' | 'E114' | 'E115' | 'E116' | 'E117';

export interface IndentIssue {
  code: IndentCode;
  line: LogicalLine;
  level: number;
  /** The indentation of the previous code line. */
  previous: number;
}

export interface FileUnit {
  /** Spaces per level that the file uses most. */
  unit: number;
  /** A line that opens a block with that width (the first one off the 4-space grid, if any). */
  line: LogicalLine;
  /** How many blocks open with that width. */
  blocks: number;
}

export interface IndentationReport {
  issues: IndentIssue[];
  /** Set when the file's space width is not 4. */
  unit: FileUnit | undefined;
  indentChar: ' ' | '\t';
}

const cache = new WeakMap<SourceFile, IndentationReport>();

export const PEP8_UNIT = 4;

export function indentationReport(file: SourceFile): IndentationReport {
  let report = cache.get(file);
  if (!report) {
    report = check(indentationFacts(file).logical);
    cache.set(file, report);
  }
  return report;
}

function check(lines: LogicalLine[]): IndentationReport {
  const indentChar = lines.find((l) => !l.commentOnly && l.indent.length > 0)?.indent[0] === '\t' ? '\t' : ' ';
  const unit = fileUnit(lines);
  const width = unit?.unit ?? PEP8_UNIT;
  const issues: IndentIssue[] = [];
  let prev: LogicalLine | undefined;
  let prevLevel: number | undefined;
  for (const line of lines) {
    const level = indentLevel(line.indent);
    const comment = line.commentOnly;
    const previous = prevLevel ?? 0;
    const push = (code: IndentCode): void => void issues.push({ code, line, level, previous });
    // A line is fine at a multiple of 4 (PEP 8) or of the file's own width (told once, below).
    if (level % PEP8_UNIT !== 0 && level % width !== 0) push(comment ? 'E114' : 'E111');
    const expectBlock = prev?.endsWithColon ?? false;
    if (expectBlock && level <= previous) push(comment ? 'E115' : 'E112');
    else if (!expectBlock && prevLevel !== undefined && level > prevLevel) push(comment ? 'E116' : 'E113');
    if (expectBlock) {
      const step = indentChar === '\t' ? 2 * PEP8_UNIT : Math.max(PEP8_UNIT, width);
      if (level > previous + step) push('E117');
    }
    if (!comment) {
      prev = line;
      prevLevel = level;
    }
  }
  return { issues, unit, indentChar };
}

/** The width most blocks open with, when it is not 4 and the file indents with spaces. */
function fileUnit(lines: LogicalLine[]): FileUnit | undefined {
  const counts = new Map<number, { blocks: number; line: LogicalLine }>();
  let prev: LogicalLine | undefined;
  let prevLevel = 0;
  for (const line of lines) {
    if (line.commentOnly) continue;
    const level = indentLevel(line.indent);
    if (prev?.endsWithColon && level > prevLevel && !line.indent.includes('\t') && !prev.indent.includes('\t')) {
      const step = level - prevLevel;
      const entry = counts.get(step);
      if (!entry) counts.set(step, { blocks: 1, line });
      else {
        entry.blocks++;
        // Point at a line that is off the 4-space grid when there is one: the clearest example.
        if (entry.line.line === line.line || (indentLevel(entry.line.indent) % PEP8_UNIT === 0 && level % PEP8_UNIT !== 0)) entry.line = line;
      }
    }
    prev = line;
    prevLevel = level;
  }
  let best: FileUnit | undefined;
  for (const [unit, { blocks, line }] of counts) {
    if (!best || blocks > best.blocks || (blocks === best.blocks && line.line < best.line.line)) best = { unit, line, blocks };
  }
  return best && best.unit !== PEP8_UNIT ? best : undefined;
}
