import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type Parser from 'tree-sitter';
import { FlatTree, flattenTree } from '../../src/engine/flat-tree.js';
import type { FlatNode } from '../../src/engine/flat-node.js';
import { flatParserKind, lineStartsOf, parseFlat, parseFlatPair, parsePython } from '../../src/engine/parse.js';
import { corpusFiles, stdlibRoot } from '../../bench/corpus.js';
import { mutate, mutation, token } from '../helpers/python-fuzz.js';

/**
 * The facade over the flat tree answers every question the code base asks of a node exactly as
 * tree-sitter's binding does: on real code, on fuzzed broken code (ERROR and MISSING nodes,
 * comments and other extras), for both copies (our native parser and the JS copy of the
 * binding's tree).
 */
type BindingNode = Parser.SyntaxNode;

const nodeTypes = createRequire(import.meta.url)('tree-sitter-python/src/node-types.json') as Array<{
  type: string;
  named: boolean;
  fields?: Record<string, unknown>;
}>;
const FIELDS_OF = new Map(nodeTypes.filter((t) => t.named).map((t) => [t.type, Object.keys(t.fields ?? {})]));
const ALL_FIELDS = [...new Set([...FIELDS_OF.values()].flat())];

const key = (n: { type: string; startIndex: number; endIndex: number } | null): string => (n ? `${n.type}@${n.startIndex}-${n.endIndex}` : 'null');
const keys = (ns: ReadonlyArray<{ type: string; startIndex: number; endIndex: number }>): string[] => ns.map(key);

/** Every difference between a binding node and a facade node, over the whole subtree. */
function differences(b: BindingNode, f: FlatNode, out: string[] = []): string[] {
  const where = `${key(b)} (flat ${key(f)})`;
  const same = (what: string, x: unknown, y: unknown): void => {
    if (out.length < 20 && JSON.stringify(x) !== JSON.stringify(y)) out.push(`${where}.${what}: binding ${JSON.stringify(x)}, flat ${JSON.stringify(y)}`);
  };
  same('type', b.type, f.type);
  same('range', [b.startIndex, b.endIndex], [f.startIndex, f.endIndex]);
  same('startPosition', b.startPosition, f.startPosition);
  same('endPosition', b.endPosition, f.endPosition);
  same('text', b.text, f.text);
  same('flags', [b.isNamed, b.isMissing, b.isError, b.hasError], [f.isNamed, f.isMissing, f.isError, f.hasError]);
  same('parent', key(b.parent), key(f.parent));
  same('children', keys(b.children), keys(f.children));
  same('namedChildren', keys(b.namedChildren), keys(f.namedChildren));
  // Rules compare nodes by id: the same node reached another way has the same id, another node another.
  const ids = (n: { id: number; parent: { id: number; firstChild: { id: number } | null } | null; nextSibling: { id: number } | null }) => [
    n.parent?.firstChild?.id === n.id,
    n.parent?.id === n.id,
    n.nextSibling?.id === n.id,
  ];
  same('id', ids(b), ids(f));
  same('counts', [b.childCount, b.namedChildCount], [f.childCount, f.namedChildCount]);
  same('child(1)', key(b.child(1)), key(f.child(1)));
  same('namedChild(0)', key(b.namedChild(0)), key(f.namedChild(0)));
  same('siblings', [b.previousSibling, b.nextSibling, b.previousNamedSibling, b.nextNamedSibling].map(key), [
    key(f.previousSibling),
    key(f.nextSibling),
    key(f.previousNamedSibling),
    key(f.nextNamedSibling),
  ]);
  same('ends', [b.firstChild, b.lastChild, b.firstNamedChild, b.lastNamedChild].map(key), [
    key(f.firstChild),
    key(f.lastChild),
    key(f.firstNamedChild),
    key(f.lastNamedChild),
  ]);
  // Fields: those of the node's type, every field on ERROR nodes (they hold whatever failed to parse).
  for (const field of b.type === 'ERROR' ? ALL_FIELDS : (FIELDS_OF.get(b.type) ?? [])) {
    same(`childForFieldName(${field})`, key(b.childForFieldName(field)), key(f.childForFieldName(field)));
    same(`childrenForFieldName(${field})`, keys(b.childrenForFieldName(field)), keys(f.childrenForFieldName(field)));
  }
  same('descendantForIndex(own range)', key(b.descendantForIndex(b.startIndex, b.endIndex)), key(f.descendantForIndex(f.startIndex, f.endIndex)));
  const mid = (b.startIndex + b.endIndex) >> 1;
  same('descendantForIndex(middle)', key(b.descendantForIndex(mid)), key(f.descendantForIndex(mid)));
  const bc = b.children;
  const fc2 = f.children;
  for (let i = 0; i < Math.min(bc.length, fc2.length); i++) differences(bc[i]!, fc2[i]!, out);
  return out;
}

/** What analyzers/python/definitions.ts reads with a cursor: type, field and text of every node under one. */
function cursorWalk(cursor: {
  nodeType: string;
  nodeText: string;
  startIndex: number;
  endIndex: number;
  currentFieldName: string | undefined | null;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
}): string[] {
  const seen: string[] = [];
  for (;;) {
    seen.push(`${cursor.nodeType}:${cursor.currentFieldName ?? '-'}@${cursor.startIndex}-${cursor.endIndex}:${cursor.nodeText}`);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return seen;
  }
}

function flatTrees(source: string): Array<[string, FlatTree]> {
  const copies: Array<[string, FlatTree]> = [['js copy', flattenTree(parsePython(source), source, lineStartsOf(source))]];
  const native = parseFlat(source);
  if (flatParserKind() === 'native' && native) copies.push(['native', native]);
  return copies;
}

function expectSameAsBinding(source: string): void {
  const tree = parsePython(source);
  for (const [copy, flat] of flatTrees(source)) {
    const found = differences(tree.rootNode, flat.rootNode);
    expect({ copy, differences: found }).toEqual({ copy, differences: [] });
    expect({ copy, count: flat.count }).toEqual({ copy, count: cursorWalk(tree.walk()).length });
    expect(keys(flat.rootNode.descendantsOfType('ERROR'))).toEqual(keys(tree.rootNode.descendantsOfType('ERROR')));
    expect(keys(flat.rootNode.descendantsOfType(['identifier', 'comment']))).toEqual(keys(tree.rootNode.descendantsOfType(['identifier', 'comment'])));
    // Cursors made on a node stay within it, as the binding's do.
    const defs = tree.rootNode.descendantsOfType('parameters');
    const flatDefs = flat.rootNode.descendantsOfType('parameters');
    expect(flatDefs.map((d) => cursorWalk(d.walk()))).toEqual(defs.map((d) => cursorWalk(d.walk())));
    expect(cursorWalk(flat.rootNode.walk())).toEqual(cursorWalk(tree.walk()));
  }
}

const fixtures = (dir: URL): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.py'))
    .map((e) => readFileSync(`${e.parentPath}/${e.name}`, 'utf8'));
const real = fixtures(new URL('../fixtures/', import.meta.url));
const inventory = readFileSync(new URL('../fixtures/python/inventory_service.py', import.meta.url), 'utf8');

describe('the flat tree facade against the binding', () => {
  test('our native parser is built (npm ci runs node-gyp on binding.gyp), so both copies are compared', () => {
    expect(flatParserKind()).toBe('native');
  });

  test.each(real.map((source, i) => [i, source] as const))('fixture %i', (_i, source) => expectSameAsBinding(source));

  test('standard library files: nested code, decorators, match, f-strings, type hints', () => {
    for (const file of corpusFiles(stdlibRoot(), { limit: 6 })) expectSameAsBinding(file.source);
  }, 60_000);

  test('broken code: ERROR and MISSING nodes, extras, odd characters', () => {
    const samples = [
      'def f(:\n    return',
      'x = (1, 2\ny = 3\n',
      'class C\n    pass\n',
      'if x\n  y = 1  # comment\nelse:\n',
      'print "hello"\n',
      'def f(a, b=, *, c):\n  pass\n',
      'x = [1, 2,, 3]\n',
      '\ud800 = 1\n',
      'f"{x!r:>{width}}" + b"\\xff" # é 😀\n',
      'match x:\n  case [1, *rest] if rest:\n    pass\n  case {"k": v, **kw}:\n    pass\n',
      'async def f():\n    async with a as b, c:\n        await x\n',
      'lambda: (yield)\n',
      'def f(x: "List[int]") -> None: ...\n',
      'a = 1 \\\n  + 2\n',
      '@\ndef\n',
    ];
    for (const source of samples) expectSameAsBinding(source);
  });

  test('fuzzed mutations of real Python', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 10 }), (mutations) => expectSameAsBinding(mutate(inventory, mutations))),
      { numRuns: 40 },
    );
  }, 120_000);

  test('fuzzed Python-ish token soup', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(token, fc.string({ unit: 'binary', maxLength: 2 })), maxLength: 300 }), (source) => expectSameAsBinding(source)),
      { numRuns: 500 },
    );
  }, 120_000);
});

describe('the head of a changed file, parsed against its base', () => {
  const arrays = (t: FlatTree) =>
    [t.count, t.types, t.fields, t.parents, t.previous, t.subtreeEnds, t.starts, t.ends, t.flags].map((a) => (typeof a === 'number' ? a : [...a]));

  test('gives the same tree as a fresh parse, base and head alike', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const head = mutate(inventory, mutations);
        const pair = parseFlatPair(inventory, head);
        expect(arrays(pair.head!)).toEqual(arrays(parseFlat(head)!));
        expect(arrays(pair.base!)).toEqual(arrays(parseFlat(inventory)!));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  test('an empty base, an empty head, and an unchanged file', () => {
    for (const [base, head] of [
      ['', inventory],
      [inventory, ''],
      [inventory, inventory],
      ['x = 1\n', 'x = 1\ny = 2\n'],
    ] as const) {
      const pair = parseFlatPair(base, head);
      expect(arrays(pair.head!)).toEqual(arrays(parseFlat(head)!));
    }
  });
});
