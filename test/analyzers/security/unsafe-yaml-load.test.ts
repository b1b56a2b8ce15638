import { unsafeYamlLoad } from '../../../analyzers/security/unsafe-yaml-load.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(unsafeYamlLoad, {
  flagged: [
    { code: `import yaml\nconfig = yaml.load(stream)`, lines: [2], message: 'yaml.safe_load' },
    { code: `import yaml as y\ny.load(stream)`, lines: [2] },
    { code: `from yaml import load\nload(stream)`, lines: [2] },
    { code: `import yaml\nyaml.load(stream, Loader=yaml.Loader)`, lines: [2] },
    { code: `import yaml\nyaml.load(stream, Loader=yaml.UnsafeLoader)`, lines: [2] },
    { code: `import yaml\nfor d in yaml.load_all(stream): pass`, lines: [2] },
    { code: `import yaml\nyaml.unsafe_load(stream)`, lines: [2] },
  ],
  clean: [
    { code: `import yaml\nyaml.safe_load(stream)` },
    { code: `import yaml\nyaml.load(stream, Loader=yaml.SafeLoader)` },
    { code: `import yaml\nyaml.load(stream, yaml.CSafeLoader)` },
    { code: `import yaml\nyaml.safe_load_all(stream)` },
    { code: `import json\njson.load(f)` },
    { code: `config.load(stream)` },
  ],
});

test('unsafe-yaml-load: suggests yaml.safe_load as an edit of the attribute', () => {
  const [f] = runRule(unsafeYamlLoad, 'import yaml\nconfig = yaml.load(stream)\n');
  expect(f).toMatchObject({ cwe: 502, code: 'B506', severity: 'medium' });
  expect(f!.fix?.edits).toEqual([{ line: 2, column: 15, endLine: 2, endColumn: 19, newText: 'safe_load' }]);
  // With an explicit (unsafe) loader the right change is not mechanical: no edit.
  expect(runRule(unsafeYamlLoad, 'import yaml\nyaml.load(s, Loader=yaml.Loader)\n')[0]!.fix).toBeUndefined();
});

describe('unsafe-yaml-load: `safe_load` in the words of the call, with its stream when short', () => {
  const PLAIN = ': it builds only plain data (dicts, lists, strings, numbers).';
  ruleTester(unsafeYamlLoad, {
    flagged: [
      { code: 'import yaml\nconfig = yaml.load(stream)', lines: [2], suggestion: `Use \`yaml.safe_load(stream)\`${PLAIN}` },
      { code: 'import yaml as y\ny.load(open(path), Loader=y.FullLoader)', lines: [2], suggestion: `Use \`y.safe_load(open(path))\`${PLAIN}` },
      { code: 'from yaml import load, CLoader\nload(text, CLoader)', lines: [2], suggestion: `Use \`yaml.safe_load(text)\`${PLAIN}` },
      { code: 'import yaml\nfor d in yaml.load_all(stream): pass', lines: [2], suggestion: `Use \`yaml.safe_load_all(stream)\`${PLAIN}` },
      { code: 'import yaml\nyaml.unsafe_load(stream)', lines: [2], suggestion: `Use \`yaml.safe_load(stream)\`${PLAIN}` },
      {
        code: 'import yaml\nyaml.load(requests.get(CONFIG_URL, timeout=10).content, Loader=yaml.Loader)',
        lines: [2],
        suggestion: `Use \`yaml.safe_load\` without the loader${PLAIN}`,
      },
      { code: 'import ruamel.yaml\nruamel.yaml.load(stream)', lines: [2], suggestion: 'Load with `YAML(typ="safe").load(stream)` from `ruamel.yaml`.' },
      // The code's own loader may carry constructors the code needs: no replacement to name.
      { code: 'import yaml\nyaml.load(stream, Loader=ConfigLoader)', lines: [2], suggestion: null },
    ],
    clean: [{ code: 'import yaml\nyaml.safe_load(stream)' }],
  });
});

test('unsafe-yaml-load: an argument holding a raw control character or a bidirectional override is not quoted', () => {
  const PLAIN = ': it builds only plain data (dicts, lists, strings, numbers).';
  const suggestion = (argument: string): string | undefined =>
    runRule(unsafeYamlLoad, `import yaml\nyaml.load(${argument}, Loader=yaml.Loader)\n`)[0]!.suggestion;
  // An escape written as text is code like any other.
  expect(suggestion('"\\x1b[2J"')).toBe(`Use \`yaml.safe_load("\\x1b[2J")\`${PLAIN}`);
  for (const raw of ['"\u001b[2J"', '"\u009b2J"', '"abc\u202edef"', '"\u2066x"'])
    expect(suggestion(raw)).toBe(`Use \`yaml.safe_load\` without the loader${PLAIN}`);
});
