import { readFileSync } from 'node:fs';
import { rules } from '../../../analyzers/indentation/index.js';
import { analyzeFile } from '../../../src/engine/run.js';

function review(name: string): Array<[number, string | undefined, string]> {
  const source = readFileSync(new URL(`../../fixtures/indentation/${name}`, import.meta.url), 'utf8');
  const result = analyzeFile(
    name,
    source,
    rules.map((rule) => ({ rule, options: {} })),
  );
  expect(result.notes).toEqual([]);
  return result.findings.map((f) => [f.line, f.code, f.rule]);
}

describe('indentation on a whole file', () => {
  test('finds what Ruff finds (E1/W191), nothing in strings or brackets', () => {
    expect(review('inventory.py')).toEqual([
      [9, 'E116', 'unexpected-indentation'],
      [24, 'E111', 'indentation-width'],
      [24, 'E117', 'over-indented'],
      [36, 'E115', 'unexpected-indentation'],
      [42, 'E101', 'mixed-spaces-and-tabs'],
      [42, 'W191', 'tab-indentation'],
    ]);
  });

  test('a 2-space file is told once, and its one odd line is named', () => {
    const findings = review('two-spaces.py');
    expect(findings).toEqual([
      [2, 'E111', 'indentation-width'],
      [17, 'E111', 'indentation-width'],
    ]);
  });
});
