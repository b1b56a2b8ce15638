import { decodePython } from '../engine/decode.js';
import { LINT_CONFIG_FILES, measureCodeFacts, type CodeFacts } from '../review/conventions/index.js';
import { readFile } from './contents.js';
import { statusOf, type GitHub } from './octokit.js';

/**
 * What the app reads of a repository, beyond the changed files, to learn its conventions: at the
 * base commit, its lint config files and a few neighbours of the changed files. Within a budget of
 * API reads per review (the tree listing, the configs that exist, then neighbours), and cached:
 * the listing per base commit, file contents per blob (a file unchanged between two base commits
 * is read once). Which files are chosen depends on the tree and the budget only, never on the
 * cache, so a review's conventions do not change with what an earlier review read.
 */

/** API reads per review for conventions: the tree, the lint configs, then neighbours. */
export const REPO_CONTEXT_READS = 10;
/** Neighbours measured per review at most. */
export const MAX_NEIGHBOURS = 10;

/** Neighbours too small to show a habit, or so large that a read is mostly waste, are passed over. */
const MIN_NEIGHBOUR_BYTES = 200;
const MAX_NEIGHBOUR_BYTES = 200_000;

export interface RepoContext {
  /** Lint config files at the repository root, by name. */
  lintFiles: Record<string, string>;
  /** Neighbours of the changed files at the base commit, measured; paths from the root. */
  neighbours: Array<{ path: string; facts: CodeFacts }>;
  /** `.pyi` stubs of the base commit (from the listing: no read). */
  stubs: string[];
  /** API calls this read made (cached answers cost none). */
  reads: number;
  /** What could not be read (the review goes on with less evidence). */
  problems: string[];
}

interface Blob {
  path: string;
  sha: string;
  size: number;
}

/** The parts of a base commit's tree that conventions need: root files, and Python files by folder. */
interface Listing {
  root: Map<string, Blob>;
  pythonByFolder: Map<string, Blob[]>;
  stubs: string[];
}

/** A small LRU: a Map keeps insertion order, so the first key is the oldest. */
class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly capacity: number) {}
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }
  delete(key: K): void {
    this.map.delete(key);
  }
  clear(): void {
    this.map.clear();
  }
}

const listings = new Lru<string, Promise<Listing>>(64);
const configTexts = new Lru<string, string>(512);
const factsByBlob = new Lru<string, CodeFacts>(20_000);

/** Forgets every cached answer (tests). */
export function clearRepoContextCache(): void {
  listings.clear();
  configTexts.clear();
  factsByBlob.clear();
}

export interface RepoContextOptions {
  maxReads?: number;
  maxNeighbours?: number;
}

/**
 * Reads the context for the files a pull request changes (their paths in the base commit).
 * Never throws for a read that fails: the conventions then rest on less evidence.
 */
export async function readRepoContext(
  octokit: GitHub,
  owner: string,
  repo: string,
  baseSha: string,
  changedPaths: readonly string[],
  options: RepoContextOptions = {},
): Promise<RepoContext> {
  const budget = options.maxReads ?? REPO_CONTEXT_READS;
  const context: RepoContext = { lintFiles: {}, neighbours: [], stubs: [], reads: 0, problems: [] };
  if (budget < 1) return context;
  const key = `${owner}/${repo}@${baseSha}`;
  let listingPromise = listings.get(key);
  if (!listingPromise) {
    context.reads++;
    listingPromise = listTree(octokit, owner, repo, baseSha);
    listings.set(key, listingPromise);
  }
  let listing: Listing;
  try {
    listing = await listingPromise;
  } catch (error) {
    // A failed listing is not kept: the next review asks again.
    listings.delete(key);
    context.problems.push(`the base commit's file list could not be read: ${reason(error)}`);
    return context;
  }

  context.stubs = listing.stubs;
  // Planned reads: one for the listing, one per config that exists, then neighbours. Counted whether or not the cache answers.
  const configs = LINT_CONFIG_FILES.map((name) => listing.root.get(name)).filter((b): b is Blob => b !== undefined);
  const room = Math.max(0, Math.min(options.maxNeighbours ?? MAX_NEIGHBOURS, budget - 1 - configs.length));
  const chosen = chooseNeighbours(listing, changedPaths, room);

  const read = async (blob: Blob): Promise<Uint8Array | undefined> => {
    context.reads++;
    try {
      const file = await readFile(octokit, owner, repo, blob.path, baseSha);
      return file.kind === 'file' ? file.bytes : undefined;
    } catch (error) {
      context.problems.push(`${blob.path} could not be read: ${reason(error)}`);
      return undefined;
    }
  };

  await Promise.all([
    ...configs.slice(0, Math.max(0, budget - 1)).map(async (blob) => {
      let text = configTexts.get(blob.sha);
      if (text === undefined) {
        const bytes = await read(blob);
        if (bytes === undefined) return;
        text = Buffer.from(bytes).toString('utf8');
        configTexts.set(blob.sha, text);
      }
      context.lintFiles[blob.path] = text;
    }),
    ...chosen.map(async (blob) => {
      let facts = factsByBlob.get(blob.sha);
      if (facts === undefined) {
        const bytes = await read(blob);
        const decoded = bytes ? decodePython(bytes, MAX_NEIGHBOUR_BYTES) : undefined;
        if (!decoded?.ok) return;
        facts = measureCodeFacts(decoded.source);
        factsByBlob.set(blob.sha, facts);
      }
      context.neighbours.push({ path: blob.path, facts });
    }),
  ]);
  // Reads finish in any order; the result should not.
  context.neighbours.sort((a, b) => a.path.localeCompare(b.path));
  return context;
}

async function listTree(octokit: GitHub, owner: string, repo: string, sha: string): Promise<Listing> {
  const { data } = await octokit.rest.git.getTree({ owner, repo, tree_sha: sha, recursive: 'true' });
  const root = new Map<string, Blob>();
  const pythonByFolder = new Map<string, Blob[]>();
  const stubs: string[] = [];
  for (const entry of data.tree) {
    if (entry.type !== 'blob' || !entry.path || !entry.sha) continue;
    const blob = { path: entry.path, sha: entry.sha, size: entry.size ?? 0 };
    const slash = entry.path.lastIndexOf('/');
    if (slash < 0) root.set(entry.path, blob);
    if (entry.path.endsWith('.pyi')) stubs.push(entry.path);
    if (!entry.path.endsWith('.py')) continue;
    const folder = slash < 0 ? '' : entry.path.slice(0, slash);
    const list = pythonByFolder.get(folder) ?? [];
    list.push(blob);
    pythonByFolder.set(folder, list);
  }
  return { root, pythonByFolder, stubs };
}

/**
 * Up to `count` neighbours: Python files of the changed files' folders that the change does not
 * touch, the largest first (more defs, a clearer habit), taken in turn from each folder.
 */
export function chooseNeighbours(listing: Pick<Listing, 'pythonByFolder'>, changedPaths: readonly string[], count: number): Blob[] {
  const changed = new Set(changedPaths);
  const folders: string[] = [];
  for (const path of changedPaths) {
    const slash = path.lastIndexOf('/');
    const folder = slash < 0 ? '' : path.slice(0, slash);
    if (!folders.includes(folder)) folders.push(folder);
  }
  const queues = folders.map((folder) =>
    (listing.pythonByFolder.get(folder) ?? [])
      .filter((b) => !changed.has(b.path) && b.size >= MIN_NEIGHBOUR_BYTES && b.size <= MAX_NEIGHBOUR_BYTES)
      .sort((a, b) => b.size - a.size || a.path.localeCompare(b.path)),
  );
  const out: Blob[] = [];
  for (let round = 0; out.length < count && queues.some((q) => q.length > round); round++) {
    for (const q of queues) {
      if (out.length >= count) break;
      const blob = q[round];
      if (blob) out.push(blob);
    }
  }
  return out;
}

function reason(error: unknown): string {
  const status = statusOf(error);
  return status !== undefined ? `HTTP ${status}` : error instanceof Error ? error.message : String(error);
}
