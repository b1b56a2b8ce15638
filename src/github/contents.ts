import type { GitHub } from './octokit.js';
import { statusOf } from './octokit.js';

export type FileContent =
  | { kind: 'file'; bytes: Uint8Array }
  /** The contents API leaves files over 1 MB empty (encoding "none"). */
  | { kind: 'too-large'; size: number }
  | { kind: 'missing' };

/** One file at a commit (or the default branch when ref is omitted), as bytes. */
export async function readFile(octokit: GitHub, owner: string, repo: string, path: string, ref?: string): Promise<FileContent> {
  let data: unknown;
  try {
    ({ data } = await octokit.rest.repos.getContent({ owner, repo, path, ...(ref ? { ref } : {}) }));
  } catch (error) {
    if (statusOf(error) === 404) return { kind: 'missing' };
    throw error;
  }
  if (Array.isArray(data) || typeof data !== 'object' || data === null || !('type' in data) || data.type !== 'file') return { kind: 'missing' };
  const file = data as { size?: number; content?: string; encoding?: string };
  if (file.encoding === 'none' || (file.content === '' && (file.size ?? 0) > 0)) return { kind: 'too-large', size: file.size ?? 0 };
  return { kind: 'file', bytes: Buffer.from(file.content ?? '', 'base64') };
}
