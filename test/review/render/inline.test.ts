import { RULES } from '../../../analyzers/index.js';
import { lineStartsOf, lineText } from '../../../src/engine/parse.js';
import { fingerprintFromBody, fingerprintMarker, fingerprintsFromBody, inlineSuggestion, renderInlineComment } from '../../../src/review/render/inline.js';
import { finding, review, shellDefect, shellRule } from './build.js';

const unusedImport = RULES.find((r) => r.id === 'unused-import')!;

function linesOf(source: string): (line: number) => string {
  const file = { source, lineStarts: lineStartsOf(source) };
  return (line) => lineText(file, line);
}

describe('fingerprint markers', () => {
  test("a body carries its finding's fingerprint, and only ours are recognised", () => {
    const body = renderInlineComment(shellDefect(3), shellRule);
    expect(body).toContain(fingerprintMarker('fp-test-shell-injection-3'));
    expect(fingerprintFromBody(body)).toBe('fp-test-shell-injection-3');
    expect(fingerprintFromBody('LGTM <!-- other-bot:fp=1 -->')).toBeUndefined();
    // A comment that speaks of several findings on its line carries all their fingerprints.
    const shared = renderInlineComment(shellDefect(3), shellRule, { also: [{ finding: { ...shellDefect(3), fingerprint: 'fp-other' }, rule: shellRule }] });
    expect(shared).toContain('Also on this line:\n- **Shell command built from a variable**');
    expect(fingerprintsFromBody(shared)).toEqual(['fp-test-shell-injection-3', 'fp-other']);
  });
});

describe('renderInlineComment', () => {
  test('a security finding: title, severity, CWE, message, why it is dangerous, the fix; no suggestion without a fix', () => {
    const body = renderInlineComment(shellDefect(3), shellRule);
    expect(body.split('\n')[0]).toBe(
      '**Shell command built from a variable** (High · CWE-78 · test-shell-injection): `subprocess.run` runs a shell command built with an f-string',
    );
    expect(body).toContain(`Why it is dangerous: ${shellRule.doc.why}`);
    expect(body).toContain(`Fix: ${shellRule.doc.fix}`);
    expect(body).not.toContain('```suggestion');
  });

  test('a whole-line removal (real engine) becomes an empty suggestion, which deletes the line', () => {
    const source = '"""M."""\nimport os\nimport sys\n\nprint(sys)\n';
    const f = review({ 'm.py': source }).reported.find((x) => x.rule === 'unused-import')!;
    expect(inlineSuggestion(f)).toEqual({ startLine: 2, endLine: 2, lines: [] });
    const body = renderInlineComment(f, unusedImport);
    expect(body).toContain('Remove the unused import of `os`:\n```suggestion\n```');
    expect(body).toContain(`Why it matters: ${unusedImport.doc.why}`);
  });

  test("an edit inside a line needs the line's text, and keeps the rest of the line", () => {
    const source = '"""M."""\nimport sys, re\n\nprint(re)\n';
    const f = review({ 'm.py': source }).reported.find((x) => x.rule === 'unused-import')!;
    expect(inlineSuggestion(f)).toBeUndefined();
    expect(inlineSuggestion(f, { lineText: linesOf(source) })).toEqual({ startLine: 2, endLine: 2, lines: ['import re'] });
    expect(renderInlineComment(f, unusedImport, { lineText: linesOf(source) })).toContain('```suggestion\nimport re\n```');
  });

  test('no suggestion when the edit reaches lines the comment is not on', () => {
    const source = '"""M."""\nfrom a import (b,\n    c)\nprint(b)\n';
    const f = review({ 'm.py': source }).reported.find((x) => x.rule === 'unused-import')!;
    expect(f.fix).toBeDefined();
    expect(inlineSuggestion(f, { lineText: linesOf(source) })).toBeUndefined();
    expect(renderInlineComment(f, unusedImport, { lineText: linesOf(source) })).not.toContain('```suggestion');
  });

  test('no suggestion for a fix of several edits', () => {
    const edit = { line: 1, column: 1, endLine: 1, endColumn: 2, newText: 'y' };
    const f = finding({ rule: 'x', category: 'naming', fix: { description: 'rename', edits: [edit, { ...edit, line: 5, endLine: 5 }] } });
    expect(inlineSuggestion(f, { lineText: () => 'x = 1' })).toBeUndefined();
  });

  test('a code block in the replacement cannot close the suggestion fence', () => {
    const f = finding({
      rule: 'x',
      category: 'naming',
      fix: { description: 'replace', edits: [{ line: 1, column: 1, endLine: 1, endColumn: 6, newText: 'y = "```"' }] },
    });
    const body = renderInlineComment(f, undefined, { lineText: () => 'x = 1' });
    expect(body).toContain('````suggestion\ny = "```"\n````');
  });
});

describe('renderInlineComment: the fix computed from the finding', () => {
  const rule = (id: string) => RULES.find((r) => r.id === id)!;

  test("a security finding's computed fix replaces the rule's generic one", () => {
    const f = review({ 'conf.py': '"""C."""\nimport yaml\n\nconfig = yaml.load(stream, Loader=yaml.FullLoader)\n' }).reported.find(
      (x) => x.rule === 'unsafe-yaml-load',
    )!;
    const body = renderInlineComment(f, rule('unsafe-yaml-load'));
    expect(body).toContain('Fix: Use `yaml.safe_load(stream)`: it builds only plain data (dicts, lists, strings, numbers).');
    expect(body).not.toContain(rule('unsafe-yaml-load').doc.fix);
  });

  test('a hostile argument is quoted as code, where it mentions, links and hides nothing; one with a backtick is not quoted', () => {
    const source = '"""C."""\nimport yaml\n\nconfig = yaml.load("@admin <!-- x --> [a](http://e)", Loader=yaml.Loader)\n';
    const f = review({ 'conf.py': source }).reported.find((x) => x.rule === 'unsafe-yaml-load')!;
    const fix = renderInlineComment(f, rule('unsafe-yaml-load'))
      .split('\n\n')
      .find((p) => p.startsWith('Fix:'))!;
    expect(fix).toBe('Fix: Use `yaml.safe_load("@admin <\u200b!-- x --> [a](http://e)")`: it builds only plain data (dicts, lists, strings, numbers).');
    const ticks = '"""C."""\nimport yaml\n\nconfig = yaml.load("`@admin` ``` <!--", Loader=yaml.Loader)\n';
    const g = review({ 'conf.py': ticks }).reported.find((x) => x.rule === 'unsafe-yaml-load')!;
    expect(g.suggestion).toBe('Use `yaml.safe_load` without the loader: it builds only plain data (dicts, lists, strings, numbers).');
    expect(renderInlineComment(g, rule('unsafe-yaml-load'))).not.toContain('@admin');
  });

  test('a non-security finding with a computed fix says it, with the one-line suggestion it makes', () => {
    const source = '"""M."""\n\n\ndef log(msg: str):\n    """Log."""\n    print(msg)\n';
    const f = review({ 'm.py': source }).reported.find((x) => x.rule === 'missing-return-annotation')!;
    const body = renderInlineComment(f, rule('missing-return-annotation'), { lineText: linesOf(source) });
    expect(body).toContain('Fix: Add `-> None`: `log` returns no value.');
    expect(body).toContain('Add `-> None`:\n```suggestion\ndef log(msg: str) -> None:\n```');
  });

  test('a non-security finding without one has no fix line: no generic advice in its place', () => {
    const source = '"""M."""\n\n\ndef load(path: str):\n    """Load."""\n    return open(path).read()\n';
    const f = review({ 'm.py': source }).reported.find((x) => x.rule === 'missing-return-annotation')!;
    expect(f.suggestion).toBeUndefined();
    const body = renderInlineComment(f, rule('missing-return-annotation'));
    expect(body).not.toContain('Fix:');
    expect(body).not.toContain(rule('missing-return-annotation').doc.fix);
  });
});
