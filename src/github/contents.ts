import type { GitHub } from './octokit.js';
import { statusOf } from './octokit.js';

export type FileContent =
  | { kind: 'file'; bytes: Uint8Array }
  /** The contents API leaves files over 1 MB empty (encoding "none"). */
  | { kind: 'too-large'; size: number }
  /** GitHub answers 404 for the path at that commit. */
  | { kind: 'missing' }
  /** A symbolic link (with its target when GitHub says it), a submodule or a directory: no Python to read. */
  | { kind: 'not-a-file'; type: 'symlink' | 'submodule' | 'dir' | 'other'; target?: string };

/** One file at a commit (or the default branch when ref is omitted), as bytes. */
export async function readFile(octokit: GitHub, owner: string, repo: string, path: string, ref?: string): Promise<FileContent> {
  let data: unknown;
  try {
    ({ data } = await octokit.rest.repos.getContent({ owner, repo, path, ...(ref ? { ref } : {}) }));
  } catch (error) {
    if (statusOf(error) === 404) return { kind: 'missing' };
    throw error;
  }
  if (Array.isArray(data)) return { kind: 'not-a-file', type: 'dir' };
  if (typeof data !== 'object' || data === null || !('type' in data)) return { kind: 'not-a-file', type: 'other' };
  const file = data as { type: string; path?: string; target?: string; size?: number; content?: string; encoding?: string };
  if (file.type === 'symlink') return { kind: 'not-a-file', type: 'symlink', ...(file.target ? { target: file.target } : {}) };
  if (file.type === 'submodule' || file.type === 'dir') return { kind: 'not-a-file', type: file.type };
  if (file.type !== 'file') return { kind: 'not-a-file', type: 'other' };
  // GitHub follows a symlink to a file of the repository and answers with that file: not this path's own text.
  if (file.path !== undefined && file.path !== path) return { kind: 'not-a-file', type: 'symlink', target: file.path };
  if (file.encoding === 'none' || (file.content === '' && (file.size ?? 0) > 0)) return { kind: 'too-large', size: file.size ?? 0 };
  return { kind: 'file', bytes: Buffer.from(file.content ?? '', 'base64') };
}
