import { RULES } from '../../analyzers/index.js';
import { analyzeFile } from '../../src/engine/run.js';
import { optionDocs, ruleOptions } from '../../src/engine/rule-options.js';
import { enabledRules, parseConfigYaml, validateConfig } from '../../src/review/config.js';

const rule = (id: string) => RULES.find((r) => r.id === id)!;

describe('rule options in the config', () => {
  test('a misspelt option is a named problem, and the rest of the options still apply', () => {
    const { config, problems } = validateConfig({ rules: { 'complex-function': { options: { maxComplexty: 3, maxComplexity: 4 } } } });
    expect(problems).toEqual([
      { key: 'rules.complex-function.options.maxComplexty', message: "complex-function has no option 'maxComplexty' (its options: maxComplexity)" },
    ]);
    expect(enabledRules(config).find((e) => e.rule.id === 'complex-function')!.options).toEqual({ maxComplexity: 4 });
  });

  test('a value of the wrong kind names the option and what it accepts, and the default applies', () => {
    const { config, problems } = validateConfig({
      rules: { C901: { options: { maxComplexity: 'ten' } }, 'missing-docstring': { options: { ignore: ['D999'] } } },
    });
    expect(problems).toEqual([
      { key: 'rules.C901.options.maxComplexity', message: 'option \'maxComplexity\' of complex-function expects a whole number, at least 0; got "ten"' },
      {
        key: 'rules.missing-docstring.options.ignore',
        message: expect.stringMatching(/^option 'ignore' of missing-docstring expects a list of D100, D101, .*D107; got \["D999"\]$/),
      },
    ]);
    const complex = enabledRules(config).find((e) => e.rule.id === 'complex-function')!;
    expect(ruleOptions(complex.rule, complex.options)).toEqual({ maxComplexity: 10 });
  });

  test('the options of a rule in an override are checked as well', () => {
    const { problems } = validateConfig({ overrides: [{ files: ['tests/**'], rules: { 'too-many-arguments': { options: { maxArg: 8 } } } }] });
    expect(problems).toEqual([
      {
        key: 'overrides.0.rules.too-many-arguments.options.maxArg',
        message: "too-many-arguments has no option 'maxArg' (its options: maxArgs, keywordConstructors)",
      },
    ]);
  });

  test('options for a rule that has none are a problem too; the YAML source is named', () => {
    const { problems } = parseConfigYaml('rules:\n  eval-exec:\n    options: { strict: true }\n', '.github/pr-reviewer.yml');
    expect(problems).toEqual([{ key: 'rules.eval-exec.options', message: '.github/pr-reviewer.yml: eval-exec has no options' }]);
  });

  test('valid options reach the rule typed, the defaults filled in', () => {
    const { config, problems } = validateConfig({ rules: { 'too-many-arguments': { options: { maxArgs: 2 } } } });
    expect(problems).toEqual([]);
    const enabled = enabledRules(config).filter((e) => e.rule.id === 'too-many-arguments');
    expect(analyzeFile('m.py', 'def f(a, b, c):\n    pass\n', enabled).findings.map((f) => f.message)).toEqual([expect.stringContaining('limit 2')]);
    expect(ruleOptions(rule('function-name'))).toEqual({ ignoreNames: expect.arrayContaining(['setUp', 'tearDown']) });
  });

  test('options that do not fit, handed to the engine directly, fail that rule with a note, not the file', () => {
    const result = analyzeFile('m.py', 'def f(a, b, c, d, e, g):\n    pass\n', [{ rule: rule('too-many-arguments'), options: { maxArgs: -1 } }]);
    expect(result.findings).toEqual([]);
    expect(result.notes.map((n) => n.kind)).toEqual(['analyzer-failed']);
  });

  test('the docs read each option from its schema: what it accepts, its default, what it means', () => {
    expect(optionDocs(rule('complex-function'))).toEqual([
      { name: 'maxComplexity', accepts: 'a whole number, at least 0', default: 10, description: expect.stringContaining('cyclomatic complexity') },
    ]);
    expect(optionDocs(rule('missing-return-annotation'))).toEqual([
      { name: 'mypyInitReturn', accepts: 'true or false', default: false, description: expect.any(String) },
    ]);
    expect(optionDocs(rule('eval-exec'))).toEqual([]);
  });
});
