import picomatch from 'picomatch';
import type { ConfigProblem } from '../config.js';
import { iniValue, stringList, type IniSections } from './ini.js';

/** Where a type checker covers the code, read from its config. */
export interface TypeCheckScope {
  /** Where it was read: `pyproject.toml [tool.mypy]`. */
  source: string;
  /**
   * The config names what it checks (mypy's files/packages, pyright's include/strict). Without a
   * scope the command line decides, so the code's own habit outweighs the config's demands.
   */
  scoped: boolean;
  /**
   * true: the path is in the checker's scope and no setting lets its defs go unannotated;
   * false: in scope, but its config says unannotated defs are fine there (mypy's
   * `disallow_untyped_defs = false` for the module); undefined: not covered, or unknown.
   */
  expectsAnnotations(path: string): boolean | undefined;
}

type Table = Record<string, unknown>;

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  if (/^(1|yes|true|on)$/i.test(value.trim())) return true;
  if (/^(0|no|false|off)$/i.test(value.trim())) return false;
  return undefined;
}

/** A path, folder or glob from a config file: does it cover `path` (relative to the repository root)? */
export function pathMatcher(entries: readonly string[]): (path: string) => boolean {
  const cleaned = entries.map((e) => e.trim().replace(/^\.\//, '').replace(/\/+$/, '')).filter(Boolean);
  if (cleaned.some((e) => e === '.')) return () => true;
  const globs = cleaned.flatMap((e) => [e, `${e}/**`]);
  return globs.length ? picomatch(globs, { dot: true }) : () => false;
}

/** Module names a file may have: `src/click/core.py` is `src.click.core`, or `click.core` under a src layout. */
export function moduleNames(path: string): string[] {
  const parts = path
    .replace(/\.pyi?$/, '')
    .replace(/(^|\/)__init__$/, '')
    .split('/')
    .filter(Boolean);
  const out = [parts.join('.')];
  if (parts.length > 1 && ['src', 'lib', 'python'].includes(parts[0]!)) out.push(parts.slice(1).join('.'));
  return out;
}

/** mypy's module patterns: `foo.*` is foo and every module below it; a `*` inside stands for any run of components. */
function modulePattern(pattern: string): RegExp {
  const parts = pattern.trim().split('.');
  let source = '';
  parts.forEach((part, i) => {
    if (part === '*') source += i === 0 ? '.*' : '(\\..*)?';
    else source += (i === 0 ? '' : '\\.') + part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^.]*');
  });
  return new RegExp(`^${source}$`);
}

/** Python's re in verbose mode `(?x)` (common in mypy's exclude) written as a JavaScript RegExp. */
function pythonRegex(pattern: string): RegExp | undefined {
  let source = pattern;
  if (/^\(\?x\)/.test(source)) {
    source = source
      .slice(4)
      .replace(/\\#/g, '\u0000')
      .replace(/#[^\n]*/g, '')
      .replace(/\s+/g, '')
      // eslint-disable-next-line no-control-regex -- NUL stands in for an escaped `#` (above)
      .replace(/\u0000/g, '\\#');
  }
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

interface MypyOverride {
  patterns: RegExp[];
  untypedDefs?: boolean;
  ignoreErrors?: boolean;
}

/** mypy reads the first of mypy.ini, .mypy.ini, pyproject.toml with [tool.mypy], setup.cfg with [mypy]. */
export function mypyScope(tomls: ReadonlyMap<string, Table>, inis: ReadonlyMap<string, IniSections>): TypeCheckScope | undefined {
  let get: ((key: string) => unknown) | undefined;
  let source = '';
  const overrides: MypyOverride[] = [];
  for (const name of ['mypy.ini', '.mypy.ini', 'pyproject.toml', 'setup.cfg']) {
    if (name === 'pyproject.toml') {
      const tool = tomls.get(name)?.tool;
      const mypy = isTable(tool) ? tool.mypy : undefined;
      if (!isTable(mypy)) continue;
      source = 'pyproject.toml [tool.mypy]';
      get = (key) => mypy[key];
      for (const o of Array.isArray(mypy.overrides) ? mypy.overrides.filter(isTable) : []) {
        overrides.push({
          patterns: stringList(o.module).map(modulePattern),
          ...disallowUntyped(o.disallow_untyped_defs, o.allow_untyped_defs),
          ...ignoreErrors(o.ignore_errors),
        });
      }
      break;
    }
    const sections = inis.get(name);
    const main = sections?.get('mypy');
    if (!sections || !main) continue;
    source = `${name} [mypy]`;
    get = (key) => iniValue(main, key);
    for (const [header, section] of sections) {
      if (!header.startsWith('mypy-')) continue;
      overrides.push({
        patterns: header.slice(5).split(',').map(modulePattern),
        ...disallowUntyped(iniValue(section, 'disallow_untyped_defs'), iniValue(section, 'allow_untyped_defs')),
        ...ignoreErrors(iniValue(section, 'ignore_errors')),
      });
    }
    break;
  }
  if (!get) return undefined;
  const read = get;
  const demands = flag(read('strict')) === true || flag(read('disallow_untyped_defs')) === true || flag(read('disallow_incomplete_defs')) === true;
  const files = stringList(read('files'));
  const packages = [...stringList(read('packages')), ...stringList(read('modules'))];
  const inFiles = pathMatcher(files);
  // One regex (a string) or several (a TOML array): never split at commas, which a regex may hold.
  const exclude = read('exclude');
  const excludes = (typeof exclude === 'string' ? [exclude] : stringList(exclude)).map(pythonRegex).filter((r): r is RegExp => r !== undefined);
  // Without files or packages the command line decides what is checked: only a config that demands annotations says they are wanted everywhere.
  const scoped = files.length > 0 || packages.length > 0;
  if (!scoped && !demands && !overrides.some((o) => o.untypedDefs === true)) return undefined;
  return {
    source,
    scoped,
    expectsAnnotations(path) {
      const modules = moduleNames(path);
      if (excludes.some((r) => r.test(path))) return undefined;
      const covered = scoped ? inFiles(path) || modules.some((m) => packages.some((p) => m === p || m.startsWith(`${p}.`))) : demands;
      let expects: boolean | undefined = covered ? true : undefined;
      // Overrides apply in order, a later one over an earlier one.
      for (const o of overrides) {
        if (!o.patterns.some((p) => modules.some((m) => p.test(m)))) continue;
        if (o.ignoreErrors) return undefined;
        if (o.untypedDefs === false && covered) expects = false;
        if (o.untypedDefs === true) expects = true;
      }
      return expects;
    },
  };
}

/**
 * mypy takes both spellings of one setting: `disallow_untyped_defs = false` and its inverse
 * `allow_untyped_defs = true` (scrapy's `tests.*`) both let a module's defs go unannotated.
 * `allow_incomplete_defs` alone changes nothing here: `disallow_untyped_defs` also covers
 * partly annotated defs, so only the untyped setting says whether annotations are expected.
 */
function disallowUntyped(disallow: unknown, allow?: unknown): { untypedDefs?: boolean } {
  const f = flag(disallow);
  if (f !== undefined) return { untypedDefs: f };
  const inverse = flag(allow);
  return inverse === undefined ? {} : { untypedDefs: !inverse };
}

function ignoreErrors(value: unknown): { ignoreErrors?: boolean } {
  const f = flag(value);
  return f === undefined ? {} : { ignoreErrors: f };
}

/** Pyright reads pyrightconfig.json, else [tool.pyright]: `include` (default everything), `exclude`, `strict`. */
export function pyrightScope(pyproject: Table | undefined, json: string | undefined, problems: ConfigProblem[]): TypeCheckScope | undefined {
  let config: Table | undefined;
  let source = '';
  if (json !== undefined) {
    try {
      // pyrightconfig.json allows comments and trailing commas.
      const parsed: unknown = JSON.parse(
        json.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, s: string | undefined) => s ?? '').replace(/,(\s*[}\]])/g, '$1'),
      );
      if (isTable(parsed)) {
        config = parsed;
        source = 'pyrightconfig.json';
      }
    } catch (error) {
      problems.push({ key: '', message: `pyrightconfig.json is not valid JSON, so its scope is not used: ${(error as Error).message}` });
    }
  }
  if (!config) {
    const tool = pyproject?.tool;
    if (isTable(tool) && isTable(tool.pyright)) {
      config = tool.pyright;
      source = 'pyproject.toml [tool.pyright]';
    }
  }
  if (!config) return undefined;
  const include = stringList(config.include);
  const strict = stringList(config.strict);
  const mode = config.typeCheckingMode;
  if (!strict.length && mode !== 'strict') return undefined;
  const included = include.length ? pathMatcher(include) : () => true;
  const inStrict = pathMatcher(strict);
  const excluded = pathMatcher(stringList(config.exclude));
  return {
    source,
    scoped: include.length > 0 || strict.length > 0,
    expectsAnnotations(path) {
      if (excluded(path)) return undefined;
      if (inStrict(path)) return true;
      // Pyright asks for annotations in strict mode only: basic and standard check the code as it is written.
      return included(path) && mode === 'strict' ? true : undefined;
    },
  };
}
