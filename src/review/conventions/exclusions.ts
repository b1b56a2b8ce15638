import { RE2JS } from 're2js';
import { parse as parseYaml } from 'yaml';
import type { ConfigProblem } from '../config.js';
import { compileGlob, type PathMatcher } from '../globs.js';
import { iniValue } from './ini.js';

/**
 * Files the repository keeps out of its own linters and formatter: pre-commit's top-level
 * `exclude` (and `files`), Ruff's and flake8's `exclude`/`extend-exclude`, black's
 * `exclude`/`extend-exclude`. black's `tests/data/` is formatter input, code that is parsed and
 * never run: a finding there is one no maintainer would keep. Each setting is matched as its tool
 * matches it, by automata that never backtrack (RE2): a pattern comes from the repository under
 * review, and a backtracking engine would let one pattern stall every review of an install.
 */
export interface Exclusion {
  /** The setting, as the review names it: `` `.pre-commit-config.yaml` `exclude` ``. */
  source: string;
  matches(path: string): boolean;
}

/** Longer patterns are refused as config problems (black's and pre-commit's real ones are a few hundred characters). */
const MAX_PATTERN_LENGTH = 5000;

type Table = Record<string, unknown>;

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A Python `re` pattern as RE2 reads it: verbose mode (`(?x)`, or black's multi-line patterns)
 * written out, `\Z` as RE2's `\z`. What RE2 cannot run (look-arounds, back-references) is an
 * error: the setting is then named as a problem and its files are reviewed.
 */
export function pythonSearch(pattern: string, verbose = false): (text: string) => boolean {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new Error(`a pattern of more than ${MAX_PATTERN_LENGTH} characters is not read`);
  let source = pattern;
  const inline = /^\(\?x\)/.exec(source);
  if (inline || verbose) source = withoutVerboseSyntax(inline ? source.slice(4) : source);
  source = source.replace(/(^|[^\\])((?:\\\\)*)\\Z/g, '$1$2\\z');
  const re = RE2JS.compile(source);
  return (text) => re.matcher(text).find();
}

/** Python's verbose mode: whitespace and `#` comments are not part of the pattern, except escaped or inside a class. */
function withoutVerboseSyntax(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i]!;
      // `\ ` stands for the space itself (kept as a literal); any other escape is kept as written.
      out += /\s/.test(next) ? next : `\\${next}`;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // A `]` first in a class (or after `^`) is a literal.
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') out += pattern[++i];
      continue;
    }
    if (/\s/.test(c)) continue;
    if (c === '#') {
      while (i + 1 < pattern.length && pattern[i + 1] !== '\n') i++;
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * A path glob as Ruff and flake8 match `exclude`: against the path from the root and against the
 * file's name, and, as both tools skip a folder they are told to exclude when they walk the tree,
 * against every folder above the file (`build` or `tests/data` excludes what is below it).
 */
export function linterGlob(pattern: string): PathMatcher {
  const cleaned = pattern.trim().replace(/^\.\//, '').replace(/\/+$/, '');
  const glob = compileGlob(cleaned);
  return (path) => {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) if (glob(parts.slice(0, i).join('/')) || glob(parts[i - 1]!)) return true;
    return false;
  };
}

function globList(value: unknown): string[] {
  const items = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? value.split(/[\n,]+/) : [];
  return items.map((s) => s.trim()).filter(Boolean);
}

/** Globs as one exclusion, or a problem when one cannot be compiled (that pattern is then left out). */
function globExclusion(source: string, patterns: readonly string[], problems: ConfigProblem[]): Exclusion[] {
  const matchers: PathMatcher[] = [];
  for (const p of patterns) {
    try {
      matchers.push(linterGlob(p));
    } catch (error) {
      problems.push({ key: '', message: `${source} pattern \`${p}\` cannot be read (${firstLine(error)}): the files it excludes are reviewed` });
    }
  }
  return matchers.length ? [{ source, matches: (path) => matchers.some((m) => m(path)) }] : [];
}

function regexExclusion(
  source: string,
  pattern: string,
  problems: ConfigProblem[],
  match: (search: (text: string) => boolean) => PathMatcher,
  verbose = false,
): Exclusion[] {
  try {
    return [{ source, matches: match(pythonSearch(pattern, verbose)) }];
  } catch (error) {
    problems.push({ key: '', message: `${source} cannot be read as a regular expression here (${firstLine(error)}): the files it excludes are reviewed` });
    return [];
  }
}

/** pre-commit runs no hook on a file that its top-level `exclude` matches (`re.search` on the path), or that its top-level `files` does not. */
export function preCommitExclusions(text: string, problems: ConfigProblem[]): Exclusion[] {
  let config: unknown;
  try {
    config = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    problems.push({ key: '', message: `.pre-commit-config.yaml is not valid YAML, so its exclusions are not used: ${firstLine(error)}` });
    return [];
  }
  if (!isTable(config)) return [];
  const out: Exclusion[] = [];
  // pre-commit's defaults: `exclude: ^$` (nothing) and `files: ''` (everything).
  if (typeof config.exclude === 'string' && config.exclude !== '^$')
    out.push(...regexExclusion('`.pre-commit-config.yaml` `exclude`', config.exclude, problems, (search) => search));
  if (typeof config.files === 'string' && config.files !== '')
    out.push(...regexExclusion('`.pre-commit-config.yaml` `files`', config.files, problems, (search) => (path) => !search(path)));
  return out;
}

/** Ruff's `exclude` and `extend-exclude` (top level: every command; `lint.`: the linter). Ruff's own default list is not ours to add. */
export function ruffExclusions(root: Table, where: string, problems: ConfigProblem[]): Exclusion[] {
  const lint = isTable(root.lint) ? root.lint : {};
  const out: Exclusion[] = [];
  for (const [key, value] of [
    ['exclude', root.exclude],
    ['extend-exclude', root['extend-exclude']],
    ['lint.exclude', lint.exclude],
    ['lint.extend-exclude', lint['extend-exclude']],
  ] as const) {
    const patterns = globList(value);
    if (patterns.length) out.push(...globExclusion(`${where} \`${key}\``, patterns, problems));
  }
  return out;
}

/** flake8's `exclude` and `extend-exclude`: comma-separated fnmatch patterns. */
export function flake8Exclusions(section: ReadonlyMap<string, string>, name: string, problems: ConfigProblem[]): Exclusion[] {
  const out: Exclusion[] = [];
  for (const key of ['exclude', 'extend-exclude']) {
    const patterns = globList(iniValue(section, key) ?? '');
    if (patterns.length) out.push(...globExclusion(`\`${name}\` \`[flake8]\` \`${key}\``, patterns, problems));
  }
  return out;
}

/**
 * black's `exclude` and `extend-exclude`: a regex searched in `/` + the path from the root, each
 * folder with a trailing `/` (black skips an excluded folder whole); verbose when it spans lines,
 * as black compiles it.
 */
export function blackExclusions(pyproject: Table | undefined, problems: ConfigProblem[]): Exclusion[] {
  const tool = pyproject && isTable(pyproject.tool) ? pyproject.tool : undefined;
  const black = tool && isTable(tool.black) ? tool.black : undefined;
  if (!black) return [];
  const out: Exclusion[] = [];
  for (const key of ['exclude', 'extend-exclude', 'force-exclude']) {
    const value = black[key] ?? black[key.replace(/-/g, '_')];
    if (typeof value !== 'string' || value.trim() === '') continue;
    out.push(
      ...regexExclusion(
        `\`pyproject.toml\` \`[tool.black]\` \`${key}\``,
        value,
        problems,
        (search) => (path) => {
          const parts = path.split('/');
          for (let i = 1; i <= parts.length; i++) if (search(`/${parts.slice(0, i).join('/')}${i < parts.length ? '/' : ''}`)) return true;
          return false;
        },
        value.includes('\n'),
      ),
    );
  }
  return out;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
