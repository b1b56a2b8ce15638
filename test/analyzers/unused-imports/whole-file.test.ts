import { readFileSync } from 'node:fs';
import { unusedImport } from '../../../analyzers/unused-imports/unused-import.js';
import { unusedVariable } from '../../../analyzers/unused-variables/unused-variable.js';
import { analyzeFile } from '../../../src/engine/run.js';

const path = 'test/fixtures/unused/report_builder.py';
const source = readFileSync(path, 'utf8');

test('unused imports in a realistic module: only the two that nothing reads, exports, annotates or falls back to', () => {
  const { findings } = analyzeFile(path, source, [{ rule: unusedImport, options: {} }]);
  expect(findings.map((f) => [f.line, f.subject])).toEqual([
    [4, 'csv'],
    [8, 'collections.OrderedDict'],
  ]);
});

test('unused variables in the same module: plain locals, a parallel assignment and an unread exception name', () => {
  const { findings } = analyzeFile(path, source, [{ rule: unusedVariable, options: {} }]);
  expect(findings.map((f) => [f.line, f.subject])).toEqual([
    [24, 'header'],
    [25, 'count'],
    [31, 'encoded'],
    [32, 'error'],
  ]);
});
