import { readFileSync } from 'node:fs';
import { rules } from '../../../analyzers/function-logic/index.js';
import { analyzeFile } from '../../../src/engine/run.js';

const source = readFileSync(new URL('../../fixtures/function-logic/consumer_types.py', import.meta.url), 'utf8');
const result = analyzeFile(
  'placement/objects/consumer_type.py',
  source,
  rules.map((rule) => ({ rule, options: {} })),
);

describe('function logic on a whole file', () => {
  test('reports the nested decorated helper, the exception handling and the oversized function', () => {
    expect(result.notes).toEqual([]);
    expect(result.findings.map((f) => [f.line, f.rule, f.code ?? ''])).toEqual([
      [31, 'nested-decorated-function', ''],
      [38, 'raise-without-from', 'B904'],
      [43, 'bare-except', 'E722'],
      [46, 'jump-in-finally', 'B012'],
      [49, 'complex-function', 'C901'],
      [49, 'too-many-arguments', 'PLR0913'],
      [49, 'too-many-branches', 'PLR0912'],
      [76, 'deep-nesting', 'PLR1702'],
    ]);
  });

  test("the decorator's functools.wraps wrapper is not reported", () => {
    expect(result.findings.filter((f) => f.subject === 'wrapper')).toEqual([]);
  });

  test('the nested helper finding says what to do, with the decorator and the enclosing method', () => {
    const nested = result.findings.find((f) => f.rule === 'nested-decorated-function')!;
    expect(nested.symbol).toBe('ConsumerType.create');
    expect(nested.message).toContain('`@db_api.placement_context_manager.writer`');
    expect(nested.message).toContain('lift it to module level');
  });
});
