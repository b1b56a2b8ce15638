import { argumentName } from '../../../analyzers/naming/argument-name.js';
import { builtinArgumentShadowing } from '../../../analyzers/naming/builtin-argument-shadowing.js';
import { builtinVariableShadowing } from '../../../analyzers/naming/builtin-variable-shadowing.js';
import { className } from '../../../analyzers/naming/class-name.js';
import { functionName } from '../../../analyzers/naming/function-name.js';
import { mixedCaseVariable } from '../../../analyzers/naming/mixed-case-variable.js';
import { variableInFunction } from '../../../analyzers/naming/variable-in-function.js';
import { conventional, STRICT_CONVENTIONS } from '../../helpers/conventions.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const tests = conventional({ testCode: true });

// Test data (placement's `G1_RP1 = uuids.rp1` in a test) and a module's own habit are not reported.
ruleTester(variableInFunction, {
  flagged: [
    { code: 'def build():\n    G1_RP1 = 1\n    return G1_RP1', lines: [2], conventions: conventional() },
    { code: 'def test_a():\n    G1_RP1 = 1', path: 'tests/test_a.py', lines: [2], conventions: STRICT_CONVENTIONS },
  ],
  clean: [
    { code: 'def test_a():\n    G1_RP1 = 1', path: 'tests/test_a.py', conventions: tests },
    { code: 'def build():\n    MAX = 1\n    return MAX', conventions: conventional({ ownNaming: { variables: true } }) },
  ],
});

ruleTester(functionName, {
  flagged: [
    { code: 'def fetchPage(url):\n    pass', lines: [1], conventions: conventional() },
    // A capitalised part that spells no other name of the file.
    { code: 'def parse_Header(line):\n    pass', lines: [1], conventions: conventional() },
    { code: 'def test_SSLContext_repr():\n    pass', path: 'tests/test_config.py', lines: [1], conventions: STRICT_CONVENTIONS },
  ],
  clean: [
    // httpx 8e36f2bc: a test named after the API it tests.
    { code: 'def test_SSLContext_repr():\n    pass', path: 'tests/test_config.py', conventions: tests },
    { code: 'import ssl\ndef make_SSLContext():\n    return ssl.SSLContext()', conventions: conventional() },
    { code: 'def fetchPage(url):\n    pass', conventions: conventional({ ownNaming: { functions: true } }) },
  ],
});

// Names an API imposes: click's `help` callback parameter, a public keyword, a base class's names.
ruleTester(builtinArgumentShadowing, {
  flagged: [
    { code: 'def _lookup(id):\n    return id', lines: [1], conventions: conventional() },
    { code: 'def lookup(id, /):\n    return id', lines: [1], message: '`id`', conventions: conventional() },
    { code: 'def outer():\n    def inner(type):\n        pass', lines: [2], conventions: conventional() },
    { code: 'import click\n@click.command()\n@click.option("--help")\ndef cli(help):\n    pass', lines: [4], conventions: STRICT_CONVENTIONS },
  ],
  clean: [
    // click b67832c2 tests/test_basic.py: the option named `--help` gives the callback its parameter.
    { code: 'import click\n@click.command()\n@click.option("--help")\ndef cli(help):\n    pass', conventions: conventional() },
    { code: 'def option(*decls, help=None):\n    pass', conventions: conventional() },
    { code: 'class Model:\n    def __init__(self, id, type):\n        pass', conventions: conventional() },
    { code: 'from views import Base\nclass _View(Base):\n    def get(self, id):\n        pass', conventions: conventional() },
    // click 333c28d7: a private helper's `help` mirrors the `help` keyword of the public API around it.
    { code: 'def _short_help(help, limit):\n    pass', conventions: conventional({ publicKeywords: ['help'] }) },
    { code: 'def test_get(id):\n    pass', path: 'tests/test_a.py', conventions: tests },
  ],
});

ruleTester(argumentName, {
  flagged: [{ code: 'def load(userId):\n    pass', lines: [1], conventions: conventional() }],
  clean: [
    { code: 'def test_load(userId):\n    pass', path: 'tests/test_a.py', conventions: tests },
    { code: 'import pytest\n@pytest.mark.parametrize("userId", [1])\ndef check(userId):\n    pass', conventions: conventional() },
    { code: 'def load(userId):\n    pass', conventions: conventional({ ownNaming: { arguments: true } }) },
  ],
});

ruleTester(className, {
  flagged: [{ code: 'class http_client:\n    pass', lines: [1], conventions: conventional() }],
  clean: [
    { code: 'def test_a():\n    class weird_name:\n        pass', path: 'tests/test_a.py', conventions: tests },
    { code: 'class http_client:\n    pass', conventions: conventional({ ownNaming: { classes: true } }) },
  ],
});

ruleTester(mixedCaseVariable, {
  flagged: [
    { code: 'defaultTimeout = 30', lines: [1], conventions: conventional() },
    // The module's habit covers globals, not class attributes.
    { code: 'class C:\n    maxRetries = 3', lines: [2], conventions: conventional({ ownNaming: { globals: true } }) },
  ],
  clean: [
    { code: 'defaultTimeout = 30', path: 'tests/test_a.py', conventions: tests },
    { code: 'defaultTimeout = 30', conventions: conventional({ ownNaming: { globals: true } }) },
  ],
});

ruleTester(builtinVariableShadowing, {
  flagged: [{ code: 'def f():\n    id = 3\n    return id', lines: [2], conventions: conventional() }],
  clean: [{ code: 'def test_f():\n    id = 3\n    assert id', path: 'tests/test_a.py', conventions: tests }],
});
