import type { Finding } from '../../engine/finding.js';
import { code, shorten } from './markdown.js';

/** What an example calls a finding: the name it is about, or a short piece of its line. */
export function exampleName(f: Finding): string {
  return shorten(f.subject ?? f.snippet, 60);
}

export function location(f: Pick<Finding, 'path' | 'line'>): string {
  return code(`${f.path}:${f.line}`);
}

/**
 * "`os` at `a.py:1`, `sys` at `a.py:2` (+3 more)": up to `limit` examples, different names first
 * (three parameters of `dump` say less than `dump`, `dumps` and `load`), then the count left.
 */
export function examples(findings: readonly Finding[], limit: number): string {
  const picked: Finding[] = [];
  const names = new Set<string>();
  for (const f of findings) {
    if (picked.length >= limit) break;
    if (names.has(exampleName(f))) continue;
    names.add(exampleName(f));
    picked.push(f);
  }
  for (const f of findings) {
    if (picked.length >= limit) break;
    if (!picked.includes(f) && !picked.some((p) => p.path === f.path && p.line === f.line)) picked.push(f);
  }
  const order = new Map(picked.map((f) => [f, findings.indexOf(f)]));
  picked.sort((a, b) => order.get(a)! - order.get(b)!);
  return picked.map((f) => `${code(exampleName(f))} at ${location(f)}`).join(', ') + more(findings.length - picked.length);
}

export function more(n: number): string {
  return n > 0 ? ` (+${n} more)` : '';
}
