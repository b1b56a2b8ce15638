import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { decodePython } from '../engine/decode.js';
import { LINT_CONFIG_FILES, type UntouchedSource } from '../review/conventions/index.js';
import { repositoryRoot } from './git.js';

/**
 * What the CLI knows of the repository around the files it reviews, read from disk: its lint
 * config files, and the code the change does not touch (the base version of each reviewed file
 * when the review is of a change, else the file itself; and the other Python files of the same
 * folders). Handed to `repositoryConventions`.
 */
export interface CliRepoContext {
  /** Lint config files at the root, by name. */
  lintFiles: Record<string, string>;
  /** Paths relative to the root. */
  sources: UntouchedSource[];
  /** `.pyi` stubs in the folders of the reviewed files, relative to the root. */
  stubs: string[];
}

export interface CliRepoContextOptions {
  /**
   * The base version of each file of a change, by repository path (read from git by the change);
   * without it, the files on disk are their own evidence. A file absent here is new in the change.
   */
  bases?: ReadonlyMap<string, string>;
  /** Neighbours read per folder (default 10); the reviewed files themselves are always measured. */
  maxNeighboursPerFolder?: number;
  /** Larger files are not measured (default 1 MB, as max_file_bytes). */
  maxBytes?: number;
}

const DEFAULT_NEIGHBOURS = 10;

/** The root a review's paths are relative to: git's top level, else the nearest folder above with a lint config, else `fallback`. */
export function projectRoot(start: string, fallback: string = start): string {
  const top = repositoryRoot(start);
  if (top) return realPathOf(top);
  for (let dir = start; ; dir = dirname(dir)) {
    if (LINT_CONFIG_FILES.some((name) => existsSync(join(dir, name)))) return dir;
    if (dirname(dir) === dir) return fallback;
  }
}

/** Reads the context of `files` (absolute paths of the Python files under review) in the project at `root`. */
export function cliRepoContext(root: string, files: readonly string[], options: CliRepoContextOptions = {}): CliRepoContext {
  const maxBytes = options.maxBytes ?? 1_000_000;
  const real = files.map(realPathOf);
  const repoPath = (file: string): string => relative(root, realPathOf(file)).split(sep).join('/');

  const lintFiles: Record<string, string> = {};
  for (const name of LINT_CONFIG_FILES) {
    const path = join(root, name);
    if (existsSync(path)) {
      try {
        lintFiles[name] = readFileSync(path, 'utf8');
      } catch {
        // An unreadable config is as good as none.
      }
    }
  }

  const sources: UntouchedSource[] = [];
  const reviewed = new Set(real);
  for (const file of real) {
    const path = repoPath(file);
    const text = options.bases ? options.bases.get(path) : readPython(file, maxBytes);
    if (text !== undefined) sources.push({ path, source: text });
  }

  const folders = new Set(real.map((f) => dirname(f)));
  const stubs: string[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      const all = readdirSync(folder).sort();
      for (const n of all) if (n.endsWith('.pyi')) stubs.push(repoPath(join(folder, n)));
      names = all.filter((n) => n.endsWith('.py'));
    } catch {
      continue;
    }
    let taken = 0;
    for (const name of names) {
      if (taken >= (options.maxNeighboursPerFolder ?? DEFAULT_NEIGHBOURS)) break;
      const full = join(folder, name);
      if (reviewed.has(full)) continue;
      const text = readPython(full, maxBytes);
      if (text === undefined) continue;
      sources.push({ path: repoPath(full), source: text });
      taken++;
    }
  }
  return { lintFiles, sources, stubs };
}

function readPython(path: string, maxBytes: number): string | undefined {
  try {
    if (statSync(path).size > maxBytes) return undefined;
    const decoded = decodePython(readFileSync(path), maxBytes);
    return decoded.ok ? decoded.source : undefined;
  } catch {
    return undefined;
  }
}

function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
