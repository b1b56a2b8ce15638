import { urlOpenScheme } from '../../../analyzers/security/url-open-scheme.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(urlOpenScheme, {
  flagged: [
    { code: `import urllib.request\nurllib.request.urlopen(url)`, lines: [2], message: 'file://' },
    { code: `from urllib.request import urlretrieve\nurlretrieve(source, dest)`, lines: [2] },
    { code: `from urllib import request\nrequest.urlopen("file:///etc/passwd")`, lines: [2] },
  ],
  clean: [{ code: `import urllib.request\nurllib.request.urlopen("https://example.com/data.json")` }, { code: `import requests\nrequests.get(url)` }],
});

test('url-open-scheme: B310, a parameter raises the severity', () => {
  expect(runRule(urlOpenScheme, 'import urllib.request\ndef f(u):\n    urllib.request.urlopen(u)\n')[0]).toMatchObject({
    code: 'B310',
    severity: 'high',
    cwe: 22,
  });
});
