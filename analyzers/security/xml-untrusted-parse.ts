import type { Rule, RuleContext } from '../../src/engine/rule.js';
import type { SyntaxNode } from '../../src/engine/syntax.js';
import { keywordArgument, positionalArguments } from './arguments.js';
import { calleeText, resolvedCalls } from './call-target.js';
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

/** The standard library module → defusedxml's drop-in module (which has the same parsing functions, `fromstringlist` aside). */
const DEFUSED: Record<string, string> = {
  'xml.etree.cElementTree': 'defusedxml.ElementTree',
  'xml.etree.ElementTree': 'defusedxml.ElementTree',
  'xml.sax.expatreader': 'defusedxml.expatreader',
  'xml.dom.expatbuilder': 'defusedxml.expatbuilder',
  'xml.sax': 'defusedxml.sax',
  'xml.dom.minidom': 'defusedxml.minidom',
  'xml.dom.pulldom': 'defusedxml.pulldom',
};
const LXML_PARSING = new Set(['parse', 'fromstring', 'XML']);

/** The protection for the module the code calls, named as the code names it. */
function safeParse(ctx: RuleContext, node: SyntaxNode, module: string, fn: string): string | undefined {
  const callee = calleeText(ctx, node);
  if (module === 'lxml.etree') {
    // lxml has no defusedxml module any more; its own parser can refuse entities and the network.
    if (!LXML_PARSING.has(fn)) return undefined;
    const etree = callee.includes('.') ? callee.slice(0, callee.lastIndexOf('.')) : 'lxml.etree';
    const parser = `${etree}.XMLParser(resolve_entities=False, no_network=True)`;
    return keywordArgument(node, 'parser') || positionalArguments(node).length > 1
      ? `Create its parser as \`${parser}\`.`
      : `Pass \`parser=${parser}\` to \`${callee}\`.`;
  }
  const defused = DEFUSED[module];
  if (!defused) return undefined;
  if (fn === 'fromstringlist') return `Join the pieces and parse them with \`${defused}.fromstring\`.`;
  return `Use \`${defused}.${fn}\`, a drop-in replacement for \`${callee}\`.`;
}

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
      const suggestion = safeParse(ctx, node, q.slice(0, dot), fn);
      ctx.report({
        node,
        ...(suggestion ? { suggestion } : {}),
        message: `\`${q}\` parses XML without protection against entity expansion; use defusedxml${facts.tainted ? ' (the data comes from a parameter or the request)' : ''}.`,
        subject: q,
        code: entry[0],
        severity: facts.tainted ? 'high' : data && facts.literal ? 'low' : 'medium',
        confidence: facts.tainted ? 'high' : 'medium',
      });
    });
  },
};
