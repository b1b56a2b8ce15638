import type { Finding, Severity } from '../../src/engine/finding.js';
import { annotations, annotationsNote, batches, checkSummary, CHECK_TEXT_LIMIT } from '../../src/review/render/check-run.js';

function finding(category: Finding['category'], severity: Severity, line = 1): Finding {
  return {
    path: 'a.py',
    line,
    column: 1,
    endLine: line,
    endColumn: 9,
    rule: 'r',
    category,
    severity,
    confidence: 'high',
    message: 'message',
    snippet: 's',
    symbol: '',
    fingerprint: `fp${line}`,
  };
}

describe('annotations', () => {
  test('levels follow severity; columns only on one-line ranges', () => {
    const [a, b] = annotations([finding('security', 'high'), { ...finding('docstrings', 'low', 3), endLine: 5 }]);
    expect(a).toMatchObject({ annotation_level: 'failure', start_line: 1, end_line: 1, start_column: 1, end_column: 9 });
    expect(b).toMatchObject({ annotation_level: 'notice', start_line: 3, end_line: 5 });
    expect(b).not.toHaveProperty('start_column');
  });

  test('at most 50, the most severe first, and the check run says how many were left out', () => {
    const many = [...Array.from({ length: 70 }, (_, i) => finding('docstrings', 'low', i + 1)), finding('security', 'critical', 99)];
    const shown = annotations(many);
    expect(shown).toHaveLength(50);
    expect(shown[0]).toMatchObject({ start_line: 99, annotation_level: 'failure' });
    expect(annotationsNote(many.length, shown.length)).toBe('Annotations show the 50 most severe of 71 findings; the summary covers them all.');
    expect(annotationsNote(3, 3)).toBeUndefined();
  });

  test('batches of 50', () => {
    expect(batches(Array.from({ length: 120 }, (_, i) => i)).map((b) => b.length)).toEqual([50, 50, 20]);
  });

  test('the summary is cut under the output limit', () => {
    expect(checkSummary('x'.repeat(70_000)).length).toBeLessThanOrEqual(CHECK_TEXT_LIMIT);
  });
});
