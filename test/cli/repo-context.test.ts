import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cliRepoContext, projectRoot } from '../../src/cli/repo-context.js';
import { repositoryConventions } from '../../src/review/conventions/index.js';
import { DEFAULT_CONFIG } from '../../src/review/config.js';

/** The CLI's reading side, on a real git repository in a temporary folder. */

let dir: string;
const write = (path: string, text: string): void => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const git = (...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });

const ANNOTATED = 'def a(x: int) -> int:\n    return x\n\n\ndef b(x: int) -> int:\n    return x\n\n\ndef c(x: int) -> int:\n    return x\n';
const PLAIN = 'def a(x):\n    return x\n\n\ndef b(x):\n    return x\n\n\ndef c(x):\n    return x\n';

beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'pr-reviewer-context-')));
  write('pyproject.toml', '[tool.ruff.lint]\nignore = ["N806"]\n');
  write('setup.cfg', '[flake8]\nmax-complexity = 15\n');
  write('pkg/core.py', PLAIN);
  write('pkg/store.py', ANNOTATED);
  write('pkg/sub/deep.py', ANNOTATED);
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'base');
  // The change annotates core.py: its base version still does not.
  write('pkg/core.py', ANNOTATED);
  git('commit', '-qam', 'annotate');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bases = new Map([['pkg/core.py', PLAIN]]);

test('the root, its lint configs, the base versions of the change and the neighbours from disk', () => {
  expect(projectRoot(join(dir, 'pkg'))).toBe(dir);
  const context = cliRepoContext(dir, [join(dir, 'pkg/core.py')], { bases });
  expect(Object.keys(context.lintFiles).sort()).toEqual(['pyproject.toml', 'setup.cfg']);
  expect(context.sources.map((s) => s.path).sort()).toEqual(['pkg/core.py', 'pkg/store.py']);
  const core = context.sources.find((s) => s.path === 'pkg/core.py');
  expect(core && 'source' in core ? core.source : undefined).toBe(PLAIN);
});

test('without a change the file on disk is its own evidence; a file new in the change has no base', () => {
  expect(cliRepoContext(dir, [join(dir, 'pkg/core.py')]).sources.find((s) => s.path === 'pkg/core.py')).toEqual({ path: 'pkg/core.py', source: ANNOTATED });
  write('pkg/new.py', PLAIN);
  expect(cliRepoContext(dir, [join(dir, 'pkg/new.py')], { bases }).sources.some((s) => s.path === 'pkg/new.py')).toBe(false);
});

test('handed to the conventions: the base decides, the config is honoured', () => {
  const context = cliRepoContext(dir, [join(dir, 'pkg/core.py')], { bases, maxNeighboursPerFolder: 0 });
  const repo = repositoryConventions({ config: DEFAULT_CONFIG, lintFiles: context.lintFiles, sources: context.sources });
  expect(repo.conventionsFor('pkg/core.py').annotations).toBe(false);
  expect(repo.rulesFor('pkg/core.py').some((r) => r.rule.id === 'variable-in-function')).toBe(false);
  expect(repo.rulesFor('pkg/core.py').find((r) => r.rule.id === 'complex-function')?.options.maxComplexity).toBe(15);
});

test('outside git: the nearest folder with a lint config is the root', () => {
  rmSync(join(dir, '.git'), { recursive: true, force: true });
  expect(projectRoot(join(dir, 'pkg/sub'))).toBe(dir);
});
