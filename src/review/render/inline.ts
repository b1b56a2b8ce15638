import type { Finding } from '../../engine/finding.js';
import type { Rule } from '../../engine/rule.js';
import { inlineSuggestion, type InlineOptions, type InlineSuggestion } from '../suggestion.js';
import { count } from './flavour.js';
import { capitalise, fenced, plainText } from './markdown.js';

export { inlineSuggestion, type InlineOptions, type InlineSuggestion } from '../suggestion.js';

const MARKER_PREFIX = '<!-- pr-reviewer:fp=';
/** The marker is the whole last line of the body: text from the code, earlier in it, can never stand in for it. */
const MARKER_LINE = /(?:^|\n)<!-- pr-reviewer:fp=([A-Za-z0-9_-]+(?:,[A-Za-z0-9_-]+)*) -->$/;

/** The hidden marker that lets the app find its own comment for its findings again (always the last line). */
export function fingerprintMarker(...fingerprints: string[]): string {
  return `${MARKER_PREFIX}${fingerprints.join(',')} -->`;
}

/**
 * The fingerprints on the last line of a comment body (one per finding the comment speaks of),
 * or none. Only bodies of comments our own bot wrote may be read with it: the caller checks the
 * author (see src/github/publish.ts).
 */
export function fingerprintsFromBody(body: string): string[] {
  return MARKER_LINE.exec(body.trimEnd())?.[1]!.split(',') ?? [];
}

/** The first fingerprint of a comment body we wrote, or undefined. */
export function fingerprintFromBody(body: string): string | undefined {
  return fingerprintsFromBody(body)[0];
}

/** The fingerprints of a comment only when our own bot (`<app slug>[bot]`) wrote it; any other author's marker is ignored. */
export function fingerprintsOfOurs(comment: { body: string; author: string | undefined }, botLogin: string): string[] {
  return botLogin && comment.author === botLogin ? fingerprintsFromBody(comment.body) : [];
}

/** The body of one inline review comment: what, why, how to fix, a suggestion when safe, the marker. */
export function renderInlineComment(
  finding: Finding,
  rule: Rule | undefined,
  options: InlineOptions & { suggestion?: InlineSuggestion; also?: ReadonlyArray<{ finding: Finding; rule: Rule | undefined }> } = {},
): string {
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
  // Other findings on the same line: one comment per line, each said in a sentence.
  const also = options.also ?? [];
  if (also.length) parts.push(['Also on this line:', ...also.map((a) => `- ${alsoLine(a.finding, a.rule)}`)].join('\n'));
  parts.push(fingerprintMarker(finding.fingerprint, ...also.map((a) => a.finding.fingerprint)));
  return parts.join('\n\n');
}

function alsoLine(finding: Finding, rule: Rule | undefined): string {
  const fix = finding.suggestion !== undefined ? ` ${plainText(finding.suggestion)}` : '';
  return `**${rule?.title ?? finding.rule}** (${finding.code ?? finding.rule}): ${plainText(finding.message)}${fix}`;
}

/** A ```suggestion block; an empty one (no line at all) tells GitHub to delete the lines. */
export function suggestionBlock(lines: readonly string[]): string {
  return lines.length ? fenced(lines.join('\n'), 'suggestion') : '```suggestion\n```';
}
