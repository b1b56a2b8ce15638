import { renderJson } from '../../../src/review/render/json.js';
import { NO_SECURITY_DEFECTS } from '../../../src/review/render/summary.js';
import { review } from './build.js';

test('renderJson: version 2, files, findings and a summary with counts and the markdown review', () => {
  const json = renderJson(review({ 'a.py': '"""A."""\nimport os\nimport re  # noqa: F401\n' }));
  expect(json.version).toBe(2);
  expect(json.files).toEqual([{ path: 'a.py', lines: 3, added: 0 }]);
  expect(json.findings.map((f) => [f.rule, f.line])).toEqual([['unused-import', 2]]);
  expect(json.verdict).toMatchObject({ conclusion: 'success', failOn: 'medium', failing: 0, securityDefects: 0 });
  expect(json.summary.byCategory['unused-imports']).toBe(1);
  expect(json.summary.bySeverity.low).toBe(1);
  expect(json.summary.suppressed).toEqual({ noqa: 1, nosec: 0 });
  expect(json.summary.markdown.startsWith(NO_SECURITY_DEFECTS)).toBe(true);
  expect(JSON.parse(JSON.stringify(json))).toEqual(json);
});
