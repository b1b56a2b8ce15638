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
