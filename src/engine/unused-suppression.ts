import type { Finding } from './finding.js';
import { lineText, type SourceFile } from './parse.js';
import type { EnabledRule, Rule } from './rule.js';
import type { Suppression } from './suppressions.js';

/**
 * Ruff's RUF100: a `# noqa: X` / `# nosec X` naming one of our enabled rules that silenced
 * nothing on its line. Codes of checks we do not run (E501…) are never judged: we cannot know.
 */
export const unusedSuppression: Rule = {
  id: 'unused-suppression',
  category: 'function-logic',
  title: 'Suppression comment that suppresses nothing',
  severity: 'info',
  codes: ['RUF100'],
  doc: {
    what: 'A `# noqa: CODE` or `# nosec CODE` comment naming a check that reports nothing on that line.',
    why: 'Stale suppressions hide the next real problem on the line and make the code look riskier than it is.',
    example: 'import os  # noqa: F401\n\nprint(os.getcwd())',
    useInstead: 'import os\n\nprint(os.getcwd())',
    fix: 'Remove the code from the comment, or the whole comment when nothing is left.',
  },
  create: () => ({}),
};

export function unusedSuppressionFindings(file: SourceFile, suppressions: Suppression[], rules: readonly EnabledRule[]): Finding[] {
  const out: Finding[] = [];
  for (const s of suppressions) {
    if (s.line === 0) continue; // file-wide: which findings it is meant for is not ours to judge
    for (const code of s.codes) {
      if (s.used.has(code)) continue;
      const target = rules.find((r) => r.rule.id === code || r.rule.codes.includes(code));
      if (!target || target.rule.partialCodes?.includes(code) || target.disabledCodes?.includes(code)) continue;
      const column = s.start - file.lineStarts[s.line - 1]! + 1;
      out.push({
        path: file.path,
        line: s.line,
        column,
        endLine: s.line,
        endColumn: column + (s.end - s.start),
        rule: unusedSuppression.id,
        category: target.rule.category,
        severity: 'info',
        confidence: 'high',
        message: `\`# ${s.kind}: ${code}\` suppresses nothing: ${target.rule.id} reports nothing on this line`,
        subject: code,
        snippet: lineText(file, s.line).trim().slice(0, 200),
        symbol: '',
        fingerprint: '',
      });
    }
  }
  return out;
}
