import { iniValue, parseIni } from '../../../src/review/conventions/ini.js';

describe('parseIni: what setup.cfg, tox.ini and mypy.ini rely on', () => {
  test('continuation lines, whole-line comments in a value, both delimiters, lower-cased keys', () => {
    const sections = parseIni(
      [
        '[metadata]',
        'name = x',
        '',
        '[flake8]',
        '# why: a comment line',
        'Max-Complexity: 19',
        'per-file-ignores =',
        '    tests/*: D100,D101',
        '    # a comment inside the value',
        '    setup.py: E501',
        'ignore = H405, W504',
        '[mypy-tests.*]',
        'disallow_untyped_defs = False',
      ].join('\n'),
    );
    const flake8 = sections.get('flake8');
    expect(iniValue(flake8, 'max-complexity')).toBe('19');
    expect(iniValue(flake8, 'per-file-ignores')).toBe('tests/*: D100,D101\n\nsetup.py: E501');
    expect(iniValue(flake8, 'ignore')).toBe('H405, W504');
    expect(iniValue(sections.get('mypy-tests.*'), 'disallow_untyped_defs')).toBe('False');
    expect(sections.get('metadata')?.get('name')).toBe('x');
  });

  test('underscores and dashes are the same key; CRLF line ends', () => {
    const sections = parseIni('[flake8]\r\nmax_complexity = 12\r\n');
    expect(iniValue(sections.get('flake8'), 'max-complexity')).toBe('12');
  });

  test('keys before any section and a key without a value do not break the rest', () => {
    const sections = parseIni('stray = 1\n[a]\nflag\nk = v\n');
    expect([...(sections.get('a') ?? new Map<string, string>())]).toEqual([
      ['flag', ''],
      ['k', 'v'],
    ]);
  });
});
