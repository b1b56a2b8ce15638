import { configForPath, DEFAULT_CONFIG, enabledRules, mergeConfig, parseConfigYaml, validateConfig } from '../../src/review/config.js';

describe('profile and overrides in the config schema', () => {
  test('defaults: the conventional profile, no overrides', () => {
    expect(DEFAULT_CONFIG.profile).toBe('conventional');
    expect(DEFAULT_CONFIG.overrides).toEqual([]);
  });

  test('a valid override is kept as written', () => {
    const { config, problems } = parseConfigYaml(
      [
        'profile: strict',
        'overrides:',
        '  - files: ["tests/**"]',
        '    exclude: ["tests/fixtures/**"]',
        '    categories: { docstrings: false }',
        '    rules: { N806: off }',
      ].join('\n'),
      'pr-reviewer.yml',
    );
    expect(problems).toEqual([]);
    expect(config.profile).toBe('strict');
    expect(config.overrides).toEqual([{ files: ['tests/**'], exclude: ['tests/fixtures/**'], categories: { docstrings: false }, rules: { N806: 'off' } }]);
  });

  test.each<[string, unknown, string, unknown[]]>([
    [
      'an override without files is dropped, the others kept',
      { overrides: [{ rules: { N806: 'off' } }, { files: ['a/**'], profile: 'strict' }] },
      'overrides.0.files',
      [{ files: ['a/**'], profile: 'strict' }],
    ],
    [
      'an unknown rule in an override drops that rule only',
      { overrides: [{ files: ['a/**'], rules: { 'no-such-rule': 'off', N806: 'off' } }] },
      'overrides.0.rules.no-such-rule',
      [{ files: ['a/**'], rules: { N806: 'off' } }],
    ],
    ['an unknown key drops the override', { overrides: [{ files: ['a/**'], severity: 'high' }] }, 'overrides.0', []],
    ['a wrong profile drops the override', { overrides: [{ files: ['a/**'], profile: 'lenient' }] }, 'overrides.0.profile', []],
  ])('%s', (_name, raw, key, kept) => {
    const { config, problems } = validateConfig(raw);
    expect(problems.map((p) => p.key)).toContain(key);
    expect(config.overrides).toEqual(kept);
  });

  test('the repository’s overrides replace the org’s, like any other list', () => {
    const org = { overrides: [{ files: ['docs/**'], categories: { naming: false } }], profile: 'strict' };
    const repo = { overrides: [{ files: ['tests/**'], rules: { N806: 'off' } }] };
    const { config } = validateConfig(mergeConfig(org, repo));
    expect(config.profile).toBe('strict');
    expect(config.overrides.map((o) => o.files)).toEqual([['tests/**']]);
  });
});

describe('configForPath', () => {
  const { config } = validateConfig({
    rules: { 'complex-function': { options: { maxComplexity: 12 } } },
    overrides: [
      {
        files: ['tests/**', 'conftest.py'],
        exclude: ['tests/typing/**'],
        categories: { docstrings: false },
        rules: { 'complex-function': { severity: 'info' } },
      },
      { files: ['tests/slow/**'], rules: { 'complex-function': 'off' } },
    ],
  });

  test.each<[string, boolean, string | undefined]>([
    ['src/app.py', true, undefined],
    ['tests/test_a.py', false, 'info'],
    ['pkg/conftest.py', false, 'info'],
    ['tests/typing/check.py', true, undefined],
  ])('%s: docstrings %s, complex-function severity %s', (path, docstrings, severity) => {
    const local = configForPath(config, path);
    const rules = enabledRules(local);
    expect(rules.some((r) => r.rule.category === 'docstrings')).toBe(docstrings);
    const complex = rules.find((r) => r.rule.id === 'complex-function');
    expect(complex?.severity).toBe(severity);
    // Rule settings merge key by key: the top-level options survive an override that sets the severity.
    expect(complex?.options.maxComplexity).toBe(12);
  });

  test('a later override wins', () => {
    expect(enabledRules(configForPath(config, 'tests/slow/test_big.py')).some((r) => r.rule.id === 'complex-function')).toBe(false);
  });

  test('a path no override matches gets the config itself', () => {
    expect(configForPath(config, 'src/app.py')).toBe(config);
  });
});
