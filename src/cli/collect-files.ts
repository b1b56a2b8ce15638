import { readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { compileGlobs } from '../review/globs.js';
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

export interface CollectedFiles {
  files: string[];
  unreadable: UnreadableDir[];
  /** Files of the tree left out, with why (a symbolic link that leads out of the PATH given). */
  skipped: SkippedFile[];
  /** PATHs given that hold no Python file to review. */
  empty: string[];
}

export interface SkippedFile {
  /** Absolute path of the link in the tree. */
  path: string;
  reason: string;
}

/**
 * The Python files to review, as absolute paths in a stable order: a file PATH as given, a
 * directory's `*.py` files (the config's include/exclude, relative to that directory), never
 * inside version-control folders, virtualenvs, node_modules or caches. Symlinked folders are not
 * followed, so a link cycle cannot loop; a symlinked file is reviewed only when its target lies
 * inside the directory given (a link to `~/.ssh/id_rsa` in an untrusted checkout would otherwise
 * print the key's lines as "offending code"): any other is skipped with a note.
 */
export function collectFiles(paths: readonly string[], cwd: string, filter: FileFilter): CollectedFiles {
  const out: string[] = [];
  const unreadable: UnreadableDir[] = [];
  const skipped: SkippedFile[] = [];
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
      const included = compileGlobs(filter.include);
      const excluded = compileGlobs(filter.exclude);
      const realRoot = realpathSync(root);
      for (const { path: file, link } of walk(root, unreadable)) {
        const rel = relative(root, file).split('\\').join('/');
        if (!included(rel) || excluded(rel)) continue;
        if (link && !isInside(realRoot, link)) skipped.push({ path: file, reason: 'a symbolic link to a file outside the folder under review' });
        else add(file);
      }
    } else throw new UsageError(`${given}: not a file or directory`);
    if (out.length === before) empty.push(given);
  }
  return { files: out, unreadable, skipped, empty };
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export interface UnreadableDir {
  path: string;
  reason: string;
}

/** A file of the tree; `link` is the real path of a symlinked file's target. */
interface WalkedFile {
  path: string;
  link?: string;
}

function* walk(dir: string, unreadable: UnreadableDir[]): Generator<WalkedFile> {
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
    } else if (e.isFile()) yield { path: full };
    else if (e.isSymbolicLink()) {
      const target = linkedFile(full);
      if (target) yield { path: full, link: target };
    }
  }
}

/** The real path of the regular file a link leads to (through any chain of links), or undefined. */
function linkedFile(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? realpathSync(path) : undefined;
  } catch {
    return undefined;
  }
}
