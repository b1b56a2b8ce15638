import type { Finding } from '../../engine/finding.js';
import type { Rule } from '../../engine/rule.js';
import { inlineSuggestion, type InlineOptions, type InlineSuggestion } from '../suggestion.js';
import { capitalise, fenced } from './markdown.js';
import { count } from './flavour.js';

export { inlineSuggestion, type InlineOptions, type InlineSuggestion } from '../suggestion.js';

const MARKER_PREFIX = '<!-- pr-reviewer:fp=';
const MARKER_PATTERN = /<!-- pr-reviewer:fp=([A-Za-z0-9_-]+) -->/;

/** The hidden marker that lets the app find its own comment for a finding again. */
export function fingerprintMarker(fingerprint: string): string {
  return `${MARKER_PREFIX}${fingerprint} -->`;
}

/** The fingerprint in a comment body we wrote, or undefined for anyone else's comment. */
export function fingerprintFromBody(body: string): string | undefined {
  return MARKER_PATTERN.exec(body)?.[1];
}

/** The body of one inline review comment: what, why, how to fix, a suggestion when safe, the marker. */
export function renderInlineComment(finding: Finding, rule: Rule | undefined, options: InlineOptions & { suggestion?: InlineSuggestion } = {}): string {
  const tags = [capitalise(finding.severity), finding.cwe !== undefined ? `CWE-${finding.cwe}` : undefined, finding.code ?? rule?.id ?? finding.rule]
    .filter(Boolean)
    .join(' · ');
  const before = finding.measure?.before !== undefined ? ` It was ${count(finding.measure.before)} before this change.` : '';
  const parts = [`**${rule?.title ?? finding.rule}** (${tags}): ${finding.message}${before}`];
  const security = finding.category === 'security';
  if (rule) parts.push(`${security ? 'Why it is dangerous' : 'Why it matters'}: ${rule.doc.why}`);
  // A fix said for this finding; a security defect always says how to fix it, a suggestion only when it has something specific.
  const fix = finding.suggestion ?? (security && rule ? rule.doc.fix : undefined);
  if (fix) parts.push(`Fix: ${fix}`);
  const suggestion = options.suggestion ?? inlineSuggestion(finding, options);
  if (suggestion) parts.push(`${capitalise(finding.fix!.description)}:\n${suggestionBlock(suggestion.lines)}`);
  parts.push(fingerprintMarker(finding.fingerprint));
  return parts.join('\n\n');
}

/** A ```suggestion block; an empty one (no line at all) tells GitHub to delete the lines. */
export function suggestionBlock(lines: readonly string[]): string {
  return lines.length ? fenced(lines.join('\n'), 'suggestion') : '```suggestion\n```';
}
