import { RULES } from '../../../analyzers/index.js';
import { measureCodeFacts, type CodeFacts } from '../../../analyzers/python/code-facts.js';
import { STRICT_CONVENTIONS, type FileConventions } from '../../engine/conventions.js';
import type { Note } from '../../engine/finding.js';
import type { EnabledRule, Rule } from '../../engine/rule.js';
import { ruleOptions } from '../../engine/rule-options.js';
import { configForPath, enabledRules, overridesFor, type Config, type ConfigProblem } from '../config.js';
import { codeState } from './codes.js';
import { inferConventions, type Evidence } from './infer.js';
import { familyNotRun, lintOption, NO_LINT_SETTINGS, readLintSettings, type LintSettings } from './lint-settings.js';
import { isTestPath } from './test-code.js';

export { LINT_CONFIG_FILES } from './lint-settings.js';
export { isTestPath } from './test-code.js';
export { measureCodeFacts, type CodeFacts } from '../../../analyzers/python/code-facts.js';

/** A file of the code the change does not touch, as text or already measured (a cache may keep facts, not sources). */
export type UntouchedSource = { path: string; source: string } | { path: string; facts: CodeFacts };

export interface ConventionsInput {
  config: Config;
  /** The lint config files at the repository root, by name (`pyproject.toml`, `setup.cfg`…), at the base commit. */
  lintFiles?: Readonly<Record<string, string>>;
  /**
   * The code the change does not touch, paths from the repository root: the base version of each
   * changed file (under its head path) and its neighbours.
   */
  sources?: readonly UntouchedSource[];
  /** `.pyi` stubs of the repository (paths from the root), where a module's types may live instead. */
  stubs?: readonly string[];
}

export interface RepositoryConventions {
  /** The rules to run on a file: the config's (with its overrides), less the codes the repository's linters turn off, with their thresholds. */
  rulesFor(path: string): EnabledRule[];
  /** What the code around a file expects of it (a plain object: it may travel to a worker thread). */
  conventionsFor(path: string): FileConventions;
  /** Lint configs that could not be read: worth a note, never a reason to stop. */
  problems: ConfigProblem[];
  /** Where the repository's settings came from (`pyproject.toml [tool.ruff]`, `tox.ini [flake8]`…). */
  settingsRead: string[];
  /**
   * The repository's setting that keeps a file out of its linters (pre-commit's, Ruff's, flake8's or
   * black's `exclude`), named as the review says it, or undefined. Under both profiles: like its
   * other linter settings, the repository's exclusions are its own word on its code.
   */
  excludedBy(path: string): string | undefined;
}

/**
 * The facts of each untouched file, measured one file per turn of the event loop: the same
 * sources as repositoryConventions takes, measured already. A large change's hundreds of files
 * measured at once held a server's event loop for a quarter of a second.
 */
export async function measureInTurns(sources: readonly UntouchedSource[]): Promise<UntouchedSource[]> {
  const out: UntouchedSource[] = [];
  for (const s of sources) {
    out.push('facts' in s ? s : { path: s.path, facts: measureCodeFacts(s.source) });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}

/** Codes that pydocstyle users rarely want on code that otherwise documents (magic methods, `__init__`): on only when asked for. */
const QUIET_BY_DEFAULT = ['D105', 'D107'];

/**
 * Size and complexity checks, and `raise … from` style (B904), are a project's choice, not a
 * defect: where the repository runs a linter, they apply only when it selects them or sets their
 * limit (flake8's `max-complexity`); a repository with no linter config gets our defaults.
 */
const MEASURED_WHEN_CHOSEN = new Set(['C901', 'PLR0912', 'PLR0913', 'PLR0915', 'PLR1702', 'B904']);

/**
 * One repository's conventions for one review: pure, from the config, the lint config texts and
 * the untouched code. Answers are computed once per path.
 */
export function repositoryConventions(input: ConventionsInput): RepositoryConventions {
  const { settings, problems } = input.lintFiles ? lintSettingsOf(input.lintFiles) : { settings: NO_LINT_SETTINGS, problems: [] };
  const facts = new Map<string, CodeFacts>();
  for (const s of input.sources ?? []) facts.set(normalise(s.path), 'facts' in s ? s.facts : measureCodeFacts(s.source));
  const byFolder = new Map<string, Array<[string, CodeFacts]>>();
  for (const [path, f] of facts) {
    const folder = folderOf(path);
    const list = byFolder.get(folder) ?? [];
    list.push([path, f]);
    byFolder.set(folder, list);
  }
  const rules = new Map<string, EnabledRule[]>();
  const conventions = new Map<string, FileConventions>();
  const stubs = new Set((input.stubs ?? []).map(normalise));
  return {
    rulesFor(path) {
      // Paths that match the same overrides and per-file ignores get the same rules: computed once.
      const key = normalise(path);
      const signature = pathSignature(input.config, settings, key);
      let out = rules.get(signature);
      if (!out) {
        out = rulesForPath(input.config, settings, key);
        rules.set(signature, out);
      }
      return out;
    },
    conventionsFor(path) {
      const key = normalise(path);
      let out = conventions.get(key);
      if (!out) {
        const profile = configForPath(input.config, key).profile;
        const testCode = isTestPath(key);
        const evidence: Evidence = {
          ...(facts.has(key) ? { own: facts.get(key)! } : {}),
          neighbours: (byFolder.get(folderOf(key)) ?? []).filter(([p]) => p !== key).map(([, f]) => f),
          ...(stubs.has(`${key.replace(/\.py$/, '')}.pyi`) ? { stub: true } : {}),
        };
        if (profile === 'strict') out = { ...STRICT_CONVENTIONS, testCode };
        else {
          out = inferConventions(key, testCode, evidence, settings);
          const limits = limitKinds(configForPath(input.config, key), settings, key);
          if (Object.keys(limits).length) out = { ...out, limits };
        }
        conventions.set(key, out);
      }
      return out;
    },
    problems,
    excludedBy(path) {
      const key = normalise(path);
      return settings.exclusions.find((e) => e.matches(key))?.source;
    },
    settingsRead: [...new Set([...settings.selections.map((s) => s.source), ...settings.typeCheckers.map((t) => t.source)])],
  };
}

/**
 * Leaves out the files the repository's linters exclude, with one note per setting. The note's kind
 * is `excluded`, not `skipped`: such a file is left out on purpose, as the config's own `exclude`
 * leaves files out, so the verdict does not call the review incomplete.
 */
export function leaveOutExcluded<T extends { path: string }>(
  files: readonly T[],
  excludedBy: (path: string) => string | undefined,
): { kept: T[]; notes: Note[] } {
  const kept: T[] = [];
  const bySetting = new Map<string, string[]>();
  for (const file of files) {
    const setting = excludedBy(file.path);
    if (setting === undefined) kept.push(file);
    else bySetting.set(setting, [...(bySetting.get(setting) ?? []), file.path]);
  }
  const notes = [...bySetting].map(([setting, paths]): Note => {
    const folder = commonFolder(paths);
    const what =
      paths.length === 1
        ? `\`${paths[0]}\` is`
        : folder
          ? `${paths.length} files under \`${folder}/\` are`
          : `${paths.length} files (\`${paths[0]}\` and ${paths.length - 1} more) are`;
    return {
      path: paths.length === 1 ? paths[0]! : folder,
      kind: 'excluded',
      message: `${what} not reviewed: the repository's ${setting} keeps ${paths.length === 1 ? 'it' : 'them'} out of its linters.`,
    };
  });
  return { kept, notes };
}

/** The deepest folder that holds every path, or '' (the root). */
function commonFolder(paths: readonly string[]): string {
  let parts = folderOf(paths[0] ?? '').split('/');
  for (const p of paths.slice(1)) {
    const other = folderOf(p).split('/');
    let i = 0;
    while (i < parts.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join('/');
}

/** Parsed lint settings by their files' texts: the app reviews many pull requests of one repository. */
const lintCache = new Map<string, ReturnType<typeof readLintSettings>>();

function lintSettingsOf(files: Readonly<Record<string, string>>): ReturnType<typeof readLintSettings> {
  const key = JSON.stringify(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
  let read = lintCache.get(key);
  if (!read) {
    read = readLintSettings(files);
    if (lintCache.size >= 64) lintCache.delete(lintCache.keys().next().value!);
    lintCache.set(key, read);
  }
  return { settings: read.settings, problems: [...read.problems] };
}

/** Which overrides and which per-file ignores apply to a path: all that makes one path's rules differ from another's. */
function pathSignature(config: Config, lint: LintSettings, path: string): string {
  const matching = overridesFor(config, path);
  let signature = config.overrides.map((o) => (matching.includes(o) ? 1 : 0)).join('');
  for (const selection of lint.selections) signature += `|${selection.perFileIgnores.map((p) => (p.matches(path) ? 1 : 0)).join('')}`;
  return signature;
}

type Setting = Config['rules'][string];

function isOff(setting: Setting | undefined): boolean {
  return setting === false || setting === 'off' || (typeof setting === 'object' && setting.enabled === false);
}

/** The config's rules for a path, then the repository's linter settings where the config is silent. */
function rulesForPath(config: Config, lint: LintSettings, path: string): EnabledRule[] {
  const local = configForPath(config, path);
  // A code of a rule that has several (D105 of missing-docstring) turns off that code only, not the whole rule.
  const ruleLevel: Config['rules'] = {};
  const codeOff = new Set<string>();
  for (const [key, setting] of Object.entries(local.rules)) {
    const rule = ruleOfCode(key);
    if (rule && rule.codes.length > 1 && isOff(setting)) codeOff.add(key);
    else ruleLevel[key] = setting;
  }
  const conventional = local.profile === 'conventional';
  // A pydocstyle convention alone is not a linter that could have chosen size checks.
  const runsLinter = lint.selections.some((s) => !/pydocstyle|convention\)/.test(s.source));
  const out: EnabledRule[] = [];
  for (const enabled of enabledRules({ ...local, rules: ruleLevel })) {
    const rule = enabled.rule;
    const own = local.rules[rule.id];
    const ruleSpeaks = own !== undefined && !isOff(own);
    const disabled: string[] = [];
    for (const code of rule.codes) {
      const codeSetting = local.rules[code];
      if (codeOff.has(code)) {
        disabled.push(code);
        continue;
      }
      if (codeSetting !== undefined) continue;
      const state = codeState(lint.selections, code, path);
      if (state === 'off' && !ruleSpeaks) disabled.push(code);
      else if (conventional && QUIET_BY_DEFAULT.includes(code) && state !== 'on') disabled.push(code);
      // A style family that no linter of the repository runs (Ruff without `N`, flake8 without pep8-naming) is not its style.
      else if (conventional && !ruleSpeaks && state !== 'on' && familyNotRun(lint, code)) disabled.push(code);
      else if (conventional && !ruleSpeaks && MEASURED_WHEN_CHOSEN.has(code) && state !== 'on' && runsLinter && !lint.options.some((o) => o.rule === rule.id))
        disabled.push(code);
    }
    if (rule.codes.length && disabled.length === rule.codes.length) continue;
    const options = { ...enabled.options };
    const configured = configuredOptions(local, rule);
    const defaults = ruleOptions(rule);
    for (const key of Object.keys(defaults)) {
      if (configured.has(key)) continue;
      const value = lintOption(lint, rule.id, key, defaults[key]);
      // A linter's setting that the rule's schema would refuse (a fraction for a count) is left to the default.
      if (value !== undefined && rule.optionsSchema?.safeParse({ ...options, [key]: value }).success) options[key] = value;
      // mypy's reading, not flake8-annotations': `__init__` with typed arguments needs no `-> None`.
      else if (conventional && rule.id === 'missing-return-annotation' && key === 'mypyInitReturn') options[key] = true;
    }
    out.push({ ...enabled, options, ...(disabled.length ? { disabledCodes: disabled } : {}) });
  }
  return out;
}

/** The size rules, with the code and the option that holds each one's limit. */
const SIZE_LIMITS: ReadonlyArray<{ rule: string; code: string; key: string }> = [
  { rule: 'complex-function', code: 'C901', key: 'maxComplexity' },
  { rule: 'too-many-branches', code: 'PLR0912', key: 'maxBranches' },
  { rule: 'too-many-arguments', code: 'PLR0913', key: 'maxArgs' },
  { rule: 'too-many-statements', code: 'PLR0915', key: 'maxStatements' },
];

/**
 * How each size rule's limit came to be at a path (see FileConventions.limits): our config's own
 * option and a Ruff limit are policies; flake8's `max-complexity` is a ceiling (the first option
 * found is the one in use, Ruff's before flake8's, as lintOption reads them); a check that no
 * linter of the repository selects or limits is unchecked.
 */
function limitKinds(config: Config, lint: LintSettings, path: string): Record<string, 'ceiling' | 'unchecked'> {
  const out: Record<string, 'ceiling' | 'unchecked'> = {};
  for (const { rule, code, key } of SIZE_LIMITS) {
    const known = ruleOfCode(code);
    if (known && configuredOptions(config, known).has(key)) continue;
    const option = lint.options.find((o) => o.rule === rule && o.key === key);
    if (option) {
      if (/\[flake8\] max-complexity$/.test(option.source)) out[rule] = 'ceiling';
    } else if (codeState(lint.selections, code, path) !== 'on') out[rule] = 'unchecked';
  }
  return out;
}

/** Option keys that the config itself sets for a rule (under its id or one of its codes): ours win over the repository's linters. */
function configuredOptions(config: Config, rule: Rule): Set<string> {
  const keys = new Set<string>();
  for (const key of [rule.id, ...rule.codes]) {
    const setting = config.rules[key] as unknown;
    const options = typeof setting === 'object' && setting !== null ? (setting as { options?: unknown }).options : undefined;
    if (typeof options === 'object' && options !== null) for (const k of Object.keys(options)) keys.add(k);
  }
  return keys;
}

let codeIndex: Map<string, Rule> | undefined;

function ruleOfCode(code: string): Rule | undefined {
  codeIndex ??= new Map(RULES.flatMap((r) => r.codes.map((c) => [c, r] as const)));
  return codeIndex.get(code);
}

function normalise(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
