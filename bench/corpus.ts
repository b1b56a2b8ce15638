import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodePython } from '../src/engine/decode.js';

/** The CPython standard library of this machine (without site-packages): real code no one here wrote. */
export function stdlibRoot(): string {
  return execFileSync('python3', ['-c', "import sysconfig;print(sysconfig.get_paths()['stdlib'])"], { encoding: 'utf8' }).trim();
}

export interface CorpusFile {
  path: string;
  source: string;
  bytes: number;
}

/** Every decodable *.py under root, in a stable order; `limit` keeps every n-th file for quick runs. */
export function* corpusFiles(root: string, options: { limit?: number } = {}): Generator<CorpusFile> {
  const paths: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'site-packages' && entry.name !== '__pycache__') walk(full);
      } else if (entry.name.endsWith('.py') && statSync(full).isFile()) paths.push(full);
    }
  };
  walk(root);
  const step = options.limit && options.limit < paths.length ? paths.length / options.limit : 1;
  for (let i = 0; i < paths.length; i += step) {
    const full = paths[Math.floor(i)]!;
    const bytes = readFileSync(full);
    const decoded = decodePython(bytes, 10_000_000);
    if (decoded.ok) yield { path: relative(root, full), source: decoded.source, bytes: bytes.length };
  }
}

/** Frees tree-sitter trees (native memory V8 does not see) when node runs with --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
