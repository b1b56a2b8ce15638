import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePython, formatBytes } from '../engine/decode.js';
import type { Note } from '../engine/finding.js';
import { fileDiffs, wholeFileDiff, type FileDiff } from '../review/diff.js';
import type { ChangedSource } from '../review/plan.js';
import { UsageError } from './args.js';
import { git, readBlobs, type Blob } from './git.js';

/** A change as git names it: a base commit, and a head commit or the working tree. */
export interface GitRange {
  base: string;
  /** Undefined: the working tree, untracked files that are not ignored included. */
  head?: string;
  /** As the user wrote it, for the review's words. */
  label: string;
}

/** `A..B` and `A...B` (from their merge base) compare two commits; `A` compares a commit with the working tree. */
export function resolveRange(range: string, root: string): GitRange {
  const commit = (rev: string): string => {
    try {
      return git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], root).trim();
    } catch {
      throw new UsageError(`--diff ${range}: \`${rev}\` is not a commit in ${root}`);
    }
  };
  const threeDots = range.split('...');
  if (threeDots.length === 2) {
    const [a, b] = threeDots.map((r) => commit(r || 'HEAD'));
    return { base: git(['merge-base', a!, b!], root).trim(), head: b!, label: range };
  }
  const twoDots = range.split('..');
  if (twoDots.length === 2) return { base: commit(twoDots[0] || 'HEAD'), head: commit(twoDots[1] || 'HEAD'), label: range };
  if (twoDots.length > 2) throw new UsageError(`--diff ${range}: expected BASE, BASE..HEAD or BASE...HEAD`);
  return { base: commit(range), label: range };
}

interface ChangedPath {
  path: string;
  basePath?: string;
  /** git's file mode on each side: 100644/100755 files, 120000 symlinks, 160000 submodules. */
  baseMode?: string;
  headMode?: string;
}

export interface GitChange {
  sources: ChangedSource[];
  /** Python files of the change that could not be reviewed, each named with why. */
  notes: Note[];
}

export interface ChangeOptions {
  /** Repository-relative paths (files or folders) the review is limited to; [] for the whole change. */
  pathspecs: readonly string[];
  /** Decides which changed files are reviewed (Python, and the config's include/exclude). */
  selects: (path: string) => boolean;
  maxBytes: number;
}

/**
 * Both sides of every selected file the range changes, read from git objects (and the working tree
 * only when the range has no head), with the lines the diff shows.
 */
export function readGitChange(root: string, range: GitRange, options: ChangeOptions): GitChange {
  const sides = range.head ? [range.base, range.head] : [range.base];
  const spec = ['--', ...options.pathspecs];
  const changed = changedPaths(root, sides, spec).filter((c) => options.selects(c.path));
  if (!range.head) {
    for (const path of git(['ls-files', '-z', '--others', '--exclude-standard', ...spec], root).split('\0')) {
      if (path && options.selects(path)) changed.push({ path, headMode: '100644' });
    }
  }
  const paths = changed.map((c) => c.path);
  const diffs = paths.length
    ? fileDiffs(
        git(
          [
            '-c',
            'core.quotePath=false',
            'diff',
            '--no-color',
            '--no-ext-diff',
            '-M',
            '--unified=3',
            ...sides,
            '--',
            ...paths.concat(changed.flatMap((c) => (c.basePath ? [c.basePath] : []))),
          ],
          root,
        ),
      )
    : new Map<string, FileDiff>();

  const notes: Note[] = [];
  const skip = (path: string, why: string): void => void notes.push({ path, kind: 'skipped', message: `${path}: skipped: ${why}` });
  const baseBlobs = readBlobs(
    root,
    changed.filter((c) => c.basePath).map((c) => `${range.base}:${c.basePath}`),
    options.maxBytes,
  );
  const headBlobs = range.head
    ? readBlobs(
        root,
        changed.map((c) => `${range.head}:${c.path}`),
        options.maxBytes,
      )
    : [];
  let b = 0;
  const sources: ChangedSource[] = [];
  changed.forEach((c, i) => {
    const baseBlob = c.basePath ? baseBlobs[b++] : undefined;
    if (c.headMode === '120000') return skip(c.path, 'a symbolic link, not a file');
    if (c.headMode === '160000') return skip(c.path, 'a submodule, not a file');
    const head = decodeSide(range.head ? headBlobs[i]! : workingTreeFile(root, c.path), options.maxBytes);
    if (!head.ok) return skip(c.path, head.reason);
    // An unreadable base only costs the new/old distinction: every finding in the file counts as new.
    const base = baseBlob && c.baseMode !== '120000' && c.baseMode !== '160000' ? decodeSide(baseBlob, Number.MAX_SAFE_INTEGER) : undefined;
    const diff = diffs.get(c.path) ?? wholeFileDiff(head.source);
    sources.push({ path: c.path, head: head.source, diff, ...(base?.ok ? { base: base.source, basePath: c.basePath! } : {}) });
  });
  return { sources, notes };
}

/** `git diff --raw -z`: modes, status and paths (two for renames and copies) of every changed file. */
function changedPaths(root: string, sides: readonly string[], spec: readonly string[]): ChangedPath[] {
  const fields = git(['diff', '--raw', '-z', '-M', '--no-ext-diff', ...sides, ...spec], root).split('\0');
  const out: ChangedPath[] = [];
  for (let i = 0; i < fields.length - 1;) {
    const meta = fields[i++]!;
    if (!meta.startsWith(':')) continue;
    const [baseMode, headMode, , , status] = meta.slice(1).split(' ');
    const letter = status?.[0];
    const first = fields[i++]!;
    const second = letter === 'R' || letter === 'C' ? fields[i++]! : undefined;
    if (letter === 'D') continue;
    const path = second ?? first;
    const basePath = letter === 'A' ? undefined : letter === 'C' ? undefined : first;
    out.push({ path, ...(basePath ? { basePath, baseMode: baseMode! } : {}), headMode: headMode! });
  }
  return out;
}

function workingTreeFile(root: string, path: string): Blob {
  const full = join(root, path);
  try {
    const stat = lstatSync(full);
    if (!stat.isFile()) return { kind: 'missing' };
    return { kind: 'blob', bytes: readFileSync(full) };
  } catch {
    return { kind: 'missing' };
  }
}

function decodeSide(blob: Blob, maxBytes: number): { ok: true; source: string } | { ok: false; reason: string } {
  if (blob.kind === 'missing') return { ok: false, reason: 'not a regular file' };
  if (blob.kind === 'too-large') return { ok: false, reason: `${formatBytes(blob.size)} is over the ${formatBytes(maxBytes)} limit (max_file_bytes)` };
  const decoded = decodePython(blob.bytes, maxBytes);
  return decoded.ok ? decoded : { ok: false, reason: decoded.reason.replace(/^skipped: /, '') };
}
