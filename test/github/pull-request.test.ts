import { DEFAULT_CONFIG } from '../../src/review/config.js';
import type { GitHub } from '../../src/github/octokit.js';
import { fetchFiles, getPullRequest, listReviewableFiles, MAX_LISTED_FILES } from '../../src/github/pull-request.js';
import { GitHubStandIn } from '../support/github-stand-in.js';
import { TestOctokit } from '../support/probot.js';

/**
 * Issue 11, attacks 2 and 3: the files past GitHub's 3,000-file listing were never fetched, and a
 * listed file whose contents answer 404 (or that is a symlink, a submodule, a directory) was
 * dropped without a word. Against the loopback stand-in, which lists at most 3,000 files as GitHub does.
 */

const OWNER = 'acme';
const standIn = new GitHubStandIn();
let octokit: GitHub;

beforeAll(async () => {
  const { host } = await standIn.start();
  octokit = new TestOctokit({ auth: { token: 'ghs_test' }, baseUrl: `http://${host}/api/v3` }) as GitHub;
});
afterAll(() => standIn.stop());

function manyFiles(n: number, body = (i: number) => `VALUE_${i} = ${i}\n`): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`pkg/m${String(i).padStart(4, '0')}.py`, body(i)]));
}

describe('a pull request of 3,001 files', () => {
  test('the file past the listing is reached through the git trees, and reviewed', async () => {
    standIn.addRepo(OWNER, 'big', {});
    const head = { ...manyFiles(3000), 'zz/last.py': 'import os\n', 'zz/unchanged.py': 'x = 1\n', 'zz/notes.md': 'text\n' };
    standIn.pushPull(OWNER, 'big', { number: 1, base: { 'zz/unchanged.py': 'x = 1\n', 'zz/removed.py': 'y = 2\n' }, head });
    const pr = await getPullRequest(octokit, OWNER, 'big', 1);
    expect(pr.changedFiles).toBe(3003); // 3,001 Python files added, a markdown file added, one removed

    const listing = await listReviewableFiles(octokit, OWNER, 'big', pr, DEFAULT_CONFIG);
    const paths = listing.files.map((f) => f.path);
    expect(paths).toHaveLength(3001);
    expect(new Set(paths).size).toBe(3001);
    expect(paths).toContain('zz/last.py');
    expect(paths).not.toContain('zz/unchanged.py');
    expect(listing.notes).toEqual([]);
    // Its contents are fetched like any other file's.
    const fetched = await fetchFiles(
      octokit,
      OWNER,
      'big',
      pr,
      listing.files.filter((f) => f.path === 'zz/last.py'),
      DEFAULT_CONFIG.max_file_bytes,
    );
    expect(fetched.files[0]).toMatchObject({ path: 'zz/last.py', head: 'import os\n' });
  });

  test('when GitHub cannot list the trees whole either, a note says the listing was cut', async () => {
    standIn.addRepo(OWNER, 'huge', {});
    standIn.pushPull(OWNER, 'huge', { number: 1, base: {}, head: manyFiles(3001) });
    standIn.truncateTrees = true;
    try {
      const pr = await getPullRequest(octokit, OWNER, 'huge', 1);
      const listing = await listReviewableFiles(octokit, OWNER, 'huge', pr, DEFAULT_CONFIG);
      expect(listing.files).toHaveLength(MAX_LISTED_FILES);
      expect(listing.notes).toEqual([
        {
          path: '',
          kind: 'skipped',
          message:
            'GitHub lists only the first 3,000 of the 3,001 files this pull request changes, and the git trees are too large for GitHub to list whole: the changed Python files past them are not reviewed.',
        },
      ]);
    } finally {
      standIn.truncateTrees = false;
    }
  });
});

describe('listed files that are not Python text', () => {
  test('404, symlink, submodule and directory each become a skipped note naming the file and why', async () => {
    standIn.addRepo(OWNER, 'odd', {});
    const head = { 'ok.py': 'import os\n', 'gone.py': 'x = 1\n', 'link.py': 'x = 1\n', 'sub.py': 'x = 1\n', 'dir.py': 'x = 1\n' };
    standIn.pushPull(OWNER, 'odd', { number: 1, base: {}, head });
    standIn.setSpecial(OWNER, 'odd', 'gone.py', { type: 'missing' });
    standIn.setSpecial(OWNER, 'odd', 'link.py', { type: 'symlink', target: '../../etc/passwd' });
    standIn.setSpecial(OWNER, 'odd', 'sub.py', { type: 'submodule' });
    standIn.setSpecial(OWNER, 'odd', 'dir.py', { type: 'dir' });
    const pr = await getPullRequest(octokit, OWNER, 'odd', 1);
    const listing = await listReviewableFiles(octokit, OWNER, 'odd', pr, DEFAULT_CONFIG);
    const fetched = await fetchFiles(octokit, OWNER, 'odd', pr, listing.files, DEFAULT_CONFIG.max_file_bytes);
    expect(fetched.files.map((f) => f.path)).toEqual(['ok.py']);
    expect(fetched.notes.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'dir.py', kind: 'skipped', message: 'dir.py: skipped: a directory, not a file' },
      { path: 'gone.py', kind: 'skipped', message: 'gone.py: skipped: GitHub has no contents for it at the head commit (404)' },
      { path: 'link.py', kind: 'skipped', message: 'link.py: skipped: a symbolic link to ../../etc/passwd, not a file' },
      { path: 'sub.py', kind: 'skipped', message: 'sub.py: skipped: a submodule, not a file' },
    ]);
  });

  test('files too large or not UTF-8 keep their notes', async () => {
    standIn.addRepo(OWNER, 'bytes', {});
    standIn.pushPull(OWNER, 'bytes', { number: 1, base: {}, head: { 'big.py': 'x = 1\n'.repeat(100), 'latin.py': Buffer.from([0x78, 0x3d, 0xe9, 0x0a]) } });
    const pr = await getPullRequest(octokit, OWNER, 'bytes', 1);
    const listing = await listReviewableFiles(octokit, OWNER, 'bytes', pr, DEFAULT_CONFIG);
    const fetched = await fetchFiles(octokit, OWNER, 'bytes', pr, listing.files, 100);
    expect(fetched.files).toEqual([]);
    expect(fetched.notes.map((n) => n.message).sort()).toEqual([
      'big.py: skipped: 600 B is over the 100 B limit (max_file_bytes)',
      'latin.py: skipped: not valid UTF-8 and no PEP 263 coding line',
    ]);
  });
});
