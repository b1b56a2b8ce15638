import { severityRank, type Finding, type Severity } from '../../engine/finding.js';

/** A security finding proper; a stale `# nosec` lands in the security category but is no defect. */
export function isSecurityDefect(f: Finding): boolean {
  return f.category === 'security' && f.rule !== 'unused-suppression';
}

/** The security defects that fail a run at `failOn` ('none' never fails). */
export function failingDefects(findings: readonly Finding[], failOn: Severity | 'none'): Finding[] {
  if (failOn === 'none') return [];
  return findings.filter((f) => isSecurityDefect(f) && severityRank(f.severity) >= severityRank(failOn));
}
