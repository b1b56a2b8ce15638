import { isLowercase, isMixedCase, namingStyle } from '../../../analyzers/python/naming-style.js';

test.each([
  ['fetch_all', 'snake_case'],
  ['_fetch_all', 'snake_case'],
  ['fetch', 'snake_case'],
  ['fetchPage', 'camelCase'],
  ['_fetchPage', 'camelCase'],
  ['HttpClient', 'CapWords'],
  ['MAX_RETRIES', 'UPPER_CASE'],
  ['__init__', 'snake_case'],
  ['Mixed_Style', 'other'],
  ['a__b', 'other'],
] as const)('namingStyle(%s) is %s', (name, style) => {
  expect(namingStyle(name)).toBe(style);
});

test('non-ASCII letters follow Unicode case, as Ruff', () => {
  expect(isLowercase('größe')).toBe(true);
  expect(isLowercase('说明')).toBe(false);
  expect(isMixedCase('_fooBar')).toBe(true);
  expect(isMixedCase('__fooBar')).toBe(false);
});
