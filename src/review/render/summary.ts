import { namingStyle, type NamingStyle } from '../../../analyzers/python/naming-style.js';
import type { AnalysisResult } from '../../engine/analyze.js';
import { CATEGORIES, severityRank, type Category, type Finding, type NameExample, type Note, type Severity } from '../../engine/finding.js';
import type { Rule } from '../../engine/rule.js';
import { CATEGORY_TEXT } from './category-text.js';
import { isSecurityDefect } from './defects.js';
import { examples, location } from './examples.js';
import { capitalise, code, listing, plainText, plural } from './markdown.js';
import { ruleLookup } from './rule-lookup.js';

/** The engine's result; `conformingNames` is optional so that callers may build one by hand. */
export type SummaryInput = Omit<AnalysisResult, 'conformingNames' | 'measurements'> & { conformingNames?: readonly NameExample[] };

export interface SummaryOptions {
  /** Rules to take titles and docs from; the registry by default. */
  rules?: readonly Rule[];
  /** Size cap; lists are shortened with "(+N more)" until the text fits. GitHub's limit is 65536. */
  maxChars?: number;
  /** Findings already present before this change, not repeated (the app's `report: new`). */
  olderFindings?: number;
  /** Findings left out because they are outside the diff; defaults to the result's `outsideLines`. */
  outsideDiff?: number;
}

export const DEFAULT_MAX_CHARS = 60_000;
export const NO_SECURITY_DEFECTS = 'No security defects are detected in the code.';
export const SUGGESTIONS_INTRO = 'However, I do have some suggestions for improvement:';

/** The rule that reports stale `# noqa`/`# nosec` comments: worded apart from the category it lands in. */
const UNUSED_SUPPRESSION = 'unused-suppression';

interface Limits {
  defects: number;
  notes: number;
  examples: number;
}

/** The review in the sample's format: security verdict, numbered suggestions, notes, "Overall,". */
export function renderSummary(result: SummaryInput, options: SummaryOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const ctx = context(result, options);
  const limits: Limits = { defects: ctx.security.length, notes: result.notes.length, examples: 3 };
  let text = render(ctx, limits);
  // Shorten lists, never cut text: long lists first (keeping 20 of each), then examples, then the rest.
  while (text.length > maxChars) {
    if (limits.defects > 20) limits.defects = Math.max(20, Math.floor(limits.defects / 2));
    else if (limits.notes > 20) limits.notes = Math.max(20, Math.floor(limits.notes / 2));
    else if (limits.examples > 1) limits.examples--;
    else if (limits.defects > 1) limits.defects = Math.floor(limits.defects / 2);
    else if (limits.notes > 0) limits.notes = Math.floor(limits.notes / 2);
    else if (limits.defects > 0) limits.defects = 0;
    else break;
    text = render(ctx, limits);
  }
  return text;
}

interface Context {
  result: SummaryInput;
  options: SummaryOptions;
  rule: (id: string) => Rule | undefined;
  security: Finding[];
  byCategory: Map<Category, Finding[]>;
}

function context(result: SummaryInput, options: SummaryOptions): Context {
  const security = result.findings.filter(isSecurityDefect).sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || byPlace(a, b));
  const byCategory = new Map<Category, Finding[]>();
  const isDefect = new Set(security);
  for (const f of result.findings) {
    if (isDefect.has(f)) continue;
    const list = byCategory.get(f.category) ?? [];
    list.push(f);
    byCategory.set(f.category, list);
  }
  return { result, options, rule: ruleLookup(options.rules), security, byCategory };
}

function byPlace(a: Finding, b: Finding): number {
  return a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column;
}

function render(ctx: Context, limits: Limits): string {
  const parts: string[] = [ctx.security.length ? defectsSection(ctx, limits.defects) : NO_SECURITY_DEFECTS];
  parts.push(suggestionsSection(ctx, limits.examples));
  const notes = notesSection(ctx, limits.notes);
  if (notes) parts.push(notes);
  parts.push(overall(ctx));
  return parts.join('\n\n') + '\n';
}

function defectsSection(ctx: Context, limit: number): string {
  const defects = ctx.security;
  const lines = [`Security defects detected: ${defects.length} (${severityBreakdown(defects)}).`, ''];
  const firstOfRule = new Map<string, number>();
  defects.slice(0, limit).forEach((f, i) => {
    const rule = ctx.rule(f.rule);
    const head = [`**${capitalise(f.severity)}**`, f.cwe !== undefined ? cweLink(f.cwe) : undefined, location(f)].filter(Boolean).join(' · ');
    lines.push(`${i + 1}. ${head}: ${f.message}`);
    if (f.snippet) lines.push(`   Offending code: ${code(f.snippet)}`);
    const seen = firstOfRule.get(f.rule);
    if (seen !== undefined) lines.push(`   Why it is dangerous and how to fix it: as for defect ${seen} above.`);
    else if (rule) {
      firstOfRule.set(f.rule, i + 1);
      lines.push(`   Why it is dangerous: ${rule.doc.why}`, `   Fix: ${rule.doc.fix}`);
    }
  });
  if (defects.length > limit) lines.push(`(+${defects.length - limit} more security defects, left out to keep this review within its size limit)`);
  return lines.join('\n');
}

function cweLink(cwe: number): string {
  return `[CWE-${cwe}](https://cwe.mitre.org/data/definitions/${cwe}.html)`;
}

function severityBreakdown(findings: readonly Finding[]): string {
  const counts = new Map<Severity, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => severityRank(b[0]) - severityRank(a[0]))
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
}

function suggestionsSection(ctx: Context, exampleLimit: number): string {
  const items: string[] = [];
  for (const category of CATEGORIES) {
    const findings = ctx.byCategory.get(category);
    if (!findings?.length) continue;
    items.push(`${items.length + 1}. ${item(ctx, category, findings, exampleLimit)}`);
  }
  if (!items.length) {
    return ctx.security.length
      ? 'I have no other suggestions for improvement: the other checks found nothing to report.'
      : 'I have no suggestions for improvement: the checks found nothing to report.';
  }
  return [SUGGESTIONS_INTRO, '', ...items].join('\n');
}

/** One numbered item: its title, what we saw (grouped by rule, with examples), and what to do. */
function item(ctx: Context, category: Category, findings: Finding[], exampleLimit: number): string {
  const lines = [`${CATEGORY_TEXT[category].title}:`];
  if (category === 'naming') {
    const mix = namingMix(findings, ctx.result.conformingNames ?? []);
    if (mix) lines.push(mix);
  }
  const groups = new Map<string, Finding[]>();
  for (const f of [...findings].sort(byPlace)) {
    const group = groups.get(f.rule);
    if (group) group.push(f);
    else groups.set(f.rule, [f]);
  }
  // The largest group first; stale suppressions last, whatever their number.
  const ordered = [...groups.entries()].sort(
    (a, b) => Number(a[0] === UNUSED_SUPPRESSION) - Number(b[0] === UNUSED_SUPPRESSION) || b[1].length - a[1].length || a[0].localeCompare(b[0]),
  );
  for (const [id, group] of ordered) {
    const rule = ctx.rule(id);
    const seen = id === UNUSED_SUPPRESSION ? 'Suppression comments that suppress nothing' : (rule?.title ?? id);
    const fix = rule ? ` ${rule.doc.fix}` : '';
    lines.push(`${seen} — ${plural(group.length, 'place')}: ${examples(group, exampleLimit)}.${fix}`);
  }
  return lines.join('\n');
}

/**
 * "The code mixes camelCase (`fetchPage` at a.py:14) and snake_case (`fetch_all` at a.py:19)":
 * said only when a non-conforming name and a conforming name of another style are both real.
 */
function namingMix(findings: readonly Finding[], conforming: readonly NameExample[]): string | undefined {
  const flagged = findings.filter((f) => f.rule !== UNUSED_SUPPRESSION && f.subject !== undefined);
  for (const f of flagged) {
    const style = namingStyle(f.subject!);
    if (style === 'other') continue;
    const candidates = conforming.filter((c) => isMixedWith(style, namingStyle(c.name)));
    const other = candidates.find((c) => c.path === f.path) ?? candidates[0];
    if (!other) continue;
    return `The code mixes ${style} (e.g., ${code(f.subject!)} at ${location(f)}) and ${namingStyle(other.name)} (e.g., ${code(other.name)} at ${location(other)}).`;
  }
  return undefined;
}

/** CapWords classes beside snake_case functions is PEP 8, not a mix; camelCase beside snake_case is. */
function isMixedWith(flagged: NamingStyle, conforming: NamingStyle): boolean {
  if (conforming === 'other' || conforming === flagged) return false;
  if (flagged === 'camelCase') return conforming === 'snake_case';
  if (flagged === 'snake_case') return conforming === 'camelCase' || conforming === 'CapWords';
  if (flagged === 'CapWords') return conforming === 'snake_case';
  return false;
}

function notesSection(ctx: Context, limit: number): string | undefined {
  const { result, options } = ctx;
  const lines: string[] = [];
  const notes: Note[] = result.notes;
  for (const note of notes.slice(0, limit)) lines.push(`- ${plainText(note.message)}`);
  if (notes.length > limit)
    lines.push(limit ? `- (+${notes.length - limit} more notes)` : `- ${plural(notes.length, 'note')} left out to keep this review within its size limit.`);
  if (result.suppressed.length) {
    const noqa = result.suppressed.filter((s) => s.by === 'noqa').length;
    const nosec = result.suppressed.length - noqa;
    const split = noqa && nosec ? ` (${noqa} by noqa, ${nosec} by nosec)` : '';
    lines.push(`- ${plural(result.suppressed.length, 'finding')} suppressed by noqa/nosec${split}.`);
  }
  if (options.olderFindings) {
    lines.push(
      `- ${plural(options.olderFindings, 'finding was', 'findings were')} already present before this change and ${options.olderFindings === 1 ? 'is' : 'are'} not repeated here.`,
    );
  }
  const outside = options.outsideDiff ?? result.outsideLines;
  if (outside) lines.push(`- ${plural(outside, 'finding is', 'findings are')} on lines outside the diff and ${outside === 1 ? 'is' : 'are'} not included.`);
  return lines.length ? ['Notes:', ...lines].join('\n') : undefined;
}

/** The closing paragraph, from the counts only. */
function overall(ctx: Context): string {
  const files = ctx.result.files.length;
  if (files === 0) return 'Overall, no Python file was reviewed; see the notes above.';
  const reviewed = `the ${plural(files, 'file')} reviewed`;
  const suggestions = [...ctx.byCategory.values()].reduce((n, list) => n + list.length, 0);
  const mostly = spread(ctx.byCategory, suggestions);
  if (ctx.security.length) {
    const defects = `${plural(ctx.security.length, 'security defect')} (${severityBreakdown(ctx.security)})`;
    const rest = suggestions
      ? ` There ${suggestions === 1 ? 'is' : 'are'} also ${plural(suggestions, 'suggestion')} for readability and maintainability${mostly}.`
      : '';
    return `Overall, I found ${defects} in ${reviewed} that should be fixed before merging.${rest}`;
  }
  if (!suggestions) return `Overall, I found no security defects and nothing to suggest in ${reviewed}.`;
  return `Overall, I didn't find any security defects in ${reviewed}. Addressing the ${plural(suggestions, 'suggestion')} above${mostly}, can make the code more readable and maintainable.`;
}

/** ", all about docstrings (4)", ", mostly about naming (9) and docstrings (4)", or the number of areas. */
function spread(byCategory: Map<Category, Finding[]>, total: number): string {
  const ranked = [...byCategory.entries()]
    .sort((a, b) => b[1].length - a[1].length || CATEGORIES.indexOf(a[0]) - CATEGORIES.indexOf(b[0]))
    .map(([c, list]) => ({ text: `${CATEGORY_TEXT[c].noun} (${list.length})`, n: list.length }));
  if (ranked.length <= 2) return `, all about ${listing(ranked.map((r) => r.text))}`;
  const top = ranked.slice(0, 2);
  if (top[0]!.n + top[1]!.n > (total * 2) / 3) return `, mostly about ${listing(top.map((r) => r.text))}`;
  return `, across ${ranked.length} areas`;
}
