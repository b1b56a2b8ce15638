import type { Finding } from '../../engine/finding.js';
import { code, shorten } from './markdown.js';

/** What an example calls a finding: the name it is about, or a short piece of its line. */
export function exampleName(f: Finding): string {
  return shorten(f.subject ?? f.snippet, 60);
}

export function location(f: Pick<Finding, 'path' | 'line'>): string {
  return code(`${f.path}:${f.line}`);
}

/** "`os` at `a.py:1`, `sys` at `a.py:2` (+3 more)": up to `limit` distinct examples, then the count left. */
export function examples(findings: readonly Finding[], limit: number): string {
  const seen = new Set<string>();
  const shown: string[] = [];
  for (const f of findings) {
    if (shown.length >= limit) break;
    const key = `${exampleName(f)}\0${f.path}\0${f.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    shown.push(`${code(exampleName(f))} at ${location(f)}`);
  }
  return shown.join(', ') + more(findings.length - shown.length);
}

export function more(n: number): string {
  return n > 0 ? ` (+${n} more)` : '';
}
