import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { RULES } from '../../analyzers/index.js';
import { analyzeFileWithBinding } from '../../src/engine/binding-walk.js';
import { analyzeFile, type EnabledRule } from '../../src/engine/run.js';
import { corpusFiles, stdlibRoot } from '../../bench/corpus.js';
import { mutate, mutation } from '../helpers/python-fuzz.js';

/**
 * The engine on the flat tree finds exactly what the engine on tree-sitter's own nodes found:
 * the same findings (fingerprints, positions, messages, fixes), suppressions, measurements,
 * names and notes, with every rule on (opt-in ones too). Until the binding walk is removed.
 */
// Options as the config gives them: none, so each rule runs with its schema's defaults.
const every: EnabledRule[] = RULES.map((rule) => ({ rule, options: {} }));

function expectSameResults(path: string, source: string): void {
  expect(analyzeFile(path, source, every)).toEqual(analyzeFileWithBinding(path, source, every));
}

const fixtures = readdirSync(new URL('../fixtures/', import.meta.url), { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && e.name.endsWith('.py'))
  .map((e) => ({ path: `${e.parentPath}/${e.name}`.replace(/^.*fixtures\//, ''), source: readFileSync(`${e.parentPath}/${e.name}`, 'utf8') }));
const inventory = fixtures.find((f) => f.path.endsWith('inventory_service.py'))!;

describe('flat engine against the binding engine', () => {
  test.each(fixtures.map((f) => [f.path, f.source] as const))('%s', (path, source) => expectSameResults(path, source));

  test('a sample of the standard library (tests, package inits, big modules)', () => {
    let files = 0;
    for (const file of corpusFiles(stdlibRoot(), { limit: 40 })) {
      expectSameResults(file.path, file.source);
      files++;
    }
    expect(files).toBeGreaterThan(30);
  }, 300_000);

  test('broken variants of a real file', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) =>
        expectSameResults('inventory_service.py', mutate(inventory.source, mutations)),
      ),
      { numRuns: 40 },
    );
  }, 300_000);
});
