import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../../analyzers/security/index.js';
import { analyze } from '../../../src/engine/analyze.js';
import type { EnabledRule } from '../../../src/engine/run.js';
import { NO_SECURITY_DEFECTS, renderSummary } from '../../../src/review/render/summary.js';
import { planOf } from '../../helpers/plan.js';

const enabled: EnabledRule[] = rules.map((rule) => ({ rule, options: {} }));
const fixture = (name: string) => ({ path: `app/${name}`, source: readFileSync(join('test/fixtures/security', name), 'utf8') });

test('a deliberately vulnerable module: every defect found, each with its CWE and severity', () => {
  const result = analyze([fixture('vulnerable_app.py')], enabled);
  expect(result.notes).toEqual([]);
  const found = result.findings.map((f) => `${f.line} ${f.rule} ${f.severity} CWE-${f.cwe}`);
  expect(found).toEqual([
    '17 hardcoded-secret medium CWE-798',
    '18 hardcoded-secret high CWE-798',
    '23 eval-exec high CWE-95',
    '29 shell-injection high CWE-78',
    '30 shell-injection low CWE-78',
    '36 sql-injection high CWE-89',
    '40 unsafe-deserialization high CWE-502',
    '44 unsafe-yaml-load medium CWE-502',
    '48 weak-hash medium CWE-327',
    '52 insecure-random medium CWE-330',
    '56 tls-verification-disabled high CWE-295',
    '60 insecure-temp-file medium CWE-377',
    '64 world-writable-permissions high CWE-732',
    '65 shell-injection high CWE-78',
    '69 unsafe-markup high CWE-79',
    '73 assert-authorization medium CWE-703',
    '78 flask-debug high CWE-94',
    '78 bind-all-interfaces medium CWE-605',
  ]);
  const summary = renderSummary(planOf(result), { rules });
  expect(summary.startsWith('Security defects detected: 18')).toBe(true);
  expect(summary).toContain('app/vulnerable_app.py:23');
});

test('the same module written safely: no security defect (only an advisory note), and the verdict says so', () => {
  const result = analyze([fixture('clean_app.py')], enabled);
  expect(result.notes).toEqual([]);
  // `cache_key` hashes with MD5 and `usedforsecurity=False`: a note for the reader, never a defect.
  expect(result.findings.map((f) => [f.line, f.rule, f.severity, f.advisory !== undefined])).toEqual([[56, 'weak-hash', 'low', true]]);
  const plan = planOf(result);
  expect(plan.advisories.map((f) => f.line)).toEqual([56]);
  const summary = renderSummary(plan, { rules });
  expect(summary.startsWith(NO_SECURITY_DEFECTS)).toBe(true);
  expect(NO_SECURITY_DEFECTS).toBe('No security defects are detected in the code.');
});

test('# nosec silences one line and is counted', () => {
  const source = 'import pickle\npickle.loads(a)  # nosec\npickle.loads(b)  # nosec B301\npickle.loads(c)\n';
  const result = analyze([{ path: 'm.py', source }], enabled);
  expect(result.findings.map((f) => f.line)).toEqual([4]);
  expect(result.suppressed.map((s) => [s.line, s.by])).toEqual([
    [2, 'nosec'],
    [3, 'nosec'],
  ]);
});
