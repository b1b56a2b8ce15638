import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseCommand, USAGE } from '../../src/cli/args.js';
import { main } from '../../src/cli/main.js';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd: process.cwd() });
  return { code, stdout, stderr };
}

describe('CLI manners', () => {
  test('a bare call prints the usage on stderr, exit status 2', async () => {
    const r = await run([]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${USAGE}\n` });
    expect(USAGE).toMatch(/^Usage: pr-reviewer review \[options\] PATH\.\.\./);
    for (const flag of ['--format', '--config', '--diff', '--report', '--max-file-bytes', '--jobs', '--help', '--version']) expect(USAGE).toContain(flag);
  });

  test('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  // Every error in our words: the flag, what it accepts, what it got; never a library's message.
  test.each([
    [['review', '--max-file-bytes', 'abc', 'x.py'], "--max-file-bytes expects a positive whole number of bytes, like 1000000; got 'abc'"],
    [['review', '--max-file-bytes', '1.5', 'x.py'], "--max-file-bytes expects a positive whole number of bytes, like 1000000; got '1.5'"],
    [['review', '--diff', '-x', '.'], "--diff expects a git range like main, main..HEAD or main...HEAD; got '-x'"],
    [['review', '--diff=--cached', '.'], "--diff expects a git range like main, main..HEAD or main...HEAD; got '--cached'"],
    [['review', '.', '--diff'], '--diff needs a value: a git range like main, main..HEAD or main...HEAD'],
    [['review', '--format', 'xml', 'x.py'], "--format expects markdown, json or sarif; got 'xml'"],
    [['review', 'x.py', '-f'], '-f needs a value: markdown, json or sarif'],
    [['review', '--report', 'old', 'x.py'], "--report expects new or all; got 'old'"],
    [['review', '--config=', 'x.py'], "--config expects the path of a YAML config file; got ''"],
    [
      ['review', '--bogus', 'x.py'],
      'unknown option --bogus (the options are --format, --config, --diff, --report, --max-file-bytes, --jobs, --help, --version)',
    ],
    [['review', '--jobs', 'many', 'x.py'], "--jobs expects a whole number of worker threads, 0 or more; got 'many'"],
    [['review', '--jobs=-1', 'x.py'], "--jobs expects a whole number of worker threads, 0 or more; got '-1'"],
    [['review', '-j', '1.5', 'x.py'], "--jobs expects a whole number of worker threads, 0 or more; got '1.5'"],
    [['review', '--jobs', '1000', 'x.py'], "--jobs expects at most 256 worker threads; got '1000'"],
    [['review', 'x.py', '--jobs'], '--jobs needs a value: a whole number of worker threads, 0 or more'],
    [['--help=yes'], "--help takes no value; got 'yes'"],
    [['lint', 'x.py'], "unknown command 'lint' (expected: pr-reviewer review PATH...)"],
    [['--format', 'json'], 'missing command (expected: pr-reviewer review PATH...)'],
    [['review'], 'missing PATH: give at least one file or directory to review'],
  ])('%j', async (argv, message) => {
    expect(await run(argv)).toEqual({ code: 2, stdout: '', stderr: `pr-reviewer: ${message}\n` });
  });

  test('--report is parsed and left unset when not given (the config decides then)', () => {
    expect(parseCommand(['review', '--report', 'all', 'x.py'])).toMatchObject({ kind: 'review', report: 'all', paths: ['x.py'] });
    expect((parseCommand(['review', 'x.py']) as { report?: string }).report).toBeUndefined();
    expect(parseCommand(['review', '-fjson', '--max-file-bytes=10', 'a.py', 'b'])).toEqual({
      kind: 'review',
      format: 'json',
      maxFileBytes: 10,
      jobs: availableParallelism(),
      paths: ['a.py', 'b'],
    });
  });

  test('--jobs: one worker thread per core unless given; 0 keeps the analysis on the main thread', () => {
    const jobsOf = (...flags: string[]) => (parseCommand(['review', ...flags, 'x.py']) as { jobs?: number }).jobs;
    expect(jobsOf()).toBe(availableParallelism());
    expect(jobsOf('--jobs', '3')).toBe(3);
    expect(jobsOf('-j', '0')).toBe(0);
    expect(jobsOf('--jobs=256')).toBe(256);
  });
});
