import { CommandLimiter } from '../../src/github/command-limit.js';

test('a pull request accepts a few review commands per window, then refuses until it passes', () => {
  const limiter = new CommandLimiter(2, 60_000);
  expect(limiter.allow('o/r#1', 0)).toBe(true);
  expect(limiter.allow('o/r#1', 1_000)).toBe(true);
  expect(limiter.allow('o/r#1', 2_000)).toBe(false);
  // Another pull request has its own count.
  expect(limiter.allow('o/r#2', 2_000)).toBe(true);
  // Once the first command leaves the window, one more is accepted.
  expect(limiter.allow('o/r#1', 60_500)).toBe(true);
  expect(limiter.allow('o/r#1', 60_600)).toBe(false);
});
