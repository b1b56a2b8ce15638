import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { ScopeModel } from '../../src/engine/scope.js';

/** Ruff's visibility rules for pydocstyle (ruff_python_semantic `visibility.rs` and `Definitions::resolve`). */

/** `_name` is private; a dunder (`__init__`, `__main__`) is not. */
export function isPrivateModuleName(name: string): boolean {
  return name.startsWith('_') && !(name.startsWith('__') && name.endsWith('__'));
}

/**
 * A module is private when its file name is (`_impl.py`), or a package it lives in is
 * (`_internal/util.py`). Only folder names that could be packages count, since Ruff looks at the
 * module path from the package root, not at the folders above it.
 */
export function isPrivateModulePath(path: string): boolean {
  const parts = path.split(/[\\/]/).filter((p) => p && p !== '.' && p !== '..');
  const base = (parts.pop() ?? '').replace(/\.pyi?$/, '');
  return isPrivateModuleName(base) || parts.some((p) => /^[A-Za-z_]\w*$/.test(p) && isPrivateModuleName(p));
}

/** The module's name as Ruff would show it: the file's stem, or the package's folder for `__init__.py`. */
export function moduleName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const base = (parts.pop() ?? path).replace(/\.pyi?$/, '');
  return base === '__init__' ? (parts.pop() ?? base) : base;
}

/** Magic in pydocstyle's sense: starts and ends with two underscores (so `__` and `___` too). */
export function isMagic(name: string): boolean {
  return name.startsWith('__') && name.endsWith('__');
}

/** A method's own visibility: public unless `_name` (but not magic), or a `@name.setter`/`@name.deleter`. */
export function isPrivateMethodName(name: string, isAccessor: boolean): boolean {
  if (isAccessor) return true;
  return name.startsWith('_') && !isMagic(name);
}

/**
 * The names `__all__` makes public, or undefined when the module never assigns `__all__`.
 * As Ruff: every `__all__ =` in the module's own code, `__all__ +=` and `__all__: T =` counts, whatever its
 * value (an unreadable value lists nothing, so everything becomes private); `.extend()` and
 * `.append()` do not count for docstrings.
 */
export function dunderAllNames(model: ScopeModel): Set<string> | undefined {
  let names: Set<string> | undefined;
  for (const binding of model.module.bindingsOf('__all__')) {
    // `global __all__` in a function builds it at run time: not the module's static `__all__` (as Ruff).
    if ((binding.kind !== 'assignment' && binding.kind !== 'augmented') || binding.declaredOuter) continue;
    const statement = binding.statement;
    if (statement.type !== 'assignment' && statement.type !== 'augmented_assignment') continue;
    if (statement.childForFieldName('left')?.type !== 'identifier') continue;
    names ??= new Set();
    let value = statement.childForFieldName('right');
    while (value?.type === 'assignment') value = value.childForFieldName('right');
    if (value) for (const name of namesOfValue(value)) names.add(name);
  }
  return names;
}

/** `[...] + (...) + other.__all__`: the string items of each list or tuple operand. */
function namesOfValue(value: SyntaxNode): string[] {
  const node = unparenthesize(value);
  if (node.type === 'binary_operator') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    return [...(left ? namesOfValue(left) : []), ...(right ? namesOfValue(right) : [])];
  }
  return namesOfSequence(node);
}

function namesOfSequence(node: SyntaxNode): string[] {
  if (node.type === 'list' || node.type === 'tuple' || node.type === 'expression_list') {
    const out: string[] = [];
    for (const item of node.namedChildren) {
      const literal = stringValue(unparenthesize(item));
      if (literal !== undefined) out.push(literal);
    }
    return out;
  }
  // `list([...])`, `tuple((...))`: Ruff reads through the builtin call.
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    const args = node.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
    if (fn?.type === 'identifier' && (fn.text === 'list' || fn.text === 'tuple') && args.length === 1) return namesOfSequence(unparenthesize(args[0]!));
  }
  return [];
}

function unparenthesize(node: SyntaxNode): SyntaxNode {
  let out = node;
  while (out.type === 'parenthesized_expression' && out.namedChildCount === 1) out = out.namedChild(0)!;
  return out;
}

/** The value of a plain string literal (or an implicit concatenation of them), escapes left as written. */
function stringValue(node: SyntaxNode): string | undefined {
  const parts = node.type === 'concatenated_string' ? node.namedChildren.filter((c) => c.type === 'string') : node.type === 'string' ? [node] : [];
  if (!parts.length) return undefined;
  let out = '';
  for (const part of parts) {
    const start = part.firstChild?.text ?? '';
    if (/[fFtTbB]/.test(start)) return undefined;
    for (const c of part.namedChildren) if (c.type === 'string_content' || c.type === 'escape_sequence') out += c.text;
  }
  return out;
}

/** A decorator written as a dotted name (`overload`, `typing.override`, `ov` for an alias). */
export interface TypingDecorator {
  /** The dotted name as written, without whitespace. */
  dotted: string;
  start: number;
}

const TYPING_MODULES = new Set(['typing', 'typing_extensions', '_typeshed']);

/** Whether a decorator resolves, through the file's imports, to `typing.<member>` (or typing_extensions'). */
export function resolvesToTyping(decorator: TypingDecorator, member: string, model: ScopeModel): boolean {
  const [head, ...rest] = decorator.dotted.split('.');
  if (!head) return false;
  const scope = model.resolvingScope(head, model.scopeAt(decorator.start));
  if (!scope) return false;
  const bindings = scope.bindingsOf(head);
  const binding = bindings.filter((b) => b.node.startIndex < decorator.start).pop() ?? bindings[0];
  if (!binding?.qualifiedName) return false;
  let base: string;
  if (binding.kind === 'submodule-import') base = binding.qualifiedName.split('.')[0]!;
  else if (binding.kind === 'import' || binding.kind === 'from-import') base = binding.qualifiedName;
  else return false;
  const segments = [...base.split('.'), ...rest];
  return segments.length === 2 && TYPING_MODULES.has(segments[0]!) && segments[1] === member;
}
