import { aliasProblem, importAlias } from '../../../analyzers/naming/import-alias-case.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(importAlias, {
  flagged: [
    { code: 'from a import CONSTANT as constant', lines: [1], message: 'non-constant' },
    { code: 'import os as OS', lines: [1], message: 'non-lowercase' },
    { code: 'from decimal import Decimal as decimal', lines: [1], message: 'as lowercase' },
    { code: 'from collections import OrderedDict as ORDERED', lines: [1], message: 'as constant' },
    { code: 'from collections import OrderedDict as OD', lines: [1], message: 'acronym' },
    { code: 'def f():\n    import os as Os', lines: [2] },
  ],
  clean: [
    { code: 'import os\nimport numpy as np\nfrom a import b as c' },
    { code: 'import xml.etree.ElementTree as ET' },
    { code: 'from types import ModuleType as M' },
    { code: 'from a import CONST as OTHER_CONST' },
    { code: 'from a import Thing as OtherThing' },
  ],
});

test('each alias problem has its pep8-naming code', () => {
  expect(aliasProblem('CONST', 'const', 'a.CONST')?.code).toBe('N811');
  expect(aliasProblem('os', 'OS', 'os')?.code).toBe('N812');
  expect(aliasProblem('Decimal', 'decimal', 'decimal.Decimal')?.code).toBe('N813');
  expect(aliasProblem('OrderedDict', 'ORDERED', 'collections.OrderedDict')?.code).toBe('N814');
  expect(aliasProblem('OrderedDict', 'OD', 'collections.OrderedDict')?.code).toBe('N817');
  expect(aliasProblem('ElementTree', 'ET', 'xml.etree.ElementTree')).toBeUndefined();
});

describe('import-alias-case: import the name itself, when nothing else in the file says it', () => {
  ruleTester(importAlias, {
    flagged: [
      { code: 'import os as OS\nOS.getcwd()', lines: [1], suggestion: 'Drop `as OS` and write `os` where the code says `OS`.' },
      {
        code: 'from decimal import Decimal as decimal\nprice = decimal("1.0")',
        lines: [1],
        suggestion: 'Drop `as decimal` and write `Decimal` where the code says `decimal`.',
      },
      { code: 'from collections import OrderedDict as OD', lines: [1], suggestion: 'Drop `as OD` and write `OrderedDict` where the code says `OD`.' },
      // `import a.b` would bind `a`; `os` is another name here; `open` is a builtin.
      { code: 'import os.path as P', lines: [1], suggestion: null },
      { code: 'import os as OS\nos = None', lines: [1], suggestion: null },
      { code: 'from codecs import open as Open', lines: [1], suggestion: null },
    ],
    clean: [{ code: 'import os' }],
  });
});
