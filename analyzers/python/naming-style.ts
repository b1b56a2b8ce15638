import { z } from 'zod';
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
