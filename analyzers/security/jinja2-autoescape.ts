import type { Rule } from '../../src/engine/rule.js';
import { keywordArgument } from './arguments.js';
import { argumentsText, resolvedCalls } from './call-target.js';

// Callee names this rule can be about: other calls are never resolved.
const CALLEES = new Set<string>(['Environment']);

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /jinja2/;

/** jinja2 Environment without HTML autoescaping. */
export const jinja2Autoescape: Rule = {
  id: 'jinja2-autoescape',
  category: 'security',
  title: 'Jinja2 autoescape off',
  severity: 'high',
  confidence: 'high',
  cwe: 79,
  codes: ['B701', 'S701'],
  doc: {
    what: '`jinja2.Environment(...)` with `autoescape=False` or without `autoescape`.',
    why: 'Without autoescaping, every variable rendered into HTML can inject markup and script (cross-site scripting).',
    example: 'env = jinja2.Environment(loader=FileSystemLoader("templates"))',
    useInstead: 'env = jinja2.Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())',
    fix: 'Turn escaping on: `Environment(loader=..., autoescape=select_autoescape())` (or `autoescape=True`).',
  },
  create(ctx) {
    return resolvedCalls(ctx, FILE_HINT, CALLEES, (node, q) => {
      if (!q.startsWith('jinja2.') || !q.endsWith('.Environment')) return;
      const autoescape = keywordArgument(node, 'autoescape');
      if (autoescape && autoescape.type !== 'false') return;
      // `Environment(**options)` may well pass autoescape.
      if (!autoescape && /\*\*/.test(argumentsText(ctx, node))) return;
      ctx.report({
        node,
        message: autoescape
          ? 'This Jinja2 Environment turns autoescaping off: rendered values can inject HTML and script.'
          : 'This Jinja2 Environment does not autoescape (the default is off); pass autoescape=select_autoescape().',
        subject: 'jinja2.Environment',
        confidence: autoescape ? 'high' : 'medium',
      });
    });
  },
};
