import type { Rule } from '../../src/engine/rule.js';
import { positionalArguments } from './arguments.js';
import { resolvedCalls } from './call-target.js';
import { provenance } from './provenance.js';

/** module → [Bandit code, parsing functions]. */
const PARSERS: Record<string, [string, string[]]> = {
  'xml.etree.cElementTree': ['B313', ['parse', 'iterparse', 'fromstring', 'fromstringlist', 'XML', 'XMLParser']],
  'xml.etree.ElementTree': ['B314', ['parse', 'iterparse', 'fromstring', 'fromstringlist', 'XML', 'XMLParser']],
  'xml.sax.expatreader': ['B315', ['create_parser']],
  'xml.dom.expatbuilder': ['B316', ['parse', 'parseString']],
  'xml.sax': ['B317', ['parse', 'parseString', 'make_parser']],
  'xml.dom.minidom': ['B318', ['parse', 'parseString']],
  'xml.dom.pulldom': ['B319', ['parse', 'parseString']],
  'lxml.etree': ['B320', ['parse', 'fromstring', 'XML', 'RestrictedElement', 'GlobalParserTLS', 'getDefaultParser', 'check_docinfo']],
};
const FROM_TEXT = /^(?:fromstring|fromstringlist|XML|parseString)$/;

// Callee names this rule can be about: other calls are never resolved.
const CALLEES = new Set<string>(Object.values(PARSERS).flatMap(([, fns]) => fns));

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /xml/;

/** XML parsed with the standard library or lxml instead of defusedxml. */
export const xmlUntrustedParse: Rule = {
  id: 'xml-untrusted-parse',
  category: 'security',
  title: 'XML parsed without defusedxml',
  severity: 'medium',
  confidence: 'medium',
  cwe: 611,
  codes: ['B313', 'B314', 'B315', 'B316', 'B317', 'B318', 'B319', 'B320', 'S313', 'S314', 'S315', 'S316', 'S317', 'S318', 'S319', 'S320'],
  doc: {
    what: 'XML parsed with `xml.etree`, `xml.dom.minidom`, `xml.dom.pulldom`, `xml.sax`, `expatbuilder` or `lxml.etree` (parsing functions and parser factories).',
    why: 'Crafted XML can expand entities exponentially ("billion laughs"), and with lxml or older expat fetch external entities: local files and internal URLs.',
    example: 'import xml.etree.ElementTree as ET\n\nroot = ET.fromstring(request.data)',
    useInstead: 'import defusedxml.ElementTree as ET\n\nroot = ET.fromstring(request.data)',
    fix: 'Parse untrusted XML with `defusedxml` (`defusedxml.ElementTree.fromstring`), a drop-in replacement.',
  },
  create(ctx) {
    return resolvedCalls(ctx, FILE_HINT, CALLEES, (node, q) => {
      const dot = q.lastIndexOf('.');
      const entry = PARSERS[q.slice(0, dot)];
      const fn = q.slice(dot + 1);
      if (!entry || !entry[1].includes(fn)) return;
      const data = positionalArguments(node)[0];
      const facts = provenance(ctx, data);
      // A literal document is the program's own: nothing untrusted is parsed.
      if (data && facts.literal && FROM_TEXT.test(fn)) return;
      ctx.report({
        node,
        message: `\`${q}\` parses XML without protection against entity expansion; use defusedxml${facts.tainted ? ' (the data comes from a parameter or the request)' : ''}.`,
        subject: q,
        code: entry[0],
        severity: facts.tainted ? 'high' : data && facts.literal ? 'low' : 'medium',
        confidence: facts.tainted ? 'high' : 'medium',
      });
    });
  },
};
