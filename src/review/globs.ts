import { RE2JS } from 're2js';

/**
 * The config's `include`/`exclude` globs, matched in time linear in the path whatever the pattern.
 * picomatch and minimatch compile globs to backtracking regular expressions: `**\/*a*a*a*a*a*a*b.py`
 * against a long file name took about 70 s, and one repository's config would stall every
 * repository of an org-wide install. Here a glob is translated to a regular expression without
 * look-arounds and run by RE2JS (RE2's automata, no backtracking).
 *
 * The syntax is picomatch's with `dot: true`, less what no file glob needs: `*` and `?` within a
 * path segment, `**` as a whole segment for any number of segments, `[...]` classes (`[!...]`
 * negated), `{a,b}` alternatives, `\` escapes, and a leading `!` that negates the pattern.
 * Extglobs (`+(a|b)`) and POSIX classes are refused as config problems, as is a glob over 1,000
 * characters.
 */

export const MAX_GLOB_LENGTH = 1000;
const MAX_BRACE_DEPTH = 10;

export class GlobError extends Error {}

export type PathMatcher = (path: string) => boolean;

/** Why a glob cannot be used, or undefined when it can. */
export function globProblem(pattern: string): string | undefined {
  try {
    compileGlob(pattern);
    return undefined;
  } catch (error) {
    return error instanceof GlobError ? error.message : `cannot be compiled: ${(error as Error).message}`;
  }
}

/** True when any of the globs matches the path (a `!glob` matches every path the glob does not). */
export function compileGlobs(patterns: readonly string[]): PathMatcher {
  const matchers = patterns.map(compileGlob);
  return (path) => matchers.some((m) => m(path));
}

export function compileGlob(pattern: string): PathMatcher {
  if (pattern.length > MAX_GLOB_LENGTH) throw new GlobError(`a glob of more than ${MAX_GLOB_LENGTH} characters is not accepted`);
  const negated = pattern.startsWith('!') && !pattern.startsWith('!(');
  const body = negated ? pattern.slice(1) : pattern;
  const re = RE2JS.compile(`^${translate(body.replace(/^\.\//, ''))}$`, RE2JS.DOTALL);
  return negated ? (path) => !re.matches(path) : (path) => re.matches(path);
}

/** A glob as an RE2 regular expression (the part between ^ and $). */
function translate(glob: string): string {
  let out = '';
  // One entry per open brace: true when it is an alternation, false when it is a literal `{`.
  const braces: boolean[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    const atSegmentStart = i === 0 || '/{,'.includes(glob[i - 1]!);
    if (c === '\\') {
      if (i + 1 < glob.length) out += literal(glob[++i]!);
      continue;
    }
    if ('@+*?!'.includes(c) && glob[i + 1] === '(') throw new GlobError(`extglob \`${c}(…)\` is not supported`);
    if (c === '*') {
      const next = glob[i + 2];
      if (glob[i + 1] === '*' && atSegmentStart && (next === undefined || '/},'.includes(next))) {
        i++;
        if (next === '/') {
          // `**/`: any number of whole segments, none included.
          out += '(?:.*/)?';
          i++;
        } else if (out.endsWith('/')) {
          // `x/**`: x itself, or anything under it.
          out = `${out.slice(0, -1)}(?:/.*)?`;
        } else out += '.*';
        continue;
      }
      // picomatch reads `**{a,b}` and `**.py` at a segment's start as a globstar too (but `**a` as `*a`).
      if (glob[i + 1] === '*' && atSegmentStart && (next === '{' || next === '.')) {
        i++;
        out += '.*';
        continue;
      }
      while (glob[i + 1] === '*') i++;
      out += '[^/]*';
      continue;
    }
    if (c === '?') {
      out += '[^/]';
      continue;
    }
    if (c === '[') {
      const end = classEnd(glob, i);
      if (end === -1) out += literal(c);
      else {
        out += characterClass(glob.slice(i + 1, end));
        i = end;
      }
      continue;
    }
    if (c === '{') {
      const close = braceEnd(glob, i);
      const alternation = close !== -1 && hasTopLevelComma(glob.slice(i + 1, close));
      if (alternation && braces.filter(Boolean).length >= MAX_BRACE_DEPTH) throw new GlobError(`braces nested more than ${MAX_BRACE_DEPTH} deep`);
      braces.push(alternation);
      out += alternation ? '(?:' : literal(c);
      continue;
    }
    if (c === ',' && braces[braces.length - 1]) {
      out += '|';
      continue;
    }
    if (c === '}' && braces.length) {
      out += braces.pop() ? ')' : literal(c);
      continue;
    }
    out += literal(c);
  }
  return out;
}

function literal(c: string): string {
  return /[\\^$.|?*+()[\]{}]/.test(c) ? `\\${c}` : c;
}

/** Index of the `]` that closes the class opened at `open`, or -1 (then `[` is a literal). */
function classEnd(glob: string, open: number): number {
  let i = open + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  if (glob[i] === ']') i++;
  for (; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === ']') return i;
    else if (glob[i] === '/') return -1;
  }
  return -1;
}

/** `[a-z]`, `[!._]`: ranges kept, every other character escaped; a class never matches `/`. */
function characterClass(inner: string): string {
  if (inner.includes('[:')) throw new GlobError('POSIX character classes (`[[:alpha:]]`) are not supported');
  const negate = inner.startsWith('!') || inner.startsWith('^');
  const chars: string[] = [];
  const rest = negate ? inner.slice(1) : inner;
  for (let i = 0; i < rest.length; i++) chars.push(rest[i] === '\\' && i + 1 < rest.length ? rest[++i]! : rest[i]!);
  const body = chars.map((ch, k) => (ch === '-' && k > 0 && k < chars.length - 1 ? '-' : /[A-Za-z0-9]/.test(ch) ? ch : `\\${ch}`)).join('');
  return negate ? `[^/${body}]` : `[${body}]`;
}

function braceEnd(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function hasTopLevelComma(inner: string): boolean {
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\') i++;
    else if (inner[i] === '{') depth++;
    else if (inner[i] === '}') depth--;
    else if (inner[i] === ',' && depth === 0) return true;
  }
  return false;
}
