import type { Finding } from '../../engine/finding.js';
import type { Rule } from '../../engine/rule.js';
import { inlineSuggestion, type InlineOptions, type InlineSuggestion } from '../suggestion.js';
import { count } from './flavour.js';
import { capitalise, fenced, plainText } from './markdown.js';

export { inlineSuggestion, type InlineOptions, type InlineSuggestion } from '../suggestion.js';

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

/** The body of one inline review comment: what, why, how to fix, a suggestion when safe, the marker. */
export function renderInlineComment(finding: Finding, rule: Rule | undefined, options: InlineOptions & { suggestion?: InlineSuggestion } = {}): string {
  const tags = [capitalise(finding.severity), finding.cwe !== undefined ? `CWE-${finding.cwe}` : undefined, finding.code ?? rule?.id ?? finding.rule]
    .filter(Boolean)
    .join(' · ');
  const m = finding.measure;
  const before = `${m?.before !== undefined ? ` It was ${count(m.before)} before this change.` : ''}${m?.ceiling !== undefined ? ` (The repository's own limit is ${count(m.ceiling)}.)` : ''}`;
  const parts = [`**${rule?.title ?? finding.rule}** (${tags}): ${plainText(finding.message)}${before}`];
  const security = finding.category === 'security';
  if (rule) parts.push(`${security ? 'Why it is dangerous' : 'Why it matters'}: ${rule.doc.why}`);
  // A fix said for this finding; a security defect always says how to fix it, a suggestion only when it has something specific.
  const fix = finding.suggestion !== undefined ? plainText(finding.suggestion) : security && rule ? rule.doc.fix : undefined;
  if (fix) parts.push(`Fix: ${fix}`);
  const suggestion = options.suggestion ?? inlineSuggestion(finding, options);
  if (suggestion) parts.push(`${plainText(capitalise(finding.fix!.description))}:\n${suggestionBlock(suggestion.lines)}`);
  parts.push(fingerprintMarker(finding.fingerprint));
  return parts.join('\n\n');
}

/** A ```suggestion block; an empty one (no line at all) tells GitHub to delete the lines. */
export function suggestionBlock(lines: readonly string[]): string {
  return lines.length ? fenced(lines.join('\n'), 'suggestion') : '```suggestion\n```';
}
