import type { IniSections } from './ini.js';
import { iniValue } from './ini.js';

/**
 * Which style families the repository's linters run. A repository that runs Ruff without `N` in
 * its selection, or flake8 without pep8-naming installed, has chosen not to hold its names to
 * PEP 8 (aiohttp's RFC 7616 `HA1`, alembic's `MySQL_ENUM`): a naming comment there is one its
 * maintainers would drop. Only style families are judged this way: a bug family (bugbear's B015,
 * implicit concatenation) finds bugs that maintainers keep whether or not their linter runs the
 * plugin (requests runs flake8 without bugbear, and kept B015 on a test that asserted nothing).
 */

/** Style family (code letters) → the flake8 plugin that brings it. */
const FLAKE8_PLUGINS: Readonly<Record<string, RegExp>> = { N: /^pep8-naming\b/i };

export const STYLE_FAMILIES = Object.keys(FLAKE8_PLUGINS);

/** One linter the repository runs: whether it runs a family's codes, or undefined when that cannot be told. */
export interface FamilyRunner {
  source: string;
  runs(family: string): boolean | undefined;
}

/** Ruff's selection when `select` is not given (Ruff 0.1 onwards). */
const RUFF_DEFAULT_SELECT = ['E4', 'E7', 'E9', 'F'];

/** Whether a selector (Ruff's linter prefixes, or flake8's plain ones) can match a code of the family. */
function selectsFamily(selector: string, family: string, style: 'ruff' | 'flake8'): boolean {
  if (selector === 'ALL') return style === 'ruff';
  if (style === 'flake8') return selector.startsWith(family) || family.startsWith(selector);
  const letters = /^[A-Z]+/.exec(selector)?.[0];
  return letters === family;
}

/** Ruff runs its `select` (or its defaults) and `extend-select`. */
export function ruffRunner(source: string, select: readonly string[] | undefined, extendSelect: readonly string[]): FamilyRunner {
  const selected = [...(select ?? RUFF_DEFAULT_SELECT), ...extendSelect];
  return { source, runs: (family) => selected.some((s) => selectsFamily(s, family, 'ruff')) };
}

/**
 * flake8 runs a plugin's codes when the plugin is installed and, with an explicit `select`, when
 * the selection names them. Installed plugins are read where the repository installs flake8:
 * pre-commit's flake8 hooks (`additional_dependencies`) and the tox environments that run flake8
 * (`deps`). A requirements file (`-r`) that is not read leaves the answer open.
 */
export function flake8Runner(source: string, select: readonly string[] | undefined, installs: ReadonlyArray<readonly string[] | undefined>): FamilyRunner {
  return {
    source,
    runs(family) {
      if (select && !select.some((s) => selectsFamily(s, family, 'flake8'))) return false;
      const plugin = FLAKE8_PLUGINS[family];
      if (!plugin) return undefined;
      if (installs.some((deps) => deps?.some((d) => plugin.test(d.trim())))) return true;
      if (!installs.length || installs.some((deps) => deps === undefined)) return undefined;
      return false;
    },
  };
}

type Table = Record<string, unknown>;

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** pre-commit hooks by id, with their `additional_dependencies` and `args`. */
export function preCommitHooks(config: unknown): Array<{ id: string; deps: string[]; args: string[] }> {
  if (!isTable(config) || !Array.isArray(config.repos)) return [];
  const out: Array<{ id: string; deps: string[]; args: string[] }> = [];
  for (const repo of config.repos) {
    if (!isTable(repo) || !Array.isArray(repo.hooks)) continue;
    for (const hook of repo.hooks) {
      if (!isTable(hook) || typeof hook.id !== 'string') continue;
      const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
      out.push({ id: hook.id, deps: strings(hook.additional_dependencies), args: strings(hook.args) });
    }
  }
  return out;
}

/** The deps of each tox environment whose commands run flake8; undefined for one whose deps are not all written out. */
export function toxFlake8Deps(tox: IniSections | undefined): Array<string[] | undefined> {
  const out: Array<string[] | undefined> = [];
  for (const [name, section] of tox ?? []) {
    if (!name.startsWith('testenv')) continue;
    if (!/(^|\s|-m\s+)flake8\b/m.test(iniValue(section, 'commands') ?? '')) continue;
    const deps = (iniValue(section, 'deps') ?? '')
      .split('\n')
      .map((d) => d.replace(/\s#.*$/, '').trim())
      .filter((d) => d && !d.startsWith('#'));
    // `-r requirements.txt`, `-c constraints`, `{[testenv]deps}`: packages we do not see.
    out.push(deps.some((d) => /^(-r|-c|--requirement|--constraint|\{\[)/.test(d)) ? undefined : deps);
  }
  return out;
}
