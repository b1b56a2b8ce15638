import { DEFAULT_CONFIG, validateConfig } from '../../../src/review/config.js';
import { leaveOutExcluded, repositoryConventions } from '../../../src/review/conventions/index.js';
import { pythonSearch } from '../../../src/review/conventions/exclusions.js';
import { planReview } from '../../../src/review/plan.js';

/** black's own settings (2026): pre-commit's top-level exclude, and [tool.black] extend-exclude over lines. */
const BLACK_PRE_COMMIT = 'exclude: ^(profiling/|tests/data/)\nrepos:\n  - repo: local\n    hooks:\n      - id: x\n        additional_dependencies: &deps [a]\n';
const BLACK_PYPROJECT = "[tool.black]\nextend-exclude = '''\n/(\n    # The following are specific to Black.\n    tests/data/\n    | profiling/\n)\n'''\n";

describe('files the repository keeps out of its linters', () => {
  test.each<[string, Record<string, string>, string, string | undefined]>([
    [
      'pre-commit exclude, a file below it',
      { '.pre-commit-config.yaml': BLACK_PRE_COMMIT },
      'tests/data/cases/fmtonoff9.py',
      '`.pre-commit-config.yaml` `exclude`',
    ],
    ['pre-commit exclude, a file outside it', { '.pre-commit-config.yaml': BLACK_PRE_COMMIT }, 'tests/test_black.py', undefined],
    [
      'pre-commit exclude is searched, not anchored',
      { '.pre-commit-config.yaml': "exclude: 'docs/|ext/'\n" },
      'requests/ext/x.py',
      '`.pre-commit-config.yaml` `exclude`',
    ],
    [
      'pre-commit exclude in verbose mode',
      { '.pre-commit-config.yaml': 'exclude: |\n  (?x)^(\n    tests/data/.*  # formatter input\n    | vendor/\n  )\n' },
      'vendor/six.py',
      '`.pre-commit-config.yaml` `exclude`',
    ],
    [
      'pre-commit top-level files: a file it does not match',
      { '.pre-commit-config.yaml': 'files: ^src/\n' },
      'tests/test_a.py',
      '`.pre-commit-config.yaml` `files`',
    ],
    ['pre-commit top-level files: a file it matches', { '.pre-commit-config.yaml': 'files: ^src/\n' }, 'src/a.py', undefined],
    [
      'black extend-exclude over lines (verbose)',
      { 'pyproject.toml': BLACK_PYPROJECT },
      'tests/data/cases/a.py',
      '`pyproject.toml` `[tool.black]` `extend-exclude`',
    ],
    ['black extend-exclude, a file outside it', { 'pyproject.toml': BLACK_PYPROJECT }, 'src/black/lines.py', undefined],
    [
      'black: a folder name is matched with its slashes',
      { 'pyproject.toml': "[tool.black]\nextend-exclude = '/gen/'\n" },
      'pkg/gen/a.py',
      '`pyproject.toml` `[tool.black]` `extend-exclude`',
    ],
    ['black: not inside a longer name', { 'pyproject.toml': "[tool.black]\nextend-exclude = '/gen/'\n" }, 'pkg/regen/a.py', undefined],
    [
      'Ruff extend-exclude, a folder',
      { 'pyproject.toml': '[tool.ruff]\nextend-exclude = ["tests/data"]\n' },
      'tests/data/x.py',
      '`pyproject.toml` `[tool.ruff]` `extend-exclude`',
    ],
    ['Ruff exclude, a file name anywhere', { 'ruff.toml': 'exclude = ["*_pb2.py"]\n' }, 'pkg/api/service_pb2.py', '`ruff.toml` `exclude`'],
    ['Ruff lint.exclude', { '.ruff.toml': '[lint]\nexclude = ["migrations"]\n' }, 'app/migrations/0001.py', '`.ruff.toml` `lint.exclude`'],
    ['Ruff exclude, another file', { 'ruff.toml': 'exclude = ["*_pb2.py"]\n' }, 'pkg/api/service.py', undefined],
    [
      'flake8 exclude, a folder name anywhere',
      { 'setup.cfg': '[flake8]\nexclude = .venv,.git,.tox,dist,doc,*egg,build\n' },
      'pkg/build/x.py',
      '`setup.cfg` `[flake8]` `exclude`',
    ],
    [
      'flake8 extend-exclude with ./',
      { 'tox.ini': '[flake8]\nextend-exclude =\n    ./vendor/*,\n' },
      'vendor/six/moves.py',
      '`tox.ini` `[flake8]` `extend-exclude`',
    ],
    ['flake8 exclude, a file outside it', { 'setup.cfg': '[flake8]\nexclude = build\n' }, 'pkg/builder.py', undefined],
    ['no config', {}, 'tests/data/x.py', undefined],
  ])('%s', (_name, lintFiles, path, expected) => {
    const repo = repositoryConventions({ config: DEFAULT_CONFIG, lintFiles });
    expect(repo.problems).toEqual([]);
    expect(repo.excludedBy(path)).toBe(expected);
  });

  test('the strict profile honours them too: they are the repository’s word on its code, like its other linter settings', () => {
    const strict = validateConfig({ profile: 'strict' }).config;
    expect(repositoryConventions({ config: strict, lintFiles: { '.pre-commit-config.yaml': BLACK_PRE_COMMIT } }).excludedBy('tests/data/a.py')).toBeDefined();
  });

  test.each<[string, Record<string, string>]>([
    ['a look-ahead RE2 cannot run', { '.pre-commit-config.yaml': 'exclude: ^(?!src/)\n' }],
    ['a back-reference', { 'pyproject.toml': "[tool.black]\nexclude = '(a)\\1'\n" }],
    ['pre-commit YAML that does not parse', { '.pre-commit-config.yaml': 'exclude: [\n' }],
  ])('%s is a named problem, and nothing is excluded', (_name, lintFiles) => {
    const repo = repositoryConventions({ config: DEFAULT_CONFIG, lintFiles });
    expect(repo.problems).toHaveLength(1);
    expect(repo.excludedBy('src/a.py')).toBeUndefined();
  });

  test('a pattern that would make a backtracking engine stall is matched in linear time', () => {
    const search = pythonSearch('^(a+)+$');
    const started = Date.now();
    expect(search(`${'a'.repeat(50_000)}b`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('Python spellings: \\Z, named groups, verbose mode with escaped spaces and # in a class', () => {
    expect(pythonSearch('\\.py\\Z')('a.py')).toBe(true);
    expect(pythonSearch('(?P<dir>tests)/')('tests/a.py')).toBe(true);
    expect(pythonSearch('(?x) my\\ dir / [#]x # comment')('my dir/#x')).toBe(true);
  });
});

describe('leaving excluded files out of a review', () => {
  const excludedBy = (path: string): string | undefined => (path.startsWith('tests/data/') ? '`.pre-commit-config.yaml` `exclude`' : undefined);

  test('one note per setting, naming the folder and the setting', () => {
    const { kept, notes } = leaveOutExcluded(
      [{ path: 'tests/data/cases/a.py' }, { path: 'tests/data/preview/b.py' }, { path: 'src/black/lines.py' }],
      excludedBy,
    );
    expect(kept).toEqual([{ path: 'src/black/lines.py' }]);
    expect(notes).toEqual([
      {
        path: 'tests/data',
        kind: 'excluded',
        message: "2 files under `tests/data/` are not reviewed: the repository's `.pre-commit-config.yaml` `exclude` keeps them out of its linters.",
      },
    ]);
  });

  test('one file is named', () => {
    expect(leaveOutExcluded([{ path: 'tests/data/cases/a.py' }], excludedBy).notes[0]!.message).toBe(
      "`tests/data/cases/a.py` is not reviewed: the repository's `.pre-commit-config.yaml` `exclude` keeps it out of its linters.",
    );
  });

  test('the verdict: an excluded file is left out on purpose, not "not fully reviewed"', () => {
    const { notes } = leaveOutExcluded([{ path: 'tests/data/cases/a.py' }], excludedBy);
    const plan = planReview({ mode: 'change', files: [], config: DEFAULT_CONFIG, notes });
    expect(plan.verdict.unreviewed).toEqual([]);
    expect(plan.verdict.conclusion).toBe('success');
    expect(plan.notes).toEqual(notes);
  });
});
