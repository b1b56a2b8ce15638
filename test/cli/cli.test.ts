import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Rule } from '../../src/engine/rule.js';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/review.js';
import type { JsonReport } from '../../src/review/render/json.js';
import { NO_SECURITY_DEFECTS } from '../../src/review/render/summary.js';
import { planOf } from '../helpers/plan.js';

/** A real rule (engine walk and all) with a known severity, so that these tests do not depend on the security rules' judgement. */
const evalRule: Rule = {
  id: 'test-run-untrusted',
  category: 'security',
  title: 'run_untrusted on a variable',
  severity: 'medium',
  cwe: 95,
  codes: [],
  doc: { what: 'run_untrusted of data.', why: 'It runs whatever code the data holds.', example: 'run_untrusted(text)', fix: 'Parse the data instead.' },
  create: (ctx) => ({
    call(node) {
      if (node.childForFieldName('function')?.text === 'run_untrusted')
        ctx.report({ node, message: '`run_untrusted` of a variable', subject: 'run_untrusted' });
    },
  }),
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], cwd: string, withEval = false): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    cwd,
    ...(withEval ? { extraRules: [{ rule: evalRule, options: {} }] } : {}),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pr-reviewer-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, content: string | Uint8Array): void {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), content);
}

describe('exit status', () => {
  test('0 without a security defect, the review on stdout', async () => {
    write('app/util.py', '"""Util."""\nimport os\n');
    const r = await run(['review', 'app'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith(`${NO_SECURITY_DEFECTS}\n`)).toBe(true);
    expect(r.stdout).toContain('`os` at `app/util.py:2`');
  });

  test('1 with a security defect', async () => {
    write('app/calc.py', '"""Calc."""\n\n\ndef calc(text: str) -> object:\n    """Calc."""\n    return run_untrusted(text)\n');
    const r = await run(['review', '.'], dir, true);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Security defects detected: 1 (medium).');
    expect(r.stdout).toContain('`app/calc.py:6`');
  });

  test('fail_on in the config sets the bar', async () => {
    write('calc.py', '"""Calc."""\nx = run_untrusted(input())\n');
    write('high.yml', 'fail_on: high\n');
    write('none.yml', 'fail_on: none\n');
    expect((await run(['review', '--config', 'high.yml', 'calc.py'], dir, true)).code).toBe(0);
    expect((await run(['review', '--config', 'none.yml', 'calc.py'], dir, true)).code).toBe(0);
    write('low.yml', 'fail_on: low\n');
    expect((await run(['review', '--config', 'low.yml', 'calc.py'], dir, true)).code).toBe(1);
  });

  test.each([
    [['review'], /PATH/],
    [['lint', 'x.py'], /unknown command 'lint'/],
    [['review', '--format', 'xml', 'x.py'], /--format/],
    [['review', '--max-file-bytes', 'lots', 'x.py'], /--max-file-bytes/],
    [['review', '--bogus', 'x.py'], /bogus/],
    [['review', 'missing.py'], /missing\.py: no such file or directory/],
    [['review', '--config', 'nope.yml', '.'], /--config nope\.yml: no such file/],
    [['review', '--diff', '--cached', '.'], /--diff/],
  ])('2 for a usage or input error: %j', async (argv, message) => {
    const r = await run(argv, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('2 for an invalid config', async () => {
    write('bad.yml', 'filter: sometimes\n');
    write('a.py', '"""A."""\n');
    const r = await run(['review', '--config', 'bad.yml', 'a.py'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^pr-reviewer: bad\.yml: .*\(filter\)\n$/);
  });

  test('--help prints the usage', async () => {
    const r = await run(['--help'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: pr-reviewer review');
  });
});

describe('files', () => {
  test('a directory: every *.py, but not .git, virtualenvs, node_modules or __pycache__', async () => {
    write('src/a.py', '"""A."""\n');
    write('src/notes.txt', 'not python');
    write('.git/hooks/x.py', 'import os\n');
    write('venv/lib/v.py', 'import os\n');
    write('.venv/lib/v.py', 'import os\n');
    write('env2/pyvenv.cfg', 'home = /usr/bin\n');
    write('env2/lib/site.py', 'import os\n');
    write('node_modules/pkg/n.py', 'import os\n');
    write('src/__pycache__/a.py', 'import os\n');
    const json = JSON.parse((await run(['review', '--format', 'json', '.'], dir)).stdout) as JsonReport;
    expect(json.files.map((f) => f.path)).toEqual(['src/a.py']);
  });

  test('non-UTF-8, binary and oversized files are skipped with a note, the rest reviewed', async () => {
    write('latin1.py', Uint8Array.from([0x23, 0x20, 0xe9, 0x0a]));
    write('nul.py', Uint8Array.from([0x78, 0x00, 0x0a]));
    write('big.py', `"""Big."""\n${'x = 1\n'.repeat(100)}`);
    write('ok.py', '"""Ok."""\nimport os\n');
    const r = await run(['review', '--format', 'json', '--max-file-bytes', '200', '.'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as JsonReport;
    expect(json.files.map((f) => f.path)).toEqual(['ok.py']);
    const notes = json.summary.notes.map((n) => n.message);
    expect(notes).toContain('latin1.py: skipped: not valid UTF-8 and no PEP 263 coding line');
    expect(notes).toContain('nul.py: skipped: binary file (contains NUL bytes)');
    expect(notes.find((n) => n.startsWith('big.py: skipped:'))).toMatch(/over the 200 B limit/);
    expect(json.summary.markdown).toContain('- latin1.py: skipped: not valid UTF-8 and no PEP 263 coding line');
  });

  test.each([
    ['an empty directory', (): string => (mkdirSync(join(dir, 'empty')), 'empty'), 'Nothing was reviewed: `empty` holds no Python file.'],
    ['a directory without Python', (): string => (write('docs/index.md', '# Docs\n'), 'docs'), 'Nothing was reviewed: `docs` holds no Python file.'],
    [
      'a file over the size limit',
      (): string => (write('big.py', `x = 1\n${'#'.repeat(300)}\n`), 'big.py'),
      'Nothing was reviewed: the only Python file could not be reviewed, so there is no security verdict.',
    ],
  ])('%s: exit 2, and the first line says why', async (_name, make, first) => {
    const path = make();
    const r = await run(['review', '--max-file-bytes', '200', path], dir);
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')[0]).toBe(first);
    expect(r.stdout).not.toContain(NO_SECURITY_DEFECTS);
  });

  test('a syntax error still yields findings, plus a note', async () => {
    write('broken.py', '"""B."""\nimport os\n\ndef f(:\n    pass\n');
    const json = JSON.parse((await run(['review', '--format', 'json', 'broken.py'], dir)).stdout) as JsonReport;
    expect(json.findings.some((f) => f.rule === 'unused-import')).toBe(true);
    expect(json.summary.notes.some((n) => n.kind === 'syntax-error')).toBe(true);
  });
});

describe('formats', () => {
  test('json: version 2, the review plan as data', async () => {
    write('m.py', '"""M."""\nimport os\n');
    const json = JSON.parse((await run(['review', '--format', 'json', 'm.py'], dir)).stdout) as JsonReport;
    expect(Object.keys(json)).toEqual(['version', 'mode', 'files', 'findings', 'inline', 'fixed', 'advisories', 'verdict', 'summary']);
    expect(json.version).toBe(2);
    expect(json.findings[0]).toMatchObject({ path: 'm.py', line: 2, rule: 'unused-import', category: 'unused-imports' });
    expect(json.verdict.securityDefects).toBe(0);
  });

  test('sarif: a 2.1.0 log with the findings and only the enabled rules', async () => {
    write('m.py', '"""M."""\nimport os\n');
    write('cfg.yml', 'categories:\n  docstrings: false\n');
    const log = JSON.parse((await run(['review', '--format', 'sarif', '--config', 'cfg.yml', 'm.py'], dir)).stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results[0].ruleId).toBe('unused-import');
    const ids = log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toContain('unused-import');
    expect(ids).not.toContain('missing-docstring');
  });
});

describe('--diff', () => {
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });

  beforeEach(() => {
    git('init', '-q');
    write('pkg/m.py', '"""M."""\nimport os\n');
    write('pkg/other.py', '"""Other."""\nimport re\n');
    git('add', '.');
    git('commit', '-qm', 'base');
    write('pkg/m.py', '"""M."""\nimport os\nimport sys\n');
    git('commit', '-qam', 'add sys');
  });

  test('BASE..HEAD reports what the change introduces; what was there before is counted', async () => {
    const json = JSON.parse((await run(['review', '--format', 'json', '--diff', 'HEAD~1..HEAD', 'pkg'], dir)).stdout) as JsonReport;
    expect(json.findings.map((f) => [f.path, f.line, f.subject])).toEqual([['pkg/m.py', 3, 'sys']]);
    expect(json.files.map((f) => f.path)).toEqual(['pkg/m.py']);
    expect(json.summary.preexisting).toBe(1);
    expect(json.summary.markdown).toContain('1 finding was already in the code before this change and is not repeated here.');
  });

  test('BASE alone compares with the working tree', async () => {
    write('pkg/other.py', '"""Other."""\nimport re\nimport json\n');
    const json = JSON.parse((await run(['review', '--format', 'json', '--diff', 'HEAD', '.'], dir)).stdout) as JsonReport;
    expect(json.findings.map((f) => [f.path, f.line])).toEqual([['pkg/other.py', 3]]);
  });

  test('BASE..HEAD reads both sides from git: a checkout of another commit gives the same review', async () => {
    const fromHead = (await run(['review', '--format', 'json', '--diff', 'HEAD~1..HEAD', '.'], dir)).stdout;
    const head = git('rev-parse', 'HEAD').trim();
    git('checkout', '-q', 'HEAD~1');
    write('pkg/m.py', 'def only_in_the_working_tree(x):\n    return eval(x)\n');
    const fromElsewhere = (await run(['review', '--format', 'json', '--diff', `HEAD..${head}`, '.'], dir)).stdout;
    const findings = (text: string) => (JSON.parse(text) as JsonReport).findings.map((f) => [f.path, f.line, f.rule, f.fingerprint]);
    expect(findings(fromElsewhere)).toEqual(findings(fromHead));
    expect(fromElsewhere).not.toContain('only_in_the_working_tree');
  });

  test('BASE alone: an untracked file is part of the change, an ignored one is not', async () => {
    write('.gitignore', 'ignored.py\n');
    write('pkg/new_module.py', 'x = eval(input())\n');
    write('ignored.py', 'y = eval(input())\n');
    const r = await run(['review', '--diff', 'HEAD', '.'], dir, false);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('Security defects detected: 1 (high).');
    expect(r.stdout).toContain('`pkg/new_module.py:1`');
    expect(r.stdout).not.toContain('ignored.py');
  });

  test('a change with no Python file says so first, and passes', async () => {
    write('README.md', 'docs\n');
    git('add', '.');
    git('commit', '-qm', 'docs');
    const r = await run(['review', '--diff', 'HEAD~1..HEAD', '.'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Nothing was reviewed: no Python file changed in `HEAD~1..HEAD`.');
  });

  test('paths are relative to the repository root in every format, wherever the CLI runs', async () => {
    const sub = join(dir, 'pkg');
    const json = JSON.parse((await run(['review', '--format', 'json', '--diff', 'HEAD~1..HEAD', '.'], sub)).stdout) as JsonReport;
    expect(json.findings.map((f) => f.path)).toEqual(['pkg/m.py']);
    const sarif = JSON.parse((await run(['review', '--format', 'sarif', 'm.py'], sub)).stdout);
    expect(
      sarif.runs[0].results.map(
        (r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0]!.physicalLocation.artifactLocation.uri,
      ),
    ).toEqual(['pkg/m.py', 'pkg/m.py']);
  });

  // black: tests/data/ is formatter input, kept out of every hook by pre-commit's top-level exclude.
  test("a file the repository's linters exclude is left out with one note, and the check passes", async () => {
    write('.pre-commit-config.yaml', 'exclude: ^(profiling/|tests/data/)\nrepos: []\n');
    write('tests/data/cases/strings.py', 'import yaml\nyaml.load(stream)\nx = eval(input())\n');
    write('pkg/m.py', '"""M."""\nimport os\nimport sys\nimport json\n');
    git('add', '.');
    git('commit', '-qm', 'data');
    const r = await run(['review', '--format', 'json', '--diff', 'HEAD~1..HEAD', '.'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as JsonReport;
    expect(json.files.map((f) => f.path)).toEqual(['pkg/m.py']);
    expect(json.findings.map((f) => f.path)).toEqual(['pkg/m.py']);
    expect(json.summary.markdown).toContain(
      "`tests/data/cases/strings.py` is not reviewed: the repository's `.pre-commit-config.yaml` `exclude` keeps it out of its linters.",
    );
    expect(json.verdict.conclusion).toBe('success');
    expect(json.verdict.unreviewed).toEqual([]);
  });

  test('whole files: a folder leaves excluded files out; a file named on the command line is reviewed (as Ruff without --force-exclude)', async () => {
    write('.pre-commit-config.yaml', 'exclude: ^tests/data/\n');
    write('tests/data/a.py', 'x = eval(input())\n');
    expect((await run(['review', '.'], dir, false)).code).toBe(0);
    expect((await run(['review', 'tests/data/a.py'], dir, false)).code).toBe(1);
  });

  test('an unknown revision is an input error', async () => {
    const r = await run(['review', '--diff', 'no-such-branch', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`pr-reviewer: --diff no-such-branch: \`no-such-branch\` is not a commit in ${realpathSync(dir)}\n`);
  });
});

describe('writeJson', () => {
  test('streams the same document JSON.stringify would describe', async () => {
    const { writeJson } = await import('../../src/cli/write-json.js');
    const { renderJson } = await import('../../src/review/render/json.js');
    const { analyze } = await import('../../src/engine/analyze.js');
    const { DEFAULT_CONFIG, enabledRules } = await import('../../src/review/config.js');
    const source = `"""M."""\n${Array.from({ length: 7 }, (_, i) => `import m${i}`).join('\n')}\n`;
    const report = renderJson(planOf(analyze([{ path: 'm.py', source }], enabledRules(DEFAULT_CONFIG))));
    let text = '';
    await writeJson(report, { write: (t: string) => (text += t) });
    expect(JSON.parse(text)).toEqual(report);
    expect(report.findings).toHaveLength(7);
    let empty = '';
    await writeJson({ ...report, findings: [] }, { write: (t: string) => (empty += t) });
    expect(JSON.parse(empty).findings).toEqual([]);
  });
});
