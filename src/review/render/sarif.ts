import type * as Sarif from 'sarif';
import { RULES } from '../../../analyzers/index.js';
import type { Finding, Severity } from '../../engine/finding.js';
import type { Rule } from '../../engine/rule.js';
import { put, writeLines, type OutStream } from './stream.js';
import type { ReviewPlan } from '../plan.js';
import { fenced } from './markdown.js';

export interface SarifOptions {
  /** The rules to describe (the enabled ones); the registry by default. Rules of findings are always added. */
  rules?: readonly Rule[];
  toolVersion?: string;
  informationUri?: string;
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub matches alerts across runs by this key; the engine's fingerprint ignores line numbers. */
const FINGERPRINT_KEY = 'prReviewer/v1';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub code scanning's scale: over 9 critical, 7–8.9 high, 4–6.9 medium, 0.1–3.9 low. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

/** A SARIF 2.1.0 log that GitHub code scanning accepts, rule metadata from the rules' docs. */
export function renderSarif(plan: ReviewPlan, options: SarifOptions = {}): Sarif.Log {
  const { log, index } = sarifFrame(plan, options);
  log.runs[0]!.results = plan.reported.map((f) => sarifResult(f, index.get(f.rule)));
  return log;
}

/**
 * The same log written a result per line: the results of a whole tree, built as one string,
 * peaked at 1.46 GB where the streamed JSON needs a fifth of that.
 */
export async function writeSarif(plan: ReviewPlan, out: OutStream, options: SarifOptions = {}): Promise<void> {
  const { log, index } = sarifFrame(plan, options);
  log.runs[0]!.results = [];
  const text = JSON.stringify(log, null, 2);
  // `"results": []` occurs once, in the run: a JSON string cannot hold its raw quotes.
  const at = text.indexOf('"results": []');
  await put(out, `${text.slice(0, at)}"results": [`);
  await writeLines(plan.reported, out, '        ', (f) => sarifResult(f, index.get(f.rule)));
  await put(out, `${plan.reported.length ? '\n      ' : ''}]${text.slice(at + '"results": []'.length)}\n`);
}

function sarifFrame(plan: ReviewPlan, options: SarifOptions): { log: Sarif.Log; index: Map<string, number> } {
  const result = { findings: plan.reported, notes: plan.notes };
  const known = new Map((options.rules ?? RULES).map((r) => [r.id, r]));
  for (const f of result.findings) {
    if (!known.has(f.rule)) {
      const rule = RULES.find((r) => r.id === f.rule);
      if (rule) known.set(rule.id, rule);
    }
  }
  const rules = [...known.values()];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'pr-reviewer',
        ...(options.toolVersion ? { semanticVersion: options.toolVersion } : {}),
        ...(options.informationUri ? { informationUri: options.informationUri } : {}),
        rules: rules.map(ruleDescriptor),
      },
    },
    columnKind: 'utf16CodeUnits',
    originalUriBaseIds: { '%SRCROOT%': { description: { text: "The repository's root (the directory the review ran in, outside a repository)." } } },
    invocations: [
      {
        executionSuccessful: true,
        toolExecutionNotifications: result.notes.map((n) => ({
          level: n.kind === 'analyzer-failed' ? 'error' : 'warning',
          message: { text: n.message },
          ...(n.path ? { locations: [{ physicalLocation: { artifactLocation: artifact(n.path) } }] } : {}),
        })),
      },
    ],
  };
  return { log: { $schema: SCHEMA, version: '2.1.0', runs: [run] }, index };
}

function ruleDescriptor(rule: Rule): Sarif.ReportingDescriptor {
  // GitHub shows a rule as a security alert when it carries the `security` tag (our category's name).
  const tags: string[] = [rule.category];
  if (rule.cwe !== undefined) tags.push(`external/cwe/cwe-${rule.cwe}`);
  const help = `${rule.doc.what}\n\nWhy: ${rule.doc.why}\n\nExample:\n\n${indent(rule.doc.example)}\n\nFix: ${rule.doc.fix}`;
  const helpMarkdown = `${rule.doc.what}\n\n**Why:** ${rule.doc.why}\n\n**Example:**\n\n${fenced(rule.doc.example, 'python')}\n\n**Fix:** ${rule.doc.fix}`;
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.doc.what },
    help: { text: help, markdown: helpMarkdown },
    defaultConfiguration: { level: LEVEL[rule.severity], enabled: !rule.optIn },
    properties: {
      tags,
      precision: rule.confidence === 'low' ? 'low' : rule.confidence === 'medium' ? 'medium' : 'high',
      ...(rule.codes.length ? { codes: rule.codes } : {}),
      ...(rule.category === 'security' ? { 'security-severity': SECURITY_SEVERITY[rule.severity] } : {}),
    },
  };
}

function sarifResult(f: Finding, ruleIndex: number | undefined): Sarif.Result {
  return {
    ruleId: f.rule,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(f.path),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, snippet: { text: f.snippet } },
        },
        ...(f.symbol ? { logicalLocations: [{ fullyQualifiedName: f.symbol }] } : {}),
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: {
      category: f.category,
      severity: f.severity,
      confidence: f.confidence,
      ...(f.code ? { code: f.code } : {}),
      ...(f.category === 'security' ? { 'security-severity': SECURITY_SEVERITY[f.severity] } : {}),
    },
    ...(f.fix ? { fixes: [sarifFix(f)] } : {}),
  };
}

function sarifFix(f: Finding): Sarif.Fix {
  return {
    description: { text: f.fix!.description },
    artifactChanges: [
      {
        artifactLocation: artifact(f.path),
        replacements: f.fix!.edits.map((e) => ({
          deletedRegion: { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn },
          insertedContent: { text: e.newText },
        })),
      },
    ],
  };
}

/** Paths relative to the repository's root, with forward slashes, as code scanning expects. */
function artifact(path: string): Sarif.ArtifactLocation {
  const uri = path.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
  return uri.startsWith('/') ? { uri: `file://${uri}` } : { uri, uriBaseId: '%SRCROOT%' };
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
