import { functionName } from '../../../analyzers/naming/function-name.js';
import { analyzeFile } from '../../../src/engine/run.js';
import { STRICT_CONVENTIONS } from '../../../src/engine/conventions.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(functionName, {
  flagged: [
    { code: 'def fetchPage(url):\n    pass', lines: [1], message: '`fetchPage`' },
    { code: 'class Crawler:\n    def GetUser(self):\n        pass', lines: [2] },
    { code: 'def outer():\n    def Inner():\n        pass', lines: [2] },
    // A visitor method of a class with no outside base is the file's own choice.
    { code: 'class Walker:\n    def visit_Name(self, node):\n        pass', lines: [2] },
    { code: 'import unittest\nclass T(unittest.TestCase):\n    def runTest(self):\n        pass', lines: [3] },
  ],
  clean: [
    { code: 'def fetch_page(url):\n    pass' },
    { code: 'def _private_helper():\n    pass' },
    { code: 'import unittest\nclass T(unittest.TestCase):\n    def setUp(self):\n        pass\n    def tearDownClass(cls):\n        pass' },
    { code: 'import ast\nclass V(ast.NodeVisitor):\n    def visit_Name(self, node):\n        pass\n    def visit_FunctionDef(self, node):\n        pass' },
    { code: 'from http.server import BaseHTTPRequestHandler\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n        pass' },
    { code: 'from typing import override\nclass A(Base):\n    @override\n    def getValue(self):\n        pass' },
    { code: 'import typing\n@typing.overload\ndef parseValue(x: int) -> int: ...' },
    { code: 'def legacyName():\n    pass', options: { ignoreNames: ['legacy*'] } },
  ],
});

test('methods of a class with an outside base are reported at low confidence', () => {
  const [f] = runRule(functionName, 'import logging\nclass H(logging.Handler):\n    def handleError(self, record):\n        pass\n');
  expect(f).toMatchObject({ subject: 'handleError', confidence: 'low', code: 'N802' });
  const [g] = runRule(functionName, 'class Base:\n    pass\nclass H(Base):\n    def handleError(self):\n        pass\n');
  expect(g?.confidence).toBe('high');
});

test('records a couple of snake_case function names as evidence for the summary, never single words', () => {
  const result = analyzeFile(
    'a.py',
    'def fetchPage():\n    pass\ndef fetch():\n    pass\ndef fetch_all():\n    pass\ndef load_one():\n    pass\ndef load_two():\n    pass\n',
    [{ rule: functionName, options: {} }],
  );
  expect(result.conformingNames.map((c) => `${c.name}@${c.line}`)).toEqual(['fetch_all@5', 'load_one@7']);
});

describe('function-name: the snake_case name, when it is free', () => {
  ruleTester(functionName, {
    flagged: [
      {
        code: 'def fetchPage(url):\n    pass',
        lines: [1],
        suggestion: 'Rename to `fetch_page` and update its callers; keep the old name as an alias if it is public API.',
      },
      { code: 'def _fetchPage(url):\n    pass', lines: [1], suggestion: 'Rename to `_fetch_page` and update its callers.' },
      { code: 'class Crawler:\n    def GetUser(self):\n        pass', lines: [2], suggestion: 'Rename to `get_user` and update its callers.' },
      { code: 'def outer():\n    def HTTPServer():\n        pass', lines: [2], suggestion: 'Rename to `http_server` and update its callers.' },
      // `__all__` leaves it out: not the module's API.
      { code: '__all__ = ["run"]\ndef run():\n    pass\ndef loadAll():\n    pass', lines: [4], suggestion: 'Rename to `load_all` and update its callers.' },
      // The snake_case name is taken (a rename would collide) or only mentioned: no name to propose.
      { code: 'def fetchPage(url):\n    pass\ndef fetch_page(url):\n    pass', lines: [1], suggestion: null },
      { code: '# fetch_page is the old spelling\ndef fetchPage(url):\n    pass', lines: [2], suggestion: null },
      // A base class from outside may have chosen the name.
      { code: 'import logging\nclass H(logging.Handler):\n    def handleError(self, record):\n        pass', lines: [3], suggestion: null },
    ],
    clean: [{ code: 'def fetch_page(url):\n    pass' }],
  });
});

// FINDINGS class 8, scrapy e01783a4: `@implementer(IReadDescriptor)` — Twisted's reactor calls these methods by these names.
describe("function-name: the methods of a class that implements a zope.interface are the interface's names", () => {
  const CONVENTIONAL = { ...STRICT_CONVENTIONS, profile: 'conventional' as const };
  const implementer = (decorator: string, imports: string): string =>
    `${imports}\n${decorator}\nclass Reader:\n    def connectionLost(self, reason):\n        pass\n    def logPrefix(self):\n        return "r"\n`;
  ruleTester(functionName, {
    flagged: [
      // Strict reports as Ruff does.
      { code: implementer('@implementer(IReadDescriptor)', 'from zope.interface import implementer'), lines: [4, 6] },
      // Another decorator, or a class of its own: the names are the file's choice.
      { code: implementer('@dataclass', 'from dataclasses import dataclass'), lines: [4, 6], conventions: CONVENTIONAL },
      {
        code: 'from zope.interface import implementer\n@implementer(IReader)\nclass Reader:\n    pass\nclass Other:\n    def logPrefix(self):\n        pass\n',
        lines: [6],
        conventions: CONVENTIONAL,
      },
    ],
    clean: [
      { code: implementer('@implementer(IReadDescriptor)', 'from zope.interface import implementer'), conventions: CONVENTIONAL },
      { code: implementer('@zope.interface.implementer(IReadDescriptor)', 'import zope.interface'), conventions: CONVENTIONAL },
      { code: implementer('@interface.implementer(IReadDescriptor, IWriteDescriptor)', 'from zope import interface'), conventions: CONVENTIONAL },
      {
        code: 'from zope.interface import classImplements\nclass Reader:\n    def connectionLost(self, reason):\n        pass\nclassImplements(Reader, IReadDescriptor)\n',
        conventions: CONVENTIONAL,
      },
    ],
  });
});
