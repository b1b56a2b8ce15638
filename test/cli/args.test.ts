import { availableParallelism } from 'node:os';
import { parseCommand, UsageError } from '../../src/cli/args.js';

describe('--jobs', () => {
  const jobsOf = (...flags: string[]) => {
    const command = parseCommand(['review', ...flags, 'x.py']);
    return command.kind === 'review' ? command.jobs : undefined;
  };

  test('defaults to one worker thread per core', () => {
    expect(jobsOf()).toBe(availableParallelism());
  });

  test('takes a count, 0 meaning the analysis stays on the main thread', () => {
    expect(jobsOf('--jobs', '3')).toBe(3);
    expect(jobsOf('-j', '0')).toBe(0);
  });

  test.each([
    ['many', /^--jobs: expected a number of worker threads \(0 or more\)$/],
    ['-1', /^--jobs: expected a number of worker threads \(0 or more\)$/],
    ['1.5', /^--jobs: expected a whole number of worker threads$/],
    ['1000', /^--jobs: expected at most 256 worker threads$/],
  ])('rejects %s, naming the flag', (value, message) => {
    expect(() => parseCommand(['review', `--jobs=${value}`, 'x.py'])).toThrow(UsageError);
    expect(() => parseCommand(['review', `--jobs=${value}`, 'x.py'])).toThrow(message);
  });
});
