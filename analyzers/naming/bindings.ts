import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Confidence } from '../../src/engine/finding.js';
import type { Binding, BindingKind, Scope, ScopeModel } from '../../src/engine/scope.js';
import { enclosingClass, hasExternalBase, isTypingName, memoize, qualifiedName } from '../python/definitions.js';
import { dunderAllNames, isPrivateModulePath } from '../python/visibility.js';

/** Kinds of binding that are a name stored by an expression (Ruff's `Expr::Name` in store context). */
export const STORED_KINDS: ReadonlySet<BindingKind> = new Set(['assignment', 'annotation', 'augmented', 'unpacking', 'for', 'with', 'walrus']);

export interface PlacedBinding {
  binding: Binding;
  /** The scope whose code contains the binding (a `global x` in a function binds x in the module, but is written in the function). */
  at: Scope;
}

/** Every binding of the file with the scope it is written in, computing `scopeAt` only where the two can differ. */
export const placedBindings = memoize((model: ScopeModel): PlacedBinding[] => {
  const redirected = new Set<string>();
  for (const s of model.scopes) {
    for (const n of s.globals) redirected.add(n);
    for (const n of s.nonlocals) redirected.add(n);
  }
  const out: PlacedBinding[] = [];
  for (const scope of model.scopes) {
    for (const list of scope.bindings.values()) {
      for (const binding of list) {
        const foreign = binding.kind === 'walrus' || redirected.has(binding.name);
        out.push({ binding, at: foreign ? model.scopeAt(binding.node.startIndex) : scope });
      }
    }
  }
  return out;
});

// As Ruff: ParamSpec and TypeVarTuple locals are still reported.
const TYPE_FACTORIES = ['TypeVar', 'NewType', 'TypedDict', 'NamedTuple'];

/** `Point = namedtuple(...)`, `T = TypeVar('T')`, `Alias: TypeAlias = ...`: names that are types, so may be capitalised. */
export function definesType(model: ScopeModel, statement: SyntaxNode, namedTupleOnly = false): boolean {
  if (statement.type !== 'assignment') return false;
  const right = statement.childForFieldName('right');
  if (right?.type === 'call') {
    const fn = right.childForFieldName('function');
    if (fn) {
      const name = qualifiedName(model, fn);
      if (name === 'collections.namedtuple' || isTypingName(model, fn, 'NamedTuple')) return true;
      if (!namedTupleOnly && TYPE_FACTORIES.some((f) => isTypingName(model, fn, f))) return true;
    }
  }
  if (namedTupleOnly) return false;
  const annotation = statement.childForFieldName('type')?.namedChild(0);
  return annotation !== undefined && annotation !== null && isTypingName(model, annotation, 'TypeAlias');
}

/**
 * How sure a naming finding on a def or parameter is. A method of a class that inherits from
 * something outside this file may be overriding a name it does not choose (`visit_Name`,
 * `handleError`), and a name in `__all__` is public API that renaming would break.
 */
export function nameConfidence(model: ScopeModel, name: string, def: SyntaxNode | undefined): Confidence | undefined {
  const cls = def ? enclosingClass(model, def) : undefined;
  if (cls && hasExternalBase(model, cls.node)) return 'low';
  if (model.scopeAt(def?.startIndex ?? 0).kind === 'module' && model.exports?.has(name)) return 'low';
  return undefined;
}

/** `visit_Name`, `depart_Title`: visitor methods named after node classes, as ast.NodeVisitor and docutils require. */
export function isVisitorMethodName(name: string): boolean {
  return /^(visit|depart|leave|generic_visit)_[A-Z][A-Za-z0-9]*$/.test(name);
}

/**
 * A def or class other modules may import by name: at module level, not `_private`, listed in
 * `__all__` when the module has one, in a module that is not private itself. Renaming it breaks
 * them unless the old name stays as an alias.
 */
export function isModuleApi(model: ScopeModel, path: string, binding: Binding): boolean {
  if (binding.scope.kind !== 'module' || binding.name.startsWith('_') || isPrivateModulePath(path)) return false;
  const exports = dunderAllNames(model);
  return exports === undefined || exports.has(binding.name);
}

/**
 * Whether a parameter (its name node) can be passed by keyword: not `*args`/`**kwargs`, not
 * before a `/`, and not a lambda's (nobody calls those by keyword).
 */
export function passableByKeyword(def: SyntaxNode, name: SyntaxNode): boolean {
  if (def.type !== 'function_definition') return false;
  const parent = name.parent;
  if (parent?.type === 'list_splat_pattern' || parent?.type === 'dictionary_splat_pattern') return false;
  const separator = def.childForFieldName('parameters')?.namedChildren.find((c) => c.type === 'positional_separator');
  return !separator || name.startIndex > separator.startIndex;
}
