import { tooManyStatements } from '../../analyzers/function-logic/too-many-statements.js';
import { complexFunction } from '../../analyzers/function-logic/complex-function.js';
import { unusedImport } from '../../analyzers/unused-imports/unused-import.js';
import { evalExec } from '../../analyzers/security/eval-exec.js';
import { tlsVerificationDisabled } from '../../analyzers/security/tls-verification-disabled.js';
import { missingArgumentAnnotation } from '../../analyzers/type-hints/missing-argument-annotation.js';
import { missingReturnAnnotation } from '../../analyzers/type-hints/missing-return-annotation.js';
import { analyzeFile } from '../../src/engine/run.js';
import { STRICT_CONVENTIONS } from '../../src/engine/conventions.js';
import type { EnabledRule, Rule } from '../../src/engine/rule.js';
import { exitStatus, planReview } from '../../src/review/plan.js';
import { renderSummary, NO_SECURITY_DEFECTS } from '../../src/review/render/summary.js';
import { checkTitle } from '../../src/review/render/check-run.js';
import { DEFAULT_CONFIG } from '../../src/review/config.js';
import { planOfChange } from '../helpers/plan.js';

const on = (...rules: Rule[]): EnabledRule[] => rules.map((rule) => ({ rule, options: {} }));

/** A function of `n` simple statements. */
function fn(name: string, n: number, extra = ''): string {
  return `def ${name}(x):\n${Array.from({ length: n }, (_, i) => `    x = x + ${i}\n`).join('')}${extra}    return x\n`;
}

describe('new, pre-existing and fixed', () => {
  test.each([
    ['an added line that adds a finding', 'import os\n\nprint(os)\n', 'import os\nimport sys\n\nprint(os)\n', ['sys'], []],
    ['an old finding on an untouched line', 'import os\nimport sys\n', 'import os\nimport sys\nx = 1\n', [], ['os', 'sys']],
    ['an old finding on a moved line keeps its identity', 'import os\n', '"""Doc."""\nimport os\n', [], ['os']],
    ['a new file: everything is new', undefined, 'import os\n', ['os'], []],
    [
      'an import the change left unused by removing its last use',
      'import os\nimport sys\n\nprint(os, sys)\n',
      'import os\nimport sys\n\nprint(os)\n',
      ['sys'],
      [],
    ],
    [
      'an import already unused stays old when another use goes',
      'import os\nimport sys\n\nprint(1)\nprint(os)\n',
      'import os\nimport sys\n\nprint(2)\n',
      ['os'],
      ['sys'],
    ],
  ])('%s', (_name, base, head, introduced, older) => {
    const plan = planOfChange('m.py', base, head, on(unusedImport));
    expect(plan.reported.map((f) => f.subject)).toEqual(introduced);
    expect(plan.preexisting.map((f) => f.subject)).toEqual(older);
  });

  test('a finding the change removed is fixed', () => {
    const plan = planOfChange('m.py', 'import os\nimport sys\n', 'import os\n\nprint(os)\n', on(unusedImport));
    expect(plan.fixed.map((f) => f.subject)).toEqual(['os', 'sys']);
    expect(plan.reported).toEqual([]);
    expect(renderSummary(plan)).toContain('It also fixes 2 findings the code had before (`os`: unused import; `sys`: unused import).');
  });

  test("a fixed finding's rule title keeps its acronym mid-sentence; an advisory asks for nothing and gets no line", () => {
    const base = 'import ssl\n\n\ndef connect(ctx, verify):\n    if not verify:\n        ctx.verify_mode = ssl.CERT_NONE\n    return ctx\n';
    const head = 'import ssl\n\n\ndef connect(ctx):\n    return ctx\n';
    const fixed = renderSummary(planOfChange('m.py', base, head, on(tlsVerificationDisabled)));
    expect(fixed).toContain('(`verify_mode`: TLS certificate verification disabled)');
    // FINDINGS class 6, httpx 8e36f2bc: `if not verify:` implements the caller's choice; the plan keeps it as data.
    const plan = planOfChange('m.py', undefined, base, on(tlsVerificationDisabled));
    expect(plan.advisories.map((f) => f.subject)).toEqual(['verify_mode']);
    const advised = renderSummary(plan);
    expect(advised).not.toContain('verify_mode');
    expect(advised).not.toContain('CERT_REQUIRED');
    expect(advised).not.toContain('Not counted as a defect');
    expect(advised.startsWith(NO_SECURITY_DEFECTS)).toBe(true);
  });

  test('report: all reports old findings too, and nothing is called pre-existing', () => {
    const plan = planOfChange('m.py', 'import os\n', 'import os\nimport sys\n', on(unusedImport), { report: 'all' });
    expect(plan.reported.map((f) => f.subject)).toEqual(['os', 'sys']);
    expect(plan.preexisting).toEqual([]);
  });
});

describe('size and complexity: judged by what the change does to the number', () => {
  const statements = on(tooManyStatements);
  const branches = (n: number): string =>
    `def f(x):\n${Array.from({ length: n }, (_, i) => `    if x == ${i}:\n        return ${i}\n`).join('')}    return x\n`;
  test.each([
    ['already over the limit, untouched by the change', fn('f', 52), `${fn('f', 52)}\n\nY = 1\n`, undefined],
    ['already over the limit and made worse', fn('f', 52), fn('f', 58), 'grew from 52 to 58 statements; limit 50'],
    ['already over the limit and made smaller', fn('f', 58), fn('f', 52), undefined],
    ['pushed over the limit', fn('f', 45), fn('f', 55), '55 statements, was 45; limit 50'],
    ['a new function over the limit', 'X = 1\n', `X = 1\n\n\n${fn('g', 55)}`, '55 statements; limit 50'],
  ])('%s', (_name, base, head, said) => {
    const plan = planOfChange('m.py', base, head, statements);
    if (said === undefined) expect(plan.reported).toEqual([]);
    else expect(renderSummary(plan)).toContain(said);
  });

  test.each([
    [
      "pushed past the usual limit, within the repository's own",
      8,
      11,
      "cyclomatic complexity 12, was 9; the usual limit is 10, and the repository's linter allows 19",
    ],
    ["already past the usual limit and grown, within the repository's own", 10, 12, undefined],
    ["a new function past the usual limit, within the repository's own", undefined, 11, undefined],
    ["past the repository's own limit", 8, 20, 'cyclomatic complexity 21, was 9; limit 19'],
  ])('a looser limit of the repository (max-complexity = 19): %s', (_name, before, after, said) => {
    const rules = [{ rule: complexFunction, options: { maxComplexity: 19 } }];
    const base = before === undefined ? 'X = 1\n' : branches(before);
    const head = before === undefined ? `X = 1\n\n\n${branches(after)}` : branches(after);
    const plan = planOfChange('m.py', base, head, rules, {}, { ...STRICT_CONVENTIONS, profile: 'conventional', limits: { 'complex-function': 'ceiling' } });
    if (said === undefined) expect(plan.reported).toEqual([]);
    else expect(renderSummary(plan)).toContain(said);
  });

  // pip: `[tool.ruff.lint.mccabe] max-complexity = 33  # default is 10` is the limit, not a ceiling.
  test.each([
    ['pushed past the usual limit, within the repository’s own', 8, 11, undefined],
    ['past the repository’s own limit', 30, 34, 'cyclomatic complexity 35, was 31; limit 33'],
  ])('a limit the repository set as its policy (Ruff): %s', (_name, before, after, said) => {
    const rules = [{ rule: complexFunction, options: { maxComplexity: 33 } }];
    const plan = planOfChange('m.py', branches(before), branches(after), rules, {}, { ...STRICT_CONVENTIONS, profile: 'conventional' });
    if (said === undefined) expect(plan.reported).toEqual([]);
    else expect(renderSummary(plan)).toContain(said);
  });

  // requests runs no complexity check: growth above our usual limit is not worth a word, crossing it is.
  test.each([
    ['already over the limit and grown by a branch', 11, 12, undefined],
    ['pushed over the limit', 8, 11, 'cyclomatic complexity 12, was 9; limit 10'],
  ])('a check the repository does not run: %s', (_name, before, after, said) => {
    const conventions = { ...STRICT_CONVENTIONS, profile: 'conventional' as const, limits: { 'complex-function': 'unchecked' as const } };
    const plan = planOfChange('m.py', branches(before), branches(after), on(complexFunction), {}, conventions);
    if (said === undefined) expect(plan.reported).toEqual([]);
    else expect(renderSummary(plan)).toContain(said);
  });

  test('crossing the complexity limit gives both numbers inline too', () => {
    const branches = (n: number): string =>
      `def f(x):\n${Array.from({ length: n }, (_, i) => `    if x == ${i}:\n        return ${i}\n`).join('')}    return x\n`;
    const plan = planOfChange('m.py', branches(8), branches(11), on(complexFunction));
    expect(plan.reported.map((f) => f.measure)).toEqual([{ quantity: 'cyclomatic complexity', value: 12, limit: 10, before: 9 }]);
    expect(plan.inline).toHaveLength(1);
    expect(renderSummary(plan)).toContain('`f` at `m.py:1` (cyclomatic complexity 12, was 9; limit 10)');
  });
});

describe('inline comments', () => {
  test('one comment per line: the most severe finding leads, the others are said in it', () => {
    const plan = planOfChange('m.py', 'x = 1\n', 'x = 1\nimport os; y = eval(input())\n', on(evalExec, unusedImport));
    expect(plan.inline).toHaveLength(1);
    expect(plan.inline[0]!.finding.rule).toBe('eval-exec');
    expect(plan.inline[0]!.also.map((f) => f.rule)).toEqual(['unused-import']);
    expect(plan.reported).toHaveLength(2);
  });

  test('a function already over a size limit that grew is said in the summary, not inline', () => {
    const plan = planOfChange('m.py', fn('f', 52), fn('f', 58), on(tooManyStatements));
    expect(plan.reported).toHaveLength(1);
    expect(plan.inline).toEqual([]);
  });
});

describe('the verdict: one decision for the summary, the check run and the exit status', () => {
  const security = on(evalExec, unusedImport);

  test.each([
    // [case, base, head, conclusion, exit, first line starts with]
    ['clean', 'x = 1\n', 'x = 2\n', 'success', 0, NO_SECURITY_DEFECTS],
    ['a new eval', 'x = 1\n', 'x = eval(input())\n', 'failure', 1, 'Security defects detected: 1'],
    ['a nosec on a line with no finding', 'x = 1\n', 'x = 1  # nosec B307\n', 'success', 0, NO_SECURITY_DEFECTS],
    [
      'an eval silenced by a nosec this change adds',
      'x = 1\n',
      'x = eval(input())  # nosec\n',
      'failure',
      1,
      'Security findings silenced by suppression comments that this change adds: 1',
    ],
    ['an eval silenced by a noqa naming its code', 'x = 1\n', 'x = eval(input())  # noqa: S307\n', 'failure', 1, 'Security findings silenced'],
    ['a file-wide ruff noqa this change adds', 'x = 1\n', '# ruff: noqa: S307, B307\nx = eval(input())\n', 'failure', 1, 'Security findings silenced'],
    ['a nosec that was already there', 'x = eval(input())  # nosec\n', 'x = eval(input())  # nosec\ny = 2\n', 'success', 0, NO_SECURITY_DEFECTS],
  ])('%s', (_name, base, head, conclusion, exit, first) => {
    const plan = planOfChange('m.py', base, head, security);
    expect(plan.verdict.conclusion).toBe(conclusion);
    expect(exitStatus(plan)).toBe(exit);
    expect(renderSummary(plan).split('\n')[0]).toMatch(new RegExp(`^${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(checkTitle(plan).startsWith(conclusion === 'failure' ? 'Security defects found' : 'No security defects')).toBe(true);
  });

  test('the repository may trust its authors to suppress', () => {
    const plan = planOfChange('m.py', 'x = 1\n', 'x = eval(input())  # nosec\n', security, { allow_author_suppressions: true });
    expect(plan.verdict.conclusion).toBe('success');
    expect(plan.verdict.suppressedInChange).toHaveLength(1);
    expect(renderSummary(plan).split('\n')[0]).toBe('Security findings silenced by suppression comments that this change adds: 1 (high).');
  });

  test('fail_on moves the bar for all three answers alike', () => {
    const high = planOfChange('m.py', 'x = 1\n', 'x = eval(input())\n', security, { fail_on: 'critical' });
    expect([high.verdict.conclusion, exitStatus(high)]).toEqual(['success', 0]);
    expect(checkTitle(high)).toBe('1 security defect below the critical threshold');
    expect(renderSummary(high).split('\n')[0]).toBe('Security defects detected: 1 (high).');
    const none = planOfChange('m.py', 'x = 1\n', 'x = eval(input())\n', security, { fail_on: 'none' });
    expect(none.verdict.conclusion).toBe('success');
  });

  test('a Python file that could not be reviewed: never "No security defects", the check neutral', () => {
    const plan = planReview({
      mode: 'change',
      files: [],
      config: DEFAULT_CONFIG,
      notes: [{ path: 'big.py', kind: 'skipped', message: 'big.py: skipped: 1.2 MB is over the 1.0 MB limit (max_file_bytes)' }],
    });
    expect(plan.verdict.conclusion).toBe('neutral');
    const text = renderSummary(plan);
    expect(text).not.toContain(NO_SECURITY_DEFECTS);
    expect(text.split('\n')[0]).toBe('Nothing was reviewed: the only Python file could not be reviewed, so there is no security verdict.');
    expect(checkTitle(plan)).toBe('Not fully reviewed: 1 Python file could not be reviewed');
  });
});

// FINDINGS class 5, scrapy 11079cb1: Ruff selects `S`, and the author writes `# noqa: S307 - arbitrary code by design`.
describe("a suppression the change adds, by the repository's own lint process", () => {
  const security = on(evalExec);
  const RUFF_S = { 'pyproject.toml': '[tool.ruff.lint]\nextend-select = ["S"]\n' };
  const run = (line: string, lintFiles?: Record<string, string>, path = 'm.py') =>
    planOfChange(path, 'x = 1\n', `x = 1\ny = eval(code)${line}\n`, security, {}, STRICT_CONVENTIONS, lintFiles);

  test.each([
    ['a dash', '  # noqa: S307 - arbitrary code by design', 'arbitrary code by design'],
    ['a colon, two codes', '  # noqa: S307, S102: the console runs what the operator types', 'the console runs what the operator types'],
    ['a second comment', '  # noqa: S307  # arbitrary code by design', 'arbitrary code by design'],
    ['in parentheses', '  # noqa: S307 (by design: remote console)', 'by design: remote console'],
  ])('listed, not failing: the linter selects the code, the comment names it with a reason (%s)', (_name, line, reason) => {
    const plan = run(line, RUFF_S);
    expect(plan.verdict.conclusion).toBe('success');
    expect(exitStatus(plan)).toBe(0);
    expect(plan.verdict.suppressedInChange).toEqual([]);
    expect(plan.verdict.suppressedWithReason.map((s) => [s.code, s.reason])).toEqual([['S307', reason]]);
    const text = renderSummary(plan);
    expect(text).toContain('silenced with a reason by a suppression this change adds');
    expect(text).toContain(reason);
  });

  test.each([
    ['a bare nosec', '  # nosec', RUFF_S],
    ['a nosec naming the code, with a reason', '  # nosec B307 - arbitrary code by design', RUFF_S],
    ['a noqa without a reason', '  # noqa: S307', RUFF_S],
    ['a noqa followed only by a pragma', '  # noqa: S307  # type: ignore[misc]', RUFF_S],
    ['a noqa with punctuation for a reason', '  # noqa: S307 -', RUFF_S],
    [
      "a code the repository's linter does not run",
      '  # noqa: S307 - arbitrary code by design',
      { 'pyproject.toml': '[tool.ruff.lint]\nextend-select = ["B"]\n' },
    ],
    ['a repository with no linter config', '  # noqa: S307 - arbitrary code by design', undefined],
    ['a linter that ignores the code', '  # noqa: S307 - by design', { 'pyproject.toml': '[tool.ruff.lint]\nselect = ["S"]\nignore = ["S307"]\n' }],
    ["Bandit's own code, which Ruff does not run", '  # noqa: B307 - arbitrary code by design', RUFF_S],
    ['a file-wide noqa, with a reason', '', RUFF_S],
  ])('still failing: %s', (name, line, lintFiles) => {
    const head = name.startsWith('a file-wide') ? '# ruff: noqa: S307 - by design\nx = 1\ny = eval(code)\n' : `x = 1\ny = eval(code)${line}\n`;
    const plan = planOfChange('m.py', 'x = 1\n', head, security, {}, STRICT_CONVENTIONS, lintFiles);
    expect(plan.verdict.conclusion).toBe('failure');
    expect(exitStatus(plan)).toBe(1);
    expect(plan.verdict.suppressedWithReason).toEqual([]);
  });

  test('a per-file ignore of the code: its linter does not run it there, so it fails', () => {
    const lint = { 'pyproject.toml': '[tool.ruff.lint]\nextend-select = ["S"]\n[tool.ruff.lint.per-file-ignores]\n"scripts/*" = ["S307"]\n' };
    expect(run('  # noqa: S307 - by design', lint, 'scripts/run.py').verdict.conclusion).toBe('failure');
    expect(run('  # noqa: S307 - by design', lint, 'app/run.py').verdict.conclusion).toBe('success');
  });

  test('flake8 with flake8-bandit selected', () => {
    const plan = run('  # noqa: S307 - the console runs code by design', { 'setup.cfg': '[flake8]\nselect = E,F,S\n' });
    expect(plan.verdict.conclusion).toBe('success');
  });
});

// FINDINGS "the other three": placement 5b73b980 `_generate` got ANN001 (kept) and ANN202 (noise) on one def; scrapy d12db698 five comments on one line.
describe('type hints: one finding per def in the review, one per code in the engine', () => {
  const both = (disabled: string[] = []): EnabledRule[] => [
    { rule: missingArgumentAnnotation, options: {}, ...(disabled.length ? { disabledCodes: disabled } : {}) },
    { rule: missingReturnAnnotation, options: {} },
  ];
  const SHIM = 'def getaddrinfo(host, port, *args, **kwargs):\n    return []\n';
  const typeHints = (code: string, rules = both(), conventions = STRICT_CONVENTIONS) =>
    planOfChange('m.py', 'X = 1\n', `X = 1\n\n\n${code}`, rules, {}, conventions).reported.map((f) => [f.line, f.code, f.subject, f.message]);

  test.each([
    [
      'a half-annotated def: the parameter and the return',
      'def _generate(index: int, current_product):\n    pass\n',
      both(),
      [[4, 'ANN001', '_generate', 'Missing type annotations in `_generate`: `current_product` and the return type']],
    ],
    [
      'every parameter and the return',
      SHIM,
      both(),
      [[4, 'ANN001', 'getaddrinfo', 'Missing type annotations in `getaddrinfo`: `host`, `port`, `*args`, `**kwargs` and the return type']],
    ],
    [
      'codes the repository turns off are not named',
      SHIM,
      both(['ANN002', 'ANN003']),
      [[4, 'ANN001', 'getaddrinfo', 'Missing type annotations in `getaddrinfo`: `host`, `port` and the return type']],
    ],
    [
      'the return alone stays as it is',
      'def load(path: str):\n    pass\n',
      both(),
      [[4, 'ANN201', 'load', 'Missing return type annotation for public function `load`']],
    ],
    [
      'a parameter alone stays as it is',
      'def load(path) -> None:\n    pass\n',
      both(),
      [[4, 'ANN001', 'path', 'Missing type annotation for function argument `path` of `load`']],
    ],
    [
      'ANN001 turned off: the return stays',
      'def load(path):\n    pass\n',
      both(['ANN001']),
      [[4, 'ANN201', 'load', 'Missing return type annotation for public function `load`']],
    ],
    [
      'a property and its setter are two defs',
      'class A:\n    @property\n    def x(self):\n        return 1\n    @x.setter\n    def x(self, value) -> None:\n        pass\n',
      both(),
      [
        [6, 'ANN201', 'x', 'Missing return type annotation for public function `x`'],
        [9, 'ANN001', 'value', 'Missing type annotation for function argument `value` of `x`'],
      ],
    ],
  ])('%s', (_name, code, rules, expected) => {
    expect(typeHints(code, rules)).toEqual(expected);
  });

  test('one inline comment, and the engine still reports one finding per code (the accuracy tables against Ruff)', () => {
    const plan = planOfChange('m.py', 'X = 1\n', `X = 1\n\n\n${SHIM}`, both());
    expect(plan.inline.map((i) => [i.finding.subject, i.also.length])).toEqual([['getaddrinfo', 0]]);
    expect(renderSummary(plan)).toContain('Parameter without a type annotation: `getaddrinfo` at `m.py:4`.');
    const engine = analyzeFile('m.py', SHIM, both(), STRICT_CONVENTIONS).findings.map((f) => f.code);
    expect(engine.sort()).toEqual(['ANN001', 'ANN001', 'ANN002', 'ANN003', 'ANN201']);
  });
});

test('type hints: a def whose header spans lines is still one def', () => {
  const code = 'def fetch(\n    url,\n    timeout,\n):\n    return 1\n';
  const plan = planOfChange('m.py', 'X = 1\n', `X = 1\n\n\n${code}`, [
    { rule: missingArgumentAnnotation, options: {} },
    { rule: missingReturnAnnotation, options: {} },
  ]);
  expect(plan.reported.map((f) => [f.line, f.message])).toEqual([[5, 'Missing type annotations in `fetch`: `url`, `timeout` and the return type']]);
});
