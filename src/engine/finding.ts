/** The nine categories of a review, in the order the summary lists its suggestions (security first). */
export const CATEGORIES = [
  'security',
  'naming',
  'type-hints',
  'signatures',
  'docstrings',
  'indentation',
  'unused-imports',
  'unused-variables',
  'function-logic',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Confidence = 'low' | 'medium' | 'high';

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** A replacement of the text between two 1-based positions (end exclusive), columns in UTF-16 units. */
export interface TextEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

/**
 * A fix the engine knows to be safe: applying it cannot change what the program does, or (a security
 * defect's fix, such as `yaml.safe_load`) changes it only for the hostile input the defect lets in.
 */
export interface Fix {
  description: string;
  edits: TextEdit[];
}

export interface Finding {
  path: string;
  /** 1-based, columns in UTF-16 code units (SARIF's default column kind). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  /** Equivalent code in Ruff/flake8/Bandit (F401, D103, B602), when there is one. */
  code?: string;
  category: Category;
  severity: Severity;
  confidence: Confidence;
  message: string;
  /** The name the finding is about, for the summary's examples (`name` at path:line). */
  subject?: string;
  /** The offending source text, one line, trimmed (shown in security defects). */
  snippet: string;
  /** Qualified name of the enclosing class/function, '' at module level. */
  symbol: string;
  cwe?: number;
  fix?: Fix;
  /**
   * What to do about this finding, computed from it (`-> None`, the rename `g1_rp1`, the library the
   * file imports); absent when there is nothing specific to say. The rule's doc keeps the generic advice.
   */
  suggestion?: string;
  /** A size or complexity finding: the measured value and the limit (and, in a review of a change, the value before it). */
  measure?: Measure;
  /**
   * Security: why this looks like the caller's explicit, intended choice (`verify=False` passed through,
   * `usedforsecurity=False`, test code). Reported as a note, never as a defect that fails the check.
   */
  advisory?: string;
  /** Stable across moved lines: rule + symbol + normalised code (+ occurrence). */
  fingerprint: string;
}

export interface Measure {
  /** What is counted, as the message says it: 'cyclomatic complexity', 'statements', 'branches', 'arguments'. */
  quantity: string;
  value: number;
  limit: number;
  /** The same function's value in the base version, when a review of a change knows it. */
  before?: number;
  /** The repository's own limit, looser than `limit`: such a finding is worth saying only when a change crosses `limit`. */
  ceiling?: number;
  /** The repository runs no such check: only a change that crosses the limit is worth a word, not growth above it. */
  crossingOnly?: boolean;
}

/** A name that follows its convention: the evidence for "the code mixes camelCase and snake_case". */
export interface NameExample {
  path: string;
  line: number;
  name: string;
}

/**
 * Something the report must say that is not a finding: a skipped file, a failed analyzer, a file
 * not fully reviewed because it went over a time or findings budget (`over-budget`).
 */
export interface Note {
  path: string;
  /**
   * skipped / analyzer-failed / over-budget: a Python file not (fully) reviewed. excluded: files
   * the repository's own linters exclude, left out on purpose as the config's `exclude` leaves them.
   */
  kind: 'skipped' | 'syntax-error' | 'analyzer-failed' | 'over-budget' | 'config' | 'excluded';
  message: string;
}
