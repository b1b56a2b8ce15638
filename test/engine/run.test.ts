import { tooManyArguments } from '../../analyzers/function-logic/too-many-arguments.js';
import { unusedImport } from '../../analyzers/unused-imports/unused-import.js';
import { unusedVariable } from '../../analyzers/unused-variables/unused-variable.js';
import { analyze } from '../../src/engine/analyze.js';
import type { Rule } from '../../src/engine/rule.js';
import { analyzeFile, measureKey, type EnabledRule } from '../../src/engine/run.js';

const on = (...rules: Rule[]): EnabledRule[] => rules.map((rule) => ({ rule, options: {} }));

describe('fingerprints', () => {
  test('survive moved lines and re-indentation, and differ between findings', () => {
    const before = analyzeFile('a.py', 'import os\nimport sys\n', on(unusedImport)).findings;
    const after = analyzeFile('a.py', '"""Doc."""\n\n\nimport sys\nimport  os\n', on(unusedImport)).findings;
    const byName = (fs: typeof before) => Object.fromEntries(fs.map((f) => [f.subject, f.fingerprint]));
    expect(byName(after)).toEqual(byName(before));
    expect(new Set(before.map((f) => f.fingerprint)).size).toBe(2);
  });

  test('tell apart the same finding in two functions', () => {
    const fs = analyzeFile('a.py', 'def f():\n    x = 1\ndef g():\n    x = 1\n', on(unusedVariable)).findings;
    expect(fs.map((f) => f.symbol)).toEqual(['f', 'g']);
    expect(fs[0]!.fingerprint).not.toBe(fs[1]!.fingerprint);
  });
});

describe('suppressions', () => {
  test('noqa silences and is counted; noqa naming another code does not', () => {
    const r = analyzeFile('a.py', 'import os  # noqa\nimport re  # noqa: E501\nimport io  # NOQA:F401\n', on(unusedImport));
    expect(r.findings.map((f) => f.line)).toEqual([2]);
    expect(r.suppressed.map(({ rule, line, by, commentLine }) => ({ rule, line, by, commentLine }))).toEqual([
      { rule: 'unused-import', line: 1, by: 'noqa', commentLine: 1 },
      { rule: 'unused-import', line: 3, by: 'noqa', commentLine: 3 },
    ]);
    // The silenced finding is kept whole, with the fingerprint it has unsuppressed.
    const unsuppressed = analyzeFile('a.py', 'import os\nimport re  # noqa: E501\nimport io\n', on(unusedImport));
    expect(r.suppressed.map((s) => s.finding.fingerprint)).toEqual([unsuppressed.findings[0]!.fingerprint, unsuppressed.findings[2]!.fingerprint]);
  });

  test('size rules record every function, over the limit or not, and report the measure', () => {
    const r = analyzeFile('a.py', 'def f(a, b, c, d, e, g):\n    pass\n\nclass C:\n    def m(self, a):\n        pass\n', on(tooManyArguments));
    expect(r.measurements).toEqual([
      { rule: 'too-many-arguments', key: measureKey('', 'f'), value: 6 },
      { rule: 'too-many-arguments', key: measureKey('C', 'm'), value: 1 },
    ]);
    expect(r.findings.map((f) => [f.subject, f.measure])).toEqual([['f', { quantity: 'arguments', value: 6, limit: 5 }]]);
  });

  test('a noqa naming one of our checks that silences nothing is reported (RUF100)', () => {
    const r = analyzeFile('a.py', 'import os  # noqa: F401\nos.sep\n', on(unusedImport));
    expect(r.findings.map((f) => [f.rule, f.line, f.category])).toEqual([['unused-suppression', 1, 'unused-imports']]);
  });

  test('bare nosec does not silence a non-security finding', () => {
    const r = analyzeFile('a.py', 'import os  # nosec\n', on(unusedImport));
    expect(r.findings).toHaveLength(1);
  });
});

describe('isolation', () => {
  const broken: Rule = {
    id: 'broken-rule',
    category: 'function-logic',
    title: 'throws',
    severity: 'low',
    codes: [],
    doc: { what: '', why: '', example: '', fix: '' },
    create: () => ({
      function_definition: () => {
        throw new Error('boom');
      },
    }),
  };

  test('a rule that throws becomes a note; the other rules still report', () => {
    const r = analyzeFile('a.py', 'import os\ndef f():\n    pass\n', on(broken, unusedImport));
    expect(r.notes.map((n) => n.message)).toEqual(['analyzer broken-rule failed on a.py: boom']);
    expect(r.findings.map((f) => f.rule)).toEqual(['unused-import']);
  });

  test('a syntax error is a note, and the parsed part is still analysed', () => {
    const r = analyze([{ path: 'b.py', source: 'import os\ndef f(:\n    pass\n' }], on(unusedImport));
    expect(r.notes.map((n) => n.kind)).toEqual(['syntax-error']);
    expect(r.findings.map((f) => f.subject)).toEqual(['os']);
  });

  test('line sets keep only findings on those lines and count the rest', () => {
    const r = analyze([{ path: 'c.py', source: 'import os\nimport re\n', lines: new Set([2]) }], on(unusedImport));
    expect(r.findings.map((f) => f.line)).toEqual([2]);
    expect(r.outsideLines).toBe(1);
  });
});

describe('file-wide and per-code suppressions', () => {
  test('`# ruff: noqa` on its own line silences the whole file; with codes only those', () => {
    expect(analyzeFile('a.py', '# ruff: noqa\nimport os\n', on(unusedImport)).findings).toEqual([]);
    const some = analyzeFile('a.py', '# flake8: noqa: F841\nimport os\ndef f():\n    x = 1\n', on(unusedImport, unusedVariable));
    expect(some.findings.map((f) => f.rule)).toEqual(['unused-import']);
    expect(analyzeFile('a.py', 'x = 1  # ruff: noqa\nimport os\n', on(unusedImport)).findings).toHaveLength(1);
  });
});
