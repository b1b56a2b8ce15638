import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { addFacts, emptyFacts, MEASURED_CHARS, measureCodeFacts, type CodeFacts } from '../../../analyzers/python/code-facts.js';
import { functionFacts } from '../../../analyzers/python/function-facts.js';
import { analyzeFile } from '../../../src/engine/run.js';
import type { Rule } from '../../../src/engine/rule.js';
import { dedent } from '../../helpers/rule-tester.js';

type Counts = Pick<CodeFacts, 'defs' | 'annotatedDefs' | 'partlyAnnotatedDefs' | 'publicDefs' | 'documentedPublicDefs'>;

const counts = (f: CodeFacts): Counts => ({
  defs: f.defs,
  annotatedDefs: f.annotatedDefs,
  partlyAnnotatedDefs: f.partlyAnnotatedDefs,
  publicDefs: f.publicDefs,
  documentedPublicDefs: f.documentedPublicDefs,
});

describe('measureCodeFacts: annotations and docstrings', () => {
  test.each<[string, string, Counts]>([
    ['an unannotated def', 'def f(a, b):\n    return a', { defs: 1, annotatedDefs: 0, partlyAnnotatedDefs: 0, publicDefs: 1, documentedPublicDefs: 0 }],
    [
      'a fully annotated def',
      'def f(a: int, *b: str, **c: object) -> None:\n    pass',
      { defs: 1, annotatedDefs: 1, partlyAnnotatedDefs: 0, publicDefs: 1, documentedPublicDefs: 0 },
    ],
    [
      'a half-annotated private def',
      'def _g(index: int, current):\n    pass',
      { defs: 1, annotatedDefs: 0, partlyAnnotatedDefs: 1, publicDefs: 0, documentedPublicDefs: 0 },
    ],
    [
      'a lambda default is not an annotation',
      'def f(key=lambda x: x):\n    pass',
      { defs: 1, annotatedDefs: 0, partlyAnnotatedDefs: 0, publicDefs: 1, documentedPublicDefs: 0 },
    ],
    [
      'self and cls are not counted',
      'class A:\n    """A."""\n    def m(self) -> int:\n        """M."""\n    @classmethod\n    def c(cls) -> "A":\n        pass',
      { defs: 2, annotatedDefs: 2, partlyAnnotatedDefs: 0, publicDefs: 3, documentedPublicDefs: 2 },
    ],
    [
      "a staticmethod's first parameter is",
      'class A:\n    @staticmethod\n    def s(x) -> int:\n        pass',
      { defs: 1, annotatedDefs: 0, partlyAnnotatedDefs: 1, publicDefs: 2, documentedPublicDefs: 0 },
    ],
    [
      'a header over several lines',
      'def f(\n    a: int,  # the first\n    b: "dict[str, int]" = {},\n) -> (\n    int\n):\n    """Doc."""',
      { defs: 1, annotatedDefs: 1, partlyAnnotatedDefs: 0, publicDefs: 1, documentedPublicDefs: 1 },
    ],
    [
      'a def in a docstring is text',
      '"""Example:\n\ndef f(a):\n    pass\n"""\nx = 1',
      { defs: 0, annotatedDefs: 0, partlyAnnotatedDefs: 0, publicDefs: 0, documentedPublicDefs: 0 },
    ],
    [
      'nested defs are not public API',
      'def outer():\n    def inner(a):\n        pass',
      { defs: 2, annotatedDefs: 0, partlyAnnotatedDefs: 0, publicDefs: 1, documentedPublicDefs: 0 },
    ],
    [
      'tests, magic methods and overloads are not public API',
      'def test_a():\n    pass\nclass TestB:\n    def test_c(self):\n        pass\nclass C:\n    def __repr__(self):\n        pass',
      { defs: 3, annotatedDefs: 0, partlyAnnotatedDefs: 0, publicDefs: 1, documentedPublicDefs: 0 },
    ],
    [
      'async defs and one-line bodies',
      'async def f(a: int) -> None: ...\ndef g(): return 1',
      { defs: 2, annotatedDefs: 1, partlyAnnotatedDefs: 0, publicDefs: 2, documentedPublicDefs: 0 },
    ],
    [
      'an f-string is no docstring',
      'def f():\n    f"""not {1}"""',
      { defs: 1, annotatedDefs: 0, partlyAnnotatedDefs: 0, publicDefs: 1, documentedPublicDefs: 0 },
    ],
  ])('%s', (_name, code, expected) => {
    expect(counts(measureCodeFacts(dedent(code)))).toEqual(expected);
  });

  test('the module docstring', () => {
    expect(measureCodeFacts('# coding: utf-8\n"""Mod."""\n').moduleDocstring).toBe(true);
    expect(measureCodeFacts('import os\n"""Not first."""\n').moduleDocstring).toBe(false);
  });
});

describe('measureCodeFacts: names', () => {
  test('counts each kind of name by whether it follows PEP 8', () => {
    const facts = measureCodeFacts(
      dedent(`
        defaultTimeout = 3
        MAX = 1
        class http_client:
            def fetchPage(self, userId, page):
                G1 = 1
                total = 2
        def load(path):
            pass
      `),
    );
    expect(facts.names).toEqual({
      functions: { pep8: 1, other: 1 },
      arguments: { pep8: 2, other: 1 },
      classes: { pep8: 0, other: 1 },
      variables: { pep8: 1, other: 1 },
      globals: { pep8: 1, other: 1 },
    });
  });

  test('builtin-named keywords of public defs, not of private or positional-only ones', () => {
    const facts = measureCodeFacts('def option(*decls, help=None, type=None):\n    pass\ndef _h(id):\n    pass\ndef g(input, /, format=None):\n    pass\n');
    expect(facts.publicKeywords).toEqual(['format', 'help', 'type']);
  });

  test('facts add up', () => {
    const total = addFacts(addFacts(emptyFacts(), measureCodeFacts('def f(a: int) -> None:\n    pass\n')), measureCodeFacts('def g(id=1):\n    pass\n'));
    expect([total.defs, total.annotatedDefs, total.publicKeywords]).toEqual([2, 1, ['id']]);
  });
});

// The text reading must agree with the tree where both count: defs and their annotations.
const treeCounts: { value?: Pick<Counts, 'defs' | 'annotatedDefs' | 'partlyAnnotatedDefs'> } = {};
const treeProbe: Rule = {
  id: 'tree-probe',
  category: 'type-hints',
  title: 'probe',
  severity: 'info',
  codes: [],
  doc: { what: '', why: '', example: '', fix: '' },
  create: (ctx) => ({
    'module:exit'() {
      let annotatedDefs = 0;
      let partlyAnnotatedDefs = 0;
      const all = functionFacts(ctx.scopes);
      for (const f of all) {
        let skip = f.isMethod && f.kind !== 'staticmethod';
        let annotated = f.def.childForFieldName('return_type') ? 1 : 0;
        let missing = 1 - annotated;
        for (const p of f.parameters) {
          if (skip && (p.kind === 'positional' || p.kind === 'keyword-only')) {
            skip = false;
            continue;
          }
          skip = false;
          if (p.annotated) annotated++;
          else missing++;
        }
        if (!missing) annotatedDefs++;
        else if (annotated) partlyAnnotatedDefs++;
      }
      treeCounts.value = { defs: all.length, annotatedDefs, partlyAnnotatedDefs };
    },
  }),
};

function pythonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? pythonFiles(full) : name.endsWith('.py') ? [full] : [];
  });
}

test.each(pythonFiles('test/fixtures'))('agrees with the tree on %s', (path) => {
  const source = readFileSync(path, 'utf8');
  analyzeFile(path, source, [{ rule: treeProbe, options: {} }]);
  const text = measureCodeFacts(source, Infinity);
  expect({ defs: text.defs, annotatedDefs: text.annotatedDefs, partlyAnnotatedDefs: text.partlyAnnotatedDefs }).toEqual(treeCounts.value);
});

test('a large file is measured on its first lines only, cut at a line end', () => {
  const def = 'def f(a: int) -> int:\n    return a\n\n\n';
  const source = def.repeat(2000);
  // Every def whose header ends before the cut: the last one may have lost its body.
  const measured = measureCodeFacts(source).defs;
  expect(measured).toBeGreaterThanOrEqual(Math.floor(MEASURED_CHARS / def.length));
  expect(measured).toBeLessThanOrEqual(Math.ceil(MEASURED_CHARS / def.length));
  expect(measureCodeFacts(source, Infinity).defs).toBe(2000);
});
