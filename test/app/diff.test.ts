import fc from 'fast-check';
import type { Finding } from '../../src/engine/finding.js';
import { baseFromPatch, commentableLines, inlineAnchor } from '../../src/review/diff.js';
import { unifiedPatch } from '../support/github-stand-in.js';

/** review/diff.ts: which RIGHT-side lines GitHub accepts comments on, and the three filter modes. */

function finding(line: number, endLine = line): Finding {
  return {
    path: 'a.py',
    line,
    column: 1,
    endLine,
    endColumn: 5,
    rule: 'unused-import',
    category: 'unused-imports',
    severity: 'low',
    confidence: 'high',
    message: 'm',
    snippet: 's',
    symbol: '',
    fingerprint: `fp${line}`,
  };
}

const PATCH = [
  '@@ -1,4 +1,5 @@',
  ' import os',
  '-import sys',
  '+import re',
  '+import json',
  ' ',
  ' x = 1',
  '@@ -20,3 +21,3 @@ def f():',
  '     a = 1',
  '-    b = 2',
  '+    b = 3',
  '     return a',
  '\\ No newline at end of file',
].join('\n');

describe('commentableLines', () => {
  const diff = commentableLines(PATCH);

  test('added and context lines on the RIGHT side, deleted lines excluded', () => {
    expect([...diff.added].sort((a, b) => a - b)).toEqual([2, 3, 22]);
    expect([...diff.context].sort((a, b) => a - b)).toEqual([1, 4, 5, 21, 23]);
    expect(diff.hunks).toEqual([
      { start: 1, end: 5 },
      { start: 21, end: 23 },
    ]);
  });

  test('"\\ No newline at end of file" is not a line', () => {
    expect(diff.added.has(24) || diff.context.has(24)).toBe(false);
  });

  test('a missing patch (GitHub omits large ones) allows nothing inline', () => {
    const none = commentableLines(undefined);
    expect(none.patchMissing).toBe(true);
    expect(inlineAnchor(finding(2), none, 'file')).toBeUndefined();
  });

  test('agrees with patches made by a real diff (jsdiff)', () => {
    const before = Array.from({ length: 30 }, (_, i) => `line_${i + 1} = ${i + 1}`).join('\n') + '\n';
    const after = before.replace('line_10 = 10\n', 'line_10 = 10\nnew_line = 0\n').replace('line_25 = 25\n', '');
    const d = commentableLines(unifiedPatch(before, after));
    expect([...d.added]).toEqual([11]);
    // Three lines of context around each change (old 22-24 and 26-28, shifted by the insertion).
    expect([...d.context].sort((a, b) => a - b)).toEqual([8, 9, 10, 12, 13, 14, 23, 24, 25, 26, 27, 28]);
  });
});

describe('inlineAnchor and the filter modes', () => {
  const diff = commentableLines(PATCH);

  test('added: only findings on added lines', () => {
    expect(inlineAnchor(finding(2), diff, 'added')).toEqual({ line: 2 });
    expect(inlineAnchor(finding(1), diff, 'added')).toBeUndefined();
  });

  test('diff_context: findings on any line the diff shows', () => {
    expect(inlineAnchor(finding(1), diff, 'diff_context')).toEqual({ line: 1 });
    expect(inlineAnchor(finding(10), diff, 'diff_context')).toBeUndefined();
  });

  test('file: a finding whose range reaches into the diff is anchored on its first shown line', () => {
    expect(inlineAnchor(finding(18, 21), diff, 'file')).toEqual({ line: 21 });
    expect(inlineAnchor(finding(18, 21), diff, 'diff_context')).toBeUndefined();
    expect(inlineAnchor(finding(10, 12), diff, 'file')).toBeUndefined();
  });

  test('a suggestion range inside one hunk becomes a multi-line comment', () => {
    expect(inlineAnchor(finding(2, 3), diff, 'added', { start: 2, end: 3 })).toEqual({ startLine: 2, line: 3 });
  });

  test('a range that crosses hunks falls back to a single line', () => {
    expect(inlineAnchor(finding(4, 22), diff, 'diff_context', { start: 4, end: 22 })).toEqual({ line: 4 });
  });
});

describe('baseFromPatch', () => {
  const lines = fc.array(fc.constantFrom('import os', 'x = 1', 'y = 2', '', 'def f():', '    return 1', '# note', 'z = x + y'), { maxLength: 40 });
  const text = fc.tuple(lines, fc.boolean()).map(([ls, nl]) => (ls.length ? ls.join('\n') + (nl ? '\n' : '') : ''));

  test('rebuilds the base exactly from the head and a real patch', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const patch = unifiedPatch(before, after);
        if (!patch) return; // identical files have no patch
        expect(baseFromPatch(after, patch)).toBe(before);
      }),
      { numRuns: 500 },
    );
  });

  test('a patch that does not fit the head text is refused', () => {
    const before = 'a = 1\nb = 2\nc = 3\n';
    const after = 'a = 1\nb = 20\nc = 3\n';
    expect(baseFromPatch('a = 1\nb = 99\nc = 3\n', unifiedPatch(before, after))).toBeUndefined();
  });
});
