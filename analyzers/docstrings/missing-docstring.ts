import type { SyntaxNode } from 'tree-sitter';
import type { Rule } from '../../src/engine/rule.js';
import { startsWithDocstring } from './docstring-node.js';
import {
  dunderAllNames,
  isMagic,
  isPrivateMethodName,
  isPrivateModulePath,
  moduleName,
  resolvesToTyping,
  type TypingDecorator,
} from './visibility.js';

/** Ruff's kinds of definition: what a def or class is, given what it is defined in. */
type Kind = 'class' | 'nested-class' | 'function' | 'nested-function' | 'method';

interface Definition {
  kind: Kind;
  name: string;
  qualname: string;
  nameNode: SyntaxNode;
  /** The enclosing def or class; undefined at module level (even inside `if`/`try`). */
  parent: Definition | undefined;
  documented: boolean;
  /** `@name.setter` / `@name.deleter` on a method of the same name. */
  accessor: boolean;
  typingDecorators: TypingDecorator[];
  /** Resolved once the walk is over (it depends on `__all__`). */
  private?: boolean;
}

const CODES = ['D100', 'D101', 'D102', 'D103', 'D104', 'D105', 'D106', 'D107'];

/** pydocstyle D100–D107 with Ruff's semantics (no convention set). */
export const missingDocstring: Rule = {
  id: 'missing-docstring',
  category: 'docstrings',
  title: 'Missing docstring',
  severity: 'info',
  codes: CODES,
  options: { ignore: [] },
  doc: {
    what: 'A public module, package, class, method or function without a docstring (pydocstyle D100–D107). Public means no leading underscore, not nested in a function, not in a private module or class, and listed in `__all__` when the module has one. `@overload` stubs and `@override` methods are exempt.',
    why: 'The docstring is what `help()`, IDEs and generated docs show; a public name without one leaves every caller to read the code.',
    example: 'def parse_header(line):\n    key, _, value = line.partition(":")\n    return key.strip(), value.strip()',
    fix: 'Add a docstring as the first statement, a one-line summary in imperative mood: `"""Split a header line into its name and value."""`.',
  },
  create(ctx) {
    const ignored = new Set(Array.isArray(ctx.options.ignore) ? (ctx.options.ignore as unknown[]).map(String) : []);
    // Type stubs document nothing (Ruff skips them).
    if (ctx.file.path.endsWith('.pyi')) return {};
    const source = ctx.file.source;
    const definitions: Definition[] = [];
    const stack: Definition[] = [];

    const enter = (node: SyntaxNode, isClass: boolean): void => {
      const parent = stack[stack.length - 1];
      const nameNode = node.childForFieldName('name');
      if (!nameNode) {
        stack.push(placeholder(node, parent));
        return;
      }
      const name = nameNode.text;
      const decorators = isClass ? [] : decoratorsOf(node);
      const definition: Definition = {
        kind: kindOf(isClass, parent),
        name,
        qualname: parent ? `${parent.qualname}.${name}` : name,
        nameNode,
        parent,
        documented: startsWithDocstring(node.childForFieldName('body'), source),
        accessor: decorators.some((d) => isAccessorOf(d, name)),
        typingDecorators: decorators.flatMap((d) => typingDecorator(d)),
      };
      definitions.push(definition);
      stack.push(definition);
    };

    return {
      function_definition: (node) => enter(node, false),
      'function_definition:exit': () => void stack.pop(),
      class_definition: (node) => enter(node, true),
      'class_definition:exit': () => void stack.pop(),
      'module:exit'(root) {
        const report = (code: string, message: string, subject: string, nameNode?: SyntaxNode): void => {
          if (ignored.has(code)) return;
          ctx.report({ ...(nameNode ? { node: nameNode } : { range: { start: 0, end: 0 } }), code, message, subject });
        };
        const modulePrivate = isPrivateModulePath(ctx.file.path);
        if (!modulePrivate && !startsWithDocstring(root, source)) {
          const name = moduleName(ctx.file.path);
          if (ctx.file.isPackageInit) report('D104', `Missing docstring in public package \`${name}\``, name);
          else report('D100', `Missing docstring in public module \`${name}\``, name);
        }
        const exports = dunderAllNames(ctx.scopes);
        for (const d of definitions) {
          d.private = isPrivate(d, modulePrivate, exports);
          if (d.private || d.documented) continue;
          const finding = codeFor(d, (decorator, member) => resolvesToTyping(decorator, member, ctx.scopes));
          if (finding) report(finding.code, `Missing docstring in ${finding.what ? `${finding.what} ` : ''}\`${d.qualname}\``, d.qualname, d.nameNode);
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
  return { kind: kindOf(isClass, parent), name: '', qualname: '', nameNode: node, parent, documented: true, accessor: false, typingDecorators: [], private: true };
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
function codeFor(
  d: Definition,
  resolves: (decorator: TypingDecorator, member: string) => boolean,
): { code: string; what: string } | undefined {
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

/** The expressions of the decorators above a def. */
function decoratorsOf(def: SyntaxNode): SyntaxNode[] {
  const parent = def.parent;
  if (parent?.type !== 'decorated_definition') return [];
  const out: SyntaxNode[] = [];
  for (const child of parent.namedChildren) {
    if (child.type !== 'decorator') continue;
    const expression = child.namedChildren.find((c) => c.type !== 'comment');
    if (expression) out.push(expression);
  }
  return out;
}

/** `@name.setter` / `@name.deleter` (Ruff treats property setters and deleters as private). */
function isAccessorOf(decorator: SyntaxNode, name: string): boolean {
  if (decorator.type !== 'attribute') return false;
  const object = decorator.childForFieldName('object');
  const attribute = decorator.childForFieldName('attribute')?.text;
  return object?.type === 'identifier' && object.text === name && (attribute === 'setter' || attribute === 'deleter');
}

const DOTTED = /^[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*$/;

/** A decorator that may name `typing.overload`/`typing.override`, possibly under an alias (resolved at the end). */
function typingDecorator(decorator: SyntaxNode): TypingDecorator[] {
  if (decorator.type !== 'identifier' && decorator.type !== 'attribute') return [];
  const text = decorator.text;
  if (!DOTTED.test(text)) return [];
  return [{ dotted: text.replace(/\s+/g, ''), start: decorator.startIndex }];
}
