import { readFileSync } from 'node:fs';
import { rules } from '../../../analyzers/type-hints/index.js';
import { analyzeFile } from '../../../src/engine/run.js';

const path = 'test/fixtures/type-hints/placement.py';

test('a partly annotated module: the missing halves, a def named by itself and a parameter as written', () => {
  const result = analyzeFile(
    path,
    readFileSync(path, 'utf8'),
    rules.filter((r) => !r.optIn).map((rule) => ({ rule, options: {} })),
  );
  expect(result.notes).toEqual([]);
  expect(result.findings.map((f) => `${f.line} ${f.code} ${f.subject}`)).toEqual([
    '6 ANN204 __init__',
    '14 ANN206 from_row',
    '14 ANN001 row',
    '18 ANN001 ctx',
    '22 ANN202 _get_consumer_by_uuid',
    '22 ANN001 ctx',
    '27 ANN001 ctx',
  ]);
});

test('a module without any annotation gets one finding per function, never a claim about consistency', () => {
  const source = 'def a(x):\n    return x\n\n\ndef b():\n    pass\n';
  const result = analyzeFile(
    'm.py',
    source,
    rules.map((rule) => ({ rule, options: {} })),
  );
  expect(result.findings.map((f) => `${f.line} ${f.code}`)).toEqual(['1 ANN201', '1 ANN001', '5 ANN201']);
  expect(result.findings.every((f) => !/inconsisten/i.test(f.message))).toBe(true);
});
