import { RULES } from '../../../analyzers/index.js';
import { CATEGORIES } from '../../../src/engine/finding.js';
import { CATEGORY_TEXT } from '../../../src/review/render/category-text.js';
import { NO_SECURITY_DEFECTS, renderSummary, SUGGESTIONS_INTRO } from '../../../src/review/render/summary.js';
import { analyze } from '../../../src/engine/analyze.js';
import { DEFAULT_CONFIG, enabledRules } from '../../../src/review/config.js';
import { planOf } from '../../helpers/plan.js';
import { finding, result, review, shellDefect, shellRule, yamlRule } from './build.js';

const rules = [...RULES, shellRule, yamlRule];

describe('renderSummary: the security verdict', () => {
  test('no security finding: exactly the sentence of the sample, first', () => {
    const text = renderSummary(review({ 'pkg/util.py': '"""Helpers."""\nimport os\n' }), { rules });
    expect(text.split('\n')[0]).toBe('No security defects are detected in the code.');
    expect(text).not.toContain('Security defects detected');
  });

  test('defects: each with severity, CWE, path:line, the offending code, why and fix; the most severe first', () => {
    const yaml = finding({
      rule: yamlRule.id,
      category: 'security',
      severity: 'medium',
      cwe: 502,
      path: 'conf.py',
      line: 9,
      message: '`yaml.load` without a safe loader',
      snippet: 'yaml.load(text)',
    });
    const text = renderSummary(result([yaml, shellDefect(12)]), { rules });
    expect(text.startsWith('Security defects detected: 2 (1 high, 1 medium).')).toBe(true);
    expect(text).not.toContain(NO_SECURITY_DEFECTS);
    const first = text.indexOf('1. **High**');
    const second = text.indexOf('2. **Medium**');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(text).toContain('[CWE-78](https://cwe.mitre.org/data/definitions/78.html) · `app.py:12`');
    expect(text).toContain('Offending code: `subprocess.run(f"ls {path}", shell=True)`');
    expect(text).toContain(`Why it is dangerous: ${shellRule.doc.why}`);
    expect(text).toContain(`Fix: ${shellRule.doc.fix}`);
    expect(text).toContain('`conf.py:9`');
    expect(text).toContain(`Fix: ${yamlRule.doc.fix}`);
    expect(text).toMatch(
      /^Overall, the 2 files reviewed \(200 lines\) have 2 security defects \(the worst: high, `subprocess\.run\(f"ls \{path\}", shell=True\)` at `app\.py:12`\), to fix before merging\.$/m,
    );
  });

  test("from the real engine: the defect's fix in the words of its call, its hostile argument quoted as inert code", () => {
    const source = '"""C."""\nimport yaml\n\nconfig = yaml.load("@admin <!-- x -->", Loader=yaml.Loader)\n';
    const text = renderSummary(review({ 'conf.py': source }));
    expect(text).toContain('   Fix: Use `yaml.safe_load("@admin <\u200b!-- x -->")`: it builds only plain data (dicts, lists, strings, numbers).');
    expect(text).not.toContain('<!-- x');
  });

  test('a rule that repeats is explained once', () => {
    const text = renderSummary(result([shellDefect(3), shellDefect(7)]), { rules });
    expect(text.split(shellRule.doc.why).length - 1).toBe(1);
    expect(text).toContain('Why it is dangerous and how to fix it: as for 1 above.');
  });

  test("a defect's computed fix replaces the rule's generic one, and quotes the code as prose: nothing in it is markup", () => {
    const computed = { ...shellDefect(3), suggestion: 'Pass `["ls", path]` and drop `shell=True`.' };
    const hostile = { ...shellDefect(7), suggestion: 'Write @admin <!-- x --> [link](http://evil) instead of `a` ``` `b`.' };
    const text = renderSummary(result([computed, hostile]), { rules });
    expect(text).toContain('   Fix: Pass `["ls", path]` and drop `shell=True`.');
    expect(text).not.toContain(`Fix: ${shellRule.doc.fix}`);
    // The second of a rule is not explained again, but its own fix is said.
    expect(text.split(shellRule.doc.why).length - 1).toBe(1);
    expect(text).toContain('   Why it is dangerous: as for 1 above.');
    const fix = text.split('\n').find((l) => l.startsWith('   Fix: Write'))!;
    expect(fix).toContain('@\u200badmin');
    expect(fix).toContain('\\<!-- x --\\>');
    expect(fix).toContain('\\[link\\](http:\u200b//evil)');
  });
});

describe('renderSummary: suggestions', () => {
  test('items in the sample order, numbered consecutively, only categories with findings', () => {
    const findings = [
      finding({ rule: 'unused-variable', category: 'unused-variables', line: 20, subject: 'tmp' }),
      finding({ rule: 'unused-import', category: 'unused-imports', line: 2, subject: 'os' }),
      finding({ rule: 'missing-docstring', category: 'docstrings', line: 5, subject: 'create' }),
    ];
    const text = renderSummary(result(findings), { rules });
    expect(text).toContain(`${NO_SECURITY_DEFECTS}\n\n${SUGGESTIONS_INTRO}\n\n1. Docstrings:\n`);
    expect(text).toContain('\n2. Unused imports:\n');
    expect(text).toContain('\n3. Unused variables:\n');
    expect(text).toContain('`os` at `app.py:2`');
    expect(text).toContain('`tmp` at `app.py:20`');
    expect(text).not.toMatch(/^4\. /m);
  });

  test("from the real engine: an unused import and an unused variable, with the rules' fixes", () => {
    const text = renderSummary(
      review({
        'svc.py': `
          """Service."""
          import os
          import sys


          def main() -> list[str]:
              """Run."""
              result = 1
              return sys.argv
        `,
      }),
    );
    expect(text).toContain('1. Unused imports:\nUnused import: `os` at `svc.py:2`.');
    expect(text).toContain('2. Unused variables:\n');
    expect(text).toContain('`result` at `svc.py:8`');
    // The rule doc's generic advice is for the rule reference, not presented as if it were about this code.
    expect(text).not.toContain(RULES.find((r) => r.id === 'unused-import')!.doc.fix);
    expect(text).toMatch(/^Overall, `svc\.py` \(9 lines\) has 2 suggestions, about unused imports \(1\) and unused variables \(1\)\.$/m);
  });

  test('no suggestion at all: a short summary, no "However"', () => {
    const text = renderSummary(review({ 'clean.py': '"""Clean."""\n\n\ndef add(a: int, b: int) -> int:\n    """Add."""\n    return a + b\n' }));
    expect(text).toBe(`${NO_SECURITY_DEFECTS}\n\nOverall, \`clean.py\` (6 lines) has nothing to flag.\n`);
  });

  test('defects but no suggestion: no suggestions section at all', () => {
    const text = renderSummary(result([shellDefect(4)]), { rules });
    expect(text).not.toContain('However');
    expect(text).not.toContain('suggestions for improvement');
  });

  test.each([
    ['one suggestion, no defect', [], 1, 'However, I do have one suggestion for improvement:', 'has 1 suggestion, about unused imports.'],
    ['two suggestions, no defect', [], 2, 'However, I do have some suggestions for improvement:', 'has 2 suggestions, about unused imports.'],
    [
      'one defect, one suggestion',
      [4],
      1,
      'Besides the security finding, I have one suggestion for improvement:',
      '(high: `subprocess.run(f"ls {path}", shell=True)` at `app.py:4`), to fix before merging. Beyond it, there is 1 suggestion, about unused imports.',
    ],
    [
      'two defects, two suggestions',
      [4, 9],
      2,
      'Besides the security findings, I have some suggestions for improvement:',
      '(the worst: high, `subprocess.run(f"ls {path}", shell=True)` at `app.py:4`), to fix before merging. Beyond them, there are 2 suggestions, about unused imports.',
    ],
  ])('numbers agree with the words: %s', (_name, defectLines, imports, intro, closing) => {
    const unused = Array.from({ length: imports }, (_, i) =>
      finding({ rule: 'unused-import', category: 'unused-imports', severity: 'low', path: 'util.py', line: i + 1, subject: `m${i}`, snippet: `import m${i}` }),
    );
    const text = renderSummary(result([...defectLines.map((line) => shellDefect(line)), ...unused]), { rules });
    expect(text).toContain(`\n${intro}\n`);
    expect(text).toContain(closing);
    if (defectLines.length) expect(text).toContain(`Security defects detected: ${defectLines.length} (high).`);
  });

  test('many findings: three examples, then how many more', () => {
    const names = Array.from({ length: 12 }, (_, i) => `mod${i}`);
    const source = `"""Many."""\n${names.map((n) => `import ${n}`).join('\n')}\n`;
    const text = renderSummary(review({ 'many.py': source }));
    expect(text).toContain('Unused import (12 places): `mod0` at `many.py:2`, `mod1` at `many.py:3`, `mod2` at `many.py:4` and 9 more.');
    expect(text).not.toContain('`mod3`');
  });

  test('examples prefer different names over the same name on the next line', () => {
    const params = [120, 121, 122].map((line) => finding({ rule: 'missing-parameter-annotation', category: 'type-hints', line, subject: 'dump' }));
    const others = [
      finding({ rule: 'missing-parameter-annotation', category: 'type-hints', line: 183, subject: 'dumps' }),
      finding({ rule: 'missing-parameter-annotation', category: 'type-hints', line: 274, subject: 'load' }),
    ];
    const text = renderSummary(result([...params, ...others]), { rules });
    expect(text).toContain('(5 places): `dump` at `app.py:120`, `dumps` at `app.py:183`, `load` at `app.py:274` and 2 more.');
  });

  test("a group's computed fix is said once when every finding of it calls for the same; otherwise, and without one, no fix text", () => {
    const source = '"""M."""\n\n\ndef log(msg: str):\n    """Log."""\n    print(msg)\n';
    const text = renderSummary(review({ 'm.py': source }));
    expect(text).toContain('Function without a return type annotation: `log` at `m.py:4`. Add `-> None`: `log` returns no value.');
    const two = renderSummary(review({ 'm.py': `${source}\n\ndef warn(msg: str):\n    """Warn."""\n    print(msg)\n` }));
    expect(two).toContain('Function without a return type annotation (2 places): `log` at `m.py:4` and `warn` at `m.py:9`.\n');
    const valued = renderSummary(review({ 'm.py': '"""M."""\n\n\ndef load(path: str):\n    """Load."""\n    return open(path).read()\n' }));
    expect(valued).toContain('Function without a return type annotation: `load` at `m.py:4`.\n');
    expect(valued).not.toMatch(/Fix:|ReturnType/);
  });

  test('a stale suppression is worded as such, not as one more unused import', () => {
    const text = renderSummary(review({ 's.py': '"""S."""\nimport os  # noqa: F401\nimport re\n\nprint(re)  # noqa: F401\n' }));
    expect(text).toContain('Unused import');
    expect(text).toContain('Suppression comments that suppress nothing: `F401` at `s.py:5`.');
    expect(text).toContain('- 1 finding is silenced by `# noqa` comments.');
  });
});

describe('renderSummary: every claim is true', () => {
  test('a file with only snake_case names gets no naming item', () => {
    const text = renderSummary(
      review({
        'snake.py': `
          """Snake."""
          MAX_SIZE = 10


          class Store:
              """A store."""

              def fetch_all(self, page_size: int) -> list[int]:
                  """Fetch."""
                  return [page_size, MAX_SIZE]
        `,
      }),
    );
    expect(text).not.toContain(CATEGORY_TEXT.naming.title);
    expect(text).not.toMatch(/camelCase|snake_case/);
  });

  test('no category is mentioned without a finding behind it', () => {
    const text = renderSummary(result([finding({ rule: 'unused-import', category: 'unused-imports', subject: 'os' })]), { rules });
    for (const c of CATEGORIES) {
      if (c === 'unused-imports') expect(text).toContain(CATEGORY_TEXT[c].title);
      else expect(text).not.toContain(`${CATEGORY_TEXT[c].title}:`);
    }
  });

  test('"mixes camelCase and snake_case" only with a real conforming name to show', () => {
    const camel = finding({
      rule: 'function-name',
      category: 'naming',
      path: 'a.py',
      line: 14,
      subject: 'fetchPage',
      message: 'function name `fetchPage` should be snake_case',
    });
    expect(renderSummary(result([camel]), { rules })).not.toContain('mixes');
    const withEvidence = renderSummary({ ...result([camel]), conformingNames: [{ path: 'a.py', line: 19, name: 'fetch_all' }] }, { rules });
    expect(withEvidence).toContain('The code mixes camelCase (e.g., `fetchPage` at `a.py:14`) and snake_case (e.g., `fetch_all` at `a.py:19`).');
    // CapWords classes beside snake_case functions is PEP 8, not a mix.
    const classes = renderSummary({ ...result([camel]), conformingNames: [{ path: 'a.py', line: 3, name: 'Store' }] }, { rules });
    expect(classes).not.toContain('mixes');
  });

  test('the "Overall," paragraph never praises what nobody checked', () => {
    const text = renderSummary(review({ 'x.py': '"""X."""\nimport os\n' }));
    expect(text).not.toMatch(/well-structured|well structured|clean code/i);
  });
});

describe('renderSummary: notes, counts and size', () => {
  test('files not reviewed lead the verdict; syntax errors and suppressions are notes', () => {
    const reviewed = analyze(
      [
        { path: 'broken.py', source: '"""B."""\ndef f(:\n    pass\n' },
        { path: 'ok.py', source: '"""Ok."""\nimport os  # noqa\n' },
      ],
      enabledRules(DEFAULT_CONFIG),
    );
    const skipped = [
      { path: 'bin.py', kind: 'skipped' as const, message: 'bin.py: skipped: binary file (contains NUL bytes)' },
      { path: 'x.py', kind: 'analyzer-failed' as const, message: 'analyzer unused-import failed on x.py: boom' },
    ];
    const text = renderSummary(planOf({ ...reviewed, notes: [...skipped, ...reviewed.notes] }));
    expect(
      text.startsWith(
        'Not fully reviewed: 2 Python files could not be reviewed, so no security verdict covers them. The 2 files reviewed have no security defects.\n\n- bin.py: skipped: binary file (contains NUL bytes)\n- analyzer unused-import failed on x.py: boom\n',
      ),
    ).toBe(true);
    expect(text).not.toContain(NO_SECURITY_DEFECTS);
    expect(text).toContain('Notes:\n- broken.py: syntax error');
    expect(text).toContain('- 1 finding is silenced by `# noqa` comments.');
    expect(text.indexOf('Notes:')).toBeLessThan(text.indexOf('Overall,'));
    expect(text).toMatch(/ 2 Python files could not be reviewed \(listed above\)\.\n$/);
  });

  test('no file reviewed at all: the first line says why', () => {
    const text = renderSummary(
      planOf({
        files: [],
        findings: [],
        notes: [{ path: 'a.py', kind: 'skipped', message: 'a.py: skipped: not valid UTF-8' }],
        suppressed: [],
        outsideLines: 0,
        conformingNames: [],
      }),
    );
    expect(text.split('\n')[0]).toBe('Nothing was reviewed: the only Python file could not be reviewed, so there is no security verdict.');
    expect(text).toContain('Overall, there was nothing to review; see the first line for why.');
  });

  test("every file excluded by the repository's linters: the first line says so, the note once", () => {
    const note = {
      path: '',
      kind: 'excluded' as const,
      message: "2 files under `tests/data/` are not reviewed: the repository's `.pre-commit-config.yaml` `exclude` keeps them out of its linters.",
    };
    const text = renderSummary(planOf({ files: [], findings: [], notes: [note], suppressed: [], outsideLines: 0, conformingNames: [] }));
    expect(text.split('\n')[0]).toBe("Nothing was reviewed: the repository's own linters exclude every Python file given.");
    expect(text.split('tests/data/').length - 1).toBe(1);
  });

  test('maxChars shortens lists with (+N more) and never cuts a sentence', () => {
    const defects = Array.from({ length: 400 }, (_, i) => shellDefect(i + 1, `m${i}.py`));
    const notes = Array.from({ length: 400 }, (_, i) => ({ path: `s${i}.py`, kind: 'skipped' as const, message: `s${i}.py: skipped: not valid UTF-8` }));
    const full = renderSummary(result(defects, { notes }), { rules, maxChars: 1_000_000 });
    const capped = renderSummary(result(defects, { notes }), { rules, maxChars: 8000 });
    expect(full.length).toBeGreaterThan(8000);
    expect(capped.length).toBeLessThanOrEqual(8000);
    expect(capped).toMatch(/\(and \d+ more security defects, left out to keep this review within its size limit\)/);
    expect(capped).toMatch(/^- s0\.py: skipped: not valid UTF-8$/m);
    expect(capped.startsWith('Security defects detected: 400 (high).')).toBe(true);
    expect(capped.trimEnd().endsWith('400 Python files could not be reviewed (listed above).')).toBe(true);
    expect(renderSummary(result(defects, { notes }), { rules }).length).toBeLessThanOrEqual(60_000);
  });
});
