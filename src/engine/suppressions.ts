import type { Category } from './finding.js';

/** A `# noqa` or `# nosec` comment, and which findings it silenced. */
export interface Suppression {
  kind: 'noqa' | 'nosec';
  /** The comment's line; 0 for a file-wide `# ruff: noqa` / `# flake8: noqa`. */
  line: number;
  /** Our rule ids or other tools' codes; empty for a bare comment. */
  codes: string[];
  /** Start index of the comment and of each code, for reporting. */
  start: number;
  end: number;
  /** Codes (or '*' for a bare comment) that silenced at least one finding. */
  used: Set<string>;
}

const CODE = String.raw`(?:[A-Z]+[0-9]+|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)`;
// Ruff's shape: `# noqa`, `# noqa: F401`, `# noqa:F401,E501`; the word is case-insensitive.
const NOQA = new RegExp(String.raw`#\s*[Nn][Oo][Qq][Aa](?::\s*(${CODE}(?:[\s,]+${CODE})*))?`);
// File-wide, on a line of its own: `# ruff: noqa`, `# flake8: noqa`, `# ruff: noqa: F401`.
const FILE_NOQA = new RegExp(String.raw`^#\s*(?:ruff|flake8)\s*:\s*[Nn][Oo][Qq][Aa](?::\s*(${CODE}(?:[\s,]+${CODE})*))?\s*$`);
// Bandit's shape: `# nosec`, `# nosec B602, B607`, `# nosec: B602`.
const NOSEC = new RegExp(String.raw`#\s*nosec\b(?::?\s*(${CODE}(?:[\s,]+${CODE})*))?`);

export function parseSuppressions(comments: Array<{ text: string; line: number; start: number; end: number; ownLine: boolean }>): Suppression[] {
  const out: Suppression[] = [];
  for (const c of comments) {
    const fileWide = c.ownLine ? FILE_NOQA.exec(c.text) : null;
    if (fileWide) {
      out.push({ kind: 'noqa', line: 0, codes: fileWide[1] ? fileWide[1].split(/[\s,]+/).filter(Boolean) : [], start: c.start, end: c.end, used: new Set() });
      continue;
    }
    for (const [kind, re] of [
      ['noqa', NOQA],
      ['nosec', NOSEC],
    ] as const) {
      const m = re.exec(c.text);
      if (!m) continue;
      const codes = m[1] ? m[1].split(/[\s,]+/).filter(Boolean) : [];
      out.push({ kind, line: c.line, codes, start: c.start, end: c.end, used: new Set() });
    }
  }
  return out;
}

export interface SuppressibleFinding {
  line: number;
  endLine: number;
  rule: string;
  code?: string;
  category: Category;
}

/**
 * The suppression that silences a finding, if any: `# nosec` for security, `# noqa` for the rest;
 * either one naming the rule (our id or its flake8/ruff/bandit code) silences any category.
 */
export function suppressionFor(
  finding: SuppressibleFinding,
  codes: readonly string[],
  byLine: Map<number, Suppression[]>,
  /** The first line of the statement the finding belongs to (Report.parent), when it has one. */
  parentLine?: number,
): Suppression | undefined {
  const lines = finding.line === finding.endLine ? [finding.line, 0] : [finding.line, finding.endLine, 0];
  if (parentLine !== undefined && !lines.includes(parentLine)) lines.push(parentLine);
  for (const line of lines) {
    for (const s of byLine.get(line) ?? []) {
      if (s.codes.length === 0) {
        const matches = s.kind === 'nosec' ? finding.category === 'security' : finding.category !== 'security';
        if (matches) {
          s.used.add('*');
          return s;
        }
        continue;
      }
      // A rule that covers several codes (D100–D107) is silenced per finding by its own code.
      const code = s.codes.find((c) => c === finding.rule || (finding.code !== undefined ? sameCheck(c, finding.code, finding.category) : codes.includes(c)));
      if (code) {
        s.used.add(code);
        return s;
      }
    }
  }
  return undefined;
}

/** Ruff's flake8-bandit codes are Bandit's with an S: `# noqa: S307` names the check Bandit calls B307. */
function sameCheck(written: string, code: string, category: Category): boolean {
  if (written === code) return true;
  return category === 'security' && /^[BS]\d+$/.test(written) && /^[BS]\d+$/.test(code) && written.slice(1) === code.slice(1);
}
