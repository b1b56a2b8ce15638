import type { FileConventions } from '../../src/engine/conventions.js';
import type { Finding } from '../../src/engine/finding.js';
import type { Rule } from '../../src/engine/rule.js';
import { analyzeFile } from '../../src/engine/run.js';

export interface FlaggedCase {
  code: string;
  /** Expected 1-based lines of the findings, in order. */
  lines: number[];
  /** Text every finding's message contains (or one per finding). */
  message?: string | string[];
  /** The finding-specific fix text each finding carries (or one per finding); null: none at all (there is nothing specific to say). */
  suggestion?: string | null | Array<string | null>;
  path?: string;
  options?: Record<string, unknown>;
  /** What the code around expects (strict when not given). */
  conventions?: FileConventions;
}

export interface CleanCase {
  code: string;
  path?: string;
  options?: Record<string, unknown>;
  conventions?: FileConventions;
}

/** Runs one rule on a snippet (dedented), through the real engine: parse, scope model, walk, suppressions. */
export function runRule(rule: Rule, code: string, path = 'example.py', options: Record<string, unknown> = {}, conventions?: FileConventions): Finding[] {
  const result = analyzeFile(path, dedent(code), [{ rule, options }], conventions);
  const failures = result.notes.filter((n) => n.kind === 'analyzer-failed');
  if (failures.length) throw new Error(failures.map((n) => n.message).join('\n'));
  return result.findings.filter((f) => f.rule === rule.id);
}

/** ESLint-RuleTester-style tables: what the rule flags, and what it must leave alone. */
export function ruleTester(rule: Rule, cases: { flagged: FlaggedCase[]; clean: CleanCase[] }): void {
  describe(`${rule.id}: flags`, () => {
    test.each(cases.flagged.map((c) => [firstLine(c.code), c] as const))('%s', (_name, c) => {
      const findings = runRule(rule, c.code, c.path, c.options, c.conventions);
      expect(findings.map((f) => f.line)).toEqual(c.lines);
      if (c.message !== undefined) {
        const messages = Array.isArray(c.message) ? c.message : findings.map(() => c.message as string);
        findings.forEach((f, i) => expect(f.message).toContain(messages[i]));
      }
      if (c.suggestion !== undefined) {
        const texts = Array.isArray(c.suggestion) ? c.suggestion : findings.map(() => c.suggestion as string | null);
        expect(findings.map((f) => f.suggestion ?? null)).toEqual(texts);
      }
    });
  });
  describe(`${rule.id}: leaves alone`, () => {
    test.each(cases.clean.map((c) => [firstLine(c.code), c] as const))('%s', (_name, c) => {
      expect(runRule(rule, c.code, c.path, c.options, c.conventions)).toEqual([]);
    });
  });
}

function firstLine(code: string): string {
  const lines = dedent(code)
    .split('\n')
    .filter((l) => l.trim());
  return lines.slice(0, 2).join(' ⏎ ').slice(0, 90);
}

/** Strips the common indentation of a template literal, and its first empty line. */
export function dedent(code: string): string {
  const lines = code.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}
