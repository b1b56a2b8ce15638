import { severityRank, type Finding, type NameExample, type Note, type Severity } from '../engine/finding.js';
import { measureKey, type FileResult, type SuppressedFinding } from '../engine/run.js';
import type { Config } from './config.js';
import { codeState, selectionState } from './conventions/codes.js';
import { readLintSettings } from './conventions/lint-settings.js';
import { inlineAnchor, touchesAddedLine, type FileDiff, type InlineAnchor } from './diff.js';
import { inlineSuggestion, type InlineSuggestion } from './suggestion.js';

/**
 * The one review plan, pure, for the CLI and the app alike: from the engine's results on both
 * sides of each changed file, which findings the change introduced, fixed or left as they were,
 * which go inline, and the verdict that the summary, the check run and the exit status all say.
 */

/** One Python file of a change, both sides as text, paths relative to the repository root. */
export interface ChangedSource {
  path: string;
  /** The file's path before the change, when it existed (differs for renames). */
  basePath?: string;
  head: string;
  base?: string;
  /** The lines the diff shows on the head side; every line for a file reviewed whole. */
  diff: FileDiff;
}

/** The engine's results for one changed file. */
export interface AnalysedFile {
  source: ChangedSource;
  head: FileResult;
  base?: FileResult;
}

export type ReviewMode =
  /** A change: base and head, only what the change introduces is reported by default. */
  | 'change'
  /** Files reviewed whole (the CLI without --diff): everything found is reported. */
  | 'files';

export interface PlanInput {
  mode: ReviewMode;
  files: readonly AnalysedFile[];
  config: Pick<Config, 'report' | 'filter' | 'max_inline_comments' | 'fail_on' | 'allow_author_suppressions'>;
  /** What the fetching or collecting side must say: skipped files, config problems, a cut listing. */
  notes: readonly Note[];
  /** Fingerprints of our earlier inline comments on this pull request (app). */
  postedBefore?: ReadonlySet<string>;
  /**
   * The repository's lint config files at the base, by name (`pyproject.toml`, `setup.cfg`…): a
   * suppression of a code its own linter runs, named and with a reason, is its review process.
   */
  lintFiles?: Readonly<Record<string, string>>;
}

/**
 * A suppression this change adds that follows the repository's own process: its linter runs the
 * code (Ruff or flake8-bandit selects `S307`), and the comment names that code and says why.
 */
export interface ReasonedSuppression {
  suppressed: SuppressedFinding;
  /** The code as the comment names it (`S307`). */
  code: string;
  /** The author's reason, as written after the code. */
  reason: string;
  /** The config that selects the code (`pyproject.toml [tool.ruff.lint]`). */
  selectedBy: string;
}

export interface PlannedInline {
  finding: Finding;
  /** Other findings on the same line, said in the same comment (one comment per line). */
  also: Finding[];
  anchor: InlineAnchor;
  /** A GitHub suggestion that replaces exactly the commented lines, when the fix is one. */
  suggestion?: InlineSuggestion;
}

export type Conclusion = 'success' | 'failure' | 'neutral';

export interface Verdict {
  /** Security defects the review reports (new in the change, or all in `report: all`), most severe first. */
  defects: Finding[];
  /** Security findings that a suppression added by this change silences, with the suppression (those it adds by the repository's process apart). */
  suppressedInChange: SuppressedFinding[];
  /** Security findings silenced by a suppression this change adds as the repository's own process asks: listed, never failing. */
  suppressedWithReason: ReasonedSuppression[];
  /** Python files that could not be reviewed, or not fully: each note names the file and why. */
  unreviewed: Note[];
  /** What fails the check and the CLI: defects at or above `fail_on`, and unallowed suppressions the change adds. */
  failing: Finding[];
  failOn: Severity | 'none';
  conclusion: Conclusion;
}

export interface ReviewPlan {
  mode: ReviewMode;
  /** The files reviewed (head side), with their line counts and, for a change, the lines it adds. */
  files: Array<{ path: string; lines: number; added: number }>;
  /** What the review reports: the findings the change introduced (all findings with `report: all` or for whole files). */
  reported: Finding[];
  /** Findings of the base version that the change removed. */
  fixed: Finding[];
  /** Findings present before the change and left as they were (not reported with `report: new`). */
  preexisting: Finding[];
  /** Security findings that look like an intended opt-out: notes, never defects. */
  advisories: Finding[];
  inline: PlannedInline[];
  verdict: Verdict;
  notes: Note[];
  /** Suppressed findings by kind, for the notes. */
  suppressed: { noqa: number; nosec: number };
  conformingNames: NameExample[];
}

/** The threshold when the config does not set one: the same for the CLI's exit status and the app's check run. */
export const DEFAULT_FAIL_ON: Severity = 'medium';

/** Notes that mean a Python file was not (fully) reviewed. */
const UNREVIEWED_KINDS = new Set<Note['kind']>(['skipped', 'analyzer-failed', 'over-budget']);

const UNUSED_SUPPRESSION = 'unused-suppression';

export function isSecurityFinding(f: Finding): boolean {
  return f.category === 'security' && f.rule !== UNUSED_SUPPRESSION;
}

export function planReview(input: PlanInput): ReviewPlan {
  const reportAll = input.mode === 'files' || input.config.report === 'all';
  const introduced: Finding[] = [];
  const preexisting: Finding[] = [];
  const fixed: Finding[] = [];
  const suppressedInChange: SuppressedFinding[] = [];
  const notes: Note[] = [...input.notes];
  const suppressed = { noqa: 0, nosec: 0 };
  const conformingNames: NameExample[] = [];

  for (const file of input.files) {
    notes.push(...file.head.notes);
    conformingNames.push(...file.head.conformingNames);
    for (const s of file.head.suppressed) suppressed[s.by]++;
    const change = input.mode === 'change' ? compare(file) : undefined;
    for (const f of file.head.findings) {
      if (!change || change.isNew(f)) introduced.push(f);
      else preexisting.push(f);
    }
    if (change) {
      fixed.push(...change.fixed);
      suppressedInChange.push(...change.suppressedInChange);
    }
  }

  const reported = reportAll ? [...introduced, ...preexisting].sort(byPlace) : introduced;
  const advisories = reported.filter((f) => isSecurityFinding(f) && f.advisory !== undefined);
  const shown = reported.filter((f) => !(isSecurityFinding(f) && f.advisory !== undefined));
  const { reasoned, unreasoned } = byRepositoryProcess(suppressedInChange, input);
  const verdict = decide(shown, unreasoned, reasoned, notes, input.config);
  const inline = planInline(shown, input);
  return {
    mode: input.mode,
    files: input.files.map((f) => ({ path: f.head.path, lines: f.head.lines, added: input.mode === 'change' ? f.source.diff.added.size : 0 })),
    reported: shown,
    fixed,
    preexisting: reportAll ? [] : preexisting,
    advisories,
    inline,
    verdict,
    notes,
    suppressed,
    conformingNames,
  };
}

interface Comparison {
  isNew(f: Finding): boolean;
  fixed: Finding[];
  suppressedInChange: SuppressedFinding[];
}

/**
 * Findings that another line causes: an import or a variable is unused because its last use went.
 * The change that removed the use made them, wherever they stand.
 */
const CAUSED_ELSEWHERE = new Set(['unused-import', 'unused-variable']);

/**
 * New means the base does not have it and the change touched its lines: a finding whose code the
 * change did not touch is not the change's — unless another line causes it (CAUSED_ELSEWHERE) and
 * the base had no such finding of that name. Size findings compare the measured values instead:
 * new when the change crosses the limit or makes a function already over it worse.
 */
function compare(file: AnalysedFile): Comparison {
  const { base, head, source } = file;
  const baseFingerprints = new Set(base?.findings.map((f) => f.fingerprint));
  const headFingerprints = new Set(head.findings.map((f) => f.fingerprint));
  const baseSuppressed = new Set(base?.suppressed.map((s) => s.finding.fingerprint));
  // By rule and name, not fingerprint: an edit elsewhere in the function changes no name.
  const baseNames = new Set(base?.findings.map((f) => `${f.rule}\0${f.subject ?? f.snippet}`));
  const before = new Map<string, number>();
  for (const m of base?.measurements ?? []) before.set(`${m.rule}\0${m.key}`, m.value);

  const isNew = (f: Finding): boolean => {
    if (f.measure && f.subject !== undefined) {
      const was = before.get(`${f.rule}\0${measureKey(f.symbol, f.subject)}`);
      if (was !== undefined) f.measure.before = was;
      if (was !== undefined && was >= f.measure.value) return false;
      // Within the repository's own looser limit: only the change that crosses the usual one is worth a word.
      if (f.measure.ceiling !== undefined) return was !== undefined && was <= f.measure.limit;
      // A function the change did not touch cannot have grown; a new or grown one must be on changed lines.
      return was !== undefined || touchesAddedLine(f, source.diff) || !base;
    }
    if (baseFingerprints.has(f.fingerprint)) return false;
    if (!base || touchesChange(f, source.diff)) return true;
    return CAUSED_ELSEWHERE.has(f.rule) && !baseNames.has(`${f.rule}\0${f.subject ?? f.snippet}`);
  };

  const fixed = base ? base.findings.filter((f) => !headFingerprints.has(f.fingerprint) && !f.measure) : [];
  // Security findings silenced by a suppression the base did not have.
  const suppressedInChange = head.suppressed.filter(
    (s) => isSecurityFinding(s.finding) && !baseSuppressed.has(s.finding.fingerprint) && suppressionIsNew(s, source),
  );
  return { isNew, fixed, suppressedInChange };
}

/** A finding's lines, or for a multi-line one any of them, were added by the change. */
function touchesChange(f: Finding, diff: FileDiff): boolean {
  return diff.patchMissing || touchesAddedLine(f, diff);
}

/** The suppression is on an added line, or it is file-wide in a file the change added it to. */
function suppressionIsNew(s: SuppressedFinding, source: ChangedSource): boolean {
  if (!source.base) return true;
  if (s.commentLine === 0) return true; // file-wide, and the base did not silence this finding
  return source.diff.patchMissing || source.diff.added.has(s.commentLine);
}

// `# noqa: S307 - arbitrary code by design`: the codes, then what the author says. Codes are upper case (`md5` is a word).
const NOQA_CODES = /#\s*[Nn][Oo][Qq][Aa]\s*:\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)(.*)$/;
// Other tools' pragmas after the codes say nothing about why.
const PRAGMA = /^(?:type|pragma|pylint|mypy|pyright|fmt|isort|noqa|nosec)\b/i;

/** What the author wrote after the codes, when it is a reason: a word of three letters or more that is not another tool's pragma. */
function reasonAfter(rest: string): string | undefined {
  for (const part of rest.split('#')) {
    const text = part
      .trim()
      .replace(/^[-–—:;,.(\s]+/, '')
      .replace(/[)\s]+$/, '')
      .trim();
    if (!text) continue;
    return PRAGMA.test(text) || !/[A-Za-z]{3}/.test(text) ? undefined : text;
  }
  return undefined;
}

/**
 * Issue 11: the verdict is about the code, not about what the author allowed. Narrowed only where
 * the repository's own process shows (scrapy selects Ruff's `S` and writes `# noqa: S307 - reason`):
 * its linter runs the code at that path, the `# noqa` names the code, and a reason follows it. A bare
 * `# nosec`, a file-wide noqa, a noqa without a reason, or a code its linter does not run still counts.
 */
function byRepositoryProcess(suppressedInChange: SuppressedFinding[], input: PlanInput): { reasoned: ReasonedSuppression[]; unreasoned: SuppressedFinding[] } {
  if (!input.lintFiles || !suppressedInChange.length) return { reasoned: [], unreasoned: suppressedInChange };
  const { selections } = readLintSettings(input.lintFiles).settings;
  const sources = new Map(input.files.map((f) => [f.head.path, f.source.head]));
  const reasoned: ReasonedSuppression[] = [];
  const unreasoned: SuppressedFinding[] = [];
  for (const s of suppressedInChange) {
    const one = reasonedSuppression(s, sources.get(s.finding.path), selections);
    if (one) reasoned.push(one);
    else unreasoned.push(s);
  }
  return { reasoned, unreasoned };
}

function reasonedSuppression(
  s: SuppressedFinding,
  source: string | undefined,
  selections: ReturnType<typeof readLintSettings>['settings']['selections'],
): ReasonedSuppression | undefined {
  if (s.by !== 'noqa' || s.commentLine === 0 || source === undefined) return undefined;
  const match = NOQA_CODES.exec(source.split(/\r?\n/)[s.commentLine - 1] ?? '');
  const reason = match ? reasonAfter(match[2]!) : undefined;
  if (!match || reason === undefined) return undefined;
  // Ruff's and flake8-bandit's `S` codes: Bandit's own `B307` in a `# noqa` is a code no linter of the repository runs.
  const digits = /^[BS](\d+)$/.exec(s.finding.code ?? '')?.[1];
  const code = match[1]!.split(/[\s,]+/).find((c) => digits !== undefined && c === `S${digits}`);
  if (!code || codeState(selections, code, s.finding.path) !== 'on') return undefined;
  const selectedBy = selections.find((sel) => selectionState(sel, code, s.finding.path) === 'on')!.source;
  return { suppressed: s, code, reason, selectedBy };
}

function decide(
  reported: readonly Finding[],
  suppressedInChange: SuppressedFinding[],
  suppressedWithReason: ReasonedSuppression[],
  notes: readonly Note[],
  config: PlanInput['config'],
): Verdict {
  const failOn = config.fail_on ?? DEFAULT_FAIL_ON;
  const defects = reported.filter(isSecurityFinding).sort(bySeverityThenPlace);
  const atLeast = (f: Finding): boolean => failOn !== 'none' && severityRank(f.severity) >= severityRank(failOn);
  const counted = config.allow_author_suppressions ? [] : suppressedInChange.map((s) => s.finding);
  const failing = [...defects, ...counted].filter(atLeast);
  const unreviewed = notes.filter((n) => UNREVIEWED_KINDS.has(n.kind));
  const conclusion: Conclusion = failing.length ? 'failure' : unreviewed.length ? 'neutral' : 'success';
  const silenced = [...suppressedInChange].sort((a, b) => bySeverityThenPlace(a.finding, b.finding));
  return { defects, suppressedInChange: silenced, suppressedWithReason, unreviewed, failing, failOn, conclusion };
}

/**
 * The findings that go inline: on a line the diff lets us comment, not posted before, most severe
 * first, one comment per line (the others on it said in the same comment), capped. A function
 * that was already over a size limit and grew is said in the summary only: its line is not new.
 */
function planInline(findings: readonly Finding[], input: PlanInput): PlannedInline[] {
  if (input.mode !== 'change') return [];
  const byPath = new Map(input.files.map((f) => [f.source.path, f.source]));
  const lineCache = new Map<string, string[]>();
  const out: PlannedInline[] = [];
  const byLine = new Map<string, PlannedInline>();
  for (const f of [...findings].sort(bySeverityThenPlace)) {
    const source = byPath.get(f.path);
    if (!source || input.postedBefore?.has(f.fingerprint)) continue;
    if (f.measure?.before !== undefined && f.measure.before > f.measure.limit) continue;
    const lineText = (line: number): string | undefined => linesOf(lineCache, source)[line - 1];
    const suggestion = inlineSuggestion(f, { lineText });
    const anchor = inlineAnchor(f, source.diff, input.config.filter, suggestion && { start: suggestion.startLine, end: suggestion.endLine });
    if (!anchor) continue;
    // A suggestion replaces exactly the commented lines: drop it when the comment sits elsewhere.
    const fits = suggestion && (anchor.startLine ?? anchor.line) === suggestion.startLine && anchor.line === suggestion.endLine;
    const line = `${f.path}:${anchor.line}`;
    const shared = byLine.get(line);
    if (shared) {
      shared.also.push(f);
      continue;
    }
    if (out.length >= input.config.max_inline_comments) continue;
    const planned: PlannedInline = { finding: f, also: [], anchor, ...(fits ? { suggestion } : {}) };
    byLine.set(line, planned);
    out.push(planned);
  }
  return out;
}

function linesOf(cache: Map<string, string[]>, source: ChangedSource): string[] {
  let lines = cache.get(source.path);
  if (!lines) cache.set(source.path, (lines = source.head.split(/\r?\n/)));
  return lines;
}

export function byPlace(a: Finding, b: Finding): number {
  return (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.column - b.column;
}

export function bySeverityThenPlace(a: Finding, b: Finding): number {
  return severityRank(b.severity) - severityRank(a.severity) || byPlace(a, b);
}

/**
 * The CLI's exit status: 1 when the verdict fails; 2 when files were asked for and none could be
 * reviewed (a typo in a path must not pass); else 0. A change without Python passes.
 */
export function exitStatus(plan: ReviewPlan): 0 | 1 | 2 {
  if (plan.verdict.failing.length) return 1;
  if (plan.files.length === 0 && (plan.mode === 'files' || plan.verdict.unreviewed.length)) return 2;
  return 0;
}
