import type { SourceFile } from '../../src/engine/parse.js';

/**
 * The file cut into pycodestyle's logical lines: a statement (with its bracketed and
 * backslash-continued lines) or a comment alone on its line. Indentation is judged only at the
 * start of a logical line, so continuation lines and the insides of strings are never judged.
 * A character scan, not the tree: it needs no node objects, and it sees comments, brackets and
 * string boundaries exactly as Python's tokenizer does (f-strings with nested quotes included).
 */
export interface LogicalLine {
  /** 1-based line of its first token. */
  line: number;
  /** UTF-16 index of the start of that line, and of the first token. */
  lineStart: number;
  tokenStart: number;
  /** The leading whitespace before the first token. */
  indent: string;
  commentOnly: boolean;
  /** Its last token (comments aside) is `:`: a block must follow. */
  endsWithColon: boolean;
}

export interface IndentationFacts {
  logical: LogicalLine[];
  /** For each 1-based line, true when the line begins inside a multi-line string. */
  inString: boolean[];
}

const cache = new WeakMap<SourceFile, IndentationFacts>();

/** The logical lines of a file, computed once however many indentation rules ask. */
export function indentationFacts(file: SourceFile): IndentationFacts {
  let facts = cache.get(file);
  if (!facts) {
    facts = scanLogicalLines(file.source, file.lineStarts);
    cache.set(file, facts);
  }
  return facts;
}

/** Tabs expand to the next multiple of 4, as Ruff does with its default indent width. */
export const TAB_SIZE = 4;

export function indentLevel(indent: string): number {
  let level = 0;
  for (const c of indent) {
    if (c === '\t') level = Math.floor(level / TAB_SIZE) * TAB_SIZE + TAB_SIZE;
    else if (c === ' ') level++;
    else break;
  }
  return level;
}

const STRING_PREFIX = /^(?:[rRuUbBfFtT]|[rR][bBfFtT]|[bBfFtT][rR])$/;

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}

function isNewline(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

export function scanLogicalLines(src: string, lineStarts: number[]): IndentationFacts {
  const n = src.length;
  const logical: LogicalLine[] = [];
  const inString: boolean[] = new Array<boolean>(lineStarts.length + 1).fill(false);
  let lineIndex = 0; // 0-based index into lineStarts of the line being scanned

  const markString = (start: number, end: number): void => {
    // Lines that begin strictly inside [start, end) start inside the string.
    let k = lineIndex + 1;
    while (k < lineStarts.length && lineStarts[k]! <= start) k++;
    for (; k < lineStarts.length && lineStarts[k]! < end; k++) inString[k + 1] = true;
  };

  const skipString = (i: number, prefix: string): number => {
    const q = src[i]!;
    const triple = src.startsWith(q + q + q, i);
    const lower = prefix.toLowerCase();
    const formatted = lower.includes('f') || lower.includes('t');
    let j = i + (triple ? 3 : 1);
    while (j < n) {
      const c = src[j]!;
      if (c === '\\') {
        j += formatted && src[j + 1] === '{' ? 1 : 2;
        continue;
      }
      if (c === q && (!triple || src.startsWith(q + q + q, j))) return j + (triple ? 3 : 1);
      if (!triple && isNewline(c)) return j; // unterminated: the tokenizer gives up at the line end
      if (formatted && c === '{') {
        if (src[j + 1] === '{') j += 2;
        else j = skipReplacementField(j + 1);
        continue;
      }
      j++;
    }
    return n;
  };

  // Inside `{...}` of an f-string: code with its own brackets and strings, then maybe `:spec`.
  const skipReplacementField = (i: number): number => {
    let depth = 0;
    let j = i;
    while (j < n) {
      const c = src[j]!;
      const code = src.charCodeAt(j);
      if (c === '"' || c === "'") {
        j = skipString(j, '');
        continue;
      }
      if (isWordChar(code)) {
        let k = j;
        while (k < n && isWordChar(src.charCodeAt(k))) k++;
        const word = src.slice(j, k);
        j = k < n && (src[k] === '"' || src[k] === "'") && STRING_PREFIX.test(word) ? skipString(k, word) : k;
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) return c === '}' ? j + 1 : j;
        depth--;
      } else if (c === ':' && depth === 0) return skipFormatSpec(j + 1);
      else if (c === '#') {
        while (j < n && !isNewline(src[j])) j++;
        continue;
      }
      j++;
    }
    return n;
  };

  const skipFormatSpec = (i: number): number => {
    let j = i;
    while (j < n) {
      const c = src[j]!;
      if (c === '}') return j + 1;
      if (c === '{') j = skipReplacementField(j + 1);
      else if (isNewline(c) || c === '"' || c === "'") return j;
      else j++;
    }
    return n;
  };

  let current: LogicalLine | undefined;
  let lastSignificant = '';
  let depth = 0;
  let atLineStart = true;

  const closeLine = (): void => {
    if (current) {
      current.endsWithColon = lastSignificant === ':';
      logical.push(current);
      current = undefined;
    }
    depth = 0;
  };

  let i = 0;
  while (i < n) {
    if (atLineStart) {
      atLineStart = false;
      while (lineIndex + 1 < lineStarts.length && lineStarts[lineIndex + 1]! <= i) lineIndex++;
      if (!current) {
        let j = i;
        while (j < n && (src[j] === ' ' || src[j] === '\t' || src[j] === '\f')) j++;
        const first = src[j];
        if (j >= n || isNewline(first)) {
          i = j;
          continue;
        }
        const entry: LogicalLine = {
          line: lineIndex + 1,
          lineStart: i,
          tokenStart: j,
          indent: src.slice(i, j),
          commentOnly: first === '#',
          endsWithColon: false,
        };
        if (entry.commentOnly) logical.push(entry);
        else {
          current = entry;
          lastSignificant = '';
        }
        i = j;
        continue;
      }
    }
    const c = src[i]!;
    if (c === '\n' || c === '\r') {
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      if (depth === 0) closeLine();
      atLineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\f') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && !isNewline(src[i])) i++;
      continue;
    }
    if (c === '\\' && isNewline(src[i + 1])) {
      i += src[i + 1] === '\r' && src[i + 2] === '\n' ? 3 : 2;
      atLineStart = true;
      continue;
    }
    const code = src.charCodeAt(i);
    if (c === '"' || c === "'") {
      const end = skipString(i, '');
      markString(i, end);
      i = end;
      lastSignificant = '"';
      continue;
    }
    if (isWordChar(code)) {
      let k = i;
      while (k < n && isWordChar(src.charCodeAt(k))) k++;
      const word = src.slice(i, k);
      if (k < n && (src[k] === '"' || src[k] === "'") && STRING_PREFIX.test(word)) {
        const end = skipString(k, word);
        markString(i, end);
        i = end;
        lastSignificant = '"';
      } else {
        i = k;
        lastSignificant = 'a';
      }
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    lastSignificant = c;
    i++;
  }
  closeLine();
  return { logical, inString };
}
