import { missingDocstring } from '../../../analyzers/docstrings/missing-docstring.js';
import { conventional, STRICT_CONVENTIONS } from '../../helpers/conventions.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const documents = conventional({ docstrings: true, moduleDocstrings: false });

// Under the conventional profile: never on test code; public library API only where the code around documents it.
ruleTester(missingDocstring, {
  flagged: [
    { code: '"""Parsing."""\ndef parse(line):\n    return line', lines: [2], message: 'public function `parse`', conventions: documents },
    { code: '"""Parsing."""\nclass Parser:\n    def feed(self, data):\n        pass', lines: [2, 3], conventions: documents },
    { code: 'def parse(line):\n    return line', lines: [1], message: 'public module', conventions: conventional({ moduleDocstrings: true }) },
    // Without a separate module fact, modules follow the defs.
    { code: 'def parse(line):\n    return line', lines: [1, 1], conventions: conventional({ docstrings: true }) },
    // Strict reports test code as Ruff does.
    { code: 'def test_parse():\n    pass', path: 'tests/test_parse.py', lines: [1, 1], conventions: STRICT_CONVENTIONS },
  ],
  clean: [
    // The code around does not document its public defs.
    { code: 'def parse(line):\n    return line', conventions: conventional() },
    { code: 'def test_parse():\n    pass', path: 'tests/test_parse.py', conventions: conventional({ testCode: true, docstrings: true }) },
    { code: 'import pytest\n@pytest.fixture\ndef client():\n    pass', path: 'conftest.py', conventions: conventional({ testCode: true, docstrings: true }) },
    // Tests, test classes and fixtures outside a test folder are test code too.
    { code: '"""Helpers."""\ndef test_roundtrip():\n    pass', conventions: documents },
    { code: '"""Helpers."""\nclass TestParser:\n    def test_feed(self):\n        pass\n    def helper(self):\n        pass', conventions: documents },
    { code: '"""Plugin."""\nimport pytest\n@pytest.fixture(scope="module")\ndef database():\n    pass', conventions: documents },
  ],
});
