import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from './args.js';

/** Folders that never hold the project's own code (installed third-party packages included). */
const SKIPPED_DIRS = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  '__pycache__',
  'site-packages',
  'dist-packages',
  'venv',
  '.venv',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
]);

export interface FileFilter {
  include: readonly string[];
  exclude: readonly string[];
}

/**
 * The Python files to review, as absolute paths in a stable order: a file PATH as given, a
 * directory's `*.py` files (the config's include/exclude, relative to that directory), never
 * inside version-control folders, virtualenvs, node_modules or caches. Symlinked folders are not
 * followed, so a link cycle cannot loop.
 */
export function collectFiles(paths: readonly string[], cwd: string, filter: FileFilter): { files: string[]; unreadable: UnreadableDir[]; empty: string[] } {
  const out: string[] = [];
  const unreadable: UnreadableDir[] = [];
  const seen = new Set<string>();
  const empty: string[] = [];
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      out.push(file);
    }
  };
  for (const given of paths) {
    const root = resolve(cwd, given);
    let stat;
    try {
      stat = statSync(root);
    } catch {
      throw new UsageError(`${given}: no such file or directory`);
    }
    const before = out.length;
    if (stat.isFile()) add(root);
    else if (stat.isDirectory()) {
      const included = picomatch([...filter.include], { dot: true });
      const excluded = filter.exclude.length ? picomatch([...filter.exclude], { dot: true }) : () => false;
      for (const file of walk(root, unreadable)) {
        const rel = relative(root, file).split('\\').join('/');
        if (included(rel) && !excluded(rel)) add(file);
      }
    } else throw new UsageError(`${given}: not a file or directory`);
    if (out.length === before) empty.push(given);
  }
  return { files: out, unreadable, empty };
}

export interface UnreadableDir {
  path: string;
  reason: string;
}

function* walk(dir: string, unreadable: UnreadableDir[]): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    // Not a crash, and not a silent gap either: the report says which folder was left out.
    unreadable.push({ path: dir, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    return;
  }
  if (entries.some((e) => e.name === 'pyvenv.cfg' && e.isFile())) return;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) yield* walk(full, unreadable);
    } else if (e.isFile() || (e.isSymbolicLink() && isFileLink(full))) yield full;
  }
}

function isFileLink(path: string): boolean {
  try {
    return statSync(path).isFile() && lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
