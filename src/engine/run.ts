import type { SyntaxNode } from './syntax.js';
import type { Finding, NameExample, Note } from './finding.js';
import { fingerprint } from './fingerprint.js';
import { lineText, sourceFile, type SourceFile } from './parse.js';
import { STRICT_CONVENTIONS, type FileConventions } from './conventions.js';
import type { EnabledRule, Report, RuleContext } from './rule.js';
import { enabledRuleOptions } from './rule-options.js';

export type { EnabledRule } from './rule.js';
import { BUILDER_FIELD_PARENTS, BUILDER_NODE_TYPES, ScopeBuilder, type Scope, type ScopeModel, type WalkFrame } from './scope.js';
import { parseSuppressions, suppressionFor, type Suppression } from './suppressions.js';
import { unusedSuppressionFindings } from './unused-suppression.js';

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

/** Node types whose start/end the scope builder reads even when it does not need the node. */
const POSITION_TYPES = new Set([
  'identifier',
  'dotted_name',
  'keyword_pattern',
  'try_statement',
  'if_statement',
  'block',
  'elif_clause',
  'else_clause',
  'except_clause',
  'except_group_clause',
  'comment',
  'subscript',
  'generic_type',
  'type_parameter',
  'type',
]);

/** The summary cites one or two; a few per file is plenty. */
const MAX_CONFORMING = 5;

/** Node type and field names by their ids in the Python grammar, filled as the walks meet them. */
const TYPE_NAMES: string[] = [];
const FIELD_NAMES: string[] = [];

/** Analyses one file: one parse, one walk that feeds the scope model and every rule. */
export function analyzeFile(path: string, source: string, rules: readonly EnabledRule[], conventions: FileConventions = STRICT_CONVENTIONS): FileResult {
  const file = sourceFile(path, source);
  const measured: Array<{ rule: string; start: number; subject: string; value: number }> = [];
  const notes: Note[] = [];
  const raw: Array<{ enabled: EnabledRule; report: Report }> = [];
  const builder = new ScopeBuilder(source, file.tree.rootNode);
  const failed = new Set<EnabledRule>();
  const conformingNames: NameExample[] = [];

  const fail = (enabled: EnabledRule, error: unknown): void => {
    if (failed.has(enabled)) return;
    failed.add(enabled);
    const reason = error instanceof Error ? error.message : String(error);
    notes.push({ path, kind: 'analyzer-failed', message: `analyzer ${enabled.rule.id} failed on ${path}: ${reason}` });
  };

  const enter = new Map<string, Handler[]>();
  const exit = new Map<string, Handler[]>();
  const fileExit: Handler[] = [];
  for (const enabled of rules) {
    let options;
    try {
      options = enabledRuleOptions(enabled);
    } catch (error) {
      fail(enabled, error);
      continue;
    }
    const context: RuleContext = {
      file,
      scopes: builder.model,
      options,
      conventions,
      report: (report) => {
        const code = report.code ?? enabled.rule.codes[0];
        if (!(code !== undefined && enabled.disabledCodes?.includes(code))) raw.push({ enabled, report });
      },
      measured: (node, subject, value) => measured.push({ rule: enabled.rule.id, start: node.startIndex, subject, value }),
      conforming: (node, name) => {
        if (conformingNames.length < MAX_CONFORMING) conformingNames.push({ path, line: node.startPosition.row + 1, name });
      },
    };
    let visitor;
    try {
      visitor = enabled.rule.create(context);
    } catch (error) {
      fail(enabled, error);
      continue;
    }
    for (const [key, fn] of Object.entries(visitor)) {
      if (!fn) continue;
      if (key === 'module:exit') fileExit.push({ enabled, fn });
      else if (key.endsWith(':exit')) pushTo(exit, key.slice(0, -5), { enabled, fn });
      else pushTo(enter, key, { enabled, fn });
    }
  }

  const call = (handlers: Handler[] | undefined, node: SyntaxNode): void => {
    if (!handlers) return;
    for (const h of handlers) {
      if (failed.has(h.enabled)) continue;
      try {
        h.fn(node);
      } catch (error) {
        fail(h.enabled, error);
      }
    }
  };

  const comments: Array<{ text: string; line: number; start: number; end: number; ownLine: boolean }> = [];
  const stack: WalkFrame[] = [];
  const cursor = file.tree.walk();
  for (;;) {
    // Numbers cross the native boundary much faster than strings: names are cached by id.
    const typeId = cursor.nodeTypeId;
    const type = TYPE_NAMES[typeId] ?? (TYPE_NAMES[typeId] = cursor.nodeType);
    const parent = stack[stack.length - 1];
    let field: string | null = null;
    if (parent && BUILDER_FIELD_PARENTS.has(parent.type)) {
      const fieldId = cursor.currentFieldId;
      field = fieldId ? (FIELD_NAMES[fieldId] ?? (FIELD_NAMES[fieldId] = cursor.currentFieldName)) : null;
    }
    const enters = enter.get(type);
    const exits = exit.get(type);
    const node = enters || exits || BUILDER_NODE_TYPES.has(type) ? cursor.currentNode : undefined;
    // A `body` child becomes a scope's range, a subscript item's start tells what it subscripts;
    // other positions the builder reads are listed.
    const positioned = node !== undefined || field === 'body' || field === 'subscript' || POSITION_TYPES.has(type);
    const frame: WalkFrame = {
      type,
      field,
      start: node ? node.startIndex : positioned ? cursor.startIndex : -1,
      end: node ? node.endIndex : positioned ? cursor.endIndex : -1,
      node,
    };
    if (type === 'comment') {
      const line = lineOf(file, frame.start);
      const ownLine = source.slice(file.lineStarts[line - 1], frame.start).trim() === '';
      comments.push({ text: source.slice(frame.start, frame.end), line, start: frame.start, end: frame.end, ownLine });
    }
    builder.enter(frame, parent, stack[stack.length - 2], () => (frame.node ??= cursor.currentNode));
    if (node) call(enters, node);
    stack.push(frame);
    if (cursor.gotoFirstChild()) continue;
    let done = false;
    for (;;) {
      const left = stack.pop()!;
      builder.exit(left);
      if (left.node) call(exit.get(left.type), left.node);
      if (cursor.gotoNextSibling()) break;
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
    }
    if (done) break;
  }
  // Whatever the loop left (the root, when it had no siblings to move to) is closed here.
  while (stack.length) {
    const left = stack.pop()!;
    builder.exit(left);
    if (left.node) call(exit.get(left.type), left.node);
  }

  const model = builder.finish();
  call(fileExit, file.tree.rootNode);

  if (file.tree.rootNode.hasError) notes.push(syntaxErrorNote(file));

  const measurements = measured.map((m) => ({ rule: m.rule, key: measureKey(symbolOf(model.scopeAt(m.start)), m.subject), value: m.value }));
  return { ...finalise(file, model, raw, parseSuppressions(comments), rules, notes), conformingNames, measurements };
}

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
  const parentLines = new Map<Finding, number>();
  const sorted = raw
    .map((r) => {
      const f = toFinding(file, model, r.enabled, r.report);
      if (r.report.parent) parentLines.set(f, lineOf(file, r.report.parent.startIndex));
      return f;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
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
  // A final newline ends the last line; it does not start another.
  const lines = file.lineStarts.length - (file.source.endsWith('\n') ? 1 : 0);
  return { path: file.path, lines, findings, suppressed, notes };
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
  const starts = file.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
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

function syntaxErrorNote(file: SourceFile): Note {
  const error = file.tree.rootNode.descendantsOfType('ERROR')[0];
  const where = error ? ` near line ${error.startPosition.row + 1}` : '';
  return {
    path: file.path,
    kind: 'syntax-error',
    message: `${file.path}: syntax error${where}; findings are limited to the code that parsed`,
  };
}
