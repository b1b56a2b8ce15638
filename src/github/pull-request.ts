import pLimit from 'p-limit';
import picomatch from 'picomatch';
import { decodePython, formatBytes } from '../engine/decode.js';
import type { Note } from '../engine/finding.js';
import type { Config } from '../review/config.js';
import { baseFromPatch } from '../review/diff.js';
import { readFile } from './contents.js';
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
  };
}

/** Every changed file (all pages, up to GitHub's 3000) that is Python, passes the globs and still exists. */
export async function listReviewableFiles(octokit: GitHub, owner: string, repo: string, pullNumber: number, config: Config): Promise<ChangedFile[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 });
  const included = picomatch(config.include, { dot: true });
  const excluded = config.exclude.length ? picomatch(config.exclude, { dot: true }) : () => false;
  return files
    .slice(0, MAX_LISTED_FILES)
    .filter((f) => f.status !== 'removed' && isPython(f.filename) && included(f.filename) && !excluded(f.filename))
    .map((f) => ({
      path: f.filename,
      basePath: f.previous_filename ?? f.filename,
      status: f.status,
      ...(f.patch ? { patch: f.patch } : {}),
    }));
}

function isPython(path: string): boolean {
  return path.endsWith('.py') || path.endsWith('.pyi');
}

/**
 * Fetches the head version of each file with bounded concurrency; the base version of a modified
 * file comes from its patch, or from the base commit when GitHub left the patch out. Files that cannot be reviewed (too large, binary, not UTF-8) become notes.
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
  const fetch = async (path: string, ref: string): Promise<string | undefined> => {
    const content = await readFile(octokit, owner, repo, path, ref);
    if (content.kind === 'missing') return undefined;
    if (content.kind === 'too-large') {
      if (content.size > maxBytes) return skip(path, `skipped: ${formatBytes(content.size)} is over the ${formatBytes(maxBytes)} limit (max_file_bytes)`);
      return skip(path, `skipped: ${formatBytes(content.size)} is too large for GitHub's contents API`);
    }
    const decoded = decodePython(content.bytes, maxBytes);
    return decoded.ok ? decoded.source : skip(path, decoded.reason);
  };
  const skip = (path: string, message: string): undefined => {
    notes.push({ path, kind: 'skipped', message: `${path}: ${message}` });
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
