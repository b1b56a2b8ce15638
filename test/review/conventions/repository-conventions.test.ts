import { analyze } from '../../../src/engine/analyze.js';
import type { Finding } from '../../../src/engine/finding.js';
import { DEFAULT_CONFIG, enabledRules, validateConfig, type Config } from '../../../src/review/config.js';
import { measureCodeFacts, measureInTurns, repositoryConventions, type ConventionsInput } from '../../../src/review/conventions/index.js';
import { dedent } from '../../helpers/rule-tester.js';

const UNANNOTATED = dedent(`
  def load(path):
      return open(path)


  def save(path, data):
      pass


  def _helper(x):
      return x
`);

const ANNOTATED = dedent(`
  """Storage."""


  def load(path: str) -> str:
      """Load it."""
      return open(path).read()


  def save(path: str, data: bytes) -> None:
      """Save it."""


  def size(path: str) -> int:
      """Its size."""
      return 0
`);

/** The code a change adds: an unannotated def, a half-annotated one, an undocumented public def. */
const CHANGE = dedent(`
  def fetch(url):
      return url


  def _generate(index: int, current_product):
      return index
`);

function config(raw: unknown = {}): Config {
  const loaded = validateConfig(raw);
  expect(loaded.problems).toEqual([]);
  return loaded.config;
}

/** Reviews one file the way the plan will: its rules and conventions from the repository's. */
function review(input: ConventionsInput, path: string, source: string): Finding[] {
  const repo = repositoryConventions(input);
  return analyze([{ path, source, conventions: repo.conventionsFor(path) }], repo.rulesFor(path)).findings;
}

const codesOf = (findings: Finding[], category?: string): string[] =>
  findings
    .filter((f) => !category || f.category === category)
    .map((f) => `${f.line}:${f.code ?? f.rule}`)
    .sort();

describe('conventions that turn on and off', () => {
  test.each<[string, ConventionsInput, string, string[]]>([
    // placement: nothing around annotates; only the half-annotated def is reported.
    ['an unannotated module', { config: DEFAULT_CONFIG, sources: [{ path: 'pkg/util.py', source: UNANNOTATED }] }, 'pkg/util.py', ['5:ANN001', '5:ANN202']],
    [
      'an annotated module',
      { config: DEFAULT_CONFIG, sources: [{ path: 'pkg/util.py', source: ANNOTATED }] },
      'pkg/util.py',
      ['1:ANN001', '1:ANN201', '5:ANN001', '5:ANN202'],
    ],
    [
      'a new file among annotated neighbours',
      { config: DEFAULT_CONFIG, sources: [{ path: 'pkg/store.py', source: ANNOTATED }] },
      'pkg/new.py',
      ['1:ANN001', '1:ANN201', '5:ANN001', '5:ANN202'],
    ],
    ['a new file with no evidence around', { config: DEFAULT_CONFIG, sources: [] }, 'pkg/new.py', ['5:ANN001', '5:ANN202']],
    // click: mypy covers src/, so src/ is expected to annotate even where a base version does not.
    [
      "inside mypy's scope",
      {
        config: DEFAULT_CONFIG,
        lintFiles: { 'pyproject.toml': '[tool.mypy]\nfiles = ["src"]\nstrict = true\n' },
        sources: [{ path: 'src/pkg/util.py', source: UNANNOTATED }],
      },
      'src/pkg/util.py',
      ['1:ANN001', '1:ANN201', '5:ANN001', '5:ANN202'],
    ],
    [
      "outside mypy's scope",
      {
        config: DEFAULT_CONFIG,
        lintFiles: { 'pyproject.toml': '[tool.mypy]\nfiles = ["src"]\nstrict = true\n' },
        sources: [{ path: 'tests/test_util.py', source: UNANNOTATED }],
      },
      'tests/test_util.py',
      [], // test code: a half-typed test is the project's habit
    ],
    // starlette (2022): mypy lets tests go untyped; a test with one typed fixture is not an unfinished def.
    [
      'a half-typed test where mypy allows untyped defs',
      {
        config: DEFAULT_CONFIG,
        lintFiles: { 'setup.cfg': '[mypy]\ndisallow_untyped_defs = True\n\n[mypy-tests.*]\ndisallow_untyped_defs = False\n' },
        sources: [{ path: 'tests/test_util.py', source: UNANNOTATED }],
      },
      'tests/test_util.py',
      [],
    ],
    // scrapy: strict mypy, and `[[tool.mypy.overrides]] module = "tests.*"` `allow_untyped_defs = true` (the inverse spelling).
    [
      'an annotated test module where mypy allows untyped defs (allow_untyped_defs = true)',
      {
        config: DEFAULT_CONFIG,
        lintFiles: {
          'pyproject.toml':
            '[tool.mypy]\nstrict = true\n\n[[tool.mypy.overrides]]\nmodule = "tests.*"\nallow_untyped_defs = true\nallow_incomplete_defs = true\n',
        },
        sources: [{ path: 'tests/utils/bases/handlers.py', source: ANNOTATED }],
      },
      'tests/utils/bases/handlers.py',
      [],
    ],
    [
      'the same in a mypy.ini section',
      {
        config: DEFAULT_CONFIG,
        lintFiles: { 'mypy.ini': '[mypy]\nstrict = True\n\n[mypy-tests.*]\nallow_untyped_defs = True\n' },
        sources: [{ path: 'tests/test_util.py', source: ANNOTATED }],
      },
      'tests/test_util.py',
      [],
    ],
    [
      'an annotated test module where mypy demands annotations',
      {
        config: DEFAULT_CONFIG,
        lintFiles: { 'pyproject.toml': '[tool.mypy]\nstrict = true\n\n[[tool.mypy.overrides]]\nmodule = "tests.*"\nallow_untyped_defs = false\n' },
        sources: [{ path: 'tests/test_util.py', source: ANNOTATED }],
      },
      'tests/test_util.py',
      ['1:ANN001', '1:ANN201', '5:ANN001', '5:ANN202'],
    ],
    [
      'allowed untyped defs, but the repository selects ANN',
      {
        config: DEFAULT_CONFIG,
        lintFiles: {
          'pyproject.toml':
            '[tool.ruff.lint]\nselect = ["ANN"]\n\n[tool.mypy]\nstrict = true\n\n[[tool.mypy.overrides]]\nmodule = "tests.*"\nallow_untyped_defs = true\n',
        },
        sources: [{ path: 'tests/test_util.py', source: ANNOTATED }],
      },
      'tests/test_util.py',
      ['1:ANN001', '1:ANN201', '5:ANN001', '5:ANN202'],
    ],
    [
      'a half-typed test among untyped tests',
      { config: DEFAULT_CONFIG, sources: [{ path: 'tests/test_util.py', source: UNANNOTATED }] },
      'tests/test_util.py',
      [],
    ],
    // attrs (2022): mypy.ini demands annotations but names no files; its tests run mypy on a typing example only.
    [
      'a scope-less mypy config beside a module that does not annotate',
      {
        config: DEFAULT_CONFIG,
        lintFiles: { 'mypy.ini': '[mypy]\ndisallow_untyped_defs = True\n' },
        sources: [{ path: 'tests/test_util.py', source: UNANNOTATED }],
      },
      'tests/test_util.py',
      [], // test code: a half-typed test is the project's habit
    ],
    [
      'a scope-less mypy config and no evidence around',
      { config: DEFAULT_CONFIG, lintFiles: { 'mypy.ini': '[mypy]\ndisallow_untyped_defs = True\n' }, sources: [] },
      'pkg/new.py',
      ['1:ANN001', '1:ANN201', '5:ANN001', '5:ANN202'],
    ],
    // attrs keeps its types in validators.pyi beside validators.py.
    [
      'a module whose types live in a .pyi stub beside it',
      { config: DEFAULT_CONFIG, sources: [{ path: 'src/attr/validators.py', source: ANNOTATED }], stubs: ['src/attr/validators.pyi'] },
      'src/attr/validators.py',
      [],
    ],
    [
      'a repository that selects ANN',
      {
        config: DEFAULT_CONFIG,
        lintFiles: { 'pyproject.toml': '[tool.ruff.lint]\nselect = ["ANN"]\n' },
        sources: [{ path: 'pkg/util.py', source: UNANNOTATED }],
      },
      'pkg/util.py',
      ['1:ANN001', '1:ANN201', '5:ANN001', '5:ANN202'],
    ],
    [
      'a repository that ignores ANN001 in the annotated module',
      { config: DEFAULT_CONFIG, lintFiles: { 'ruff.toml': 'lint.ignore = ["ANN001"]\n' }, sources: [{ path: 'pkg/util.py', source: ANNOTATED }] },
      'pkg/util.py',
      ['1:ANN201', '5:ANN202'],
    ],
    [
      'the strict profile reports everything',
      { config: config({ profile: 'strict' }), sources: [{ path: 'pkg/util.py', source: UNANNOTATED }] },
      'pkg/util.py',
      ['1:ANN001', '1:ANN201', '5:ANN001', '5:ANN202'],
    ],
  ])('type hints: %s', (_name, input, path, expected) => {
    expect(codesOf(review(input, path, CHANGE), 'type-hints')).toEqual([...expected].sort());
  });

  const DOCUMENTED = '"""Shop."""\n\n\ndef price(item):\n    """The price."""\n\n\ndef tax(item):\n    """The tax."""\n\n\nclass Cart:\n    """A cart."""\n';
  const UNDOCUMENTED = 'def price(item):\n    pass\n\n\ndef tax(item):\n    pass\n\n\nclass Cart:\n    pass\n';
  const NEW_API =
    '"""Shop."""\n\n\ndef discount(item):\n    return 0\n\n\nclass Basket:\n    def __init__(self):\n        pass\n\n    def __len__(self):\n        return 0\n';
  test.each<[string, ConventionsInput, string, string[]]>([
    [
      'library code that documents its public defs',
      { config: DEFAULT_CONFIG, sources: [{ path: 'shop/prices.py', source: DOCUMENTED }] },
      'shop/prices.py',
      ['4:D103', '8:D101'],
    ],
    ['library code that does not', { config: DEFAULT_CONFIG, sources: [{ path: 'shop/prices.py', source: UNDOCUMENTED }] }, 'shop/prices.py', []],
    [
      'test code, even beside documented code',
      { config: DEFAULT_CONFIG, sources: [{ path: 'tests/test_prices.py', source: DOCUMENTED }] },
      'tests/test_prices.py',
      [],
    ],
    [
      'D105 and D107 when the repository selects them',
      {
        config: DEFAULT_CONFIG,
        lintFiles: { 'pyproject.toml': '[tool.ruff.lint]\nextend-select = ["D105", "D107"]\n' },
        sources: [{ path: 'shop/prices.py', source: DOCUMENTED }],
      },
      'shop/prices.py',
      ['4:D103', '8:D101', '9:D107', '12:D105'],
    ],
    [
      'D105 and D107 when our config names them',
      { config: config({ rules: { D105: 'on' } }), sources: [{ path: 'shop/prices.py', source: DOCUMENTED }] },
      'shop/prices.py',
      ['4:D103', '8:D101', '12:D105'],
    ],
    [
      'the strict profile',
      { config: config({ profile: 'strict' }), sources: [{ path: 'shop/prices.py', source: UNDOCUMENTED }] },
      'shop/prices.py',
      ['4:D103', '8:D101', '9:D107', '12:D105'],
    ],
  ])('docstrings: %s', (_name, input, path, expected) => {
    expect(codesOf(review(input, path, NEW_API), 'docstrings')).toEqual([...expected].sort());
  });
});

describe("the repository's linter settings and our config", () => {
  const TOX = '[flake8]\nignore = H405, W504, N806\nmax-complexity = 3\nper-file-ignores =\n    legacy/*: N802\n';
  const CODE = 'def fetchPage(a, b, c):\n    Total = 0\n    if a:\n        pass\n    if b:\n        pass\n    if c:\n        pass\n    return Total\n';

  test('a code it turns off is not reported there; a threshold it sets is ours', () => {
    const repo = repositoryConventions({ config: DEFAULT_CONFIG, lintFiles: { 'tox.ini': TOX } });
    expect(repo.rulesFor('app/a.py').some((r) => r.rule.id === 'variable-in-function')).toBe(false);
    expect(repo.rulesFor('app/a.py').find((r) => r.rule.id === 'complex-function')?.options.maxComplexity).toBe(3);
    expect(codesOf(review({ config: DEFAULT_CONFIG, lintFiles: { 'tox.ini': TOX } }, 'app/a.py', CODE), 'naming')).toEqual(['1:N802']);
    expect(codesOf(review({ config: DEFAULT_CONFIG, lintFiles: { 'tox.ini': TOX } }, 'legacy/a.py', CODE), 'naming')).toEqual([]);
    expect(codesOf(review({ config: DEFAULT_CONFIG, lintFiles: { 'tox.ini': TOX } }, 'app/a.py', CODE), 'function-logic')).toEqual(['1:C901']);
  });

  test('our config wins where both speak', () => {
    const ours = config({ rules: { 'variable-in-function': 'on', 'complex-function': { options: { maxComplexity: 10 } } } });
    const repo = repositoryConventions({ config: ours, lintFiles: { 'tox.ini': TOX } });
    expect(repo.rulesFor('app/a.py').some((r) => r.rule.id === 'variable-in-function')).toBe(true);
    expect(repo.rulesFor('app/a.py').find((r) => r.rule.id === 'complex-function')?.options.maxComplexity).toBe(10);
  });

  test('one code of a rule off, by the repository or by our config, leaves the rule on for the others', () => {
    const byRepo = repositoryConventions({ config: DEFAULT_CONFIG, lintFiles: { 'pyproject.toml': '[tool.ruff.lint]\nignore = ["ANN002", "ANN003"]\n' } });
    expect(byRepo.rulesFor('a.py').find((r) => r.rule.id === 'missing-argument-annotation')?.disabledCodes).toEqual(['ANN002', 'ANN003']);
    const byUs = repositoryConventions({ config: config({ rules: { D103: 'off' } }) });
    expect(byUs.rulesFor('a.py').find((r) => r.rule.id === 'missing-docstring')?.disabledCodes).toEqual(['D103', 'D105', 'D107']);
  });

  test('a suppression of a code that is off is not judged unused', () => {
    const source = 'def f(a):  # noqa: ANN001\n    return a\n';
    const input = { config: config({ profile: 'strict' }), lintFiles: { 'pyproject.toml': '[tool.ruff.lint]\nignore = ["ANN001"]\n' } };
    expect(codesOf(review(input, 'a.py', source)).filter((c) => c.endsWith('unused-suppression') || c.endsWith('ANN001'))).toEqual([]);
    expect(
      codesOf(review({ config: config({ profile: 'strict' }) }, 'a.py', source)).filter((c) => c.endsWith('unused-suppression') || c.endsWith('ANN001')),
    ).toEqual([]);
    expect(
      codesOf(review({ config: config({ profile: 'strict' }) }, 'a.py', 'def f(a: int):  # noqa: ANN001\n    return a\n')).filter((c) =>
        c.endsWith('unused-suppression'),
      ),
    ).toEqual(['1:unused-suppression']);
  });

  test('the strict profile without lint settings runs exactly the config’s rules', () => {
    const strict = config({ profile: 'strict' });
    const repo = repositoryConventions({ config: strict });
    expect(repo.rulesFor('pkg/a.py')).toEqual(enabledRules(strict));
    expect(repo.conventionsFor('pkg/a.py')).toEqual({ profile: 'strict', testCode: false, annotations: true, docstrings: true });
  });

  test('problems reading a lint config are returned, and the sources read are named', () => {
    const repo = repositoryConventions({ config: DEFAULT_CONFIG, lintFiles: { 'pyproject.toml': 'not = [toml', 'tox.ini': TOX } });
    expect(repo.problems).toHaveLength(1);
    expect(repo.settingsRead).toEqual(['tox.ini [flake8]']);
  });
});

describe('per-path overrides', () => {
  const overrides = config({
    overrides: [
      { files: ['tests/**'], categories: { naming: false }, rules: { 'bare-except': 'off' } },
      { files: ['src/core/**'], profile: 'strict' },
      { files: ['conftest.py'], rules: { 'unused-import': 'off' } },
    ],
  });
  const repo = repositoryConventions({ config: overrides });
  const ids = (path: string): string[] => repo.rulesFor(path).map((r) => r.rule.id);

  test.each<[string, string, boolean]>([
    ['tests/unit/test_a.py', 'class-name', false],
    ['tests/unit/test_a.py', 'bare-except', false],
    ['tests/unit/test_a.py', 'unused-import', true],
    ['src/app.py', 'class-name', true],
    ['src/app.py', 'bare-except', true],
    ['pkg/tests/conftest.py', 'unused-import', false],
  ])('%s runs %s: %s', (path, rule, expected) => {
    expect(ids(path).includes(rule)).toBe(expected);
  });

  test('an override may set the profile', () => {
    expect(repo.conventionsFor('src/core/engine.py').profile).toBe('strict');
    expect(repo.conventionsFor('src/app.py').profile).toBe('conventional');
  });
});

describe('size and complexity checks follow the linter the repository runs', () => {
  const on = (input: ConventionsInput, id: string): boolean =>
    repositoryConventions(input)
      .rulesFor('pkg/mod.py')
      .some((r) => r.rule.id === id);
  test.each<[string, Record<string, string> | undefined, string, boolean]>([
    ['no linter config: our defaults', undefined, 'complex-function', true],
    ['Ruff without C901 in its selection', { 'pyproject.toml': '[tool.ruff.lint]\nselect = ["E", "F", "B"]\n' }, 'complex-function', false],
    ['Ruff that selects C901', { 'pyproject.toml': '[tool.ruff.lint]\nselect = ["E", "F", "C90"]\n' }, 'complex-function', true],
    ['Ruff that sets a complexity limit', { 'pyproject.toml': '[tool.ruff.lint.mccabe]\nmax-complexity = 12\n' }, 'complex-function', true],
    ['flake8 with max-complexity', { 'tox.ini': '[flake8]\nmax-complexity = 19\n' }, 'complex-function', true],
    ['flake8, which has no PLR checks', { 'tox.ini': '[flake8]\nmax-complexity = 19\n' }, 'too-many-statements', false],
    ['Ruff that selects all of Pylint', { 'pyproject.toml': '[tool.ruff.lint]\nselect = ["PL"]\n' }, 'too-many-arguments', true],
    ['only a pydocstyle convention', { 'pyproject.toml': '[tool.pydocstyle]\nconvention = "numpy"\n' }, 'too-many-branches', true],
  ])('%s', (_name, lintFiles, id, expected) => {
    expect(on({ config: DEFAULT_CONFIG, ...(lintFiles ? { lintFiles } : {}) }, id)).toBe(expected);
  });

  test('the strict profile and our own config keep them on', () => {
    const lintFiles = { 'pyproject.toml': '[tool.ruff.lint]\nselect = ["E"]\n' };
    expect(on({ config: config({ profile: 'strict' }), lintFiles }, 'complex-function')).toBe(true);
    expect(on({ config: config({ rules: { 'complex-function': { options: { maxComplexity: 8 } } } }), lintFiles }, 'complex-function')).toBe(true);
  });
});

describe('a style family no linter of the repository runs', () => {
  const NAMES = 'def fetchPage(url):\n    HA1 = url\n    return HA1\n';
  const naming = (lintFiles: Record<string, string> | undefined, profile?: 'strict'): string[] =>
    codesOf(review({ config: profile ? config({ profile }) : DEFAULT_CONFIG, ...(lintFiles ? { lintFiles } : {}) }, 'pkg/auth.py', NAMES), 'naming');
  const PRE_COMMIT = (deps: string): string =>
    `repos:\n- repo: https://github.com/PyCQA/flake8\n  rev: '7.2.0'\n  hooks:\n  - id: flake8\n    additional_dependencies:\n${deps}`;
  test.each<[string, Record<string, string> | undefined, string[]]>([
    ['no linter config: our defaults', undefined, ['1:N802', '2:N806']],
    // scrapy: extend-select over Ruff's defaults (E4, E7, E9, F), no N.
    ['Ruff whose selection leaves N out', { 'pyproject.toml': '[tool.ruff.lint]\nextend-select = ["B", "UP"]\n' }, []],
    ['Ruff that selects N', { 'pyproject.toml': '[tool.ruff.lint]\nextend-select = ["N"]\n' }, ['1:N802', '2:N806']],
    ['Ruff that selects ALL', { 'ruff.toml': '[lint]\nselect = ["ALL"]\n' }, ['1:N802', '2:N806']],
    // aiohttp: flake8 from pre-commit with flake8-docstrings and friends, no pep8-naming.
    [
      'flake8 from pre-commit without pep8-naming',
      { 'setup.cfg': '[flake8]\nignore = N801,E203\n', '.pre-commit-config.yaml': PRE_COMMIT('      - flake8-docstrings==1.6.0\n') },
      [],
    ],
    [
      'flake8 from pre-commit with pep8-naming',
      { 'setup.cfg': '[flake8]\nignore = E203\n', '.pre-commit-config.yaml': PRE_COMMIT('      - pep8-naming==0.14.1\n') },
      ['1:N802', '2:N806'],
    ],
    // alembic: the tox pep8 environment lists its plugins, none of them pep8-naming.
    [
      'flake8 from a tox environment without pep8-naming',
      { 'tox.ini': '[testenv:pep8]\ndeps =\n    flake8\n    flake8-builtins\ncommands = flake8 ./alembic/\n' },
      [],
    ],
    [
      'flake8 from a tox environment that reads a requirements file',
      { 'tox.ini': '[testenv:pep8]\ndeps = -r test-requirements.txt\ncommands = flake8\n' },
      ['1:N802', '2:N806'],
    ],
    ['a [flake8] section, and no sight of how flake8 is installed', { 'setup.cfg': '[flake8]\nmax-line-length = 88\n' }, ['1:N802', '2:N806']],
    ['flake8 whose select leaves N out', { 'setup.cfg': '[flake8]\nselect = E,F,W\n' }, []],
    [
      'Ruff without N, but flake8 with pep8-naming',
      { 'pyproject.toml': '[tool.ruff.lint]\nselect = ["E", "F"]\n', '.pre-commit-config.yaml': PRE_COMMIT('      - pep8-naming\n') },
      ['1:N802', '2:N806'],
    ],
  ])('%s', (_name, lintFiles, expected) => {
    expect(naming(lintFiles)).toEqual(expected);
  });

  test('the strict profile and our own config keep the family on', () => {
    const lintFiles = { 'pyproject.toml': '[tool.ruff.lint]\nextend-select = ["B"]\n' };
    expect(naming(lintFiles, 'strict')).toEqual(['1:N802', '2:N806']);
    expect(codesOf(review({ config: config({ rules: { N806: 'on' } }), lintFiles }, 'pkg/auth.py', NAMES), 'naming')).toEqual(['2:N806']);
  });

  test('bug families stay on: requests runs flake8 without bugbear and kept B015', () => {
    const source = 'def test_headers(h):\n    h == 1\n';
    const lintFiles = { '.pre-commit-config.yaml': PRE_COMMIT('      - flake8-docstrings\n'), 'setup.cfg': '[flake8]\nignore = E203\n' };
    expect(codesOf(review({ config: DEFAULT_CONFIG, lintFiles }, 'tests/test_requests.py', source), 'function-logic')).toEqual(['2:B015']);
  });
});

describe("flake8's select decides whether C901 runs", () => {
  const complexity = (tox: string): number | undefined =>
    repositoryConventions({ config: DEFAULT_CONFIG, lintFiles: { '.flake8': tox } })
      .rulesFor('src/black/lines.py')
      .find((r) => r.rule.id === 'complex-function')?.options.maxComplexity as number | undefined;
  test.each<[string, string, number | undefined]>([
    // black since #4874: C dropped from select, max-complexity = 18 a leftover.
    ['select without C: off, max-complexity or not', '[flake8]\nmax-complexity = 18\nselect = B,E,F,W,T4,B9\n', undefined],
    ['select with C', '[flake8]\nmax-complexity = 18\nselect = B,C,E,F,W,T4,B9\n', 18],
    ['select with C90', '[flake8]\nmax-complexity = 18\nselect = E,F,W,C90\n', 18],
    ['extend-select with C901', '[flake8]\nmax-complexity = 18\nselect = E,F\nextend-select = C901\n', 18],
    ['no select: flake8 runs mccabe', '[flake8]\nmax-complexity = 18\n', 18],
  ])('%s', (_name, tox, expected) => {
    expect(complexity(tox)).toBe(expected);
  });
});

describe('how a size limit came to be', () => {
  const limits = (lintFiles: Record<string, string> | undefined, ours: unknown = {}): unknown =>
    repositoryConventions({ config: config(ours), ...(lintFiles ? { lintFiles } : {}) }).conventionsFor('pkg/mod.py').limits?.['complex-function'];
  test.each<[string, Record<string, string> | undefined, unknown, string | undefined]>([
    // placement: max-complexity = 19, "the most complex thing we have".
    ["flake8's max-complexity: a ceiling", { 'tox.ini': '[flake8]\nmax-complexity = 19\n' }, {}, 'ceiling'],
    // pip: `max-complexity = 33  # default is 10`.
    ["Ruff's mccabe limit: the limit", { 'pyproject.toml': '[tool.ruff.lint.mccabe]\nmax-complexity = 33\n' }, {}, undefined],
    ['Ruff that selects C90 with its default limit', { 'pyproject.toml': '[tool.ruff.lint]\nselect = ["C90"]\n' }, {}, undefined],
    // requests: no complexity check at all.
    ['no linter runs it', undefined, {}, 'unchecked'],
    [
      'our own config sets the limit',
      { 'tox.ini': '[flake8]\nmax-complexity = 19\n' },
      { rules: { 'complex-function': { options: { maxComplexity: 15 } } } },
      undefined,
    ],
  ])('%s', (_name, lintFiles, ours, expected) => {
    expect(limits(lintFiles, ours)).toBe(expected);
  });

  test('the strict profile has none', () => {
    expect(repositoryConventions({ config: config({ profile: 'strict' }) }).conventionsFor('pkg/mod.py').limits).toBeUndefined();
  });
});

describe('facts measured one file per turn of the event loop (the app)', () => {
  test('the same conventions as from the texts, and the loop turns between files', async () => {
    const sources = [
      { path: 'pkg/a.py', source: ANNOTATED },
      { path: 'pkg/b.py', source: UNANNOTATED },
      { path: 'pkg/c.py', source: ANNOTATED },
    ];
    let turns = 0;
    const tick = (): void => {
      turns++;
      if (turns < 100) setImmediate(tick);
    };
    setImmediate(tick);
    const measured = await measureInTurns(sources);
    expect(turns).toBeGreaterThanOrEqual(sources.length - 1);
    expect(measured.map((m) => ('facts' in m ? m.facts : undefined))).toEqual(sources.map((s) => measureCodeFacts(s.source)));
    const fromText = repositoryConventions({ config: DEFAULT_CONFIG, sources });
    const fromFacts = repositoryConventions({ config: DEFAULT_CONFIG, sources: measured });
    for (const path of ['pkg/new.py', 'tests/test_x.py']) expect(fromFacts.conventionsFor(path)).toEqual(fromText.conventionsFor(path));
  });
});
