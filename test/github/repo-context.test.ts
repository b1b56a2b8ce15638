import { chooseNeighbours, clearRepoContextCache, readRepoContext, REPO_CONTEXT_READS } from '../../src/github/repo-context.js';
import type { GitHub } from '../../src/github/octokit.js';
import { GitHubStandIn } from '../support/github-stand-in.js';
import { TestOctokit } from '../support/probot.js';

/** What the app reads at the base commit to learn a repository's conventions, against the loopback stand-in. */

const standIn = new GitHubStandIn();
let octokit: GitHub;

const module = (name: string, annotated: boolean): string =>
  Array.from({ length: 6 }, (_, i) =>
    annotated ? `def ${name}_${i}(value: int) -> int:\n    return value\n\n\n` : `def ${name}_${i}(value):\n    return value\n\n\n`,
  ).join('');

const BASE: Record<string, string> = {
  'pyproject.toml': '[tool.ruff.lint]\nignore = ["D"]\n',
  'tox.ini': '[flake8]\nmax-complexity = 19\n',
  'README.md': '# shop\n',
  'shop/__init__.py': '',
  'shop/cart.py': module('cart', true),
  'shop/prices.py': module('price', true),
  'shop/tax.py': module('tax', true),
  'shop/io/files.py': module('files', true),
  'tests/test_cart.py': module('test_cart', false),
  'tests/test_prices.py': module('test_prices', false),
  ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`shop/extra_${String(i).padStart(2, '0')}.py`, module(`extra${i}`, true)])),
};

beforeAll(async () => {
  const { host } = await standIn.start();
  octokit = new TestOctokit({ auth: 'ghs_test', baseUrl: `http://${host}/api/v3` }) as GitHub;
  standIn.addRepo('acme', 'shop', BASE);
});
afterAll(() => standIn.stop());
beforeEach(() => {
  clearRepoContextCache();
  standIn.calls.length = 0;
});

function openPull(): string {
  const head = {
    ...BASE,
    'shop/cart.py': `${BASE['shop/cart.py']}def added(x):\n    return x\n`,
    'tests/test_cart.py': `${BASE['tests/test_cart.py']}def test_new():\n    pass\n`,
  };
  return standIn.pushPull('acme', 'shop', { number: 1, base: BASE, head }).baseSha;
}

test('reads the lint configs that exist and neighbours of the changed files, within the budget', async () => {
  const baseSha = openPull();
  const context = await readRepoContext(octokit, 'acme', 'shop', baseSha, ['shop/cart.py', 'tests/test_cart.py']);
  const reads = standIn.calls.filter((c) => c.kind === 'read');
  expect(reads.length).toBe(context.reads);
  expect(context.reads).toBeLessThanOrEqual(REPO_CONTEXT_READS);
  expect(Object.keys(context.lintFiles).sort()).toEqual(['pyproject.toml', 'tox.ini']);
  // 10 reads: the tree, two configs, seven neighbours, taken in turn from the two folders (tests/ has one to give).
  expect(context.neighbours).toHaveLength(7);
  expect(context.neighbours.map((n) => n.path)).toContain('tests/test_prices.py');
  expect(context.neighbours.every((n) => n.path !== 'shop/cart.py' && !n.path.startsWith('shop/io/'))).toBe(true);
  expect(context.neighbours.filter((n) => n.path.startsWith('shop/')).map((n) => n.facts.annotatedDefs)).toEqual([6, 6, 6, 6, 6, 6]);
  expect(context.neighbours.filter((n) => n.path.startsWith('tests/')).map((n) => n.facts.annotatedDefs)).toEqual([0]);
  expect(context.problems).toEqual([]);
});

test('a second review of the same base reads nothing and learns the same', async () => {
  const baseSha = openPull();
  const first = await readRepoContext(octokit, 'acme', 'shop', baseSha, ['shop/cart.py', 'tests/test_cart.py']);
  standIn.calls.length = 0;
  const second = await readRepoContext(octokit, 'acme', 'shop', baseSha, ['shop/cart.py', 'tests/test_cart.py']);
  expect(second.reads).toBe(0);
  expect(standIn.calls).toEqual([]);
  expect(second.neighbours).toEqual(first.neighbours);
  expect(second.lintFiles).toEqual(first.lintFiles);
});

test('a smaller budget reads less, and a failed listing is a problem, not an error', async () => {
  const baseSha = openPull();
  const small = await readRepoContext(octokit, 'acme', 'shop', baseSha, ['shop/cart.py'], { maxReads: 4 });
  expect(small.reads).toBe(4);
  expect(small.neighbours).toHaveLength(1);
  const missing = await readRepoContext(octokit, 'acme', 'shop', 'f'.repeat(40), ['shop/cart.py']);
  expect(missing.problems).toEqual([expect.stringContaining('HTTP 404')]);
  expect(missing.neighbours).toEqual([]);
});

test('chooseNeighbours: the largest untouched files of each changed folder, in turn', () => {
  const blob = (path: string, size: number) => ({ path, sha: path, size });
  const listing = {
    pythonByFolder: new Map([
      ['a', [blob('a/x.py', 500), blob('a/y.py', 900), blob('a/tiny.py', 10), blob('a/changed.py', 5000)]],
      ['b', [blob('b/z.py', 300)]],
    ]),
  };
  expect(chooseNeighbours(listing, ['a/changed.py', 'b/new.py'], 10).map((b) => b.path)).toEqual(['a/y.py', 'b/z.py', 'a/x.py']);
  expect(chooseNeighbours(listing, ['a/changed.py'], 1).map((b) => b.path)).toEqual(['a/y.py']);
});
