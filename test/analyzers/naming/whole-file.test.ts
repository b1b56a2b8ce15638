import { readFileSync } from 'node:fs';
import { rules } from '../../../analyzers/naming/index.js';
import { analyzeFile } from '../../../src/engine/run.js';

const path = 'test/fixtures/naming/consumer_api.py';

test('a real-looking module: every convention slip, nothing that must keep its name', () => {
  const result = analyzeFile(
    path,
    readFileSync(path, 'utf8'),
    rules.filter((r) => !r.optIn).map((rule) => ({ rule, options: {} })),
  );
  expect(result.notes).toEqual([]);
  const got = result.findings.map((f) => `${f.line} ${f.code} ${f.subject} ${f.confidence}`);
  expect(got).toEqual([
    '4 N812 OS high',
    '9 N816 defaultTimeout high',
    '14 N802 fetchConsumer low',
    '14 N803 consumerId high',
    '15 N806 Result high',
    '17 N806 Result high',
    '22 A001 list high',
    '31 N815 cacheSize high',
    '33 N802 getConsumer high',
    '33 A002 id high',
    '37 N801 consumer_error high',
    '50 N802 testLookup low',
  ]);
});
