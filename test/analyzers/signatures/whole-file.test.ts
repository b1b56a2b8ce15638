import { readFileSync } from 'node:fs';
import { rules } from '../../../analyzers/signatures/index.js';
import { analyzeFile } from '../../../src/engine/run.js';

const path = 'test/fixtures/signatures/consumer_store.py';

test('a real-looking module: each signature problem once, the protocol methods left alone', () => {
  const result = analyzeFile(
    path,
    readFileSync(path, 'utf8'),
    rules.filter((r) => !r.optIn).map((rule) => ({ rule, options: {} })),
  );
  expect(result.notes).toEqual([]);
  // `__registry__ = {}` (line 6) is a class attribute: made-up-dunder judges those only when asked.
  expect(result.findings.map((f) => `${f.line} ${f.rule} ${f.subject}`)).toEqual([
    '8 mutable-default-argument defaults',
    '12 first-argument-name get',
    '16 first-argument-name create',
    '21 staticmethod-self normalise',
    '23 made-up-dunder __refresh__',
    '33 mutable-default-argument seen',
    '34 mangled-name-access __backend',
    '38 mangled-name-access _ConsumerStore__backend',
  ]);
});

test('the opt-in boolean flag rule finds the positional flag when enabled', () => {
  const flag = rules.find((r) => r.id === 'boolean-positional-flag')!;
  const result = analyzeFile(path, readFileSync(path, 'utf8'), [{ rule: flag, options: {} }]);
  expect(result.findings.map((f) => `${f.line} ${f.code} ${f.subject}`)).toEqual(['41 FBT002 find']);
});
