import { z } from 'zod';
import { PYTHON_BUILTINS } from './builtins.js';
/**
 * The case conventions of names, as pep8-naming and Ruff judge them. Pure functions: the rules
 * use them, and the renderer uses `namingStyle` to say which conventions a file mixes.
 */

export type NamingStyle = 'snake_case' | 'camelCase' | 'CapWords' | 'UPPER_CASE' | 'other';

// Unicode properties, as Rust's char::is_uppercase / is_lowercase / is_alphabetic that Ruff uses.
const UPPER = /\p{Uppercase}/u;
const LOWER = /\p{Lowercase}/u;
const ALPHA = /\p{Alphabetic}/u;
const isUpper = (c: string): boolean => (c < '\x80' ? c >= 'A' && c <= 'Z' : UPPER.test(c));
const isLower = (c: string): boolean => (c < '\x80' ? c >= 'a' && c <= 'z' : LOWER.test(c));
const isAlpha = (c: string): boolean => (c < '\x80' ? /[A-Za-z]/.test(c) : ALPHA.test(c));

/** Every letter lowercase (digits and underscores do not count; `说明` is not lowercase): Ruff's `str::is_lowercase`. */
export function isLowercase(name: string): boolean {
  for (const c of name) if (isAlpha(c) && !isLower(c)) return false;
  return true;
}

/** Every letter uppercase: Ruff's `str::is_uppercase`. */
export function isUppercase(name: string): boolean {
  for (const c of name) if (isAlpha(c) && !isUpper(c)) return false;
  return true;
}

/** At least one lowercase letter and no uppercase one: Ruff's `str::is_cased_lowercase`. */
export function isCasedLowercase(name: string): boolean {
  let cased = false;
  for (const c of name) {
    if (isUpper(c)) return false;
    if (isLower(c)) cased = true;
  }
  return cased;
}

/** At least one uppercase letter and no lowercase one: Ruff's `str::is_cased_uppercase`. */
export function isCasedUppercase(name: string): boolean {
  let cased = false;
  for (const c of name) {
    if (isLower(c)) return false;
    if (isUpper(c)) cased = true;
  }
  return cased;
}

/** `fooBar`, `_fooBar`: not all lowercase, and starting (after one `_`) with a lowercase letter. */
export function isMixedCase(name: string): boolean {
  const first = (name.startsWith('_') ? name.slice(1) : name)[0];
  return !isLowercase(name) && first !== undefined && isLower(first);
}

/** Mixed case without underscores (`CamelCase`, `camelCase`): pep8-naming's `is_camelcase`. */
export function isCamelCase(name: string): boolean {
  return !isCasedLowercase(name) && !isCasedUppercase(name) && !name.includes('_');
}

/** `CamelCase as CC`: the alias is the name's capitals. */
export function isAcronym(name: string, alias: string): boolean {
  return [...name].filter(isUpper).join('') === alias;
}

/** A class name in CapWords: starts (after leading underscores) with a capital, no underscore inside. */
export function isCapWords(name: string): boolean {
  const stripped = name.replace(/^_+/, '');
  const first = stripped[0];
  return first !== undefined && isUpper(first) && !stripped.includes('_');
}

/**
 * The convention a name is written in, ignoring leading/trailing underscores and dunders.
 * Single words are ambiguous (`fetch` is snake_case, `Fetch` CapWords, `URL` UPPER_CASE).
 */
export function namingStyle(name: string): NamingStyle {
  const core = name.replace(/^_+|_+$/g, '');
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(core) || core.includes('__')) return 'other';
  if (isLowercase(core)) return 'snake_case';
  if (isUppercase(core)) return 'UPPER_CASE';
  if (core.includes('_')) return 'other';
  return isUpper(core[0]!) ? 'CapWords' : 'camelCase';
}

/** pep8-naming's default `ignore-names` (as Ruff): unittest's and Django's camelCase API. */
export const DEFAULT_IGNORE_NAMES = [
  'setUp',
  'tearDown',
  'setUpClass',
  'tearDownClass',
  'setUpModule',
  'tearDownModule',
  'asyncSetUp',
  'asyncTearDown',
  'setUpTestData',
  'failureException',
  'longMessage',
  'maxDiff',
];

/** The options of the naming rules (and first-argument-name): pep8-naming's `ignore-names`. */
export const IGNORE_NAMES_OPTIONS = z.strictObject({
  ignoreNames: z
    .array(z.string())
    .default(DEFAULT_IGNORE_NAMES)
    .describe("Names never flagged: exact names or `*` and `?` globs (Ruff's `ignore-names`). Setting it replaces the default list."),
});

/** A matcher for `ignoreNames` patterns (`*` and `?` globs, as Ruff's setting). */
export function nameMatcher(list: readonly string[]): (name: string) => boolean {
  const exact = new Set(list.filter((p) => !/[*?]/.test(p)));
  const globs = list
    .filter((p) => /[*?]/.test(p))
    .map(
      (p) =>
        new RegExp(
          `^${p
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\?/g, '.')}$`,
        ),
    );
  return (name) => exact.has(name) || globs.some((g) => g.test(name));
}

/** Ruff's default `dummy-variable-rgx`: `_`, `__`, `_name` are meant to be ignored; a dunder (`__loader__`) is not. */
const DUMMY_NAME = /^(_+|(_+[a-zA-Z0-9_]*[a-zA-Z0-9]+?))$/;

export function isDummyName(name: string): boolean {
  return DUMMY_NAME.test(name);
}

// ── Renames ──────────────────────────────────────────────────────────────────────────────────────

/** The conventions a flagged name can be rewritten in: what the naming rules suggest instead. */
export type Rewrite = 'snake_case' | 'UPPER_CASE' | 'CapWords' | 'ErrorSuffix';

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;

/** `fetchPage` → fetch, Page; `HTTPServer` → HTTP, Server; `g1RP1` → g1, RP1: the words of a name's core. */
function wordsOfName(core: string): string[] {
  return core
    .replace(/([\p{Ll}\p{Nd}])(\p{Lu})/gu, '$1_$2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1_$2')
    .split('_')
    .filter(Boolean);
}

/**
 * The name written in another convention, leading underscores kept (`_fetchPage` → `_fetch_page`,
 * `my_class` → `MyClass`, `InvalidToken` → `InvalidTokenError`); undefined when that gives nothing
 * new or no identifier. Whether the new name is free in the file is `isFreeName`'s question.
 */
export function rewriteName(name: string, to: Rewrite): string | undefined {
  const lead = /^_*/.exec(name)![0];
  const trail = /_*$/.exec(name.slice(lead.length))![0];
  const core = name.slice(lead.length, name.length - trail.length);
  const words = wordsOfName(core);
  if (!words.length) return undefined;
  let out: string;
  switch (to) {
    case 'snake_case':
      out = lead + words.join('_').toLowerCase() + trail;
      break;
    case 'UPPER_CASE':
      out = lead + words.join('_').toUpperCase() + trail;
      break;
    case 'CapWords': {
      // `MY_CLASS` shouts every word, `HTTP_server` only an acronym: keep an acronym, not a shout.
      const shouting = isCasedUppercase(core);
      const capitalised = core
        .split('_')
        .filter(Boolean)
        .map((w) => (shouting ? w.charAt(0) + w.slice(1).toLowerCase() : w).replace(/^./u, (c) => c.toUpperCase()));
      out = lead + capitalised.join('');
      break;
    }
    case 'ErrorSuffix':
      out = name.endsWith('Exception') ? `${name.slice(0, -'Exception'.length)}Error` : `${name}Error`;
      break;
  }
  return out !== name && IDENTIFIER.test(out) && !KEYWORDS.has(out) ? out : undefined;
}

/**
 * Whether `candidate` can be given to a name without a collision: not a builtin, and not already a
 * word of the file's source (its code, comments or strings) outside `except` (the range being renamed).
 */
export function isFreeName(candidate: string, source: string, except?: { start: number; end: number }): boolean {
  if (PYTHON_BUILTINS.has(candidate) || KEYWORDS.has(candidate)) return false;
  if (!source.includes(candidate)) return true;
  const word = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_])${candidate.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}\\p{M}_])`, 'gu');
  for (const m of source.matchAll(word)) if (!except || m.index < except.start || m.index >= except.end) return false;
  return true;
}

/** `rewriteName`, when the result is free in the file. */
export function freeRewrite(name: string, to: Rewrite, source: string): string | undefined {
  const out = rewriteName(name, to);
  return out !== undefined && isFreeName(out, source) ? out : undefined;
}
