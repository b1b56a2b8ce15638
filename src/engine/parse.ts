import { createRequire } from 'node:module';
import type Parser from 'tree-sitter';

let parser: Parser | undefined;

interface Binding {
  Parser: typeof Parser;
  Python: Parser.Language;
}

/**
 * The native binding must be loaded once per process. A test runner that gives each test file
 * a fresh module registry provides the process's one copy as a global (test/support/).
 */
function loadBinding(): Binding {
  const shared = (globalThis as { __prReviewerTreeSitter?: Binding }).__prReviewerTreeSitter;
  if (shared) return shared;
  const require = createRequire(import.meta.url);
  return { Parser: require('tree-sitter') as typeof Parser, Python: require('tree-sitter-python') as Parser.Language };
}

function pythonParser(): Parser {
  if (!parser) {
    const binding = loadBinding();
    parser = new binding.Parser();
    parser.setLanguage(binding.Python);
  }
  return parser;
}

/** Parses Python once; the tree is shared by the scope model and every rule. */
export function parsePython(source: string): Parser.Tree {
  return pythonParser().parse(source);
}

export interface SourceFile {
  path: string;
  source: string;
  tree: Parser.Tree;
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

export function sourceFile(path: string, source: string): SourceFile {
  const base = path.split(/[\\/]/).pop() ?? path;
  return {
    path,
    source,
    tree: parsePython(source),
    lineStarts: lineStartsOf(source),
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
