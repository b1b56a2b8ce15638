import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEBIAN_12, elfVersionNeeds, versionsTooNew } from '../support/elf-version-needs.js';
import { craftElf } from './craft-elf.js';

/**
 * The image runs on Debian 12 (node:*-bookworm-slim). A native binding built against a newer glibc
 * or libstdc++ installs fine and then fails to load there, as tree-sitter 0.25.1's prebuilt
 * linux-x64 binary would (it needs GLIBCXX_3.4.31). This test reads every `.node` binary that the
 * app's production dependencies load, so that an upgrade cannot break the image unnoticed.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  optionalDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
}

/**
 * Imports every production dependency in a fresh node, and loads the engine's own addon (built
 * from binding.gyp, loaded on first parse, from dist/ as the app runs it), then lists the `.node`
 * files the process holds.
 */
function loadedNativeBinaries(): string[] {
  const script = `
    const pkg = JSON.parse((await import('node:fs')).readFileSync('package.json', 'utf8'));
    for (const name of Object.keys(pkg.dependencies)) await import(name);
    (await import('./dist/src/engine/parse.js')).flatParserKind();
    const loaded = process.report.getReport().sharedObjects.filter((p) => p.endsWith('.node'));
    process.stdout.write(JSON.stringify(loaded));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })) as string[];
}

/** Installed production packages (package-lock.json) that carry native code: a binding.gyp or a `.node` file. */
function nativeProductionPackages(lock: Record<string, LockEntry>): string[] {
  const hasNodeFile = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? e.name !== 'node_modules' && hasNodeFile(join(dir, e.name)) : e.name.endsWith('.node'),
    );
  return Object.entries(lock)
    .filter(([path, entry]) => path !== '' && !entry.dev && !entry.devOptional && existsSync(join(root, path)))
    .filter(([path]) => existsSync(join(root, path, 'binding.gyp')) || hasNodeFile(join(root, path)))
    .map(([path]) => path);
}

describe('native bindings load on Debian 12 (the image)', () => {
  const loaded = loadedNativeBinaries();

  test('the app loads tree-sitter and its Python grammar as native bindings', () => {
    const names = loaded.map((p) => relative(root, p));
    expect(names.some((p) => p.startsWith(`node_modules${sep}tree-sitter${sep}`))).toBe(true);
    expect(names.some((p) => p.startsWith(`node_modules${sep}tree-sitter-python${sep}`))).toBe(true);
  });

  test("the app loads the engine's own tree copier, built from binding.gyp", () => {
    expect(loaded.map((p) => relative(root, p))).toContain(join('build', 'Release', 'flat_parse.node'));
  });

  test('every native package of the production tree is among what was loaded (itself or its platform package)', () => {
    const lock = (JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> }).packages;
    const isLoaded = (path: string) => loaded.some((p) => p.startsWith(join(root, path) + sep));
    const notLoaded = nativeProductionPackages(lock).filter((path) => {
      const entry = lock[path]!;
      const platformPackages = Object.keys({ ...entry.optionalDependencies }).map((name) => `node_modules/${name}`);
      return !isLoaded(path) && !platformPackages.some(isLoaded);
    });
    // A native package that is loaded only later (lazily) must be imported by loadedNativeBinaries too.
    expect(notLoaded).toEqual([]);
  });

  test('no loaded binary needs a GLIBC, GLIBCXX or CXXABI version newer than Debian 12 provides', () => {
    const tooNew = loaded.flatMap((path) => versionsTooNew(elfVersionNeeds(readFileSync(path)), DEBIAN_12).map((v) => `${relative(root, path)}: ${v}`));
    expect(tooNew).toEqual([]);
  });

  test('the reader sees in each loaded binary what `readelf -V` sees', () => {
    for (const path of loaded) {
      const readelf = execFileSync('readelf', ['-V', '--wide', path], { encoding: 'utf8' });
      const expected = [...readelf.matchAll(/(?:File|Name): (\S+)/g)].map((m) => m[1]);
      const ours = elfVersionNeeds(readFileSync(path)).flatMap((n) => [n.library, ...n.versions]);
      expect(ours).toEqual(expected);
      expect(ours.some((v) => v.startsWith('GLIBC_'))).toBe(true);
    }
  });
});

describe('the version check itself', () => {
  const libstdcxx = (...versions: string[]) => [{ library: 'libstdc++.so.6', versions }];

  test('fails on a binary built for a newer libstdc++ (GLIBCXX_3.4.31), 64- and 32-bit, either byte order', () => {
    const needs = [...libstdcxx('GLIBCXX_3.4.21', 'GLIBCXX_3.4.31', 'CXXABI_1.3.9'), { library: 'libc.so.6', versions: ['GLIBC_2.2.5', 'GLIBC_2.34'] }];
    for (const shape of [{}, { is64: false }, { little: false }, { is64: false, little: false }]) {
      const fixture = craftElf(needs, shape);
      expect(elfVersionNeeds(fixture)).toEqual(needs);
      expect(versionsTooNew(elfVersionNeeds(fixture), DEBIAN_12)).toEqual(['GLIBCXX_3.4.31 (libstdc++.so.6)']);
    }
  });

  test('compares version numbers, not strings, at the exact limits', () => {
    expect(versionsTooNew(libstdcxx('GLIBCXX_3.4.30', 'GLIBCXX_3.4.4', 'CXXABI_1.3.13'), DEBIAN_12)).toEqual([]);
    expect(versionsTooNew(libstdcxx('CXXABI_1.3.14', 'GLIBCXX_3.5'), DEBIAN_12)).toEqual(['CXXABI_1.3.14 (libstdc++.so.6)', 'GLIBCXX_3.5 (libstdc++.so.6)']);
    expect(versionsTooNew([{ library: 'libc.so.6', versions: ['GLIBC_2.36', 'GLIBC_2.38', 'GLIBC_PRIVATE'] }], DEBIAN_12)).toEqual(['GLIBC_2.38 (libc.so.6)']);
  });

  test('refuses a file that is not ELF', () => {
    expect(() => elfVersionNeeds(new TextEncoder().encode('#!/bin/sh\necho not a binary\n'))).toThrow('not an ELF file');
  });
});
