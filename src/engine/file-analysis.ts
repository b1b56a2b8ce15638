import type { SyntaxNode } from './syntax.js';
import type { Finding, NameExample, Note } from './finding.js';
import { fingerprint } from './fingerprint.js';
import { lineText, type SourceFile } from './parse.js';
import type { FileConventions } from './conventions.js';
import type { EnabledRule, Report, RuleContext } from './rule.js';
import { enabledRuleOptions } from './rule-options.js';
import { ScopeBuilder, type Scope, type ScopeModel, type WalkFrame } from './scope.js';
import { parseSuppressions, suppressionFor, type Suppression } from './suppressions.js';
import { unusedSuppressionFindings } from './unused-suppression.js';
import { NO_LIMITS, OverBudget, now, type WalkLimits } from './budget.js';
import { pointAt } from './flat-node.js';

export interface SuppressedFinding {
  rule: string;
  line: number;
  by: 'noqa' | 'nosec';
  /** The line of the comment that silenced it; 0 for a file-wide `# ruff: noqa`. */
  commentLine: number;
  /** The finding as it would have been reported: a review asks whether the change added its suppression. */
  finding: Finding;
}

/** A function's measured value for a size or complexity rule, reported or not (see RuleContext.measured). */
export interface Measurement {
  rule: string;
  /** measureKey(symbol, subject) of the function. */
  key: string;
  value: number;
}

/** The key that matches a function's measurement to a finding about it: enclosing symbol and name. */
export function measureKey(symbol: string, subject: string): string {
  return `${symbol}\0${subject}`;
}

export interface FileResult {
  path: string;
  lines: number;
  findings: Finding[];
  /** A few names per file that follow their convention (see RuleContext.conforming). */
  conformingNames: NameExample[];
  suppressed: SuppressedFinding[];
  measurements: Measurement[];
  notes: Note[];
}

type Handler = { enabled: EnabledRule; fn: (node: SyntaxNode) => void };

/** The summary cites one or two; a few per file is plenty. */
const MAX_CONFORMING = 5;

/**
 * One file's analysis, fed by a walk (run.ts walks the flat tree): the scope model and every
 * rule's handlers see each node once, parents before children; `finish` turns the reports into
 * findings. The walk is separate so that a second walk (over the binding's own nodes) can be
 * held to the same results.
 */
export class FileAnalysis {
  readonly builder: ScopeBuilder;
  /** Handlers by node type: what the walk dispatches to. */
  readonly enter = new Map<string, Handler[]>();
  readonly exit = new Map<string, Handler[]>();
  private readonly fileExit: Handler[] = [];
  private readonly measured: Array<{ rule: string; start: number; subject: string; value: number }> = [];
  private readonly notes: Note[] = [];
  private readonly raw: Array<{ enabled: EnabledRule; report: Report }> = [];
  private readonly failed = new Set<EnabledRule>();
  private readonly conformingNames: NameExample[] = [];
  private readonly comments: Array<{ text: string; line: number; start: number; end: number; ownLine: boolean }> = [];

  constructor(
    readonly file: SourceFile,
    root: SyntaxNode,
    private readonly rules: readonly EnabledRule[],
    conventions: FileConventions,
    private readonly limits: WalkLimits = NO_LIMITS,
  ) {
    const { path, source } = file;
    this.builder = new ScopeBuilder(source, root);
    for (const enabled of rules) {
      let options;
      try {
        options = enabledRuleOptions(enabled);
      } catch (error) {
        this.fail(enabled, error);
        continue;
      }
      const context: RuleContext = {
        file,
        scopes: this.builder.model,
        options,
        conventions,
        report: (report) => {
          const code = report.code ?? enabled.rule.codes[0];
          if (code !== undefined && enabled.disabledCodes?.includes(code)) return;
          this.raw.push({ enabled, report });
          if (this.raw.length > limits.findings) throw new OverBudget(limits.findingsBudget.kind, limits.findingsBudget.limit);
        },
        measured: (node, subject, value) => this.measured.push({ rule: enabled.rule.id, start: node.startIndex, subject, value }),
        conforming: (node, name) => {
          if (this.conformingNames.length < MAX_CONFORMING) this.conformingNames.push({ path, line: node.startPosition.row + 1, name });
        },
      };
      let visitor;
      try {
        visitor = enabled.rule.create(context);
      } catch (error) {
        this.fail(enabled, error);
        continue;
      }
      for (const [key, fn] of Object.entries(visitor)) {
        if (!fn) continue;
        if (key === 'module:exit') this.fileExit.push({ enabled, fn });
        else if (key.endsWith(':exit')) pushTo(this.exit, key.slice(0, -5), { enabled, fn });
        else pushTo(this.enter, key, { enabled, fn });
      }
    }
  }

  private fail(enabled: EnabledRule, error: unknown): void {
    if (error instanceof OverBudget) throw error;
    if (this.failed.has(enabled)) return;
    this.failed.add(enabled);
    const reason = error instanceof Error ? error.message : String(error);
    this.notes.push({ path: this.file.path, kind: 'analyzer-failed', message: `analyzer ${enabled.rule.id} failed on ${this.file.path}: ${reason}` });
  }

  /** Calls each handler; a handler that throws is reported once and not called again for this file. */
  call(handlers: Handler[] | undefined, node: SyntaxNode): void {
    if (!handlers) return;
    for (const h of handlers) {
      if (this.failed.has(h.enabled)) continue;
      try {
        h.fn(node);
      } catch (error) {
        this.fail(h.enabled, error);
      }
    }
  }

  /** A comment the walk met: suppressions are read from them once the walk is over. */
  comment(start: number, end: number): void {
    const { source, lineStarts } = this.file;
    const line = lineOf(this.file, start);
    const ownLine = source.slice(lineStarts[line - 1], start).trim() === '';
    this.comments.push({ text: source.slice(start, end), line, start, end, ownLine });
  }

  /** Stops the walk once the deadline has passed (the walk asks every few thousand nodes). */
  checkClock(): void {
    if (now() > this.limits.deadline) throw new OverBudget(this.limits.deadlineBudget.kind, this.limits.deadlineBudget.limit);
  }

  /** After the walk: the scope model resolves its reads, `module:exit` handlers run, reports become findings. */
  finish(root: SyntaxNode, syntaxError: () => Note | undefined): FileResult {
    const model = this.builder.finish();
    this.call(this.fileExit, root);
    this.checkClock();
    const error = syntaxError();
    if (error) this.notes.push(error);
    const measurements = this.measured.map((m) => ({ rule: m.rule, key: measureKey(symbolOf(model.scopeAt(m.start)), m.subject), value: m.value }));
    return {
      ...finalise(this.file, model, this.raw, parseSuppressions(this.comments), this.rules, this.notes),
      conformingNames: this.conformingNames,
      measurements,
    };
  }
}

/** Convenience for walks: the frame type the builder reads. */
export type { WalkFrame };

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function finalise(
  file: SourceFile,
  model: ScopeModel,
  raw: Array<{ enabled: EnabledRule; report: Report }>,
  suppressions: Suppression[],
  rules: readonly EnabledRule[],
  notes: Note[],
): Omit<FileResult, 'conformingNames' | 'measurements'> {
  const byLine = new Map<number, Suppression[]>();
  for (const s of suppressions) pushTo(byLine, s.line, s);
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const occurrences = new Map<string, number>();
  const rank = ruleRanks(rules);
  const parentLines = new Map<Finding, number>();
  const sorted = raw
    .map((r) => {
      const f = toFinding(file, model, r.enabled, r.report);
      if (r.report.parent) parentLines.set(f, lineOf(file, r.report.parent.startIndex));
      return f;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column || (rank.get(a.rule) ?? 0) - (rank.get(b.rule) ?? 0) || a.rule.localeCompare(b.rule));
  const codes = new Map(rules.map((r) => [r.rule.id, r.rule.codes]));
  // Fingerprints before suppressions: adding or removing a `# noqa` never changes a finding's identity.
  const stamp = (f: Finding): Finding => {
    const identity = identityOf(file, f);
    const key = `${f.rule}\0${f.symbol}\0${identity}`;
    const n = occurrences.get(key) ?? 0;
    occurrences.set(key, n + 1);
    f.fingerprint = fingerprint(f.rule, f.symbol, identity, n);
    return f;
  };
  for (const f of sorted) {
    stamp(f);
    const s = suppressionFor(f, codes.get(f.rule) ?? [], byLine, parentLines.get(f));
    if (s) suppressed.push({ rule: f.rule, line: f.line, by: s.kind, commentLine: s.line, finding: f });
    else findings.push(f);
  }
  // Only now is it known which suppressions silenced nothing.
  for (const f of unusedSuppressionFindings(file, suppressions, rules)) findings.push(stamp(f));
  return { path: file.path, lines: lineCount(file.source, file.lineStarts), findings, suppressed, notes };
}

/** A final newline ends the last line; it does not start another. */
export function lineCount(source: string, lineStarts: readonly number[]): number {
  return lineStarts.length - (source.endsWith('\n') ? 1 : 0);
}

const ranks = new WeakMap<readonly EnabledRule[], Map<string, number>>();

/** Rule ids in localeCompare order, worked out once per rule list: the sort compares numbers. */
function ruleRanks(rules: readonly EnabledRule[]): Map<string, number> {
  let rank = ranks.get(rules);
  if (!rank) {
    const ids = [...new Set(rules.map((r) => r.rule.id))].sort((a, b) => a.localeCompare(b));
    rank = new Map(ids.map((id, i) => [id, i + 1]));
    ranks.set(rules, rank);
  }
  return rank;
}

/**
 * What a finding is about: the name it names when it has one (so that adding a parameter to a
 * def does not make its missing docstring "new"), else its code.
 */
function identityOf(file: SourceFile, f: Finding): string {
  if (f.subject !== undefined) return `name:${f.subject}`;
  const lines: string[] = [];
  for (let l = f.line; l <= Math.min(f.endLine, f.line + 2); l++) lines.push(lineText(file, l));
  return lines.join('\n');
}

export function lineOf(file: Pick<SourceFile, 'lineStarts'>, index: number): number {
  return pointAt(file, index).row + 1;
}

/** 1-based line and column of a UTF-16 index. */
export function positionOf(file: Pick<SourceFile, 'lineStarts'>, index: number): { line: number; column: number } {
  const line = lineOf(file, index);
  return { line, column: index - file.lineStarts[line - 1]! + 1 };
}

function symbolOf(scope: Scope): string {
  let s: Scope | undefined = scope;
  while (s && (s.kind === 'lambda' || s.kind === 'comprehension')) s = s.parent;
  return s?.qualname ?? '';
}

function toFinding(file: SourceFile, model: ScopeModel, enabled: EnabledRule, report: Report): Finding {
  const start = report.node ? report.node.startIndex : (report.range?.start ?? 0);
  const end = report.node ? report.node.endIndex : (report.range?.end ?? start);
  const from = positionOf(file, start);
  const to = positionOf(file, Math.max(start, end));
  const rule = enabled.rule;
  return {
    path: file.path,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    rule: rule.id,
    ...((report.code ?? rule.codes[0]) ? { code: report.code ?? rule.codes[0] } : {}),
    category: rule.category,
    severity: enabled.severity ?? report.severity ?? rule.severity,
    confidence: report.confidence ?? rule.confidence ?? 'high',
    message: report.message,
    ...(report.subject !== undefined ? { subject: report.subject } : {}),
    snippet: lineText(file, from.line).trim().slice(0, 200),
    symbol: symbolOf(model.scopeAt(start)),
    ...(rule.cwe !== undefined ? { cwe: rule.cwe } : {}),
    ...(report.fix ? { fix: report.fix } : {}),
    ...(report.suggestion ? { suggestion: report.suggestion } : {}),
    ...(report.measure ? { measure: { ...report.measure } } : {}),
    ...(report.advisory ? { advisory: report.advisory } : {}),
    fingerprint: '',
  };
}

/** The note for a file that did not parse cleanly: where the first error is. */
export function syntaxErrorNote(path: string, root: SyntaxNode): Note | undefined {
  if (!root.hasError) return undefined;
  const error = root.descendantsOfType('ERROR')[0];
  const where = error ? ` near line ${error.startPosition.row + 1}` : '';
  return { path, kind: 'syntax-error', message: `${path}: syntax error${where}; findings are limited to the code that parsed` };
}
