import { execFileSync, spawnSync } from 'node:child_process';
import { UsageError } from './args.js';

/** Runs git in `cwd` and returns its stdout; a failure is a usage error in git's own first line. */
export function git(args: readonly string[], cwd: string, input?: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'], ...(input !== undefined ? { input } : {}) });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '')
      .trim()
      .split('\n')[0];
    throw new UsageError(`git ${args.filter((a) => !a.startsWith('-') && !a.includes('=')).join(' ')} failed: ${stderr || (error as Error).message}`);
  }
}

/** The top of the work tree holding `dir`, or undefined outside a git repository. */
export function repositoryRoot(dir: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

export interface BlobRequest {
  /** An object name git understands: `<commit>:<path>` or a blob id. */
  object: string;
}

export type Blob = { kind: 'blob'; bytes: Buffer } | { kind: 'missing' } | { kind: 'too-large'; size: number };

/**
 * Reads many blobs with two git processes, whatever their number: `cat-file --batch-check` for
 * their sizes, then `cat-file --batch` for those under `maxBytes` (a huge file is never read whole).
 */
export function readBlobs(root: string, objects: readonly string[], maxBytes: number): Blob[] {
  if (objects.length === 0) return [];
  for (const o of objects) if (o.includes('\n')) throw new UsageError(`a path with a line break cannot be read from git: ${JSON.stringify(o)}`);
  const checks = git(['cat-file', '--batch-check=%(objecttype) %(objectsize)'], root, objects.map((o) => `${o}\n`).join('')).split('\n');
  const out: Blob[] = objects.map((_, i) => {
    const [type, size] = (checks[i] ?? '').split(' ');
    if (type !== 'blob') return { kind: 'missing' };
    const n = Number(size);
    return n > maxBytes ? { kind: 'too-large', size: n } : { kind: 'blob', bytes: Buffer.alloc(0) };
  });
  const wanted = objects.map((o, i) => ({ o, i })).filter(({ i }) => out[i]!.kind === 'blob');
  if (wanted.length === 0) return out;
  const raw = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input: wanted.map(({ o }) => `${o}\n`).join(''), maxBuffer: 1 << 30 });
  let at = 0;
  for (const { i } of wanted) {
    const headerEnd = raw.indexOf(0x0a, at);
    const header = raw.subarray(at, headerEnd).toString('utf8');
    const size = Number(header.split(' ')[2]);
    out[i] = { kind: 'blob', bytes: raw.subarray(headerEnd + 1, headerEnd + 1 + size) };
    at = headerEnd + 1 + size + 1;
  }
  return out;
}
