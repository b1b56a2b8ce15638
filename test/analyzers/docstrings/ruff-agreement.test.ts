import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { missingDocstring } from '../../../analyzers/docstrings/missing-docstring.js';
import { dedent, runRule } from '../../helpers/rule-tester.js';
import { cases } from './cases.js';

/**
 * Every table case Ruff can judge gets the same D1xx findings from Ruff (its wasm build, D1
 * selected, no convention) as from us. Ruff's wasm build sees no file name, so cases whose
 * answer depends on the path (private modules, stubs) or on our options are left to the tables;
 * a package's D104 is D100 to it.
 */
const ruff = new Workspace({ lint: { select: ['D1'] } }, PositionEncoding.Utf16);

function ruffFindings(code: string): string[] {
  const diagnostics = ruff.check(code) as Array<{ code: string | null; start_location: { row: number } }>;
  return diagnostics
    .filter((d) => d.code?.startsWith('D1'))
    .map((d) => `${d.start_location.row}:${d.code}`)
    .sort();
}

function ourFindings(code: string, path?: string): string[] {
  return runRule(missingDocstring, code, path)
    .map((f) => `${f.line}:${f.code === 'D104' ? 'D100' : f.code}`)
    .sort();
}

const judgeable = [...cases.flagged, ...cases.clean].filter((c) => !c.options && (!c.path || c.path.endsWith('/__init__.py')));

test('most table cases are ones Ruff can judge', () => {
  expect(judgeable.length).toBeGreaterThan(60);
});

test.each(judgeable.map((c) => [dedent(c.code).split('\n').filter(Boolean).slice(0, 3).join(' ⏎ ').slice(0, 90), c] as const))(
  'Ruff agrees: %s',
  (_name, c) => {
    const code = dedent(c.code);
    expect(ourFindings(code, c.path)).toEqual(ruffFindings(code));
  },
);
