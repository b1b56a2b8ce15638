import type { Finding } from '../engine/finding.js';

/** A GitHub suggested change: replaces lines startLine..endLine (1-based, inclusive) with `lines` ([] deletes them). */
export interface InlineSuggestion {
  startLine: number;
  endLine: number;
  lines: string[];
}

export interface InlineOptions {
  /** The text of a 1-based line of the file, without its newline; needed for edits inside a line. */
  lineText?: (line: number) => string | undefined;
}

/**
 * The fix as a GitHub suggestion, when it is one edit that can be written as "replace these whole
 * lines with this text", and those lines are the finding's lines (a suggestion replaces exactly the
 * lines the comment is on). Otherwise undefined: the comment still describes the fix in words.
 */
export function inlineSuggestion(finding: Finding, options: InlineOptions = {}): InlineSuggestion | undefined {
  const edits = finding.fix?.edits;
  if (!edits || edits.length !== 1) return undefined;
  const edit = edits[0]!;
  // An edit that ends at column 1 ends with the previous line's newline: it covers whole lines.
  const endsAtLineStart = edit.endColumn === 1 && edit.endLine > edit.line;
  const lastLine = endsAtLineStart ? edit.endLine - 1 : edit.endLine;
  if (edit.line !== finding.line || lastLine !== finding.endLine) return undefined;
  let prefix = '';
  let suffix = '';
  if (edit.column !== 1 || !endsAtLineStart) {
    const first = options.lineText?.(edit.line);
    const last = edit.endLine === edit.line ? first : options.lineText?.(edit.endLine);
    if (first === undefined || last === undefined) return undefined;
    prefix = first.slice(0, edit.column - 1);
    suffix = endsAtLineStart ? '' : last.slice(edit.endColumn - 1);
  }
  const text = prefix + edit.newText + suffix;
  // Whole lines replaced: the replacement carries its own final newline, and nothing at all deletes them.
  const lines = !endsAtLineStart ? text.split('\n') : text === '' ? [] : text.replace(/\n$/, '').split('\n');
  return { startLine: edit.line, endLine: lastLine, lines };
}
