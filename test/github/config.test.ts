import { loadConfig } from '../../src/github/config.js';
import type { GitHub } from '../../src/github/octokit.js';
import { DEFAULT_CONFIG, parseConfigYaml } from '../../src/review/config.js';
import { GitHubStandIn } from '../support/github-stand-in.js';
import { TestOctokit } from '../support/probot.js';

/**
 * Issue 11, attack 10: a recursive alias in both the org's and the repo's config killed the job
 * before a check run existed; a glob that backtracks froze the event loop. Both are config
 * problems now: reported, left out, and the review goes on with the rest.
 */

const standIn = new GitHubStandIn();
let octokit: GitHub;

beforeAll(async () => {
  const { host } = await standIn.start();
  octokit = new TestOctokit({ auth: { token: 'ghs_test' }, baseUrl: `http://${host}/api/v3` }) as GitHub;
});
afterAll(() => standIn.stop());

test('a recursive alias in the org config and the repo config: two problems, the defaults, no crash', async () => {
  // The same key in both: merging the two cyclic values recursed without end.
  standIn.addRepo('evil', '.github', { '.github/pr-reviewer.yml': 'categories: &c\n  naming: *c\n' });
  standIn.addRepo('evil', 'shop', { '.github/pr-reviewer.yml': 'categories: &c\n  naming: *c\n' });
  const { config, problems } = await loadConfig(octokit, 'evil', 'shop');
  expect(config).toEqual(DEFAULT_CONFIG);
  expect(problems.map((p) => p.message)).toEqual([
    'evil/.github:.github/pr-reviewer.yml uses a recursive alias (an anchor inside itself); the file is ignored',
    'evil/shop:.github/pr-reviewer.yml uses a recursive alias (an anchor inside itself); the file is ignored',
  ]);
});

test('an alias that expands without end ("billion laughs") is refused by its count', () => {
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const next = String.fromCharCode(97 + i);
    laughs.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const { problems } = parseConfigYaml(laughs.join('\n'), 'laughs.yml');
  expect(problems[0]!.message).toMatch(/^laughs\.yml is not valid YAML: .*alias/i);
});

test('a glob the matcher cannot run is a problem of that key; a hostile but valid one just works', async () => {
  standIn.addRepo('acme', 'globs', { '.github/pr-reviewer.yml': "exclude:\n  - '**/*a*a*a*a*a*a*b.py'\ninclude:\n  - '+(src|lib)/**/*.py'\n" });
  standIn.addRepo('acme', '.github', {});
  const { config, problems } = await loadConfig(octokit, 'acme', 'globs');
  expect(problems).toEqual([{ key: 'include.0', message: 'acme/globs:.github/pr-reviewer.yml: `+(src|lib)/**/*.py`: extglob `+(…)` is not supported' }]);
  expect(config.include).toEqual(DEFAULT_CONFIG.include);
  expect(config.exclude).toEqual(['**/*a*a*a*a*a*a*b.py']);
});
