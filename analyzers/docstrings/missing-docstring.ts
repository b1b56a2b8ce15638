import type { SyntaxNode } from '../../src/engine/syntax.js';
import { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import { followsConventions } from '../../src/engine/conventions.js';
import { startsWithDocstring } from './docstring-node.js';
import { isDocstringStatement, readHeader, skipTrivia } from './python-text.js';
import { dunderAllNames, isMagic, isPrivateMethodName, isPrivateModulePath, moduleName, resolvesToTyping, type TypingDecorator } from '../python/visibility.js';

/** Ruff's kinds of definition: what a def or class is, given what it is defined in. */
type Kind = 'class' | 'nested-class' | 'function' | 'nested-function' | 'method';

interface Definition {
  kind: Kind;
  name: string;
  qualname: string;
  nameRange: { start: number; end: number };
  /** The enclosing def or class; undefined at module level (even inside `if`/`try`). */
  parent: Definition | undefined;
  documented: boolean;
  /** `@name.setter` / `@name.deleter` on a method of the same name. */
  accessor: boolean;
  /** A test (`test_*`, `Test*`), a pytest fixture, or anything inside one: never documented by convention. */
  test: boolean;
  typingDecorators: TypingDecorator[];
  /** Resolved once the walk is over (it depends on `__all__`). */
  private?: boolean;
}

const CODES = ['D100', 'D101', 'D102', 'D103', 'D104', 'D105', 'D106', 'D107'];

/** pydocstyle D100–D107 with Ruff's semantics (no convention set). */
const OPTIONS = z.strictObject({
  ignore: z.array(z.enum(CODES)).default([]).describe('pydocstyle codes this rule does not report, e.g. `[D105, D107]` for magic methods and `__init__`.'),
});

export const missingDocstring: Rule<z.output<typeof OPTIONS>> = {
  id: 'missing-docstring',
  category: 'docstrings',
  title: 'Missing docstring',
  severity: 'info',
  codes: CODES,
  optionsSchema: OPTIONS,
  doc: {
    what: 'A public module, package, class, method or function without a docstring (pydocstyle D100–D107). Public means no leading underscore, not nested in a function, not in a private module or class, and listed in `__all__` when the module has one. `@overload` stubs and `@override` methods are exempt. Under the conventional profile: never on test code (test files, tests, test classes, fixtures), D105/D107 only when asked for, and public defs only where the code around documents its own.',
    why: 'The docstring is what `help()`, IDEs and generated docs show; a public name without one leaves every caller to read the code.',
    example: 'def parse_header(line):\n    key, _, value = line.partition(":")\n    return key.strip(), value.strip()',
    useInstead:
      '"""Parsing of HTTP headers."""\n\n\ndef parse_header(line):\n    """Split a header line into its name and value."""\n    key, _, value = line.partition(":")\n    return key.strip(), value.strip()',
    fix: 'Add a docstring as the first statement, a one-line summary in imperative mood: `"""Split a header line into its name and value."""`.',
  },
  create(ctx) {
    const ignored = new Set<string>(ctx.options.ignore);
    // Type stubs document nothing (Ruff skips them).
    if (ctx.file.path.endsWith('.pyi')) return {};
    // Under the conventional profile: never on test code; public defs and modules only where the code around documents them.
    const conventional = followsConventions(ctx.conventions);
    const documentsDefs = !conventional || ctx.conventions.docstrings;
    const documentsModules = !conventional || (ctx.conventions.moduleDocstrings ?? ctx.conventions.docstrings);
    if (conventional && (ctx.conventions.testCode || (!documentsDefs && !documentsModules))) return {};
    const source = ctx.file.source;
    const definitions: Definition[] = [];
    const stack: Definition[] = [];

    // Decorators are walked just before the def they decorate (no def can sit inside one).
    let pending: Decorator[] = [];

    const enter = (node: SyntaxNode, isClass: boolean): void => {
      const parent = stack[stack.length - 1];
      const decorators = pending;
      pending = [];
      const header = headerOf(node, source);
      if (!header) {
        stack.push(placeholder(node, parent));
        return;
      }
      const definition: Definition = {
        kind: kindOf(isClass, parent),
        name: header.name,
        qualname: parent ? `${parent.qualname}.${header.name}` : header.name,
        nameRange: header.nameRange,
        parent,
        documented: header.documented,
        accessor: !isClass && decorators.some((d) => d.accessorOf === header.name),
        test: (parent?.test ?? false) || (isClass ? header.name.startsWith('Test') : header.name.startsWith('test') || decorators.some(isFixture)),
        typingDecorators: isClass ? [] : decorators.flatMap((d) => (d.dotted ? [{ dotted: d.dotted, start: d.start }] : [])),
      };
      definitions.push(definition);
      stack.push(definition);
    };

    return {
      function_definition: (node) => enter(node, false),
      'function_definition:exit': () => void stack.pop(),
      class_definition: (node) => enter(node, true),
      decorator: (node) => void pending.push(decoratorOf(node, source)),
      'class_definition:exit': () => void stack.pop(),
      'module:exit'() {
        const report = (code: string, message: string, subject: string, range = { start: 0, end: 0 }): void => {
          if (!ignored.has(code)) ctx.report({ range, code, message, subject });
        };
        const modulePrivate = isPrivateModulePath(ctx.file.path);
        if (documentsModules && !modulePrivate && !moduleHasDocstring(source)) {
          const name = moduleName(ctx.file.path);
          if (ctx.file.isPackageInit) report('D104', `Missing docstring in public package \`${name}\``, name);
          else report('D100', `Missing docstring in public module \`${name}\``, name);
        }
        const exports = dunderAllNames(ctx.scopes);
        for (const d of definitions) {
          d.private = isPrivate(d, modulePrivate, exports);
          if (d.private || d.documented || (conventional && (!documentsDefs || d.test))) continue;
          const finding = codeFor(d, (decorator, member) => resolvesToTyping(decorator, member, ctx.scopes));
          if (finding) report(finding.code, `Missing docstring in ${finding.what ? `${finding.what} ` : ''}\`${d.qualname}\``, d.qualname, d.nameRange);
        }
      },
    };
  },
};

function kindOf(isClass: boolean, parent: Definition | undefined): Kind {
  if (isClass) return parent ? 'nested-class' : 'class';
  if (!parent) return 'function';
  return parent.kind === 'class' || parent.kind === 'nested-class' ? 'method' : 'nested-function';
}

/** A def whose name did not parse: it still nests what is inside it, and is never reported. */
function placeholder(node: SyntaxNode, parent: Definition | undefined): Definition {
  const isClass = node.type === 'class_definition';
  return {
    kind: kindOf(isClass, parent),
    name: '',
    qualname: '',
    nameRange: { start: 0, end: 0 },
    parent,
    documented: true,
    accessor: false,
    test: false,
    typingDecorators: [],
    private: true,
  };
}

/** Ruff's `Definitions::resolve`: a private parent makes everything in it private. */
function isPrivate(d: Definition, modulePrivate: boolean, exports: Set<string> | undefined): boolean {
  if (d.name === '') return true;
  const parentPrivate = d.parent ? d.parent.private === true : modulePrivate;
  if (parentPrivate) return true;
  switch (d.kind) {
    case 'class':
    case 'function':
      if (exports && !exports.has(d.name)) return true;
      return d.name.startsWith('_');
    case 'nested-class':
      return d.parent!.kind === 'function' || d.parent!.kind === 'nested-function' || d.parent!.kind === 'method' || d.name.startsWith('_');
    case 'nested-function':
      return true;
    case 'method':
      return isPrivateMethodName(d.name, d.accessor);
  }
}

/** Ruff's `not_missing`: which code a public, undocumented definition gets (none for overloads and overrides). */
function codeFor(d: Definition, resolves: (decorator: TypingDecorator, member: string) => boolean): { code: string; what: string } | undefined {
  const decorated = (member: string): boolean => d.typingDecorators.some((t) => resolves(t, member));
  switch (d.kind) {
    case 'class':
      return { code: 'D101', what: 'public class' };
    case 'nested-class':
      return { code: 'D106', what: 'public nested class' };
    case 'function':
    case 'nested-function':
      return decorated('overload') ? undefined : { code: 'D103', what: 'public function' };
    case 'method':
      if (decorated('overload') || decorated('override')) return undefined;
      if (d.name === '__init__') return { code: 'D107', what: '' };
      if (d.name === '__new__' || d.name === '__call__') return { code: 'D102', what: 'public method' };
      if (isMagic(d.name)) return { code: 'D105', what: 'magic method' };
      return { code: 'D102', what: 'public method' };
  }
}

interface Decorator {
  start: number;
  /** The dotted name, without whitespace, when the decorator is one (`overload`, `typing.override`). */
  dotted?: string;
  /** The dotted name a decorator calls (`pytest.fixture` in `@pytest.fixture(scope="module")`). */
  callee?: string;
  /** `x` for `@x.setter` / `@x.deleter`. */
  accessorOf?: string;
}

const NAME = String.raw`[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*`;
const DOTTED = new RegExp(String.raw`^@\s*(${NAME}(?:\s*\.\s*${NAME})*)\s*$`, 'u');
const CALLEE = new RegExp(String.raw`^@\s*(${NAME}(?:\s*\.\s*${NAME})*)\s*\(`, 'u');

/** `@pytest.fixture`, `@fixture(scope="module")`, `@pytest_asyncio.fixture`: what pytest injects, never called by a reader. */
function isFixture(d: Decorator): boolean {
  const name = d.dotted ?? d.callee;
  return name !== undefined && (name === 'fixture' || name.endsWith('.fixture'));
}

/** Read from the text: a decorator that is a dotted name may be typing's overload/override (under any alias) or a property accessor. */
function decoratorOf(node: SyntaxNode, source: string): Decorator {
  let text = source.slice(node.startIndex, node.endIndex);
  // The decorator's node holds its trailing comment (`@overload  # noqa: F811`); a dotted name has no quotes to hide a `#`.
  if (!/["']/.test(text)) text = text.replace(/#[^\n\r]*/g, '');
  text = text.replace(/\\\r?\n/g, ' ');
  const match = DOTTED.exec(text);
  if (!match) {
    const call = CALLEE.exec(text);
    return call ? { start: node.startIndex, callee: call[1]!.replace(/\s+/g, '') } : { start: node.startIndex };
  }
  const dotted = match[1]!.replace(/\s+/g, '');
  const parts = dotted.split('.');
  const accessor = parts.length === 2 && (parts[1] === 'setter' || parts[1] === 'deleter');
  return { start: node.startIndex, dotted, ...(accessor ? { accessorOf: parts[0]! } : {}) };
}

/** The def's name and whether its body starts with a docstring: from the text, or from the tree when the text is unusual. */
function headerOf(node: SyntaxNode, source: string): { name: string; nameRange: { start: number; end: number }; documented: boolean } | undefined {
  const header = readHeader(source, node.startIndex);
  if (header && header.bodyStart < node.endIndex) {
    return { name: header.name, nameRange: { start: header.nameStart, end: header.nameEnd }, documented: isDocstringStatement(source, header.bodyStart) };
  }
  const name = node.childForFieldName('name');
  if (!name) return undefined;
  return {
    name: name.text,
    nameRange: { start: name.startIndex, end: name.endIndex },
    documented: startsWithDocstring(node.childForFieldName('body'), source),
  };
}

function moduleHasDocstring(source: string): boolean {
  return isDocstringStatement(source, skipTrivia(source, source.charCodeAt(0) === 0xfeff ? 1 : 0, true));
}
