import { jinja2Autoescape } from '../../../analyzers/security/jinja2-autoescape.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(jinja2Autoescape, {
  flagged: [
    { code: `import jinja2\nenv = jinja2.Environment(loader=loader)`, lines: [2], message: 'does not autoescape' },
    { code: `from jinja2 import Environment\nenv = Environment(autoescape=False)`, lines: [2], message: 'turns autoescaping off' },
  ],
  clean: [
    { code: `from jinja2 import Environment, select_autoescape\nenv = Environment(autoescape=select_autoescape())` },
    { code: `import jinja2\nenv = jinja2.Environment(autoescape=True)` },
    { code: `import jinja2\nenv = jinja2.Environment(**options)` },
    { code: `env = Environment()` },
  ],
});

test('jinja2-autoescape: B701, CWE-79', () => {
  expect(runRule(jinja2Autoescape, 'import jinja2\njinja2.Environment(autoescape=False)\n')[0]).toMatchObject({
    code: 'B701',
    cwe: 79,
    severity: 'high',
    confidence: 'high',
  });
});
