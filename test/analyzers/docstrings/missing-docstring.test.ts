import { missingDocstring } from '../../../analyzers/docstrings/missing-docstring.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';
import { cases, DOC } from './cases.js';

ruleTester(missingDocstring, cases);

describe('missing-docstring: codes', () => {
  test.each([
    ['import os\n', 'example.py', [['D100', 1]]],
    ['import os\n', 'pkg/__init__.py', [['D104', 1]]],
    ['import os\n', 'pkg/__main__.py', [['D100', 1]]],
    [
      `${DOC}class A:\n    def m(self): pass\n    def __init__(self): pass\n    def __len__(self): pass\n    class B: pass\ndef f(): pass\n`,
      'example.py',
      [
        ['D101', 2],
        ['D102', 3],
        ['D107', 4],
        ['D105', 5],
        ['D106', 6],
        ['D103', 7],
      ],
    ],
  ] as const)('%j in %s', (code, path, expected) => {
    const findings = runRule(missingDocstring, code, path);
    expect(findings.map((f) => [f.code, f.line])).toEqual(expected);
  });

  test('reports at the name, with the qualified name as subject', () => {
    const [finding] = runRule(missingDocstring, `${DOC}class Parser:\n    """Doc."""\n    @staticmethod\n    async def parse(line): pass\n`);
    expect(finding).toMatchObject({ code: 'D102', line: 5, column: 15, endColumn: 20, subject: 'Parser.parse', category: 'docstrings' });
  });

  test('a module finding sits at 1:1 and names the package for __init__.py', () => {
    const [finding] = runRule(missingDocstring, 'x = 1\n', 'src/mypkg/__init__.py');
    expect(finding).toMatchObject({ code: 'D104', line: 1, column: 1, subject: 'mypkg' });
  });
});
