import { namingStyle, type NamingStyle } from '../../../analyzers/python/naming-style.js';
import { CATEGORIES, severityRank, type Category, type Finding, type NameExample, type Note, type Severity } from '../../engine/finding.js';
import type { Rule } from '../../engine/rule.js';
import type { SuppressedFinding } from '../../engine/run.js';
import { byPlace, isSecurityFinding, type ReasonedSuppression, type ReviewPlan } from '../plan.js';
import { categoryHeading, CATEGORY_TEXT } from './category-text.js';
import { count, MARKDOWN, plural, TERMINAL, type Flavour } from './flavour.js';
import { measureText } from './measure.js';
import { capitalise, listing, shorten, uncapitalise } from './markdown.js';
import { ruleLookup } from './rule-lookup.js';

/** What was reviewed, for the review's words. */
export type ReviewScope =
  /** A change: a pull request (no range) or the CLI's `--diff RANGE`. */
  | { kind: 'change'; range?: string }
  /** Whole files; `empty` lists PATHs that held no Python file. */
  | { kind: 'files'; empty?: readonly string[] };

export interface SummaryOptions {
  scope?: ReviewScope;
  /** GitHub markdown (default) or plain text for a terminal. */
  markdown?: boolean;
  /** Size cap; lists are shortened with "and N more" until the text fits. GitHub's limit is 65536. */
  maxChars?: number;
  /** Rules to take titles and docs from; the registry by default. */
  rules?: readonly Rule[];
}

export const DEFAULT_MAX_CHARS = 60_000;
export const NO_SECURITY_DEFECTS = 'No security defects are detected in the code.';
export const SUGGESTIONS_INTRO = 'However, I do have some suggestions for improvement:';
/** The intro in the singular, when there is one suggestion: "some suggestions" followed by one is not true. */
const SUGGESTION_INTRO = 'However, I do have one suggestion for improvement:';

/** The rule that reports stale `# noqa`/`# nosec` comments: worded apart from the category it lands in. */
const UNUSED_SUPPRESSION = 'unused-suppression';

interface Limits {
  defects: number;
  notes: number;
  examples: number;
}

interface Context {
  plan: ReviewPlan;
  scope: ReviewScope;
  f: Flavour;
  rule: (id: string) => Rule | undefined;
  /** Non-security findings by category, in the sample's order. */
  byCategory: Map<Category, Finding[]>;
  suggestions: number;
}

/** The review in the sample's format: the security verdict, numbered suggestions, notes, "Overall,". */
export function renderSummary(plan: ReviewPlan, options: SummaryOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const ctx = context(plan, options);
  const limits: Limits = {
    defects: Math.max(plan.verdict.defects.length, plan.verdict.suppressedInChange.length, plan.verdict.unreviewed.length),
    notes: plan.notes.length,
    examples: 3,
  };
  let text = render(ctx, limits);
  // Shorten lists, never cut text: long lists first (keeping 20 of each), then examples, then the rest.
  while (text.length > maxChars) {
    if (limits.defects > 20) limits.defects = Math.max(20, Math.floor(limits.defects / 2));
    else if (limits.notes > 20) limits.notes = Math.max(20, Math.floor(limits.notes / 2));
    else if (limits.examples > 1) limits.examples--;
    else if (limits.defects > 1) limits.defects = Math.floor(limits.defects / 2);
    else if (limits.notes > 0) limits.notes = Math.floor(limits.notes / 2);
    else break;
    text = render(ctx, limits);
  }
  return text;
}

function context(plan: ReviewPlan, options: SummaryOptions): Context {
  const byCategory = new Map<Category, Finding[]>();
  for (const f of plan.reported) {
    if (isSecurityFinding(f)) continue;
    const list = byCategory.get(f.category) ?? [];
    list.push(f);
    byCategory.set(f.category, list);
  }
  const suggestions = [...byCategory.values()].reduce((n, list) => n + list.length, 0);
  return {
    plan,
    scope: options.scope ?? { kind: plan.mode === 'change' ? 'change' : 'files' },
    f: options.markdown === false ? TERMINAL : MARKDOWN,
    rule: ruleLookup(options.rules),
    byCategory,
    suggestions,
  };
}

function render(ctx: Context, limits: Limits): string {
  const parts = [verdictSection(ctx, limits.defects)];
  const suggestions = suggestionsSection(ctx, limits.examples);
  if (suggestions) parts.push(suggestions);
  const notes = notesSection(ctx, limits.notes);
  if (notes) parts.push(notes);
  parts.push(overall(ctx));
  return parts.join('\n\n') + '\n';
}

// ── The verdict ─────────────────────────────────────────────────────────────────────────────────

function verdictSection(ctx: Context, limit: number): string {
  const { verdict, files } = ctx.plan;
  if (files.length === 0) return nothingReviewed(ctx, limit);
  const parts: string[] = [];
  if (verdict.defects.length) parts.push(defectsList(ctx, limit));
  if (verdict.suppressedInChange.length) parts.push(silencedList(ctx, limit));
  if (verdict.unreviewed.length) parts.push(unreviewedList(ctx, limit));
  if (!parts.length) return NO_SECURITY_DEFECTS;
  return parts.join('\n\n');
}

/** The first line says why nothing was reviewed: a typo in a path must not read as a clean pass. */
function nothingReviewed(ctx: Context, limit: number): string {
  const { scope, f } = ctx;
  const { unreviewed } = ctx.plan.verdict;
  if (unreviewed.length) {
    const which =
      unreviewed.length === 1 ? 'the only Python file could not be reviewed' : `none of the ${count(unreviewed.length)} Python files could be reviewed`;
    const head = `Nothing was reviewed: ${which}, so there is no security verdict.`;
    return [head, '', ...noteLines(ctx, unreviewed, limit)].join('\n');
  }
  const excluded = ctx.plan.notes.filter((n) => n.kind === 'excluded');
  if (excluded.length)
    return [
      `Nothing was reviewed: the repository's own linters exclude every Python file ${scope.kind === 'change' ? 'this change touches' : 'given'}.`,
      '',
      ...noteLines(ctx, excluded, limit),
    ].join('\n');
  if (scope.kind === 'change')
    return `Nothing was reviewed: ${scope.range ? `no Python file changed in ${f.code(scope.range)}` : 'this change has no Python file to review'}.`;
  const empty = scope.empty ?? [];
  if (empty.length) return `Nothing was reviewed: ${listing(empty.map((p) => f.code(p)))} ${empty.length === 1 ? 'holds' : 'hold'} no Python file.`;
  return 'Nothing was reviewed: no Python file was found.';
}

function defectsList(ctx: Context, limit: number): string {
  const defects = ctx.plan.verdict.defects;
  const lines = [`Security defects detected: ${count(defects.length)} (${severityBreakdown(defects)}).`, ''];
  lines.push(...numberedDefects(ctx, defects, limit));
  if (defects.length > limit) lines.push(`(and ${plural(defects.length - limit, 'more security defect')}, left out to keep this review within its size limit)`);
  return lines.join('\n');
}

function silencedList(ctx: Context, limit: number): string {
  const { f, plan } = ctx;
  const silenced = plan.verdict.suppressedInChange;
  const findings = silenced.map((s) => s.finding);
  const counted = plan.verdict.failing.some((x) => findings.includes(x));
  const consequence = counted
    ? ` ${silenced.length === 1 ? 'It still counts' : 'They still count'}: only the repository's config can let authors silence security findings (${f.code('allow_author_suppressions: true')}).`
    : '';
  const lines = [
    `Security findings silenced by suppression comments that this change adds: ${count(silenced.length)} (${severityBreakdown(findings)}).${consequence}`,
    '',
  ];
  lines.push(...numberedDefects(ctx, findings, limit, silenced));
  if (silenced.length > limit) lines.push(`(and ${count(silenced.length - limit)} more)`);
  return lines.join('\n');
}

function unreviewedList(ctx: Context, limit: number): string {
  const { unreviewed } = ctx.plan.verdict;
  const reviewed = ctx.plan.files.length;
  const clean = !ctx.plan.verdict.defects.length && !ctx.plan.verdict.suppressedInChange.length;
  const head = `Not fully reviewed: ${plural(unreviewed.length, 'Python file')} could not be reviewed, so no security verdict covers ${unreviewed.length === 1 ? 'it' : 'them'}.`;
  const rest = clean ? ` The ${plural(reviewed, 'file')} reviewed ${reviewed === 1 ? 'has' : 'have'} no security defects.` : '';
  return [`${head}${rest}`, '', ...noteLines(ctx, unreviewed, limit)].join('\n');
}

function numberedDefects(ctx: Context, findings: readonly Finding[], limit: number, silenced?: readonly SuppressedFinding[]): string[] {
  const { f } = ctx;
  const lines: string[] = [];
  const firstOfRule = new Map<string, number>();
  findings.slice(0, limit).forEach((d, i) => {
    const rule = ctx.rule(d.rule);
    const head = [
      f.bold(capitalise(d.severity)),
      d.cwe !== undefined ? f.link(`CWE-${d.cwe}`, `https://cwe.mitre.org/data/definitions/${d.cwe}.html`) : undefined,
      place(f, d),
    ]
      .filter(Boolean)
      .join(' · ');
    lines.push(`${i + 1}. ${head}: ${f.text(d.message)}`);
    if (d.snippet) lines.push(`   Offending code: ${f.code(d.snippet)}`);
    const by = silenced?.[i];
    if (by)
      lines.push(`   Silenced by: ${f.code(`# ${by.by}`)} ${by.commentLine === 0 ? 'for the whole file' : `on line ${by.commentLine}`}, added by this change.`);
    const seen = firstOfRule.get(d.rule);
    if (seen !== undefined && d.suggestion === undefined) lines.push(`   Why it is dangerous and how to fix it: as for ${seen} above.`);
    else if (rule) {
      if (seen === undefined) firstOfRule.set(d.rule, i + 1);
      // A computed suggestion quotes the code (an argument's text): prose from the code, never trusted markup.
      const fix = d.suggestion !== undefined ? f.text(d.suggestion) : rule.doc.fix;
      lines.push(seen !== undefined ? `   Why it is dangerous: as for ${seen} above.` : `   Why it is dangerous: ${rule.doc.why}`, `   Fix: ${fix}`);
    }
  });
  return lines;
}

function severityBreakdown(findings: readonly Finding[]): string {
  const counts = new Map<Severity, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => severityRank(b[0]) - severityRank(a[0]))
    .map(([s, n]) => (counts.size === 1 ? s : `${count(n)} ${s}`))
    .join(', ');
}

// ── Suggestions ─────────────────────────────────────────────────────────────────────────────────

function suggestionsSection(ctx: Context, exampleLimit: number): string | undefined {
  const items: string[] = [];
  for (const category of CATEGORIES) {
    const findings = ctx.byCategory.get(category);
    if (findings?.length) items.push(`${items.length + 1}. ${item(ctx, category, findings, exampleLimit)}`);
  }
  if (!items.length) return undefined;
  const { verdict } = ctx.plan;
  const one = ctx.suggestions === 1;
  const intro =
    verdict.defects.length || verdict.suppressedInChange.length
      ? `Besides the security ${verdict.defects.length + verdict.suppressedInChange.length === 1 ? 'finding' : 'findings'}, I have ${one ? 'one suggestion' : 'some suggestions'} for improvement:`
      : one
        ? SUGGESTION_INTRO
        : SUGGESTIONS_INTRO;
  return [intro, '', ...items].join('\n');
}

/** One numbered item: a heading that fits its findings, what we saw (grouped by rule, with examples), what to do. */
function item(ctx: Context, category: Category, findings: Finding[], exampleLimit: number): string {
  const { f } = ctx;
  const groups = new Map<string, Finding[]>();
  for (const x of [...findings].sort(byImportance)) {
    const group = groups.get(x.rule);
    if (group) group.push(x);
    else groups.set(x.rule, [x]);
  }
  const lines = [`${categoryHeading(category, [...groups.keys()])}:`];
  if (category === 'naming') {
    const mix = namingMix(f, findings, ctx.plan.conformingNames);
    if (mix) lines.push(mix);
  }
  // The most severe, then the largest group first; stale suppressions last, whatever their number.
  const ordered = [...groups.entries()].sort(
    (a, b) =>
      Number(a[0] === UNUSED_SUPPRESSION) - Number(b[0] === UNUSED_SUPPRESSION) ||
      severityRank(b[1][0]!.severity) - severityRank(a[1][0]!.severity) ||
      b[1].length - a[1].length ||
      (a[0] < b[0] ? -1 : 1),
  );
  for (const [id, group] of ordered) {
    const rule = ctx.rule(id);
    const title = id === UNUSED_SUPPRESSION ? 'Suppression comments that suppress nothing' : (rule?.title ?? id);
    const advice = sharedSuggestion(group);
    const places = group.length > 1 ? ` (${plural(group.length, 'place')})` : '';
    lines.push(`${title}${places}: ${examples(f, group, exampleLimit)}.${advice ? ` ${f.text(advice)}` : ''}`);
  }
  return lines.join('\n');
}

/** Most severe first, then those with a measure (the numbers say most), then by place. */
function byImportance(a: Finding, b: Finding): number {
  return severityRank(b.severity) - severityRank(a.severity) || Number(!!b.measure) - Number(!!a.measure) || byPlace(a, b);
}

/** A finding-specific fix said once for the group, when every finding of it calls for the same one. */
function sharedSuggestion(group: readonly Finding[]): string | undefined {
  const first = group[0]?.suggestion;
  return first !== undefined && group.every((x) => x.suggestion === first) ? first : undefined;
}

/** "`os` at `a.py:1`, `sys` at `a.py:2` and 3 more": different names first, each with its numbers. */
function examples(f: Flavour, findings: readonly Finding[], limit: number): string {
  const picked: Finding[] = [];
  const names = new Set<string>();
  for (const x of findings) {
    if (picked.length >= limit) break;
    if (names.has(exampleName(x))) continue;
    names.add(exampleName(x));
    picked.push(x);
  }
  for (const x of findings) {
    if (picked.length >= limit) break;
    if (!picked.includes(x)) picked.push(x);
  }
  const order = new Map(findings.map((x, i) => [x, i]));
  picked.sort((a, b) => order.get(a)! - order.get(b)!);
  const shown = picked.map((x) => `${f.code(exampleName(x))} at ${place(f, x)}${x.measure ? ` (${measureText(x.measure)})` : ''}`);
  const left = findings.length - picked.length;
  return left > 0 ? `${shown.join(', ')} and ${count(left)} more` : listing(shown);
}

function exampleName(x: Finding): string {
  return shorten(x.subject ?? x.snippet, 60);
}

function place(f: Flavour, x: Pick<Finding, 'path' | 'line'>): string {
  return f.code(`${x.path}:${x.line}`);
}

/**
 * "The code mixes camelCase (`fetchPage` at a.py:14) and snake_case (`fetch_all` at a.py:19)":
 * said only when a non-conforming name and a conforming name of another style are both real.
 */
function namingMix(f: Flavour, findings: readonly Finding[], conforming: readonly NameExample[]): string | undefined {
  for (const x of findings) {
    if (x.rule === UNUSED_SUPPRESSION || x.subject === undefined) continue;
    const style = namingStyle(x.subject);
    if (style === 'other') continue;
    const candidates = conforming.filter((c) => isMixedWith(style, namingStyle(c.name)));
    const other = candidates.find((c) => c.path === x.path) ?? candidates[0];
    if (!other) continue;
    return `The code mixes ${style} (e.g., ${f.code(x.subject)} at ${place(f, x)}) and ${namingStyle(other.name)} (e.g., ${f.code(other.name)} at ${place(f, other)}).`;
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

// ── Notes ───────────────────────────────────────────────────────────────────────────────────────

function notesSection(ctx: Context, limit: number): string | undefined {
  const { plan, f, scope } = ctx;
  const unreviewed = new Set(plan.verdict.unreviewed);
  const lines = noteLines(
    ctx,
    plan.notes.filter((n) => !unreviewed.has(n)),
    limit,
  );
  if (scope.kind === 'files' && plan.files.length) for (const p of scope.empty ?? []) lines.push(`- ${f.code(p)} holds no Python file.`);
  // Advisories (an intended `usedforsecurity=False` MD5, `if not verify:`) ask for nothing: no line here; JSON and SARIF keep them.
  const reasoned = plan.verdict.suppressedWithReason;
  if (reasoned.length) lines.push(`- ${reasonedLine(f, reasoned)}`);
  const { noqa, nosec } = plan.suppressed;
  if (noqa + nosec) {
    const by = noqa && nosec ? `${f.code('# noqa')} (${count(noqa)}) and ${f.code('# nosec')} (${count(nosec)})` : f.code(noqa ? '# noqa' : '# nosec');
    lines.push(`- ${plural(noqa + nosec, 'finding is', 'findings are')} silenced by ${by} comments.`);
  }
  const older = plan.preexisting.length;
  if (older)
    lines.push(
      `- ${plural(older, 'finding was', 'findings were')} already in the code before this change and ${older === 1 ? 'is' : 'are'} not repeated here.`,
    );
  return lines.length ? ['Notes:', ...lines].join('\n') : undefined;
}

/**
 * "1 security finding silenced with a reason by a suppression this change adds, in a code the
 * repository's own linter runs: `eval` at `a.py:3` (`S307`: arbitrary code by design)". The author's
 * reason is text from the code, escaped as such.
 */
function reasonedLine(f: Flavour, reasoned: readonly ReasonedSuppression[]): string {
  const n = reasoned.length;
  const shown = reasoned
    .slice(0, 5)
    .map((r) => `${f.code(exampleName(r.suppressed.finding))} at ${place(f, r.suppressed.finding)} (${f.code(r.code)}: ${f.text(shorten(r.reason, 120))})`);
  const sources = [...new Set(reasoned.map((r) => f.code(r.selectedBy)))];
  const more = n > shown.length ? ` and ${count(n - shown.length)} more` : '';
  return `${plural(n, 'security finding')} silenced with a reason by ${n === 1 ? 'a suppression' : 'suppressions'} this change adds, in ${n === 1 ? 'a code' : 'codes'} the repository's own linter runs (${listing(sources)}): ${shown.join(', ')}${more}.`;
}

function noteLines(ctx: Context, notes: readonly Note[], limit: number): string[] {
  const lines = notes.slice(0, limit).map((n) => `- ${ctx.f.text(n.message)}`);
  if (notes.length > limit)
    lines.push(
      limit ? `- (and ${plural(notes.length - limit, 'more note')})` : `- ${plural(notes.length, 'note')} left out to keep this review within its size limit.`,
    );
  return lines;
}

// ── Overall ─────────────────────────────────────────────────────────────────────────────────────

/** The closing paragraph: what this change introduced and fixed, the most important first. */
function overall(ctx: Context): string {
  const { plan, f } = ctx;
  const { verdict } = plan;
  if (plan.files.length === 0) return 'Overall, there was nothing to review; see the first line for why.';
  const defects = verdict.defects.length
    ? `${plural(verdict.defects.length, 'security defect')} (${worst(f, verdict.defects)})${verdict.failing.length ? ', to fix before merging' : ''}`
    : undefined;
  const silenced = verdict.suppressedInChange.length
    ? `${plural(verdict.suppressedInChange.length, 'suppression comment')} that ${verdict.suppressedInChange.length === 1 ? 'silences a security finding' : 'silence security findings'}`
    : undefined;
  const suggestions = ctx.suggestions ? `${plural(ctx.suggestions, 'suggestion')}${topics(ctx)}` : undefined;
  // Security first, in a sentence of its own; the suggestions after it.
  const security = [defects, silenced].filter((x): x is string => x !== undefined);
  const found = security.length ? security : [suggestions].filter((x): x is string => x !== undefined);
  const after =
    security.length && suggestions
      ? ` Beyond ${verdict.defects.length + verdict.suppressedInChange.length === 1 ? 'it' : 'them'}, there ${ctx.suggestions === 1 ? 'is' : 'are'} ${suggestions}.`
      : '';
  const sentences: string[] = [];
  if (plan.mode === 'change') {
    const added = plan.files.reduce((n, x) => n + x.added, 0);
    const size = `adds ${plural(added, 'line')} to ${plural(plan.files.length, 'Python file')}`;
    sentences.push(
      found.length ? `Overall, this change ${size} and introduces ${listing(found)}.${after}` : `Overall, this change ${size} and introduces nothing to flag.`,
    );
    if (plan.fixed.length) sentences.push(`It also fixes ${plural(plan.fixed.length, 'finding')} the code had before (${fixedExamples(ctx)}).`);
  } else {
    const lines = plan.files.reduce((n, x) => n + x.lines, 0);
    const what =
      plan.files.length === 1
        ? `${f.code(plan.files[0]!.path)} (${plural(lines, 'line')})`
        : `the ${count(plan.files.length)} files reviewed (${plural(lines, 'line')})`;
    sentences.push(
      found.length
        ? `Overall, ${what} ${plan.files.length === 1 ? 'has' : 'have'} ${listing(found)}.${after}`
        : `Overall, ${what} ${plan.files.length === 1 ? 'has' : 'have'} nothing to flag.`,
    );
  }
  if (verdict.unreviewed.length) sentences.push(`${plural(verdict.unreviewed.length, 'Python file')} could not be reviewed (listed above).`);
  return sentences.join(' ');
}

/** "medium: `pickle.load` at `a.py:3`", or with several "the worst: high, `eval` at `a.py:3`". */
function worst(f: Flavour, defects: readonly Finding[]): string {
  const top = defects[0]!;
  return `${defects.length > 1 ? 'the worst: ' : ''}${top.severity}${defects.length > 1 ? ',' : ':'} ${f.code(exampleName(top))} at ${place(f, top)}`;
}

/** ", mostly about docstrings (4) and naming (2)" or ", about type hints". */
function topics(ctx: Context): string {
  const ranked = [...ctx.byCategory.entries()]
    .sort((a, b) => b[1].length - a[1].length || CATEGORIES.indexOf(a[0]) - CATEGORIES.indexOf(b[0]))
    .map(([c, list]) => ({ noun: CATEGORY_TEXT[c].noun, n: list.length }));
  if (ranked.length <= 2) return `, about ${listing(ranked.map((r) => (ranked.length === 1 ? r.noun : `${r.noun} (${count(r.n)})`)))}`;
  const top = ranked.slice(0, 2);
  const mostly = top[0]!.n + top[1]!.n >= (ctx.suggestions * 2) / 3;
  return mostly ? `, mostly about ${listing(top.map((r) => `${r.noun} (${count(r.n)})`))}` : `, across ${count(ranked.length)} areas`;
}

function fixedExamples(ctx: Context): string {
  const { f } = ctx;
  const shown = ctx.plan.fixed.slice(0, 2).map((x) => `${f.code(exampleName(x))}: ${uncapitalise(ctx.rule(x.rule)?.title ?? x.rule)}`);
  const left = ctx.plan.fixed.length - shown.length;
  return left > 0 ? `${shown.join('; ')}; and ${count(left)} more` : shown.join('; ');
}
