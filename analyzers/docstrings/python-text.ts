/**
 * Just enough of Python's lexer to read a def/class header and a first statement from the source
 * text. Creating tree-sitter nodes is the costly part of the binding, and every def in a file
 * needs this, so the rule reads characters instead. Where the text is unusual the functions
 * return undefined and the caller asks the tree.
 */

const HASH = 0x23;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const BACKSLASH = 0x5c;
const SEMICOLON = 0x3b;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0c;
}

/** Skips spaces, comments and backslash continuations; newlines too when `newlines` (inside brackets, between statements). */
export function skipTrivia(source: string, i: number, newlines: boolean): number {
  for (;;) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) i++;
    else if (c === HASH) {
      while (i < source.length && source.charCodeAt(i) !== NEWLINE && source.charCodeAt(i) !== RETURN) i++;
    } else if (c === BACKSLASH && (source.charCodeAt(i + 1) === NEWLINE || source.charCodeAt(i + 1) === RETURN)) {
      i += source.charCodeAt(i + 1) === RETURN && source.charCodeAt(i + 2) === NEWLINE ? 3 : 2;
    } else if (newlines && (c === NEWLINE || c === RETURN)) i++;
    else return i;
  }
}

export interface StringToken {
  /** The prefix letters, lower-cased: '', 'r', 'f', 'rb'… */
  prefix: string;
  /** Just past the closing quote; -1 for f- and t-strings, which this lexer does not read. */
  end: number;
}

const STRING_START = /([A-Za-z]{0,2})("""|'''|"|')/y;
/** The rest of a literal after its opening quote, escapes included, by kind of quote. */
const STRING_BODY: Record<string, RegExp> = {
  '"': /(?:[^"\\\n\r]|\\[\s\S])*"/y,
  "'": /(?:[^'\\\n\r]|\\[\s\S])*'/y,
  '"""': /(?:[^"\\]|\\[\s\S]|"(?!""))*"""/y,
  "'''": /(?:[^'\\]|\\[\s\S]|'(?!''))*'''/y,
};
const PREFIX = /^(?:|[rubft]|rb|br|rf|fr|rt|tr)$/;

/** The string literal starting at `i`, or undefined when there is none (or it is unterminated). */
export function stringAt(source: string, i: number): StringToken | undefined {
  STRING_START.lastIndex = i;
  const start = STRING_START.exec(source);
  if (!start) return undefined;
  const prefix = start[1]!.toLowerCase();
  if (!PREFIX.test(prefix)) return undefined;
  // An f- or t-string may nest quotes inside its braces (PEP 701): the tree knows better.
  if (prefix.includes('f') || prefix.includes('t')) return { prefix, end: -1 };
  const body = STRING_BODY[start[2]!]!;
  body.lastIndex = STRING_START.lastIndex;
  return body.test(source) ? { prefix, end: body.lastIndex } : undefined;
}

/**
 * Whether the statement starting at `i` is a docstring as Ruff reads it: a str literal (or an
 * implicit concatenation of str literals), in any parentheses, and nothing else.
 */
export function isDocstringStatement(source: string, i: number): boolean {
  let depth = 0;
  i = skipTrivia(source, i, false);
  while (source.charCodeAt(i) === 0x28 /* ( */) {
    depth++;
    i = skipTrivia(source, i + 1, true);
  }
  let strings = 0;
  for (;;) {
    const token = stringAt(source, i);
    if (!token) break;
    // Any f/t-string part makes the whole an f/t-string; bytes are not str.
    if (token.prefix !== '' && /[ftb]/.test(token.prefix)) return false;
    strings++;
    i = skipTrivia(source, token.end, depth > 0);
  }
  if (strings === 0) return false;
  while (depth > 0 && source.charCodeAt(i) === 0x29 /* ) */) {
    depth--;
    i = skipTrivia(source, i + 1, depth > 0);
  }
  if (depth > 0) return false;
  const c = source.charCodeAt(i);
  return i >= source.length || c === NEWLINE || c === RETURN || c === SEMICOLON;
}

export interface Header {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** Where the first statement of the body starts. */
  bodyStart: number;
}

const KEYWORD = /(?:async[ \t]+def|def|class)(?=[ \t\\])/y;
/** What ends a def's name: space, `(`, `[`, `:`, `\`, `#`, newline. */
const NAME_END = new Set([0x20, 0x09, 0x0c, 0x28, 0x5b, 0x3a, 0x5c, HASH, NEWLINE, RETURN]);
/** A word in a header that is not a string: a name, a number, a dotted name. */
const WORD = /[\w.]+/y;
const QUOTE_OR_LETTER = /["'A-Za-z]/;

/**
 * Reads `[async] def name(...) -> T:` or `class Name[...](...):` from `start`, and finds where the
 * body's first statement begins. Undefined when anything is unusual (the caller asks the tree).
 */
export function readHeader(source: string, start: number): Header | undefined {
  KEYWORD.lastIndex = start;
  if (!KEYWORD.test(source)) return undefined;
  const nameStart = skipTrivia(source, KEYWORD.lastIndex, false);
  let nameEnd = nameStart;
  while (nameEnd < source.length && !NAME_END.has(source.charCodeAt(nameEnd))) nameEnd++;
  if (nameEnd === nameStart) return undefined;
  let depth = 0;
  let i = nameEnd;
  for (;;) {
    i = skipTrivia(source, i, depth > 0);
    if (i >= source.length) return undefined;
    const c = source[i]!;
    if (c === ':' && depth === 0) break;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '\n' || c === '\r') return undefined;
    else if (QUOTE_OR_LETTER.test(c)) {
      const token = stringAt(source, i);
      if (token) {
        if (token.end < 0) return undefined;
        i = token.end;
        continue;
      }
      WORD.lastIndex = i;
      i = WORD.test(source) ? WORD.lastIndex : i + 1;
      continue;
    }
    i++;
  }
  return { name: source.slice(nameStart, nameEnd), nameStart, nameEnd, bodyStart: skipTrivia(source, i + 1, true) };
}
