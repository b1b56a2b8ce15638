import { className } from '../../../analyzers/naming/class-name.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(className, {
  flagged: [
    { code: 'class http_client:\n    pass', lines: [1], message: 'CapWords' },
    { code: 'class Http_Client:\n    pass', lines: [1] },
    { code: 'class _:\n    pass', lines: [1] },
    { code: 'def f():\n    class inner:\n        pass', lines: [2] },
  ],
  clean: [
    { code: 'class HttpClient:\n    pass' },
    { code: 'class _Private:\n    pass' },
    { code: 'class __Mangled:\n    pass' },
    { code: 'class HTTPClient2:\n    pass' },
    { code: 'class my_class:\n    pass', options: { ignoreNames: ['my_*'] } },
  ],
});

test('the finding names the class, at low confidence when __all__ exports it', () => {
  const [f] = runRule(className, '__all__ = ["legacy_api"]\nclass legacy_api:\n    pass\n');
  expect(f).toMatchObject({ subject: 'legacy_api', confidence: 'low', code: 'N801' });
});

describe('class-name: the CapWords name, when it is free', () => {
  ruleTester(className, {
    flagged: [
      {
        code: 'class http_client:\n    pass',
        lines: [1],
        suggestion: 'Rename to `HttpClient` and update its uses; keep the old name as an alias if it is public API.',
      },
      { code: 'class _my_class:\n    pass', lines: [1], suggestion: 'Rename to `_MyClass` and update its uses.' },
      { code: 'def f():\n    class inner:\n        pass', lines: [2], suggestion: 'Rename to `Inner` and update its uses.' },
      // Taken, a builtin, or no name at all to make CapWords of.
      { code: 'class HttpClient:\n    pass\nclass http_client(HttpClient):\n    pass', lines: [3], suggestion: null },
      { code: 'def f():\n    class exception_:\n        pass', lines: [2], suggestion: null },
      { code: 'class _:\n    pass', lines: [1], suggestion: null },
    ],
    clean: [{ code: 'class HttpClient:\n    pass' }],
  });
});
