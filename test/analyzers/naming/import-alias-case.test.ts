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
