import type { Rule } from '../../src/engine/rule.js';
import { argument, stringValue } from './arguments.js';
import { resolvedCalls } from './call-target.js';
import { provenance } from './provenance.js';

const OPENERS = new Set([
  'urllib.urlopen',
  'urllib.urlretrieve',
  'urllib.URLopener',
  'urllib.FancyURLopener',
  'urllib.request.urlopen',
  'urllib.request.urlretrieve',
  'urllib.request.URLopener',
  'urllib.request.FancyURLopener',
  'urllib2.urlopen',
  'urllib2.Request',
  'six.moves.urllib.request.urlopen',
  'six.moves.urllib.request.urlretrieve',
  'six.moves.urllib.request.URLopener',
  'six.moves.urllib.request.FancyURLopener',
]);

// Callee names this rule can be about: other calls are never resolved.
const CALLEES = new Set<string>([...OPENERS].map((q) => q.split('.').at(-1)!));

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /urlopen|urlretrieve|URLopener|urllib2/;

/** urllib openers on a URL whose scheme the code does not fix. */
export const urlOpenScheme: Rule = {
  id: 'url-open-scheme',
  category: 'security',
  title: 'URL opened without a fixed scheme',
  severity: 'medium',
  confidence: 'medium',
  cwe: 22,
  codes: ['B310', 'S310'],
  doc: {
    what: '`urllib.request.urlopen`/`urlretrieve`/`URLopener` on a URL that is not a literal `http(s)://` address.',
    why: 'urllib also opens `file://` and other schemes: a URL that comes from outside can read local files or reach internal services.',
    example: 'data = urllib.request.urlopen(url).read()',
    useInstead: 'data = requests.get(url, timeout=10).content',
    fix: 'Check the scheme first (`urllib.parse.urlsplit(url).scheme in ("http", "https")`), or use a client that only speaks HTTP, such as `requests`.',
  },
  create(ctx) {
    return resolvedCalls(ctx, FILE_HINT, CALLEES, (node, q) => {
      if (!OPENERS.has(q)) return;
      const url = argument(node, 0, 'url');
      const literal = stringValue(url);
      if (literal !== undefined && /^https?:\/\//i.test(literal)) return;
      const facts = provenance(ctx, url);
      ctx.report({
        node,
        message: `\`${q}\` opens any scheme, file:// included${facts.tainted ? ', and this URL comes from a parameter or the request' : ''}; check the scheme first.`,
        subject: q,
        severity: facts.tainted ? 'high' : 'medium',
        confidence: url && !facts.literal ? 'medium' : 'low',
      });
    });
  },
};
