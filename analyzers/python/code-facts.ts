/**
 * A measurement of a Python file's habits: how many defs carry annotations, how many public defs
 * carry docstrings, which case styles its names use. It reads characters, not a tree: a review
 * measures the base version of every changed file and up to ten neighbours before it analyses
 * anything (the conventions decide how the analysis runs), so it must cost a small fraction of a
 * parse. Counts, not verdicts: src/review/conventions/ turns them into a file's conventions.
 */
import type { NamingKind } from '../../src/engine/conventions.js';
import { PYTHON_BUILTINS } from './builtins.js';
import { isCapWords, isLowercase, isMixedCase } from './naming-style.js';

/** How many names of one kind follow PEP 8's style for that kind, and how many do not. */
export interface NameCount {
  pep8: number;
  other: number;
}

export interface CodeFacts {
  /** Every def, methods and nested functions included. */
  defs: number;
  /** Defs whose parameters (bar `self`/`cls`) and return are all annotated. */
  annotatedDefs: number;
  /** Defs with some annotations, but not all. */
  partlyAnnotatedDefs: number;
  /** Public classes and defs (not `_private`, not magic, not nested in a def, not tests or overload stubs). */
  publicDefs: number;
  documentedPublicDefs: number;
  /** The module starts with a docstring. */
  moduleDocstring: boolean;
  /** functions and arguments: lowercase; classes: CapWords; variables (in defs): lowercase; globals: not mixedCase. */
  names: Record<NamingKind, NameCount>;
  /** Parameters of public defs, named like builtins, that callers may pass by keyword (`help`, `id`, `type`): sorted, each once. */
  publicKeywords: string[];
}

export function emptyFacts(): CodeFacts {
  return {
    defs: 0,
    annotatedDefs: 0,
    partlyAnnotatedDefs: 0,
    publicDefs: 0,
    documentedPublicDefs: 0,
    moduleDocstring: false,
    names: { functions: count(), arguments: count(), classes: count(), variables: count(), globals: count() },
    publicKeywords: [],
  };
}

function count(): NameCount {
  return { pep8: 0, other: 0 };
}

/** Adds counts together: the facts of a package are the sum of its modules'. */
export function addFacts(total: CodeFacts, one: CodeFacts): CodeFacts {
  total.defs += one.defs;
  total.annotatedDefs += one.annotatedDefs;
  total.partlyAnnotatedDefs += one.partlyAnnotatedDefs;
  total.publicDefs += one.publicDefs;
  total.documentedPublicDefs += one.documentedPublicDefs;
  for (const kind of Object.keys(total.names) as NamingKind[]) {
    total.names[kind].pep8 += one.names[kind].pep8;
    total.names[kind].other += one.names[kind].other;
  }
  if (one.publicKeywords.length) total.publicKeywords = [...new Set([...total.publicKeywords, ...one.publicKeywords])].sort();
  return total;
}

const NEWLINE = 0x0a;
const RETURN = 0x0d;
const HASH = 0x23;
const BACKSLASH = 0x5c;

interface Block {
  indent: number;
  kind: 'class' | 'def';
  /** A class whose methods are public API: itself public and not inside a def. */
  public: boolean;
}

/**
 * How much of a file is measured by default: ~800 lines show a module's habits as well as the whole
 * does, and a review's cost must not grow with the size of the files it only looks at.
 */
export const MEASURED_CHARS = 32_768;

/** One pass over the text (its first `limit` characters, cut at a line end), statement by statement: defs, classes, decorators and simple assignments. */
export function measureCodeFacts(text: string, limit = MEASURED_CHARS): CodeFacts {
  const source = text.length > limit ? text.slice(0, Math.max(0, text.lastIndexOf('\n', limit)) + 1) : text;
  const facts = emptyFacts();
  const stack: Block[] = [];
  let decorators: string[] = [];
  let first = true;
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = source.length;
  while (i < n) {
    // A line: its indentation, then a statement, a comment or nothing.
    let indent = 0;
    while (i < n) {
      const c = source.charCodeAt(i);
      if (c === 0x20) indent++;
      else if (c === 0x09) indent = (Math.floor(indent / 8) + 1) * 8;
      else if (c !== 0x0c) break;
      i++;
    }
    const c = source.charCodeAt(i);
    if (i >= n) break;
    if (c === NEWLINE || c === RETURN || c === HASH || (c === BACKSLASH && isNewline(source.charCodeAt(i + 1)))) {
      i = lineEnd(source, i) + 1;
      continue;
    }
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    if (first) {
      facts.moduleDocstring = isDocstringAt(source, i);
      first = false;
    }
    if (c === 0x40 /* @ */) {
      const end = statementEnd(source, i + 1);
      decorators.push(source.slice(i + 1, end).trim());
      i = end + 1;
      continue;
    }
    const word = wordAt(source, i);
    let end: number;
    if (word === 'def' || (word === 'async' && wordAt(source, skipSpaces(source, i + 5)) === 'def')) {
      const at = word === 'def' ? i + 3 : skipSpaces(source, i + 5) + 3;
      end = measureDef(source, at, indent, stack, decorators, facts);
    } else if (word === 'class') {
      end = measureClass(source, i + 5, indent, stack, decorators, facts);
    } else {
      if (word !== undefined) countAssignment(source, i, word, stack, facts);
      end = statementEnd(source, i);
    }
    if (decorators.length) decorators = [];
    i = end + 1;
  }
  return facts;
}

function measureDef(source: string, at: number, indent: number, stack: Block[], decorators: readonly string[], facts: CodeFacts): number {
  const nameStart = skipSpaces(source, at);
  const name = wordAt(source, nameStart);
  if (name === undefined) return statementEnd(source, nameStart);
  const parent = stack[stack.length - 1];
  const inDef = stack.some((b) => b.kind === 'def');
  const isMethod = parent?.kind === 'class';
  const isStatic = decorators.some((d) => d === 'staticmethod' || d.endsWith('.staticmethod'));
  let i = skipSpaces(source, nameStart + name.length);
  // PEP 695 type parameters: `def f[T](x: T)`.
  if (source[i] === '[') i = skipSpaces(source, closing(source, i) + 1);
  if (source[i] !== '(') return statementEnd(source, i);
  const close = closing(source, i);
  let skipFirst = isMethod && !isStatic;
  let annotated = 0;
  let missing = 0;
  const keywords: string[] = [];
  for (const span of parameterSpans(source, i + 1, close)) {
    let at = skipTrivia(source, span.start, true);
    if (at >= span.end) continue;
    // Everything before `/` is positional-only: callers never write its names.
    if (source.charCodeAt(at) === 0x2f) {
      keywords.length = 0;
      continue;
    }
    let stars = 0;
    while (source.charCodeAt(at) === 0x2a && stars < 2) {
      stars++;
      at++;
    }
    const parameterName = wordAt(source, skipTrivia(source, at, true));
    // A bare `*` starts the keyword-only parameters.
    if (parameterName === undefined && stars === 1) continue;
    if (skipFirst && stars === 0) {
      skipFirst = false;
      continue;
    }
    skipFirst = false;
    if (parameterName !== undefined) {
      tally(facts.names.arguments, isLowercase(parameterName));
      if (stars === 0 && PYTHON_BUILTINS.has(parameterName)) keywords.push(parameterName);
    }
    if (span.annotated) annotated++;
    else missing++;
  }
  i = skipTrivia(source, close + 1);
  const returns = source.startsWith('->', i);
  facts.defs++;
  if (returns) annotated++;
  else missing++;
  if (missing === 0) facts.annotatedDefs++;
  else if (annotated > 0) facts.partlyAnnotatedDefs++;
  if (!isMagic(name)) tally(facts.names.functions, isLowercase(name));

  const colon = headerColon(source, i);
  const isPublic =
    !inDef &&
    (parent === undefined || parent.public) &&
    !name.startsWith('_') &&
    !name.startsWith('test') &&
    !decorators.some((d) => /(^|\.)(overload|setter|deleter|fixture)\b/.test(d));
  if (isPublic && keywords.length) facts.publicKeywords = [...new Set([...facts.publicKeywords, ...keywords])].sort();
  if (isPublic) {
    facts.publicDefs++;
    if (colon >= 0 && isDocstringAt(source, skipTrivia(source, colon + 1, true))) facts.documentedPublicDefs++;
  }
  stack.push({ indent, kind: 'def', public: false });
  return colon >= 0 ? lineEnd(source, colon) : statementEnd(source, i);
}

function measureClass(source: string, at: number, indent: number, stack: Block[], decorators: readonly string[], facts: CodeFacts): number {
  const nameStart = skipSpaces(source, at);
  const name = wordAt(source, nameStart);
  if (name === undefined) return statementEnd(source, nameStart);
  const parent = stack[stack.length - 1];
  const inDef = stack.some((b) => b.kind === 'def');
  tally(facts.names.classes, isCapWords(name));
  const isPublic = !inDef && (parent === undefined || parent.public) && !name.startsWith('_') && !name.startsWith('Test');
  const colon = headerColon(source, nameStart + name.length);
  if (isPublic && !decorators.some((d) => /(^|\.)overload\b/.test(d))) {
    facts.publicDefs++;
    if (colon >= 0 && isDocstringAt(source, skipTrivia(source, colon + 1, true))) facts.documentedPublicDefs++;
  }
  stack.push({ indent, kind: 'class', public: isPublic });
  return colon >= 0 ? lineEnd(source, colon) : statementEnd(source, nameStart);
}

const KEYWORDS = new Set([
  'if',
  'elif',
  'else',
  'for',
  'while',
  'try',
  'except',
  'finally',
  'with',
  'return',
  'yield',
  'raise',
  'import',
  'from',
  'pass',
  'break',
  'continue',
  'global',
  'nonlocal',
  'del',
  'assert',
  'lambda',
  'not',
  'await',
  'print',
  'match',
  'case',
  'type',
  'async',
]);

/** `name = …`, `name: T = …`, `name += …`: a local in a def, or a global at module level. */
function countAssignment(source: string, i: number, word: string, stack: readonly Block[], facts: CodeFacts): void {
  if (KEYWORDS.has(word)) return;
  let j = skipSpaces(source, i + word.length);
  const c = source[j];
  if (c === ':') {
    // An annotation: `name: T` or `name: T = …` (a slice or a dict never starts a statement like this).
  } else if (c === '=' && source[j + 1] !== '=') {
    // plain assignment
  } else if (c !== undefined && '+-*/%&|^@<>'.includes(c)) {
    j++;
    while (source[j] === c || source[j] === '/' || source[j] === '*') j++;
    if (source[j] !== '=') return;
  } else return;
  if (word === '__all__' || word.startsWith('__')) return;
  const inDef = stack.some((b) => b.kind === 'def');
  if (inDef) tally(facts.names.variables, isLowercase(word));
  else if (stack.length === 0) tally(facts.names.globals, !isMixedCase(word));
}

function tally(count: NameCount, pep8: boolean): void {
  if (pep8) count.pep8++;
  else count.other++;
}

function isMagic(name: string): boolean {
  return name.length > 4 && name.startsWith('__') && name.endsWith('__');
}

function isNewline(c: number): boolean {
  return c === NEWLINE || c === RETURN;
}

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c > 0x7f;
}

/** The identifier (or keyword) starting at `i`, if one does. */
function wordAt(source: string, i: number): string | undefined {
  const c = source.charCodeAt(i);
  if (!isWordChar(c) || (c >= 0x30 && c <= 0x39)) return undefined;
  let j = i + 1;
  while (j < source.length && isWordChar(source.charCodeAt(j))) j++;
  return source.slice(i, j);
}

function skipSpaces(source: string, i: number): number {
  for (;;) {
    const c = source.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0c) i++;
    else if (c === BACKSLASH && isNewline(source.charCodeAt(i + 1))) i += 2;
    else return i;
  }
}

/** Spaces, continuations and comments; newlines too when `newlines`. */
function skipTrivia(source: string, i: number, newlines = false): number {
  for (;;) {
    i = skipSpaces(source, i);
    const c = source.charCodeAt(i);
    if (c === HASH) i = lineEnd(source, i);
    else if (newlines && isNewline(c)) i++;
    else return i;
  }
}

/** The newline ending the physical line at `i` (or the end of the text). */
function lineEnd(source: string, i: number): number {
  while (i < source.length && !isNewline(source.charCodeAt(i))) i++;
  return i;
}

/** Whether a string literal starts at `i` (after an optional prefix). */
function quoteAfterPrefix(source: string, i: number): number {
  let j = i;
  while (j < i + 2 && /[rRuUbBfFtT]/.test(source[j] ?? '')) j++;
  const q = source[j];
  return q === '"' || q === "'" ? j : -1;
}

/** Just past the string literal whose opening quote is at `q`; at the line's end for an unterminated one. */
function stringEnd(source: string, q: number): number {
  const quote = source.charCodeAt(q);
  const triple = source.charCodeAt(q + 1) === quote && source.charCodeAt(q + 2) === quote;
  let i = q + (triple ? 3 : 1);
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === quote) {
      if (!triple) return i + 1;
      if (source.charCodeAt(i + 1) === quote && source.charCodeAt(i + 2) === quote) return i + 3;
      i++;
    } else if (!triple && isNewline(c)) return i;
    else i++;
  }
  return source.length;
}

/** A str literal (not bytes, not an f-string) starts the statement at `i`: a docstring. */
function isDocstringAt(source: string, i: number): boolean {
  while (source[i] === '(') i = skipTrivia(source, i + 1, true);
  const q = quoteAfterPrefix(source, i);
  return q >= 0 && !/[bBfFtT]/.test(source.slice(i, q));
}

/**
 * Where the logical line starting at `i` ends: the newline outside brackets and strings (or the
 * end of the text). Strings and comments are stepped over, so a `def` inside a docstring is never a def.
 */
function statementEnd(source: string, i: number): number {
  let depth = 0;
  const n = source.length;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      i = stringEnd(source, i);
      continue;
    }
    if (c === HASH) {
      i = lineEnd(source, i);
      continue;
    }
    if (c === BACKSLASH) {
      i += isNewline(source.charCodeAt(i + 1)) && source.charCodeAt(i + 1) === RETURN && source.charCodeAt(i + 2) === NEWLINE ? 3 : 2;
      continue;
    }
    if (c === 0x28 || c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x29 || c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
    else if (isNewline(c) && depth === 0) {
      // \r\n ends at the \n, so the next line starts after both.
      return c === RETURN && source.charCodeAt(i + 1) === NEWLINE ? i + 1 : i;
    }
    i++;
  }
  return n;
}

/** The bracket closing the one at `open` (or the end of the text). */
function closing(source: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      i = stringEnd(source, i);
      continue;
    }
    if (c === HASH) {
      i = lineEnd(source, i);
      continue;
    }
    if (c === 0x28 || c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      depth--;
      if (depth === 0) return i;
    }
    i++;
  }
  return source.length;
}

/**
 * The parameters between `from` and `to`: split at commas outside brackets and strings, each
 * annotated when a colon comes before any `=` (a lambda default's colon comes after it).
 */
function parameterSpans(source: string, from: number, to: number): Array<{ start: number; end: number; annotated: boolean }> {
  const out: Array<{ start: number; end: number; annotated: boolean }> = [];
  let depth = 0;
  let start = from;
  let annotated = false;
  let defaulted = false;
  let i = from;
  while (i < to) {
    const c = source.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      i = Math.min(stringEnd(source, i), to);
      continue;
    }
    if (c === HASH) {
      i = lineEnd(source, i);
      continue;
    }
    if (c === 0x28 || c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x29 || c === 0x5d || c === 0x7d) depth--;
    else if (depth === 0) {
      if (c === 0x2c) {
        out.push({ start, end: i, annotated });
        start = i + 1;
        annotated = false;
        defaulted = false;
      } else if (c === 0x3d) defaulted = true;
      else if (c === 0x3a && !defaulted) annotated = true;
    }
    i++;
  }
  out.push({ start, end: to, annotated });
  return out;
}

/** The colon ending a def or class header that continues at `i` (past a return annotation or bases), or -1. */
function headerColon(source: string, i: number): number {
  let depth = 0;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      i = stringEnd(source, i);
      continue;
    }
    if (c === HASH) {
      i = lineEnd(source, i);
      continue;
    }
    if (c === 0x28 || c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x29 || c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x3a && depth === 0) return i;
    else if (isNewline(c) && depth === 0 && source.charCodeAt(i - 1) !== BACKSLASH) return -1;
    i++;
  }
  return -1;
}
