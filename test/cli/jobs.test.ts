import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stdlibRoot } from '../../bench/corpus.js';
import { MIN_CHARS_FOR_WORKERS, cliWorkers } from '../../src/cli/analyser.js';

/**
 * `--jobs`: the built CLI (worker threads load dist/, not TypeScript) prints the same review on
 * this thread and on two workers, over a package large enough for the workers to start (900 kB).
 */
const cli = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));

function review(jobs: number, path: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, 'review', '--format', 'json', '--jobs', String(jobs), path], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('the same review with --jobs 0 and --jobs 2', () => {
  const email = join(stdlibRoot(), 'email');
  const here = review(0, email);
  const workers = review(2, email);
  expect(workers).toEqual(here);
  const report = JSON.parse(here.stdout) as { files: unknown[]; findings: unknown[] };
  expect(report.files.length).toBeGreaterThan(20);
  expect(report.findings.length).toBeGreaterThan(50);
}, 120_000);

test('workers for a large input only (they cost more to start than a small one takes), never more than its files', () => {
  expect(cliWorkers(2, 30, 900_000)).toBe(2);
  expect(cliWorkers(8, 3, 900_000)).toBe(3);
  expect(cliWorkers(2, 30, MIN_CHARS_FOR_WORKERS - 1)).toBe(0);
  expect(cliWorkers(0, 30, 900_000)).toBe(0);
});
