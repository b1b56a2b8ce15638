import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { analyze } from '../../src/engine/analyze.js';
import { decodePython } from '../../src/engine/decode.js';
import type { Note } from '../../src/engine/finding.js';
import { DEFAULT_CONFIG, enabledRules } from '../../src/review/config.js';
import { renderSummary } from '../../src/review/render/summary.js';
import { mutate, mutation, token } from '../helpers/python-fuzz.js';
import { planOf } from '../helpers/plan.js';

/**
 * Whatever arrives in a pull request, the engine never throws, every rule survives it, and the
 * review still renders. Failures print fast-check's shrunk counterexample and seed.
 */
const rules = enabledRules(DEFAULT_CONFIG);
const real = readFileSync(new URL('../fixtures/python/inventory_service.py', import.meta.url), 'utf8');

function review(path: string, source: string): { summary: string; crashes: Note[] } {
  const result = analyze([{ path, source }], rules);
  const lines = source.split('\n').length;
  for (const f of result.findings) {
    if (f.line < 1 || f.line > lines || f.endLine < f.line) throw new Error(`finding ${f.rule} at ${f.line}-${f.endLine} outside a ${lines}-line file`);
  }
  return { summary: renderSummary(planOf(result)), crashes: result.notes.filter((n) => n.kind === 'analyzer-failed') };
}

describe('engine fuzzing', () => {
  test('the real file itself reviews cleanly', () => {
    const { summary, crashes } = review('inventory_service.py', real);
    expect(crashes).toEqual([]);
    expect(summary.length).toBeGreaterThan(0);
  });

  test('random mutations of real Python never crash the engine or a rule', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (mutations) => {
        const { summary, crashes } = review('inventory_service.py', mutate(real, mutations));
        expect(crashes).toEqual([]);
        expect(summary.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  test('random Python-ish token soup never crashes', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(token, fc.string({ unit: 'binary', maxLength: 2 })), maxLength: 300 }), (source) => {
        const { summary, crashes } = review('soup.py', source);
        expect(crashes).toEqual([]);
        expect(summary.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  test('random bytes are decoded or skipped with a reason, and what decodes is reviewed', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.string({ unit: 'binary', maxLength: 500 }).map((s) => new TextEncoder().encode(s)),
        ),
        (bytes) => {
          const decoded = decodePython(bytes);
          if (!decoded.ok) {
            expect(decoded.reason).toMatch(/^skipped: /);
            return;
          }
          const { summary, crashes } = review('bytes.py', decoded.source);
          expect(crashes).toEqual([]);
          expect(summary.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
