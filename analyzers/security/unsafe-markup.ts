import type { Rule } from '../../src/engine/rule.js';
import { positionalArguments } from './arguments.js';
import { resolvedCalls } from './call-target.js';
import { provenance } from './provenance.js';

const MARKUP = new Set([
  'markupsafe.Markup',
  'flask.Markup',
  'jinja2.Markup',
  'django.utils.safestring.mark_safe',
  'django.utils.safestring.SafeString',
  'django.utils.html.mark_safe',
]);
const CODES: Record<string, string> = { mark_safe: 'B308', SafeString: 'B703', Markup: 'B704' };
// Already escaped or already markup: wrapping it again adds nothing unsafe.
const ESCAPED =
  /^(?:(?:markupsafe\.|flask\.|jinja2\.|html\.|django\.utils\.html\.)?(?:escape|format_html|Markup|conditional_escape|mark_safe|render_to_string|render_template)|[\w.]*\.escape)\s*\(/;

// Callee names this rule can be about: other calls are never resolved.
const CALLEES = new Set<string>(['Markup', 'mark_safe', 'SafeString']);

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /Markup|mark_safe|SafeString/;

/** Markup / mark_safe on text that is not a literal: the escaping is switched off for it. */
export const unsafeMarkup: Rule = {
  id: 'unsafe-markup',
  category: 'security',
  title: 'Markup or mark_safe on non-literal text',
  severity: 'medium',
  confidence: 'medium',
  cwe: 79,
  codes: ['B308', 'B703', 'B704', 'S308', 'S704'],
  doc: {
    what: '`markupsafe.Markup(...)` or Django `mark_safe(...)` applied to text built by formatting or taken from a parameter or the request.',
    why: 'Markup tells the template engine not to escape the text: any outside data inside it becomes HTML and script (cross-site scripting).',
    example: 'from markupsafe import Markup\n\n\ndef greeting(username):\n    return Markup(f"<b>{username}</b>")',
    useInstead: 'from markupsafe import Markup\n\n\ndef greeting(username):\n    return Markup("<b>{}</b>").format(username)',
    fix: 'Escape the pieces and let Markup build the string: `Markup("<b>{}</b>").format(username)` or Django `format_html("<b>{}</b>", username)`.',
  },
  create(ctx) {
    return resolvedCalls(ctx, FILE_HINT, CALLEES, (node, q) => {
      if (!MARKUP.has(q)) return;
      const text = positionalArguments(node)[0];
      if (!text || ESCAPED.test(text.text)) return;
      const facts = provenance(ctx, text);
      // A value of unknown origin is usually markup the code built itself (template engines do
      // this all the time); formatting or outside data in it is what lets script in.
      if (!facts.tainted && !facts.formatted) return;
      const name = q.split('.').at(-1)!;
      ctx.report({
        node,
        message: `\`${name}\` marks text as safe HTML that is ${facts.tainted ? 'built from a parameter or request data' : 'built by string formatting'}; escape the values first.`,
        subject: name,
        code: CODES[name],
        severity: facts.tainted && facts.formatted ? 'high' : 'medium',
        confidence: facts.formatted ? 'high' : 'medium',
      });
    });
  },
};
