import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Parser from 'tree-sitter';
import { FlatTree, flattenTree } from './flat-tree.js';
import { nameField, nameType } from './symbols.js';

let parser: Parser | undefined;

interface Binding {
  Parser: typeof Parser;
  Python: Parser.Language;
}

/** Our own native parser (src/engine/native/flat-parse.c): parse and copy in one call. */
export interface NativeFlatParser {
  parse(
    language: unknown,
    source: string,
    keep: boolean,
    timeoutMs: number,
    oldTree?: NativeTree,
    edit?: readonly number[],
  ): { buffer: ArrayBuffer; count: number; tree?: NativeTree } | null;
  release(tree: NativeTree): void;
  symbols(language: unknown): { types: Array<string | null>; named: boolean[]; fields: Array<string | null> };
}

/** A native tree kept for an incremental parse (an External; freed by `release` or by the GC). */
export type NativeTree = { readonly __nativeTree: unique symbol };

type Shared = { __prReviewerTreeSitter?: Binding; __prReviewerFlatParse?: NativeFlatParser | null };

/**
 * The native bindings must be loaded once per process. A test runner that gives each test file
 * a fresh module registry provides the process's one copy as a global (test/support/).
 */
let binding: Binding | undefined;

function loadBinding(): Binding {
  if (binding) return binding;
  const shared = (globalThis as Shared).__prReviewerTreeSitter;
  if (shared) return (binding = shared);
  const require = createRequire(import.meta.url);
  return (binding = { Parser: require('tree-sitter') as typeof Parser, Python: require('tree-sitter-python') as Parser.Language });
}

let native: NativeFlatParser | null | undefined;

/**
 * The addon `npm ci` builds from binding.gyp (build/Release/flat_parse.node, found from here up to
 * the package root), or null when it was not built: then the binding's tree is copied in JS.
 * PR_REVIEWER_FLAT_PARSE=js forces the JS copy (benchmarks and tests compare the two).
 */
function loadNative(): NativeFlatParser | null {
  if (native !== undefined) return native;
  if (process.env.PR_REVIEWER_FLAT_PARSE === 'js') return (native = null);
  const shared = (globalThis as Shared).__prReviewerFlatParse;
  native = shared !== undefined ? shared : requireNative();
  if (native) {
    const names = native.symbols(loadBinding().Python.language);
    names.types.forEach((name, id) => name !== null && nameType(id, name, names.named[id]));
    names.fields.forEach((name, id) => name !== null && id > 0 && nameField(id, name));
  }
  return native;
}

function requireNative(): NativeFlatParser | null {
  const require = createRequire(import.meta.url);
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, 'build', 'Release', 'flat_parse.node');
    if (existsSync(file)) return require(file) as NativeFlatParser;
  }
  return null;
}

/** Which copy the engine uses: 'native' (our addon) or 'binding' (tree-sitter's binding, copied in JS). */
export function flatParserKind(): 'native' | 'binding' {
  return loadNative() ? 'native' : 'binding';
}

function pythonParser(): Parser {
  if (!parser) {
    const { Parser, Python } = loadBinding();
    parser = new Parser();
    parser.setLanguage(Python);
  }
  return parser;
}

/** Parses Python with tree-sitter's binding: the native tree, for the JS copy and for comparisons. Null: over `timeoutMs`. */
export function parsePython(source: string, oldTree?: Parser.Tree, timeoutMs?: number): Parser.Tree;
export function parsePython(source: string, oldTree: Parser.Tree | undefined, timeoutMs: number | undefined): Parser.Tree | null;
export function parsePython(source: string, oldTree?: Parser.Tree, timeoutMs?: number): Parser.Tree | null {
  if (!timeoutMs) return pythonParser().parse(source, oldTree);
  const deadline = performance.now() + timeoutMs;
  return pythonParser().parse(source, oldTree, { progressCallback: () => performance.now() > deadline }) ?? null;
}

export interface ParseOptions {
  /** Give up after this long (the native parser stops; the JS copy checks once the parse is done). */
  timeoutMs?: number;
}

/** Parses once and copies the tree into a FlatTree; the native tree is freed at once. Null: over the time budget. */
export function parseFlat(source: string, lineStarts: number[] = lineStartsOf(source), options: ParseOptions = {}): FlatTree | null {
  const addon = loadNative();
  if (addon) {
    const parsed = addon.parse(loadBinding().Python.language, source, false, options.timeoutMs ?? 0);
    return parsed && FlatTree.fromBuffer(parsed.buffer, parsed.count, source, lineStarts);
  }
  const native = parsePython(source, undefined, options.timeoutMs);
  return native && flattenTree(native, source, lineStarts);
}

/**
 * A parse whose tree is kept for one incremental parse of the next version of the file: the base
 * of a changed file, then its head parsed against the base's tree, edited where the two differ
 * (one edit spanning the first to the last change). That reuses the unchanged subtrees: 0.2–0.4×
 * a fresh parse. The kept native tree is freed by `parseNext` (or `release`).
 */
export interface EditableParse {
  tree: FlatTree | null;
  parseNext(source: string, lineStarts?: number[], options?: ParseOptions): FlatTree | null;
  release(): void;
}

export function parseFlatEditable(source: string, lineStarts: number[] = lineStartsOf(source), options: ParseOptions = {}): EditableParse {
  const addon = loadNative();
  if (addon) {
    const language = loadBinding().Python.language;
    const parsed = addon.parse(language, source, true, options.timeoutMs ?? 0);
    let kept = parsed?.tree;
    const release = (): void => {
      if (kept) addon.release(kept);
      kept = undefined;
    };
    return {
      tree: parsed && FlatTree.fromBuffer(parsed.buffer, parsed.count, source, lineStarts),
      parseNext(next, nextLines = lineStartsOf(next), nextOptions = {}) {
        if (!kept) return parseFlat(next, nextLines, nextOptions);
        try {
          const edited = addon.parse(language, next, false, nextOptions.timeoutMs ?? 0, kept, editBetween(source, next, lineStarts, nextLines));
          return edited && FlatTree.fromBuffer(edited.buffer, edited.count, next, nextLines);
        } finally {
          release();
        }
      },
      release,
    };
  }
  let native: Parser.Tree | undefined = parsePython(source, undefined, options.timeoutMs) ?? undefined;
  return {
    tree: native ? flattenTree(native, source, lineStarts) : null,
    parseNext(next, nextLines = lineStartsOf(next), nextOptions = {}) {
      if (!native) return parseFlat(next, nextLines, nextOptions);
      const [startIndex, oldEndIndex, newEndIndex, startRow, startColumn, oldEndRow, oldEndColumn, newEndRow, newEndColumn] = editBetween(
        source,
        next,
        lineStarts,
        nextLines,
      ) as [number, number, number, number, number, number, number, number, number];
      native.edit({
        startIndex,
        oldEndIndex,
        newEndIndex,
        startPosition: { row: startRow, column: startColumn },
        oldEndPosition: { row: oldEndRow, column: oldEndColumn },
        newEndPosition: { row: newEndRow, column: newEndColumn },
      });
      const parsed = parsePython(next, native, nextOptions.timeoutMs);
      native = undefined;
      return parsed && flattenTree(parsed, next, nextLines);
    },
    release() {
      native = undefined;
    },
  };
}

/** Base and head of a changed file, the head parsed against the base (see parseFlatEditable). */
export function parseFlatPair(base: string, head: string, options: ParseOptions = {}): { base: FlatTree | null; head: FlatTree | null } {
  const editable = parseFlatEditable(base, lineStartsOf(base), options);
  return { base: editable.tree, head: editable.parseNext(head, lineStartsOf(head), options) };
}

/**
 * The one edit that turns `base` into `head`: the common prefix and suffix stay. Nine numbers in
 * UTF-16 units: start, old end, new end, then row and column of each.
 */
export function editBetween(base: string, head: string, baseLines: readonly number[], headLines: readonly number[]): number[] {
  const shorter = Math.min(base.length, head.length);
  let start = 0;
  while (start < shorter && base.charCodeAt(start) === head.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shorter - start && base.charCodeAt(base.length - 1 - suffix) === head.charCodeAt(head.length - 1 - suffix)) suffix++;
  const oldEnd = base.length - suffix;
  const newEnd = head.length - suffix;
  const at = (lines: readonly number[], index: number): [number, number] => {
    const row = lineIndexOf(lines, index);
    return [row, index - lines[row]!];
  };
  return [start, oldEnd, newEnd, ...at(baseLines, start), ...at(baseLines, oldEnd), ...at(headLines, newEnd)];
}

function lineIndexOf(starts: readonly number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface SourceFile {
  path: string;
  source: string;
  /** Start index (UTF-16) of each line, for positions and line text. */
  lineStarts: number[];
  /** `__init__.py`: a package's public face, where imports are often re-exports. */
  isPackageInit: boolean;
  /** Under a tests folder or named test_*.py / *_test.py / conftest.py. */
  isTestFile: boolean;
}

export function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function isTestPath(path: string): boolean {
  const parts = path.split(/[\\/]/);
  const base = parts[parts.length - 1] ?? '';
  return (
    /^test_.*\.py$/.test(base) ||
    /_test\.py$/.test(base) ||
    base === 'conftest.py' ||
    parts.slice(0, -1).some((p) => p === 'tests' || p === 'test' || p === 'testing')
  );
}

/** A file as rules see it (rules never walk the tree: the engine hands them its nodes). */
export function sourceFile(path: string, source: string, lineStarts: number[] = lineStartsOf(source)): SourceFile {
  const base = path.split(/[\\/]/).pop() ?? path;
  return {
    path,
    source,
    lineStarts,
    isPackageInit: base === '__init__.py',
    isTestFile: isTestPath(path),
  };
}

/** The text of 1-based line `line`, without its newline. */
export function lineText(file: Pick<SourceFile, 'source' | 'lineStarts'>, line: number): string {
  const start = file.lineStarts[line - 1];
  if (start === undefined) return '';
  const next = file.lineStarts[line];
  const end = next === undefined ? file.source.length : next - 1;
  return file.source.slice(start, end).replace(/\r$/, '');
}
