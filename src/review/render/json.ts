import type { AnalysisResult } from '../../engine/analyze.js';
import { CATEGORIES, SEVERITIES, type Category, type Finding, type Note, type Severity } from '../../engine/finding.js';
import { isSecurityDefect } from './defects.js';
import { renderSummary, type SummaryInput, type SummaryOptions } from './summary.js';

/** The CLI's `--format json`: a stable, versioned shape for scripts. */
export interface JsonReport {
  version: 1;
  files: AnalysisResult['files'];
  findings: Finding[];
  summary: {
    /** The review in the sample's format, as the markdown output prints it. */
    markdown: string;
    securityDefects: number;
    byCategory: Record<Category, number>;
    bySeverity: Record<Severity, number>;
    suppressed: { noqa: number; nosec: number };
    outsideDiff: number;
    notes: Note[];
  };
}

export function renderJson(result: SummaryInput, options: SummaryOptions = {}): JsonReport {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of result.findings) {
    byCategory[f.category]++;
    bySeverity[f.severity]++;
  }
  const noqa = result.suppressed.filter((s) => s.by === 'noqa').length;
  return {
    version: 1,
    files: result.files,
    findings: result.findings,
    summary: {
      markdown: renderSummary(result, options),
      securityDefects: result.findings.filter(isSecurityDefect).length,
      byCategory,
      bySeverity,
      suppressed: { noqa, nosec: result.suppressed.length - noqa },
      outsideDiff: options.outsideDiff ?? result.outsideLines,
      notes: result.notes,
    },
  };
}
