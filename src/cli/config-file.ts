import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './args.js';

/** A config file is a few hundred bytes; anything past this is not one. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The text of `--config FILE`: a regular file (a link to one is fine) of at most 1 MB, read
 * without ever holding more. `/dev/zero`, a FIFO or a directory is refused before it is opened
 * for reading (a FIFO would block), and a file that grows past the limit while read is refused.
 */
export function readConfigFile(path: string, cwd: string, maxBytes: number = MAX_CONFIG_BYTES): string {
  const full = resolve(cwd, path);
  const refuse = (why: string): never => {
    throw new UsageError(`--config ${path}: ${why}`);
  };
  let stat;
  try {
    stat = statSync(full);
  } catch (error) {
    return refuse((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message);
  }
  if (!stat.isFile()) return refuse('not a regular file');
  if (stat.size > maxBytes) return refuse(`${stat.size} bytes is over the ${maxBytes}-byte limit for a config file`);
  const fd = openSync(full, 'r');
  try {
    // The same file as the one checked (it may have been swapped since): check again, then read at most the limit + 1.
    if (!fstatSync(fd).isFile()) return refuse('not a regular file');
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0;) length += n;
    if (length > maxBytes) return refuse(`over the ${maxBytes}-byte limit for a config file`);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
