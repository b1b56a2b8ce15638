import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { readFileSync } from 'node:fs';
import { missingDocstring } from '../../../analyzers/docstrings/missing-docstring.js';
import { RULES } from '../../../analyzers/index.js';
import { analyzeFile } from '../../../src/engine/run.js';
import { runRule } from '../../helpers/rule-tester.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/docstrings/shop/${name}`, import.meta.url), 'utf8');

describe('missing-docstring on a whole package', () => {
  test('inventory.py: the public, undocumented definitions and nothing else', () => {
    const findings = runRule(missingDocstring, fixture('inventory.py'), 'shop/inventory.py');
    expect(findings.map((f) => [f.code, f.line, f.subject])).toEqual([
      ['D101', 16, 'InventoryError'],
      ['D105', 27, 'Item.__post_init__'],
      ['D105', 31, 'Item.__repr__'],
      ['D102', 43, 'Item.restock'], // an f-string is not a docstring
      ['D106', 54, 'Warehouse.Config'],
      ['D107', 57, 'Warehouse.__init__'],
      ['D105', 65, 'Warehouse.__len__'],
      ['D102', 81, 'Warehouse.add'],
      ['D103', 98, 'reorder_report'],
    ]);
  });

  test('inventory.py: Ruff reports the same codes on the same lines', () => {
    const ruff = new Workspace({ lint: { select: ['D1'] } }, PositionEncoding.Utf16);
    const theirs = (ruff.check(fixture('inventory.py')) as Array<{ code: string; start_location: { row: number; column: number } }>).map((d) => [
      d.code,
      d.start_location.row,
      d.start_location.column,
    ]);
    const ours = runRule(missingDocstring, fixture('inventory.py'), 'shop/inventory.py').map((f) => [f.code, f.line, f.column]);
    expect(ours).toEqual(theirs);
  });

  test('__init__.py without a docstring is D104, not D100', () => {
    const findings = runRule(missingDocstring, fixture('__init__.py'), 'shop/__init__.py');
    expect(findings.map((f) => [f.code, f.line, f.subject])).toEqual([['D104', 1, 'shop']]);
  });

  test('a private module has no public definitions', () => {
    expect(runRule(missingDocstring, fixture('_pricing.py'), 'shop/_pricing.py')).toEqual([]);
  });

  test('alongside every other rule, in one walk, the findings are the same', () => {
    const all = analyzeFile(
      'shop/inventory.py',
      fixture('inventory.py'),
      RULES.map((rule) => ({ rule, options: {} })),
    );
    expect(all.notes.filter((n) => n.kind === 'analyzer-failed' && n.message.includes(missingDocstring.id))).toEqual([]);
    const ours = all.findings.filter((f) => f.rule === missingDocstring.id).map((f) => [f.code, f.line]);
    expect(ours).toEqual(runRule(missingDocstring, fixture('inventory.py'), 'shop/inventory.py').map((f) => [f.code, f.line]));
  });
});
