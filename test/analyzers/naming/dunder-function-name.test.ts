import { dunderFunctionName } from '../../../analyzers/naming/dunder-function-name.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(dunderFunctionName, {
  flagged: [
    { code: 'def __setup__():\n    pass', lines: [1], suggestion: 'Rename to `_setup` and update its callers.' },
    { code: 'def f():\n    def __inner__():\n        pass', lines: [2], suggestion: 'Rename to `_inner` and update its callers.' },
    // `_setup` is taken; `____` has no name inside the underscores.
    { code: 'def _setup():\n    pass\ndef __setup__():\n    pass', lines: [3], suggestion: null },
    { code: 'def ____():\n    pass', lines: [1], suggestion: null },
  ],
  clean: [
    { code: 'def __getattr__(name):\n    pass\ndef __dir__():\n    pass' },
    { code: 'class A:\n    def __custom__(self):\n        pass' },
    { code: 'def _setup():\n    pass' },
  ],
});
