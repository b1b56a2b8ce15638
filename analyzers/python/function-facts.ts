import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Scope, ScopeModel } from '../../src/engine/scope.js';
import { dunderAllNames } from './visibility.js';
import { decoratorTargets, dottedParts, functionKind, hasTypingDecorator, memoize, parametersOf, type FunctionKind, type Parameter } from './definitions.js';

/**
 * What flake8-annotations (as Ruff) needs to know about a def: is it a method, a static- or
 * classmethod, public or private, the implementation behind `@overload` stubs.
 */
export interface FunctionFacts {
  def: SyntaxNode;
  name: string;
  nameNode: SyntaxNode;
  /** Defined directly in a class body (through `if`/`try`). */
  isMethod: boolean;
  /** With builtin decorators only, as Ruff's annotation rules (`abc.abstractclassmethod` is a method here). */
  kind: FunctionKind;
  private: boolean;
  parameters: Parameter[];
  /** The def right after `@overload` stubs of the same name: Ruff leaves it to the stubs. */
  overloadImplementation: boolean;
}

/** The facts of every def in the file; call from `module:exit` (visibility depends on `__all__`). Computed once per file. */
export const functionFacts = memoize((model: ScopeModel): FunctionFacts[] => {
  // Most files have no `@overload`: skip looking for one.
  const mayOverload = model.module.node.text.includes('overload');
  const exports = dunderAllNames(model);
  const privacy = new Map<Scope, boolean>();
  const isPrivate = (scope: Scope): boolean => {
    let known = privacy.get(scope);
    if (known === undefined) {
      known = scopePrivate(scope, exports, isPrivate);
      privacy.set(scope, known);
    }
    return known;
  };
  const out: FunctionFacts[] = [];
  for (const scope of model.scopes) {
    if (scope.kind !== 'function') continue;
    const def = scope.node;
    const nameNode = def.childForFieldName('name');
    if (!nameNode) continue;
    const kind = functionKind(model, def, false);
    out.push({
      def,
      name: nameNode.text,
      nameNode,
      isMethod: kind !== 'function',
      kind,
      private: isPrivate(scope),
      parameters: parametersOf(def),
      overloadImplementation: mayOverload && followsOverload(model, def, nameNode.text),
    });
  }
  return out;
});

/** Ruff's `Definitions::resolve`: a def or class is private by its name, its parent, or `__all__`. */
function scopePrivate(scope: Scope, exports: Set<string> | undefined, isPrivate: (s: Scope) => boolean): boolean {
  const name = scope.qualname.slice(scope.qualname.lastIndexOf('.') + 1);
  const parent = scope.parent;
  if (!parent || parent.kind === 'module') return (exports !== undefined && !exports.has(name)) || name.startsWith('_');
  // Anything defined in a function is an implementation detail.
  if (parent.kind !== 'class') return true;
  if (isPrivate(parent)) return true;
  if (scope.kind === 'class') return name.startsWith('_');
  // A method: `@x.setter`/`@x.deleter` are private; dunders are public.
  if (decoratorTargets(scope.node).some((d) => isAccessorOf(d, name))) return true;
  return name.startsWith('_') && !isMagic(name);
}

function isAccessorOf(decorator: SyntaxNode, name: string): boolean {
  const parts = dottedParts(decorator);
  return parts !== undefined && parts.length === 2 && parts[0] === name && (parts[1] === 'setter' || parts[1] === 'deleter');
}

export function isMagic(name: string): boolean {
  return name.startsWith('__') && name.endsWith('__');
}

function followsOverload(model: ScopeModel, def: SyntaxNode, name: string): boolean {
  if (hasTypingDecorator(model, def, 'overload')) return false;
  const statement = def.parent?.type === 'decorated_definition' ? def.parent : def;
  let previous = statement.previousNamedSibling;
  while (previous?.type === 'comment') previous = previous.previousNamedSibling;
  if (previous?.type !== 'decorated_definition') return false;
  const other = previous.childForFieldName('definition');
  return other?.type === 'function_definition' && other.childForFieldName('name')?.text === name && hasTypingDecorator(model, other, 'overload');
}

/**
 * What a def's own body (not nested defs, lambdas or classes) says about its return value:
 * `value` (a `return x` other than `return None`), `generator` (a `yield`), `stub` (only `...`,
 * `pass`, a docstring or `raise NotImplementedError`, which says nothing about the type),
 * `raises` (it ends in a `raise` and has no bare `return`: it may never return), or `none`.
 */
export type ReturnShape = 'value' | 'generator' | 'stub' | 'raises' | 'none';

export function returnShape(def: SyntaxNode): ReturnShape {
  const body = def.childForFieldName('body');
  if (!body) return 'stub';
  const statements = body.namedChildren.filter((s) => s.type !== 'comment');
  if (statements.every(isStubStatement)) return 'stub';
  let returns = false;
  let shape: ReturnShape | undefined;
  const visit = (node: SyntaxNode): void => {
    for (const child of node.namedChildren) {
      if (shape) return;
      switch (child.type) {
        case 'function_definition':
        case 'decorated_definition':
        case 'class_definition':
        case 'lambda':
          continue;
        case 'yield':
          shape = 'generator';
          return;
        case 'return_statement': {
          const value = child.namedChildren.find((c) => c.type !== 'comment');
          if (value && value.type !== 'none') shape = 'value';
          else returns = true;
          continue;
        }
      }
      visit(child);
    }
  };
  visit(body);
  if (shape) return shape;
  return statements.at(-1)?.type === 'raise_statement' && !returns ? 'raises' : 'none';
}

/** `...`, `pass`, a docstring, `raise NotImplementedError(…)`: a body that only stands in for one. */
function isStubStatement(statement: SyntaxNode): boolean {
  switch (statement.type) {
    case 'pass_statement':
      return true;
    case 'expression_statement': {
      const e = statement.namedChild(0);
      return statement.namedChildCount === 1 && (e?.type === 'ellipsis' || e?.type === 'string' || e?.type === 'concatenated_string');
    }
    case 'raise_statement': {
      const e = statement.namedChildren.find((c) => c.type !== 'comment');
      const raised = e?.type === 'call' ? e.childForFieldName('function') : e;
      return raised?.text === 'NotImplementedError' || raised?.text === 'NotImplemented';
    }
    default:
      return false;
  }
}
