import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A Debian package's Python, unpacked: where its modules are and which version it is. */
export interface DebianPython {
  name: string;
  version: string;
  /** The package's `usr/lib/python3/dist-packages`. */
  root: string;
}

/**
 * Third-party Python from Debian: `apt-get download` + `dpkg -x`, once, into `cache`. Pure-Python
 * packages land in `dist-packages`; the version is read from the .deb's file name.
 */
export function debianPython(pkg: string, cache: string): DebianPython {
  const debs = join(cache, 'debs');
  const findDeb = (): string | undefined => (existsSync(debs) ? readdirSync(debs).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb')) : undefined);
  let deb = findDeb();
  if (!deb) {
    mkdirSync(debs, { recursive: true });
    console.error(`fetching ${pkg} (apt-get download)…`);
    execFileSync('apt-get', ['download', pkg], { cwd: debs, stdio: ['ignore', 'ignore', 'inherit'] });
    deb = findDeb();
    if (!deb) throw new Error(`apt-get download ${pkg} produced no .deb`);
  }
  const version = decodeURIComponent(deb.slice(pkg.length + 1).replace(/_[^_]+\.deb$/, ''));
  const dir = join(cache, 'packages', pkg);
  const root = join(dir, 'usr/lib/python3/dist-packages');
  if (!existsSync(root)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('dpkg', ['-x', join(debs, deb), dir]);
  }
  if (!existsSync(root)) throw new Error(`${pkg} has no usr/lib/python3/dist-packages`);
  return { name: pkg, version, root };
}
