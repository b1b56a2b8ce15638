import { unsafeMarkup } from '../../../analyzers/security/unsafe-markup.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(unsafeMarkup, {
  flagged: [
    { code: `from markupsafe import Markup\nhtml = Markup(f"<b>{name}</b>")`, lines: [2], message: 'built by string formatting' },
    {
      code: `from django.utils.safestring import mark_safe\ndef render(comment):\n    return mark_safe(comment)`,
      lines: [3],
      message: 'parameter or request data',
    },
    { code: `import markupsafe\nmarkupsafe.Markup("<p>" + body + "</p>")`, lines: [2], message: 'built by string formatting' },
  ],
  clean: [
    { code: `from markupsafe import Markup\nMarkup("<br>")` },
    { code: `from markupsafe import Markup, escape\nMarkup(escape(name))` },
    { code: `from markupsafe import Markup\nMarkup("<b>{}</b>").format(name)` },
    { code: `from django.utils.html import format_html\nformat_html("<b>{}</b>", name)` },
    // Markup the code built itself (what template engines do internally).
    { code: `from markupsafe import Markup\nrv = render_body()\nMarkup(rv)` },
  ],
});

test('unsafe-markup: codes per API', () => {
  expect(runRule(unsafeMarkup, 'from markupsafe import Markup\nMarkup("%s" % x)\n')[0]).toMatchObject({ code: 'B704', cwe: 79 });
  expect(runRule(unsafeMarkup, 'from django.utils.safestring import mark_safe\nmark_safe(f"{x}")\n')[0]!.code).toBe('B308');
});
