import { dunderFunctionName } from '../../../analyzers/naming/dunder-function-name.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(dunderFunctionName, {
  flagged: [
    { code: 'def __setup__():\n    pass', lines: [1] },
    { code: 'def f():\n    def __inner__():\n        pass', lines: [2] },
  ],
  clean: [
    { code: 'def __getattr__(name):\n    pass\ndef __dir__():\n    pass' },
    { code: 'class A:\n    def __custom__(self):\n        pass' },
    { code: 'def _setup():\n    pass' },
  ],
});
