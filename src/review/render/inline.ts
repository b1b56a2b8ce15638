import type { Finding } from '../../engine/finding.js';
import type { Rule } from '../../engine/rule.js';
import { capitalise, fenced, plainText } from './markdown.js';

const MARKER_PREFIX = '<!-- pr-reviewer:fp=';
/** The marker is the whole last line of the body: text from the code, earlier in it, can never stand in for it. */
const MARKER_LINE = /(?:^|\n)<!-- pr-reviewer:fp=([A-Za-z0-9_-]+) -->$/;

/** The hidden marker that lets the app find its own comment for a finding again (always the last line). */
export function fingerprintMarker(fingerprint: string): string {
  return `${MARKER_PREFIX}${fingerprint} -->`;
}

/**
 * The fingerprint on the last line of a comment body, or undefined. Only bodies of comments our
 * own bot wrote may be read with it: the caller checks the author (see src/github/publish.ts).
 */
export function fingerprintFromBody(body: string): string | undefined {
  return MARKER_LINE.exec(body.trimEnd())?.[1];
}

/** The fingerprint of a comment only when our own bot (`<app slug>[bot]`) wrote it; any other author's marker is ignored. */
export function fingerprintOfOurs(comment: { body: string; author: string | undefined }, botLogin: string): string | undefined {
  return botLogin && comment.author === botLogin ? fingerprintFromBody(comment.body) : undefined;
}

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

/** The body of one inline review comment: what, why, how to fix, a suggestion when safe, the marker. */
export function renderInlineComment(finding: Finding, rule: Rule | undefined, options: InlineOptions = {}): string {
  const tags = [capitalise(finding.severity), finding.cwe !== undefined ? `CWE-${finding.cwe}` : undefined, finding.code ?? rule?.id ?? finding.rule]
    .filter(Boolean)
    .join(' · ');
  const parts = [`**${rule?.title ?? finding.rule}** (${tags}): ${plainText(finding.message)}`];
  if (rule) parts.push(`${finding.category === 'security' ? 'Why it is dangerous' : 'Why it matters'}: ${rule.doc.why}`, `Fix: ${rule.doc.fix}`);
  const suggestion = inlineSuggestion(finding, options);
  if (suggestion) parts.push(`${plainText(capitalise(finding.fix!.description))}:\n${suggestionBlock(suggestion.lines)}`);
  parts.push(fingerprintMarker(finding.fingerprint));
  return parts.join('\n\n');
}

/** A ```suggestion block; an empty one (no line at all) tells GitHub to delete the lines. */
export function suggestionBlock(lines: readonly string[]): string {
  return lines.length ? fenced(lines.join('\n'), 'suggestion') : '```suggestion\n```';
}
