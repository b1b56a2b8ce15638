import { codeState, flake8PerFileIgnores, selectorMatch } from '../../../src/review/conventions/codes.js';
import { lintOption, readLintSettings } from '../../../src/review/conventions/lint-settings.js';
import { moduleNames } from '../../../src/review/conventions/type-checkers.js';

const stateOf = (files: Record<string, string>, code: string, path: string): string => codeState(readLintSettings(files).settings.selections, code, path);

describe('selectors match codes as each linter does', () => {
  test.each<[string, string, 'ruff' | 'flake8', boolean]>([
    ['D', 'D105', 'ruff', true],
    ['D1', 'D105', 'ruff', true],
    ['E', 'EXE001', 'ruff', false],
    ['E', 'EXE001', 'flake8', true],
    ['PL', 'PLR0913', 'ruff', true],
    ['PLR', 'PLR0913', 'ruff', true],
    ['C90', 'C901', 'ruff', true],
    ['C4', 'C901', 'ruff', false],
    ['ALL', 'ANN001', 'ruff', true],
    ['ANN2', 'ANN001', 'ruff', false],
  ])('%s selects %s (%s): %s', (selector, code, style, expected) => {
    expect(selectorMatch(selector, code, style) >= 0).toBe(expected);
  });
});

describe('a code the repository turns off, or selects', () => {
  const ruff = (lint: string): Record<string, string> => ({ 'pyproject.toml': `[tool.ruff.lint]\n${lint}\n` });
  test.each<[string, Record<string, string>, string, string, string]>([
    ['ruff ignore', ruff('ignore = ["D105", "ANN"]'), 'D105', 'pkg/a.py', 'off'],
    ['ruff ignore by linter', ruff('ignore = ["ANN"]'), 'ANN201', 'pkg/a.py', 'off'],
    ['ruff select', ruff('select = ["D"]'), 'D103', 'pkg/a.py', 'on'],
    ['ruff select leaves others unset', ruff('select = ["E", "F"]'), 'D103', 'pkg/a.py', 'unset'],
    ['the more specific selector wins', ruff('select = ["D103"]\nignore = ["D"]'), 'D103', 'a.py', 'on'],
    ['ignore wins a tie', ruff('select = ["D"]\nignore = ["D"]'), 'D103', 'a.py', 'off'],
    ['extend-ignore', ruff('extend-ignore = ["N806"]'), 'N806', 'a.py', 'off'],
    ['ruff per-file-ignores by folder', ruff('[tool.ruff.lint.per-file-ignores]\n"tests/*" = ["D", "ANN"]'), 'ANN001', 'tests/unit/test_a.py', 'off'],
    ['ruff per-file-ignores elsewhere', ruff('[tool.ruff.lint.per-file-ignores]\n"tests/*" = ["D"]'), 'D103', 'src/a.py', 'unset'],
    ['ruff per-file-ignores by file name', ruff('[tool.ruff.lint.per-file-ignores]\n"__init__.py" = ["D104"]'), 'D104', 'pkg/sub/__init__.py', 'off'],
    ['older top-level [tool.ruff] keys', { 'pyproject.toml': '[tool.ruff]\nignore = ["N802"]\n' }, 'N802', 'a.py', 'off'],
    ['ruff.toml', { 'ruff.toml': '[lint]\nignore = ["A002"]\n' }, 'A002', 'a.py', 'off'],
    ['flake8 in tox.ini', { 'tox.ini': '[flake8]\nignore = H405, W504, N806\n' }, 'N806', 'a.py', 'off'],
    ['flake8 prefixes are plain', { '.flake8': '[flake8]\nextend-ignore = D1\n' }, 'D103', 'a.py', 'off'],
    [
      'flake8 per-file-ignores with continuation lines',
      { 'setup.cfg': '[flake8]\nper-file-ignores =\n    tests/*: D100,D103\n    setup.py:E501\n' },
      'D103',
      'tests/test_a.py',
      'off',
    ],
    [
      'flake8 only in the first file that has a [flake8] section',
      { 'setup.cfg': '[flake8]\nignore = E1\n', 'tox.ini': '[flake8]\nignore = N806\n' },
      'N806',
      'a.py',
      'unset',
    ],
    ['the numpy convention turns D107 off', ruff('select = ["D"]\n[tool.ruff.lint.pydocstyle]\nconvention = "numpy"'), 'D107', 'a.py', 'off'],
    ['the google convention keeps D107', ruff('select = ["D"]\n[tool.ruff.lint.pydocstyle]\nconvention = "google"'), 'D107', 'a.py', 'on'],
    ['flake8-docstrings convention', { 'tox.ini': '[flake8]\ndocstring-convention = numpy\n' }, 'D107', 'a.py', 'off'],
    ['pydocstyle on its own', { 'setup.cfg': '[pydocstyle]\nadd-ignore = D102\n' }, 'D102', 'a.py', 'off'],
  ])('%s', (_name, files, code, path, expected) => {
    expect(stateOf(files, code, path)).toBe(expected);
  });

  test('flake8 per-file-ignores on one line', () => {
    const ignores = flake8PerFileIgnores('a.py:E1,E2 b/*.py:D100');
    expect(ignores.map((i) => [i.pattern, i.codes])).toEqual([
      ['a.py', ['E1', 'E2']],
      ['b/*.py', ['D100']],
    ]);
  });
});

describe('thresholds and names the repository sets', () => {
  test.each<[string, Record<string, string>, string, string, unknown]>([
    ['mccabe in ruff', { 'pyproject.toml': '[tool.ruff.lint.mccabe]\nmax-complexity = 15\n' }, 'complex-function', 'maxComplexity', 15],
    ['max-complexity in flake8', { 'tox.ini': '[flake8]\nmax-complexity=19\n' }, 'complex-function', 'maxComplexity', 19],
    ['pylint max-args', { 'pyproject.toml': '[tool.ruff.lint.pylint]\nmax-args = 8\n' }, 'too-many-arguments', 'maxArgs', 8],
    ['pylint max-branches', { 'ruff.toml': '[lint.pylint]\nmax-branches = 20\n' }, 'too-many-branches', 'maxBranches', 20],
    ['pylint max-statements', { 'pyproject.toml': '[tool.ruff.pylint]\nmax-statements = 80\n' }, 'too-many-statements', 'maxStatements', 80],
    [
      'ruff settings before flake8',
      { 'pyproject.toml': '[tool.ruff.lint.mccabe]\nmax-complexity = 12\n', 'tox.ini': '[flake8]\nmax-complexity = 19\n' },
      'complex-function',
      'maxComplexity',
      12,
    ],
    [
      'pep8-naming extend-ignore-names',
      { 'pyproject.toml': '[tool.ruff.lint.pep8-naming]\nextend-ignore-names = ["assert*"]\n' },
      'function-name',
      'ignoreNames',
      ['setUp', 'assert*'],
    ],
    [
      'flake8 ignore-names replace the defaults',
      { 'setup.cfg': '[flake8]\nignore-names = setUp,tearDown\n' },
      'argument-name',
      'ignoreNames',
      ['setUp', 'tearDown'],
    ],
    [
      'builtins-ignorelist',
      { 'pyproject.toml': '[tool.ruff.lint.flake8-builtins]\nbuiltins-ignorelist = ["id"]\n' },
      'builtin-argument-shadowing',
      'ignore',
      ['id'],
    ],
    [
      'mypy-init-return',
      { 'pyproject.toml': '[tool.ruff.lint.flake8-annotations]\nmypy-init-return = true\n' },
      'missing-return-annotation',
      'mypyInitReturn',
      true,
    ],
    ['nothing set', { 'tox.ini': '[flake8]\nmax-complexity = -1\n' }, 'complex-function', 'maxComplexity', undefined],
  ])('%s', (_name, files, rule, key, expected) => {
    expect(lintOption(readLintSettings(files).settings, rule, key, ['setUp'])).toEqual(expected);
  });

  test('an invalid pyproject.toml is a problem, not a failure', () => {
    const { settings, problems } = readLintSettings({ 'pyproject.toml': '[tool.ruff\nselect = [', 'tox.ini': '[flake8]\nignore = N806\n' });
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('pyproject.toml is not valid TOML')]);
    expect(codeState(settings.selections, 'N806', 'a.py')).toBe('off');
  });
});

describe("a type checker's scope", () => {
  const expects = (files: Record<string, string>, path: string): boolean | undefined =>
    readLintSettings(files)
      .settings.typeCheckers.map((t) => t.expectsAnnotations(path))
      .find((v) => v !== undefined);
  const click = '[tool.mypy]\nfiles = ["src", "tests/typing"]\nstrict = true\n[tool.pyright]\ninclude = ["src", "tests/typing"]\n';
  const httpx = '[tool.mypy]\nstrict = true\n[[tool.mypy.overrides]]\nmodule = "tests.*"\ndisallow_untyped_defs = false\n';
  test.each<[string, Record<string, string>, string, boolean | undefined]>([
    ["click's src is type-checked", { 'pyproject.toml': click }, 'src/click/core.py', true],
    ["click's tests are not", { 'pyproject.toml': click }, 'tests/test_basic.py', undefined],
    ["click's typing tests are", { 'pyproject.toml': click }, 'tests/typing/typing_options.py', true],
    ['httpx: strict everywhere it runs', { 'pyproject.toml': httpx }, 'httpx/_config.py', true],
    ['httpx: tests may go unannotated', { 'pyproject.toml': httpx }, 'tests/test_config.py', false],
    ['mypy.ini files and a module section', { 'mypy.ini': '[mypy]\nfiles = pkg\n[mypy-pkg.legacy.*]\nignore_errors = True\n' }, 'pkg/legacy/old.py', undefined],
    ['mypy.ini files', { 'mypy.ini': '[mypy]\nfiles = pkg, tools/*.py\n' }, 'tools/build.py', true],
    ['setup.cfg [mypy] packages under a src layout', { 'setup.cfg': '[mypy]\npackages = app\n' }, 'src/app/models.py', true],
    [
      'a verbose exclude regex',
      { 'pyproject.toml': '[tool.mypy]\nfiles = ["."]\nexclude = """(?x)(\n  ^docs/   # the docs\n  | ^build/\n)"""\n' },
      'docs/conf.py',
      undefined,
    ],
    ['mypy without files does not say where it runs', { 'pyproject.toml': '[tool.mypy]\nignore_missing_imports = true\n' }, 'pkg/a.py', undefined],
    [
      'pyrightconfig.json with comments, in strict mode',
      { 'pyrightconfig.json': '{\n  // checked\n  "include": ["lib"],\n  "typeCheckingMode": "strict",\n  "exclude": ["lib/vendor"],\n}' },
      'lib/a.py',
      true,
    ],
    [
      'pyright exclude',
      { 'pyrightconfig.json': '{"include": ["lib"], "typeCheckingMode": "strict", "exclude": ["lib/vendor"]}' },
      'lib/vendor/x.py',
      undefined,
    ],
    // flask: pyright includes its tests in basic mode, which checks code as written and asks for no annotations.
    [
      'pyright in basic mode',
      { 'pyproject.toml': '[tool.pyright]\ninclude = ["src/flask", "tests"]\ntypeCheckingMode = "basic"\n' },
      'tests/test_helpers.py',
      undefined,
    ],
    ['pyright strict paths', { 'pyproject.toml': '[tool.pyright]\nstrict = ["core"]\n' }, 'core/a.py', true],
  ])('%s', (_name, files, path, expected) => {
    expect(expects(files, path)).toBe(expected);
  });

  test('module names of a path, with and without a src folder', () => {
    expect(moduleNames('src/click/__init__.py')).toEqual(['src.click', 'click']);
    expect(moduleNames('tests/test_a.py')).toEqual(['tests.test_a']);
  });
});
