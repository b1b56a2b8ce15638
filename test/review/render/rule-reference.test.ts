import { RULES } from '../../../analyzers/index.js';
import { renderRuleReference, replaceSection } from '../../../src/review/render/rule-reference.js';
import { shellRule } from './build.js';

describe('rule reference', () => {
  test('every rule, with its doc written once in the rule', () => {
    const text = renderRuleReference([...RULES, shellRule]);
    for (const r of [...RULES, shellRule]) {
      expect(text).toContain(`#### ${r.id}\n`);
      expect(text).toContain(`- Why: ${r.doc.why}`);
      expect(text).toContain(`- Fix: ${r.doc.fix}`);
    }
    expect(text).toContain('(severity high · CWE-78 · codes B602)');
    // Security comes first, as in the review.
    expect(text.indexOf('### security')).toBeLessThan(text.indexOf('### unused-imports'));
  });

  test('replaceSection keeps the markers and everything around them', () => {
    const doc = 'intro\n<!-- section:rules -->\nold\n<!-- /section:rules -->\n<!-- section:app -->\nkeep\n<!-- /section:app -->\n';
    expect(replaceSection(doc, 'rules', 'new text')).toBe(
      'intro\n<!-- section:rules -->\nnew text\n<!-- /section:rules -->\n<!-- section:app -->\nkeep\n<!-- /section:app -->\n',
    );
    expect(() => replaceSection(doc, 'cli', 'x')).toThrow(/section:cli/);
  });
});
