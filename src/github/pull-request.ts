import pLimit from 'p-limit';
import { decodePython, formatBytes } from '../engine/decode.js';
import type { Note } from '../engine/finding.js';
import type { Config } from '../review/config.js';
import { baseFromPatch } from '../review/diff.js';
import { compileGlobs } from '../review/globs.js';
import { readFile, type FileContent } from './contents.js';
import type { GitHub } from './octokit.js';

/** GitHub lists at most 3000 files of a pull request. */
export const MAX_LISTED_FILES = 3000;
/** Parallel content fetches per review: enough to hide latency, few enough to stay polite. */
export const FETCH_CONCURRENCY = 8;

export interface PullRequestInfo {
  number: number;
  state: string;
  draft: boolean;
  author: string;
  headSha: string;
  baseSha: string;
  /** How many files GitHub says the pull request changes (its listing stops at 3,000). */
  changedFiles: number;
}

export interface ChangedFile {
  path: string;
  /** The path in the base commit (differs for renames). */
  basePath: string;
  status: string;
  /** Undefined when GitHub leaves the patch out (large diffs). */
  patch?: string;
}

export interface FetchedFile extends ChangedFile {
  head: string;
  /** The base version, for modified and renamed files. */
  base?: string;
}

export async function getPullRequest(octokit: GitHub, owner: string, repo: string, pullNumber: number): Promise<PullRequestInfo> {
  const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: pullNumber });
  return {
    number: data.number,
    state: data.state,
    draft: data.draft ?? false,
    author: data.user?.login ?? '',
    headSha: data.head.sha,
    baseSha: data.base.sha,
    changedFiles: data.changed_files ?? 0,
  };
}

export interface FileListing {
  files: ChangedFile[];
  /** Python files that cannot be reviewed, each named with the reason ('skipped'). */
  notes: Note[];
}

/**
 * Every changed file that is Python, passes the globs and still exists. GitHub lists at most
 * 3,000 files of a pull request; past that, the rest are found by comparing the git trees of the
 * merge base and the head (without patches: their findings go to the summary, not inline). When
 * the trees cannot be read whole either, the note says so: never a silent cut.
 */
export async function listReviewableFiles(octokit: GitHub, owner: string, repo: string, pr: PullRequestInfo, config: Config): Promise<FileListing> {
  const listed = await octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pr.number, per_page: 100 });
  const selected = selector(config);
  const files: ChangedFile[] = listed
    .slice(0, MAX_LISTED_FILES)
    .filter((f) => f.status !== 'removed' && selected(f.filename))
    .map((f) => ({
      path: f.filename,
      basePath: f.previous_filename ?? f.filename,
      status: f.status,
      ...(f.patch ? { patch: f.patch } : {}),
    }));
  const notes: Note[] = [];
  if (listed.length >= MAX_LISTED_FILES || pr.changedFiles > listed.length) {
    const known = new Set(listed.flatMap((f) => [f.filename, ...(f.previous_filename ? [f.previous_filename] : [])]));
    const rest = await filesPastListing(octokit, owner, repo, pr, known, selected);
    files.push(...rest.files);
    notes.push(...rest.notes);
  }
  return { files, notes };
}

function selector(config: Config): (path: string) => boolean {
  const included = compileGlobs(config.include);
  const excluded = compileGlobs(config.exclude);
  return (path) => isPython(path) && included(path) && !excluded(path);
}

interface TreeEntry {
  path: string;
  mode: string;
  type: string;
  sha: string;
}

const SYMLINK_MODE = '120000';
const SUBMODULE_MODE = '160000';

/** The changed Python files GitHub's listing left out: the head tree against the merge base's. */
async function filesPastListing(
  octokit: GitHub,
  owner: string,
  repo: string,
  pr: PullRequestInfo,
  listed: ReadonlySet<string>,
  selected: (path: string) => boolean,
): Promise<FileListing> {
  const cut = (why: string): FileListing => ({
    files: [],
    notes: [
      {
        path: '',
        kind: 'skipped',
        message: `GitHub lists only the first ${MAX_LISTED_FILES.toLocaleString('en')} of the ${pr.changedFiles.toLocaleString('en')} files this pull request changes, and ${why}: the changed Python files past them are not reviewed.`,
      },
    ],
  });
  let head: TreeEntry[];
  let base: TreeEntry[];
  try {
    // The listing compares the head with the merge base, not with the base branch's tip.
    const { data: comparison } = await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${pr.baseSha}...${pr.headSha}`, per_page: 1 });
    const trees = await Promise.all([readTree(octokit, owner, repo, pr.headSha), readTree(octokit, owner, repo, comparison.merge_base_commit.sha)]);
    if (!trees[0] || !trees[1]) return cut('the git trees are too large for GitHub to list whole');
    [head, base] = trees;
  } catch (error) {
    return cut(`the git trees could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const before = new Map(base.map((e) => [e.path, e]));
  const files: ChangedFile[] = [];
  const notes: Note[] = [];
  for (const entry of head) {
    if (entry.type === 'tree' || listed.has(entry.path) || !selected(entry.path)) continue;
    const old = before.get(entry.path);
    if (old && old.sha === entry.sha && old.mode === entry.mode) continue;
    if (entry.mode === SYMLINK_MODE || entry.mode === SUBMODULE_MODE) {
      notes.push(skippedNote(entry.path, entry.mode === SYMLINK_MODE ? 'a symbolic link, not a file' : 'a submodule, not a file'));
      continue;
    }
    files.push({ path: entry.path, basePath: entry.path, status: old ? 'modified' : 'added' });
  }
  return { files, notes };
}

/** A commit's whole tree, or undefined when GitHub truncates it (over 100,000 entries or 7 MB). */
async function readTree(octokit: GitHub, owner: string, repo: string, commitSha: string): Promise<TreeEntry[] | undefined> {
  const { data } = await octokit.rest.git.getTree({ owner, repo, tree_sha: commitSha, recursive: 'true' });
  if (data.truncated) return undefined;
  return data.tree.filter(
    (e): e is TreeEntry => typeof e.path === 'string' && typeof e.sha === 'string' && typeof e.mode === 'string' && typeof e.type === 'string',
  );
}

function skippedNote(path: string, reason: string): Note {
  return { path, kind: 'skipped', message: `${path}: skipped: ${reason}` };
}

/** Why a file's head version cannot be reviewed, from what the contents API answered. */
function unreadable(content: Exclude<FileContent, { kind: 'file' }>, maxBytes: number): string {
  switch (content.kind) {
    case 'missing':
      return 'GitHub has no contents for it at the head commit (404)';
    case 'not-a-file':
      if (content.type === 'symlink') return `a symbolic link${content.target ? ` to ${content.target}` : ''}, not a file`;
      if (content.type === 'submodule') return 'a submodule, not a file';
      if (content.type === 'dir') return 'a directory, not a file';
      return 'not a regular file';
    case 'too-large':
      return content.size > maxBytes
        ? `${formatBytes(content.size)} is over the ${formatBytes(maxBytes)} limit (max_file_bytes)`
        : `${formatBytes(content.size)} is too large for GitHub's contents API`;
  }
}

function isPython(path: string): boolean {
  return path.endsWith('.py') || path.endsWith('.pyi');
}

/**
 * Fetches the head version of each file with bounded concurrency; the base version of a modified
 * file comes from its patch, or from the base commit when GitHub left the patch out. Files that
 * cannot be reviewed (404, a symlink, a submodule, a directory, too large, binary, not UTF-8)
 * become 'skipped' notes naming the file and the reason.
 */
export async function fetchFiles(
  octokit: GitHub,
  owner: string,
  repo: string,
  pr: PullRequestInfo,
  files: readonly ChangedFile[],
  maxBytes: number,
): Promise<{ files: FetchedFile[]; notes: Note[] }> {
  const limit = pLimit(FETCH_CONCURRENCY);
  const notes: Note[] = [];
  // A file that cannot be reviewed is never dropped without a word: it becomes a 'skipped' note.
  const fetch = async (path: string, ref: string): Promise<string | undefined> => {
    const content = await readFile(octokit, owner, repo, path, ref);
    if (content.kind !== 'file') return skip(path, unreadable(content, maxBytes));
    const decoded = decodePython(content.bytes, maxBytes);
    return decoded.ok ? decoded.source : skip(path, decoded.reason.replace(/^skipped: /, ''));
  };
  const skip = (path: string, reason: string): undefined => {
    notes.push(skippedNote(path, reason));
    return undefined;
  };
  const fetched = await Promise.all(
    files.map((file) =>
      limit(async (): Promise<FetchedFile | undefined> => {
        const needsBase = file.status === 'modified' || file.status === 'renamed' || file.status === 'changed';
        const head = await fetch(file.path, pr.headSha);
        if (head === undefined) return undefined;
        if (!needsBase) return { ...file, head };
        // The patch rebuilds the merge-base version for free; fetch it only when GitHub left the patch out.
        const rebuilt = file.patch !== undefined ? baseFromPatch(head, file.patch) : undefined;
        if (rebuilt !== undefined) return { ...file, head, base: rebuilt };
        const base = await readFile(octokit, owner, repo, file.basePath, pr.baseSha);
        // An unreadable base only costs the new/old distinction: every finding counts as new.
        const decoded = base.kind === 'file' ? decodePython(base.bytes, Number.MAX_SAFE_INTEGER) : undefined;
        return { ...file, head, ...(decoded?.ok ? { base: decoded.source } : {}) };
      }),
    ),
  );
  return { files: fetched.filter((f): f is FetchedFile => f !== undefined), notes };
}
