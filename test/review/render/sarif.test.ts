import { RULES } from '../../../analyzers/index.js';
import { renderSarif, writeSarif } from '../../../src/review/render/sarif.js';
import { result, review, shellDefect, shellRule } from './build.js';

describe('renderSarif', () => {
  const log = renderSarif(review({ 'pkg/m.py': '"""M."""\nimport os\n\n\ndef f():\n    """F."""\n    x = 1\n' }));
  const run = log.runs[0]!;

  test('the fields SARIF 2.1.0 and GitHub code scanning require', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(run.tool.driver.name).toBe('pr-reviewer');
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.results!.length).toBeGreaterThanOrEqual(2);
    for (const r of run.results!) {
      expect(r.message.text).toBeTruthy();
      expect(typeof r.ruleId).toBe('string');
      expect(run.tool.driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
      expect(['error', 'warning', 'note']).toContain(r.level);
      const loc = r.locations![0]!.physicalLocation!;
      expect(loc.artifactLocation!.uri).toBe('pkg/m.py');
      expect(loc.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
      expect(loc.region!.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region!.startColumn).toBeGreaterThanOrEqual(1);
      expect(r.partialFingerprints!['prReviewer/v1']).toMatch(/^[0-9a-f]{20}$/);
    }
  });

  test("rule metadata comes from the rules' docs", () => {
    const rule = run.tool.driver.rules!.find((r) => r.id === 'unused-import')!;
    const doc = RULES.find((r) => r.id === 'unused-import')!.doc;
    expect(rule.shortDescription!.text).toBe('Unused import');
    expect(rule.fullDescription!.text).toBe(doc.what);
    expect(rule.help!.markdown).toContain(doc.fix);
    expect(rule.help!.text).toContain(doc.why);
    expect(rule.name).toBe('UnusedImport');
  });

  test('security rules carry security-severity and CWE tags; fixes become SARIF fixes', () => {
    const sec = renderSarif(result([shellDefect(3)]), { rules: [shellRule] }).runs[0]!;
    const rule = sec.tool.driver.rules![0]!;
    expect(rule.properties!['security-severity']).toBe('8.0');
    expect(rule.properties!.tags).toEqual(['security', 'external/cwe/cwe-78']);
    expect(sec.results![0]!.level).toBe('error');
    const fixed = run.results!.find((r) => r.ruleId === 'unused-import')!;
    expect(fixed.fixes![0]!.artifactChanges[0]!.replacements[0]!.deletedRegion.startLine).toBe(2);
  });

  test('notes become tool execution notifications', () => {
    const withNote = renderSarif(result([], { notes: [{ path: 'b.py', kind: 'skipped', message: 'b.py: skipped: not valid UTF-8' }] }));
    const n = withNote.runs[0]!.invocations![0]!;
    expect(n.executionSuccessful).toBe(true);
    expect(n.toolExecutionNotifications![0]!.message.text).toBe('b.py: skipped: not valid UTF-8');
  });
});

test('writeSarif streams the same log renderSarif builds, a result per line', async () => {
  const plan = review({ 'm.py': '"""M."""\nimport os\nimport sys\n', 'n.py': '"""N."""\n' });
  let text = '';
  await writeSarif(plan, { write: (t: string) => (text += t) }, { toolVersion: '1.2.3' });
  expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(renderSarif(plan, { toolVersion: '1.2.3' }))));
  expect(text.split('\n').filter((l) => l.trimStart().startsWith('{"ruleId"'))).toHaveLength(2);
  let empty = '';
  await writeSarif(review({ 'n.py': '"""N."""\n' }), { write: (t: string) => (empty += t) });
  expect(JSON.parse(empty).runs[0].results).toEqual([]);
});
