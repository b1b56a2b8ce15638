import { freeRewrite, isFreeName, isLowercase, isMixedCase, namingStyle, rewriteName, type Rewrite } from '../../../analyzers/python/naming-style.js';

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

describe('rewriteName: the name in the convention a naming rule asks for', () => {
  test.each([
    ['fetchPage', 'snake_case', 'fetch_page'],
    ['g1RP1', 'snake_case', 'g1_rp1'],
    ['HTTPServer', 'snake_case', 'http_server'],
    ['getHTTP2Response', 'snake_case', 'get_http2_response'],
    ['userID', 'snake_case', 'user_id'],
    ['_fetchPage', 'snake_case', '_fetch_page'],
    ['__privateName', 'snake_case', '__private_name'],
    ['fetchPage_', 'snake_case', 'fetch_page_'],
    ['Mixed_Style', 'snake_case', 'mixed_style'],
    ['X', 'snake_case', 'x'],
    ['Größe', 'snake_case', 'größe'],
    ['defaultTimeout', 'UPPER_CASE', 'DEFAULT_TIMEOUT'],
    ['my_class', 'CapWords', 'MyClass'],
    ['http_client', 'CapWords', 'HttpClient'],
    ['myClass', 'CapWords', 'MyClass'],
    ['_private_thing', 'CapWords', '_PrivateThing'],
    ['HTTP_server', 'CapWords', 'HTTPServer'],
    ['MY_CLASS', 'CapWords', 'MyClass'],
    ['InvalidToken', 'ErrorSuffix', 'InvalidTokenError'],
    ['ParseException', 'ErrorSuffix', 'ParseError'],
    // Nothing new, nothing left, or not an identifier: no rename.
    ['fetch_page', 'snake_case', undefined],
    ['___', 'snake_case', undefined],
    ['Class', 'snake_case', undefined],
    ['IF', 'snake_case', undefined],
  ] as Array<[string, Rewrite, string | undefined]>)('%s as %s is %s', (name, to, out) => {
    expect(rewriteName(name, to)).toBe(out);
  });
});

describe('isFreeName: a rename must not land on a name the file already says', () => {
  const source = 'def fetchPage(url):\n    return fetch_pages(url)  # see fetch_page_v2\nobj = type_ = 1\n';
  test.each([
    ['fetch_page', true],
    ['fetch_pages', false],
    ['url', false],
    ['fetch', true],
    ['type', false],
    ['type_', false],
    ['list', false],
    ['None', false],
  ] as const)('%s free: %s', (name, free) => {
    expect(isFreeName(name, source)).toBe(free);
  });

  test('the range being renamed does not count, and a word in a comment or string does', () => {
    const imports = 'import os as OS\nOS.getcwd()\n';
    expect(isFreeName('os', imports)).toBe(false);
    expect(isFreeName('os', imports, { start: 0, end: 'import os as OS'.length })).toBe(true);
    expect(freeRewrite('totalCount', 'snake_case', 'totalCount = 0  # total_count is set below')).toBeUndefined();
    expect(freeRewrite('totalCount', 'snake_case', 'totalCount = 0')).toBe('total_count');
  });
});
