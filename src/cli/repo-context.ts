import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { decodePython } from '../engine/decode.js';
import { LINT_CONFIG_FILES, type UntouchedSource } from '../review/conventions/index.js';

/**
 * What the CLI knows of the repository around the files it reviews, read from disk: the
 * repository's root, its lint config files, and the code the change does not touch (the base
 * version of each reviewed file when there is a diff base, else the file itself; and the other
 * Python files of the same folders). Handed to `repositoryConventions`.
 */
export interface CliRepoContext {
  /** The repository's root (absolute): git's top level, else the nearest folder above with a lint config. */
  root: string;
  /** Lint config files at the root, by name. */
  lintFiles: Record<string, string>;
  /** Paths relative to the root. */
  sources: UntouchedSource[];
  /** A reviewed file's path as the conventions know it: relative to the root, with `/`. */
  repoPath(file: string): string;
}

export interface CliRepoContextOptions {
  /** A git revision holding the base versions (`--diff BASE..HEAD` → BASE); the files on disk are the base otherwise. */
  base?: string;
  /** Neighbours read per folder (default 10); the reviewed files themselves are always measured. */
  maxNeighboursPerFolder?: number;
  /** Larger files are not measured (default 1 MB, as max_file_bytes). */
  maxBytes?: number;
}

const DEFAULT_NEIGHBOURS = 10;

/** Reads the context for `files` (absolute paths of the Python files under review). */
export function cliRepoContext(files: readonly string[], options: CliRepoContextOptions = {}): CliRepoContext {
  const maxBytes = options.maxBytes ?? 1_000_000;
  const real = files.map(realPathOf);
  const root = repositoryRoot(real[0] ? dirname(real[0]) : process.cwd());
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
  if (options.base !== undefined) {
    const bases = gitShowMany(
      root,
      options.base,
      real.map((f) => relative(root, f).split(sep).join('/')),
    );
    real.forEach((file, i) => {
      const text = bases[i];
      if (text !== undefined) sources.push({ path: repoPath(file), source: text });
    });
  } else {
    for (const file of real) {
      const text = readPython(file, maxBytes);
      if (text !== undefined) sources.push({ path: repoPath(file), source: text });
    }
  }

  const folders = new Set(real.map((f) => dirname(f)));
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder)
        .filter((n) => n.endsWith('.py'))
        .sort();
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
  return { root, lintFiles, sources, repoPath };
}

/** The base revision of a `--diff` range: `A..B` and `A` → A; `A...B` → their merge base. */
export function diffBase(range: string, cwd: string): string {
  const three = range.split('...');
  if (three.length === 2) return git(['merge-base', three[0] || 'HEAD', three[1] || 'HEAD'], cwd).trim();
  return range.split('..')[0] || 'HEAD';
}

function repositoryRoot(start: string): string {
  try {
    return realPathOf(git(['rev-parse', '--show-toplevel'], start).trim());
  } catch {
    // Not a git checkout: the nearest folder with a lint config, else where the review started.
    for (let dir = start; ; dir = dirname(dir)) {
      if (LINT_CONFIG_FILES.some((name) => existsSync(join(dir, name)))) return dir;
      if (dirname(dir) === dir) return start;
    }
  }
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

/** `git show REV:path` for many paths in one git process; undefined where the file did not exist. */
function gitShowMany(root: string, rev: string, paths: readonly string[]): Array<string | undefined> {
  if (!paths.length) return [];
  let output: Buffer;
  try {
    output = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input: paths.map((p) => `${rev}:${p}\n`).join(''), maxBuffer: 1 << 30 });
  } catch {
    return paths.map(() => undefined);
  }
  const out: Array<string | undefined> = [];
  let at = 0;
  for (let i = 0; i < paths.length; i++) {
    const end = output.indexOf(0x0a, at);
    const header = output.subarray(at, end).toString('utf8');
    at = end + 1;
    const match = /^\S+ blob (\d+)$/.exec(header);
    if (!match) {
      out.push(undefined);
      continue;
    }
    const size = Number(match[1]);
    const decoded = decodePython(output.subarray(at, at + size), Number.MAX_SAFE_INTEGER);
    out.push(decoded.ok ? decoded.source : undefined);
    at += size + 1;
  }
  return out;
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
