import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../src/cli/args.js';
import { collectFiles } from '../../src/cli/collect-files.js';
import { main } from '../../src/cli/main.js';
import { MAX_CONFIG_BYTES, readConfigFile } from '../../src/cli/config-file.js';
import { DEFAULT_CONFIG } from '../../src/review/config.js';

/**
 * Issue 11, attack 11: the CLI on an untrusted checkout (a CI job reviewing a fork). File symlinks
 * pointing outside the tree were followed and the target's lines printed as "Offending code";
 * `--config /dev/zero` read gigabytes.
 */

let dir: string;
let outside: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pr-reviewer-tree-'));
  outside = mkdtempSync(join(tmpdir(), 'pr-reviewer-secret-'));
  writeFileSync(join(outside, 'secret.py'), 'AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n');
  mkdirSync(join(dir, 'pkg'));
  writeFileSync(join(dir, 'pkg', 'real.py'), 'import os\n');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('symbolic links in the tree under review', () => {
  test('a file link leading out of the tree is skipped with a reason; one inside it is reviewed', () => {
    symlinkSync(join(outside, 'secret.py'), join(dir, 'pkg', 'leak.py'));
    symlinkSync('../../../../../../../../..' + join(outside, 'secret.py'), join(dir, 'relative_leak.py'));
    symlinkSync(join(dir, 'pkg', 'real.py'), join(dir, 'alias.py'));
    const { files, skipped } = collectFiles([dir], dir, DEFAULT_CONFIG);
    expect(files).toEqual([join(dir, 'alias.py'), join(dir, 'pkg', 'real.py')]);
    expect(skipped).toEqual([
      { path: join(dir, 'pkg', 'leak.py'), reason: 'a symbolic link to a file outside the folder under review' },
      { path: join(dir, 'relative_leak.py'), reason: 'a symbolic link to a file outside the folder under review' },
    ]);
  });

  test('the review of the tree never prints the target of a link leading out of it', async () => {
    symlinkSync(join(outside, 'secret.py'), join(dir, 'settings.py'));
    let stdout = '';
    await main(['review', '--format', 'json', dir], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true, isTTY: false }, cwd: dir });
    expect(stdout).not.toContain('wJalrXUtnFEMI');
    expect(JSON.parse(stdout).files.map((f: { path: string }) => f.path)).toEqual(['pkg/real.py']);
  });

  test('a link through a chain of links ending outside is caught too', () => {
    symlinkSync(join(outside, 'secret.py'), join(outside, 'hop.py'));
    symlinkSync(join(outside, 'hop.py'), join(dir, 'chain.py'));
    const { files, skipped } = collectFiles([dir], dir, DEFAULT_CONFIG);
    expect(files).toEqual([join(dir, 'pkg', 'real.py')]);
    expect(skipped.map((s) => s.path)).toEqual([join(dir, 'chain.py')]);
  });
});

describe('--config', () => {
  test('reads a regular file', () => {
    writeFileSync(join(dir, 'cfg.yml'), 'report: all\n');
    expect(readConfigFile('cfg.yml', dir)).toBe('report: all\n');
  });

  test('/dev/zero, a directory or a missing file is refused before anything is read', () => {
    expect(() => readConfigFile('/dev/zero', dir)).toThrow(new UsageError('--config /dev/zero: not a regular file'));
    expect(() => readConfigFile('pkg', dir)).toThrow(new UsageError('--config pkg: not a regular file'));
    expect(() => readConfigFile('missing.yml', dir)).toThrow(new UsageError('--config missing.yml: no such file'));
  });

  test('a file over the size limit is refused', () => {
    writeFileSync(join(dir, 'huge.yml'), Buffer.alloc(MAX_CONFIG_BYTES + 1, 0x20));
    expect(() => readConfigFile('huge.yml', dir)).toThrow(/over the 1048576-byte limit/);
  });
});
