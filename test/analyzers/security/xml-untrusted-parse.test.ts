import { xmlUntrustedParse } from '../../../analyzers/security/xml-untrusted-parse.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(xmlUntrustedParse, {
  flagged: [
    { code: `import xml.etree.ElementTree as ET\nroot = ET.fromstring(body)`, lines: [2], message: 'defusedxml' },
    { code: `from xml.dom import minidom\ndoc = minidom.parse(path)`, lines: [2] },
    { code: `from xml.dom.minidom import parseString\nparseString(data)`, lines: [2] },
    { code: `import xml.sax\nxml.sax.make_parser()`, lines: [2] },
    { code: `from lxml import etree\netree.parse(f)`, lines: [2] },
    { code: `from xml.dom import pulldom\npulldom.parse(stream)`, lines: [2] },
  ],
  clean: [
    { code: `import defusedxml.ElementTree as ET\nET.fromstring(body)` },
    // A literal document is the program's own.
    { code: `import xml.etree.ElementTree as ET\nET.fromstring("<a><b/></a>")` },
    { code: `from xml.dom import minidom\nminidom.parseString("<doc/>")` },
    { code: `import xml.etree.ElementTree as ET\nET.tostring(root)` },
  ],
});

test('xml-untrusted-parse: codes by module, severity by data', () => {
  expect(runRule(xmlUntrustedParse, 'import xml.etree.ElementTree as ET\nET.parse(p)\n')[0]).toMatchObject({ code: 'B314', cwe: 611, severity: 'medium' });
  expect(runRule(xmlUntrustedParse, 'from xml.dom import minidom\ndef f(request):\n    minidom.parseString(request.data)\n')[0]).toMatchObject({
    code: 'B318',
    severity: 'high',
  });
  expect(runRule(xmlUntrustedParse, 'from lxml import etree\netree.fromstring(x)\n')[0]!.code).toBe('B320');
});

describe('xml-untrusted-parse: the defused function for the module the code calls', () => {
  ruleTester(xmlUntrustedParse, {
    flagged: [
      {
        code: 'import xml.etree.ElementTree as ET\nroot = ET.fromstring(body)',
        lines: [2],
        suggestion: 'Use `defusedxml.ElementTree.fromstring`, a drop-in replacement for `ET.fromstring`.',
      },
      {
        code: 'import xml.etree.cElementTree\nxml.etree.cElementTree.iterparse(f)',
        lines: [2],
        suggestion: 'Use `defusedxml.ElementTree.iterparse`, a drop-in replacement for `xml.etree.cElementTree.iterparse`.',
      },
      {
        code: 'from xml.etree.ElementTree import fromstringlist\nfromstringlist(chunks)',
        lines: [2],
        suggestion: 'Join the pieces and parse them with `defusedxml.ElementTree.fromstring`.',
      },
      {
        code: 'from xml.dom import minidom\ndoc = minidom.parse(path)',
        lines: [2],
        suggestion: 'Use `defusedxml.minidom.parse`, a drop-in replacement for `minidom.parse`.',
      },
      {
        code: 'from xml.dom.minidom import parseString\nparseString(data)',
        lines: [2],
        suggestion: 'Use `defusedxml.minidom.parseString`, a drop-in replacement for `parseString`.',
      },
      {
        code: 'import xml.sax\nxml.sax.make_parser()',
        lines: [2],
        suggestion: 'Use `defusedxml.sax.make_parser`, a drop-in replacement for `xml.sax.make_parser`.',
      },
      {
        code: 'from xml.dom import pulldom\npulldom.parse(stream)',
        lines: [2],
        suggestion: 'Use `defusedxml.pulldom.parse`, a drop-in replacement for `pulldom.parse`.',
      },
      {
        code: 'from lxml import etree\netree.parse(f)',
        lines: [2],
        suggestion: 'Pass `parser=etree.XMLParser(resolve_entities=False, no_network=True)` to `etree.parse`.',
      },
      {
        code: 'from lxml.etree import fromstring\nfromstring(data)',
        lines: [2],
        suggestion: 'Pass `parser=lxml.etree.XMLParser(resolve_entities=False, no_network=True)` to `fromstring`.',
      },
      {
        code: 'import lxml.etree\nlxml.etree.fromstring(data, parser=p)',
        lines: [2],
        suggestion: 'Create its parser as `lxml.etree.XMLParser(resolve_entities=False, no_network=True)`.',
      },
      // Bandit's lxml names that parse nothing themselves: no replacement to name.
      { code: 'from lxml import etree\netree.getDefaultParser()', lines: [2], suggestion: null },
    ],
    clean: [{ code: 'import defusedxml.ElementTree as ET\nET.fromstring(body)' }],
  });
});
