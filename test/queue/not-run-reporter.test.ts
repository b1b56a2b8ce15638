import { createRequire } from 'node:module';
import { NOT_RUN_MESSAGE } from './redis-available.js';

const require = createRequire(import.meta.url);
const { notRunLines } = require('../support/not-run-reporter.cjs') as {
  notRunLines: (results: unknown, rootDir: string) => string[];
};

const test_ = (status: string, ancestorTitles: string[]) => ({ status, ancestorTitles, title: 't' });

describe('the not-run reporter (closing output of npm test)', () => {
  test('repeats the reason of a skipped block with the count and the file', () => {
    const results = {
      testResults: [
        { testFilePath: '/repo/test/queue/redis.test.ts', testResults: Array.from({ length: 8 }, () => test_('pending', [NOT_RUN_MESSAGE])) },
        { testFilePath: '/repo/test/queue/in-process.test.ts', testResults: [test_('passed', ['inProcessQueue'])] },
      ],
    };
    expect(notRunLines(results, '/repo')).toEqual([`${NOT_RUN_MESSAGE} (8 tests in test/queue/redis.test.ts)`]);
    expect(NOT_RUN_MESSAGE).toMatch(/^REDIS TESTS NOT RUN: /);
  });

  test('names any other skipped test too, and is silent when everything ran', () => {
    const skipped = { testResults: [{ testFilePath: '/repo/test/a.test.ts', testResults: [test_('passed', []), test_('skipped', ['a'])] }] };
    expect(notRunLines(skipped, '/repo')).toEqual(['TESTS NOT RUN: 1 test in test/a.test.ts skipped']);
    const ran = { testResults: [{ testFilePath: '/repo/test/a.test.ts', testResults: [test_('passed', [])] }] };
    expect(notRunLines(ran, '/repo')).toEqual([]);
  });
});
