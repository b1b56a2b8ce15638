import { parse as parseToml } from 'smol-toml';
import type { ConfigProblem } from '../config.js';
import { codeList, flake8PerFileIgnores, perFileIgnore, type CodeSelection, type PerFileIgnore } from './codes.js';
import { parse as parseYaml } from 'yaml';
import { flake8Runner, preCommitHooks, ruffRunner, STYLE_FAMILIES, toxFlake8Deps, type FamilyRunner } from './families.js';
import { blackExclusions, flake8Exclusions, preCommitExclusions, ruffExclusions, type Exclusion } from './exclusions.js';
import { iniValue, parseIni, stringList, type IniSections } from './ini.js';
import { mypyScope, pyrightScope, type TypeCheckScope } from './type-checkers.js';

/**
 * The repository's own linter settings, read from the files at its root (see docs/configuration.md,
 * "Your linter settings"): which codes its linters turn off or select, the thresholds it sets, and
 * where a type checker covers the code. Pure: file texts in, settings out.
 */

/** Files read at the repository root, in the order each tool looks for them. */
export const LINT_CONFIG_FILES = [
  'pyproject.toml',
  '.ruff.toml',
  'ruff.toml',
  'setup.cfg',
  'tox.ini',
  '.flake8',
  'mypy.ini',
  '.mypy.ini',
  'pyrightconfig.json',
  // Its top-level `exclude` keeps files out of every hook; it also says which flake8 plugins run.
  '.pre-commit-config.yaml',
] as const;

/** A rule option the repository's config sets: a threshold, names to ignore. */
export interface LintOption {
  rule: string;
  key: string;
  value: unknown;
  source: string;
}

export interface LintSettings {
  selections: CodeSelection[];
  options: LintOption[];
  typeCheckers: TypeCheckScope[];
  /** Files the repository keeps out of its linters and formatter: not reviewed. */
  exclusions: Exclusion[];
  /** The linters the repository runs, and which style families each runs. */
  runners: FamilyRunner[];
}

export const NO_LINT_SETTINGS: LintSettings = { selections: [], options: [], typeCheckers: [], exclusions: [], runners: [] };

/** A style family (pep8-naming's N) that every linter the repository runs provably leaves out. */
export function familyNotRun(settings: LintSettings, code: string): boolean {
  const family = /^[A-Z]+/.exec(code)?.[0] ?? '';
  return STYLE_FAMILIES.includes(family) && settings.runners.length > 0 && settings.runners.every((r) => r.runs(family) === false);
}

type Table = Record<string, unknown>;

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function table(root: unknown, ...keys: string[]): Table | undefined {
  let t: unknown = root;
  for (const k of keys) t = isTable(t) ? t[k] : undefined;
  return isTable(t) ? t : undefined;
}

function positiveInt(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function truthy(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return typeof value === 'string' && /^(1|yes|true|on)$/i.test(value.trim());
}

/** The numpy convention is the one of pydocstyle's three that turns off a code we report (D107). */
function conventionSelection(convention: unknown, source: string): CodeSelection[] {
  return convention === 'numpy' ? [{ source: `${source} (numpy convention)`, style: 'ruff', select: [], ignore: ['D107'], perFileIgnores: [] }] : [];
}

const NAMING_IGNORE = 'ignoreNames';

/** Reads every lint config it is given (file name at the repository root → text); problems never stop a review. */
export function readLintSettings(files: Readonly<Record<string, string>>): { settings: LintSettings; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const settings: LintSettings = { selections: [], options: [], typeCheckers: [], exclusions: [], runners: [] };
  const tomls = new Map<string, Table>();
  const inis = new Map<string, IniSections>();
  for (const name of ['pyproject.toml', '.ruff.toml', 'ruff.toml']) {
    const text = files[name];
    if (text === undefined) continue;
    try {
      tomls.set(name, parseToml(text) as Table);
    } catch (error) {
      problems.push({ key: '', message: `${name} is not valid TOML, so its linter settings are not used: ${firstLine(error)}` });
    }
  }
  for (const name of ['setup.cfg', 'tox.ini', '.flake8', 'mypy.ini', '.mypy.ini']) {
    const text = files[name];
    if (text !== undefined) inis.set(name, parseIni(text));
  }

  let preCommit: unknown;
  if (files['.pre-commit-config.yaml'] !== undefined) {
    try {
      preCommit = parseYaml(files['.pre-commit-config.yaml'], { maxAliasCount: 100 });
    } catch (error) {
      problems.push({ key: '', message: `.pre-commit-config.yaml is not valid YAML, so its settings are not used: ${firstLine(error)}` });
    }
  }
  const hooks = preCommitHooks(preCommit);

  readRuff(tomls, settings, problems, hooks);
  readFlake8(inis, settings, problems, hooks);
  readPydocstyle(tomls, inis, settings);
  settings.exclusions.push(...preCommitExclusions(preCommit, problems));
  settings.exclusions.push(...blackExclusions(tomls.get('pyproject.toml'), problems));

  const mypy = mypyScope(tomls, inis);
  if (mypy) settings.typeCheckers.push(mypy);
  const pyright = pyrightScope(tomls.get('pyproject.toml'), files['pyrightconfig.json'], problems);
  if (pyright) settings.typeCheckers.push(pyright);
  return { settings, problems };
}

/** Ruff reads the first of .ruff.toml, ruff.toml and a pyproject.toml with a [tool.ruff] table. */
function readRuff(tomls: ReadonlyMap<string, Table>, settings: LintSettings, problems: ConfigProblem[], hooks: ReturnType<typeof preCommitHooks>): void {
  let root: Table | undefined;
  let name = '';
  for (const candidate of ['.ruff.toml', 'ruff.toml']) {
    if (tomls.has(candidate)) {
      root = tomls.get(candidate);
      name = candidate;
      break;
    }
  }
  if (!root) {
    root = table(tomls.get('pyproject.toml'), 'tool', 'ruff');
    name = 'pyproject.toml [tool.ruff]';
  }
  if (!root) {
    // A pre-commit Ruff hook without a config runs Ruff's defaults (unless its arguments choose).
    const hook = hooks.find((h) => /^ruff(-check)?$/.test(h.id));
    if (hook && !hook.args.some((a) => /select|config/.test(a))) settings.runners.push(ruffRunner('.pre-commit-config.yaml ruff', undefined, []));
    return;
  }
  settings.exclusions.push(...ruffExclusions(root, name === '.ruff.toml' || name === 'ruff.toml' ? `\`${name}\`` : '`pyproject.toml` `[tool.ruff]`', problems));
  // Settings may sit in [lint] (current) or at the top (older configs); [lint] wins.
  const lint = { ...root, ...(table(root, 'lint') ?? {}) };
  const sub = (key: string): Table => ({ ...(table(root, key) ?? {}), ...(table(root, 'lint', key) ?? {}) });
  const perFile: PerFileIgnore[] = [];
  for (const key of ['per-file-ignores', 'extend-per-file-ignores']) {
    for (const [pattern, codes] of Object.entries(table(lint, key) ?? {})) perFile.push(perFileIgnore(pattern, codeList(codes)));
  }
  settings.runners.push(ruffRunner(name, lint.select !== undefined ? codeList(lint.select) : undefined, codeList(lint['extend-select'])));
  settings.selections.push({
    source: name,
    style: 'ruff',
    select: [...codeList(lint.select), ...codeList(lint['extend-select'])],
    ignore: [...codeList(lint.ignore), ...codeList(lint['extend-ignore'])],
    perFileIgnores: perFile,
  });
  const option = (rule: string, key: string, value: unknown, setting: string): void => {
    if (value !== undefined) settings.options.push({ rule, key, value, source: `${name} ${setting}` });
  };
  option('complex-function', 'maxComplexity', positiveInt(sub('mccabe')['max-complexity']), 'mccabe.max-complexity');
  const pylint = sub('pylint');
  option('too-many-arguments', 'maxArgs', positiveInt(pylint['max-args']), 'pylint.max-args');
  option('too-many-branches', 'maxBranches', positiveInt(pylint['max-branches']), 'pylint.max-branches');
  option('too-many-statements', 'maxStatements', positiveInt(pylint['max-statements']), 'pylint.max-statements');
  const naming = sub('pep8-naming');
  const ignoreNames = naming['ignore-names'] !== undefined ? stringList(naming['ignore-names']) : undefined;
  const extendNames = stringList(naming['extend-ignore-names']);
  if (ignoreNames !== undefined || extendNames.length) option('*', NAMING_IGNORE, { replace: ignoreNames, extend: extendNames }, 'pep8-naming.ignore-names');
  const builtins = sub('flake8-builtins');
  const allowed = stringList(builtins['builtins-ignorelist'] ?? builtins['ignorelist']);
  if (allowed.length) {
    option('builtin-variable-shadowing', 'ignore', allowed, 'flake8-builtins.builtins-ignorelist');
    option('builtin-argument-shadowing', 'ignore', allowed, 'flake8-builtins.builtins-ignorelist');
  }
  const annotations = sub('flake8-annotations');
  if (annotations['mypy-init-return'] !== undefined)
    option('missing-return-annotation', 'mypyInitReturn', truthy(annotations['mypy-init-return']), 'flake8-annotations.mypy-init-return');
  settings.selections.push(...conventionSelection(sub('pydocstyle').convention, `${name} pydocstyle`));
}

/** flake8 reads the first of setup.cfg, tox.ini and .flake8 that has a [flake8] section. */
function readFlake8(inis: ReadonlyMap<string, IniSections>, settings: LintSettings, problems: ConfigProblem[], hooks: ReturnType<typeof preCommitHooks>): void {
  // Where flake8 is installed, and with which plugins: pre-commit's hooks, tox's environments.
  const installs = [...hooks.filter((h) => h.id === 'flake8').map((h) => h.deps), ...toxFlake8Deps(inis.get('tox.ini'))];
  let configured = false;
  for (const name of ['setup.cfg', 'tox.ini', '.flake8']) {
    const section = inis.get(name)?.get('flake8');
    if (!section) continue;
    configured = true;
    const source = `${name} [flake8]`;
    const value = (key: string): string | undefined => iniValue(section, key);
    settings.exclusions.push(...flake8Exclusions(section, name, problems));
    settings.selections.push({
      source,
      style: 'flake8',
      select: [...codeList(value('select')), ...codeList(value('extend-select'))],
      ignore: [...codeList(value('ignore')), ...codeList(value('extend-ignore'))],
      perFileIgnores: flake8PerFileIgnores(value('per-file-ignores') ?? ''),
    });
    const select = value('select') !== undefined ? [...codeList(value('select')), ...codeList(value('extend-select'))] : undefined;
    settings.runners.push(flake8Runner(source, select, installs));
    const complexity = positiveInt(value('max-complexity'));
    // mccabe's -1 (the default) means "off": positiveInt leaves it out. flake8 reports only the
    // codes its `select` names: black's `select = B,E,F,W,T4,B9` turns C901 off, max-complexity or not.
    const complexitySelected = select === undefined || select.some((c) => 'C901'.startsWith(c));
    if (complexity !== undefined && complexitySelected)
      settings.options.push({ rule: 'complex-function', key: 'maxComplexity', value: complexity, source: `${source} max-complexity` });
    const names = value('ignore-names');
    if (names !== undefined)
      settings.options.push({ rule: '*', key: NAMING_IGNORE, value: { replace: stringList(names), extend: [] }, source: `${source} ignore-names` });
    const builtins = stringList(value('builtins-ignorelist'));
    if (builtins.length) {
      for (const rule of ['builtin-variable-shadowing', 'builtin-argument-shadowing'])
        settings.options.push({ rule, key: 'ignore', value: builtins, source: `${source} builtins-ignorelist` });
    }
    const initReturn = value('mypy-init-return');
    if (initReturn !== undefined)
      settings.options.push({ rule: 'missing-return-annotation', key: 'mypyInitReturn', value: truthy(initReturn), source: `${source} mypy-init-return` });
    settings.selections.push(...conventionSelection(value('docstring-convention'), source));
    break;
  }
  // flake8 run with its defaults (a pre-commit hook or a tox environment, no [flake8] section).
  if (!configured && installs.length) settings.runners.push(flake8Runner('flake8', undefined, installs));
}

/** pydocstyle on its own: [tool.pydocstyle] or [pydocstyle] in setup.cfg / tox.ini. */
function readPydocstyle(tomls: ReadonlyMap<string, Table>, inis: ReadonlyMap<string, IniSections>, settings: LintSettings): void {
  const fromToml = table(tomls.get('pyproject.toml'), 'tool', 'pydocstyle');
  const candidates: Array<[string, (key: string) => unknown]> = [];
  if (fromToml) candidates.push(['pyproject.toml [tool.pydocstyle]', (k) => fromToml[k] ?? fromToml[k.replace(/-/g, '_')]]);
  for (const name of ['setup.cfg', 'tox.ini']) {
    const section = inis.get(name)?.get('pydocstyle');
    if (section) candidates.push([`${name} [pydocstyle]`, (k) => iniValue(section, k)]);
  }
  const found = candidates[0];
  if (!found) return;
  const [source, value] = found;
  settings.selections.push({
    source,
    style: 'flake8',
    select: [...codeList(value('select')), ...codeList(value('add-select'))],
    ignore: [...codeList(value('ignore')), ...codeList(value('add-ignore'))],
    perFileIgnores: [],
  });
  settings.selections.push(...conventionSelection(value('convention'), source));
}

/** The value a rule option takes from the repository's settings, or undefined. */
export function lintOption(settings: LintSettings, rule: string, key: string, defaults: unknown): unknown {
  let value: unknown;
  for (const o of settings.options) {
    if ((o.rule !== rule && o.rule !== '*') || o.key !== key) continue;
    // Ruff's settings come first: the first one found is the one the project lints with.
    if (value !== undefined) continue;
    value = key === NAMING_IGNORE ? namingIgnore(o.value, defaults) : o.value;
  }
  return value;
}

function namingIgnore(value: unknown, defaults: unknown): string[] {
  const { replace, extend } = value as { replace?: string[]; extend: string[] };
  return [...(replace ?? (Array.isArray(defaults) ? defaults.map(String) : [])), ...extend];
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
