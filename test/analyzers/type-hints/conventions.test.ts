import { missingArgumentAnnotation } from '../../../analyzers/type-hints/missing-argument-annotation.js';
import { missingReturnAnnotation } from '../../../analyzers/type-hints/missing-return-annotation.js';
import { conventional, STRICT_CONVENTIONS } from '../../helpers/conventions.js';
import { ruleTester } from '../../helpers/rule-tester.js';

// Under the conventional profile: a def is reported where the code around annotates, or when it is itself partly annotated.
ruleTester(missingArgumentAnnotation, {
  flagged: [
    // placement 5b73b980 placement/util.py: a half-annotated def in a module that annotates nothing.
    { code: 'def _generate(index: int, current_product):\n    pass', lines: [1], message: '`current_product`', conventions: conventional() },
    { code: 'def f(a) -> int:\n    pass', lines: [1], conventions: conventional() },
    { code: 'def f(a, b):\n    pass', lines: [1, 1], conventions: conventional({ annotations: true }) },
    { code: 'def test_x(monkeypatch):\n    pass', path: 'tests/test_a.py', lines: [1], conventions: conventional({ testCode: true, annotations: true }) },
    { code: 'def f(a, b):\n    pass', lines: [1, 1], conventions: STRICT_CONVENTIONS },
  ],
  clean: [
    { code: 'def f(a, b):\n    pass', conventions: conventional() },
    { code: 'class A:\n    def m(self, x):\n        pass', conventions: conventional() },
    { code: 'def test_x(monkeypatch):\n    pass', path: 'tests/test_a.py', conventions: conventional({ testCode: true }) },
    // An annotated `self` alone makes a def annotated in part, but there is nothing else to add.
    { code: 'class A:\n    def m(self: "A") -> None:\n        pass', conventions: conventional() },
  ],
});

ruleTester(missingReturnAnnotation, {
  flagged: [
    { code: 'def _generate(index: int, current_product):\n    pass', lines: [1], message: 'private function `_generate`', conventions: conventional() },
    { code: 'def load(path):\n    pass', lines: [1], conventions: conventional({ annotations: true }) },
    { code: 'def load(path):\n    pass', lines: [1], conventions: STRICT_CONVENTIONS },
  ],
  clean: [
    { code: 'def load(path):\n    pass', conventions: conventional() },
    { code: 'class A:\n    def __repr__(self):\n        return "A"', conventions: conventional() },
    { code: 'def load(path: str) -> dict:\n    pass', conventions: conventional({ annotations: true }) },
  ],
});
