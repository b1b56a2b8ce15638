import type { SyntaxNode, TreeCursor } from '../../src/engine/syntax.js';
import type { Binding, BindingKind, Scope, ScopeModel } from '../../src/engine/scope.js';
import { PYTHON_BUILTINS } from './builtins.js';

/** Memoises a per-node or per-model computation: several rules ask the same questions of the same def. */
export function memoize<K extends object, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    const value = fn(key);
    cache.set(key, value);
    return value;
  };
}

/**
 * What a def is, as Ruff's semantic model sees it: shared by the naming, type-hints and
 * signatures rules so they agree on which functions are methods, classmethods, overrides…
 */

/** `a`, `a.b.c` → ['a', 'b', 'c']; anything else (calls, subscripts) → undefined. */
export function dottedParts(node: SyntaxNode): string[] | undefined {
  if (node.type === 'identifier') return [node.text];
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object');
    const attribute = node.childForFieldName('attribute');
    const head = object ? dottedParts(object) : undefined;
    return head && attribute ? [...head, attribute.text] : undefined;
  }
  return undefined;
}

/**
 * The qualified name an expression refers to through the file's imports (`typing.overload`,
 * `collections.OrderedDict`), a builtin's bare name (`staticmethod`), or undefined when it is
 * defined in this file or unknown. Like Ruff's `resolve_qualified_name`.
 */
export function qualifiedName(model: ScopeModel, node: SyntaxNode): string | undefined {
  const parts = dottedParts(node);
  if (!parts) return undefined;
  const [head, ...rest] = parts as [string, ...string[]];
  const scope = model.resolvingScope(head, model.scopeAt(node.startIndex));
  if (!scope) return PYTHON_BUILTINS.has(head) ? parts.join('.') : undefined;
  const bindings = scope.bindingsOf(head);
  const binding = bindings.filter((b) => b.node.startIndex < node.startIndex).pop() ?? bindings[0];
  if (!binding?.qualifiedName) return undefined;
  const base = binding.kind === 'submodule-import' ? head : binding.qualifiedName;
  return [base, ...rest].join('.');
}

const TYPING_MODULES = ['typing', 'typing_extensions'];

/** `typing.X` or `typing_extensions.X`, as Ruff's `match_typing_expr`. */
export function isTypingName(model: ScopeModel, node: SyntaxNode, member: string): boolean {
  const name = qualifiedName(model, node);
  return name !== undefined && TYPING_MODULES.some((m) => name === `${m}.${member}`);
}

/** A decorator's expression with any call stripped (`@lru_cache(maxsize=1)` → `lru_cache`). */
export const decoratorTargets = memoize((def: SyntaxNode): SyntaxNode[] => {
  const parent = def.parent;
  if (parent?.type !== 'decorated_definition') return [];
  const out: SyntaxNode[] = [];
  for (const child of parent.namedChildren) {
    if (child.type !== 'decorator') continue;
    let expr = child.namedChildren.find((c) => c.type !== 'comment') ?? null;
    if (expr?.type === 'call') expr = expr.childForFieldName('function');
    if (expr) out.push(expr);
  }
  return out;
});

export function hasTypingDecorator(model: ScopeModel, def: SyntaxNode, member: 'override' | 'overload'): boolean {
  return decoratorTargets(def).some((d) => isTypingName(model, d, member));
}

/** `@override` / `@overload`: the name is defined elsewhere, so pep8-naming and Ruff leave it alone. */
export function isOverrideOrOverload(model: ScopeModel, def: SyntaxNode): boolean {
  return decoratorTargets(def).some((d) => isTypingName(model, d, 'override') || isTypingName(model, d, 'overload'));
}

/** Every binding of the file grouped by kind, scopes outermost first. Ask from `module:exit` only (computed once per file). */
export const bindingsByKind = memoize((model: ScopeModel): Map<BindingKind, Binding[]> => {
  const out = new Map<BindingKind, Binding[]>();
  for (const scope of model.scopes) {
    for (const list of scope.bindings.values()) {
      for (const b of list) {
        const same = out.get(b.kind);
        if (same) same.push(b);
        else out.set(b.kind, [b]);
      }
    }
  }
  return out;
});

export function bindingsOfKind(model: ScopeModel, kind: BindingKind): readonly Binding[] {
  return bindingsByKind(model).get(kind) ?? [];
}

/** Function and class scopes by the start of their def/class node, so a def finds its own scope without a tree search. */
const definitionScopes = memoize((model: ScopeModel): Map<number, Scope> => {
  const out = new Map<number, Scope>();
  for (const s of model.scopes) if (s.kind === 'function' || s.kind === 'class') out.set(s.node.startIndex, s);
  return out;
});

/** The class scope a def (or any statement) sits directly in, through `if`/`try` blocks. Ask from `module:exit` only. */
export function enclosingClass(model: ScopeModel, statement: SyntaxNode): Scope | undefined {
  const own = definitionScopes(model).get(statement.startIndex);
  const scope = own && own.node.type === statement.type ? own.parent : model.scopeAt(statement.startIndex);
  return scope?.kind === 'class' ? scope : undefined;
}

export type FunctionKind = 'function' | 'method' | 'classmethod' | 'staticmethod' | 'new';

/**
 * Ruff's `function_type::classify` (pep8Naming): staticmethod by decorator; `__new__` on its own;
 * classmethod by decorator or for `__init_subclass__`/`__class_getitem__`; otherwise a method;
 * `abc.abstractclassmethod`/`abstractstaticmethod` count. Without pep8Naming, as Ruff's annotation
 * rules: only the builtin `@staticmethod`/`@classmethod` decorators decide.
 */
export function functionKind(model: ScopeModel, def: SyntaxNode, pep8Naming = true): FunctionKind {
  const abstract = pep8Naming;
  if (!enclosingClass(model, def)) return 'function';
  const name = def.childForFieldName('name')?.text ?? '';
  const decorators = decoratorTargets(def).map((d) => qualifiedName(model, d));
  if (decorators.some((d) => d === 'staticmethod' || d === 'builtins.staticmethod' || (abstract && d === 'abc.abstractstaticmethod'))) return 'staticmethod';
  if (name === '__new__' && abstract) return 'new';
  if (pep8Naming && (name === '__init_subclass__' || name === '__class_getitem__')) return 'classmethod';
  if (decorators.some((d) => d === 'classmethod' || d === 'builtins.classmethod' || (abstract && d === 'abc.abstractclassmethod'))) return 'classmethod';
  return 'method';
}

/** The expressions in a class's parentheses that are bases (not `metaclass=` keywords). */
export function classBases(classNode: SyntaxNode): SyntaxNode[] {
  const args = classNode.childForFieldName('superclasses');
  if (!args) return [];
  return args.namedChildren.filter((c) => c.type !== 'keyword_argument' && c.type !== 'comment' && c.type !== 'list_splat' && c.type !== 'dictionary_splat');
}

/** The class_definition a base expression names when that class is defined in this file (at module level with `moduleOnly`). */
function localClass(model: ScopeModel, base: SyntaxNode, moduleOnly = false): SyntaxNode | undefined {
  if (base.type !== 'identifier') return undefined;
  const scope = model.resolvingScope(base.text, model.scopeAt(base.startIndex));
  if (moduleOnly && scope?.kind !== 'module') return undefined;
  const binding = scope?.bindingsOf(base.text).find((b) => b.kind === 'class');
  return binding?.statement.type === 'class_definition' ? binding.statement : undefined;
}

/**
 * Whether a class derives from one of `bases` (qualified names), directly or through module-level
 * classes of this file (Ruff does not follow classes defined inside functions).
 */
export function inheritsFrom(model: ScopeModel, classNode: SyntaxNode, bases: ReadonlySet<string>, depth = 0): boolean {
  if (depth > 20) return false;
  for (const base of classBases(classNode)) {
    const target = base.type === 'subscript' ? base.childForFieldName('value') : base;
    if (!target) continue;
    const name = qualifiedName(model, target);
    if (name !== undefined && bases.has(name)) return true;
    const local = localClass(model, target, true);
    if (local && local.startIndex !== classNode.startIndex && inheritsFrom(model, local, bases, depth + 1)) return true;
  }
  return false;
}

const METACLASS_BASES = new Set(['type', 'builtins.type', 'abc.ABCMeta', 'enum.EnumMeta', 'enum.EnumType']);

/** Whether any class header of the file names a metaclass base: most files have none, and then no class needs resolving. */
const mayHaveMetaclass = memoize((model: ScopeModel): boolean => /\bclass\s+\w+\s*\([^)]*\b(type|ABCMeta|EnumMeta|EnumType)\b/.test(model.module.node.text));

/** A metaclass: it derives from `type` (or ABCMeta/EnumMeta), directly or through classes of this file. */
export function isMetaclass(model: ScopeModel, classNode: SyntaxNode): boolean {
  return mayHaveMetaclass(model) && inheritsFrom(model, classNode, METACLASS_BASES);
}

/**
 * Whether a class inherits from something defined outside this file (directly or through its
 * local bases): its methods may be overriding names chosen by someone else.
 */
export function hasExternalBase(model: ScopeModel, classNode: SyntaxNode, depth = 0): boolean {
  if (depth > 20) return true;
  for (const base of classBases(classNode)) {
    const target = base.type === 'subscript' ? base.childForFieldName('value') : base;
    if (!target) return true;
    if (target.type === 'identifier' && target.text === 'object') continue;
    const local = localClass(model, target);
    if (!local) return true;
    if (local.startIndex !== classNode.startIndex && hasExternalBase(model, local, depth + 1)) return true;
  }
  return false;
}

/** A 0-based UTF-16 range of the source. */
export interface Range {
  start: number;
  end: number;
}

/**
 * One parameter of a def as Ruff lists them: positional (incl. positional-only), *args,
 * keyword-only, **kwargs. Read with a tree cursor, which creates no node objects; the nodes are
 * built on demand (they are the expensive part of the binding, and most parameters need none).
 */
export class Parameter {
  kind: 'positional' | 'keyword-only' | 'args' | 'kwargs' = 'positional';
  name = '';
  nameRange: Range = { start: 0, end: 0 };
  /** The range of the annotation's expression, when there is one. */
  annotationRange: Range | undefined;
  annotationText: string | undefined;
  defaultRange: Range | undefined;
  /** The tree-sitter type of the default (`list`, `call`, `true`…). */
  defaultType: string | undefined;

  constructor(private readonly def: SyntaxNode) {}

  get annotated(): boolean {
    return this.annotationRange !== undefined;
  }

  get nameNode(): SyntaxNode {
    return this.def.descendantForIndex(this.nameRange.start, this.nameRange.end);
  }

  /** The annotation's expression (inside tree-sitter's `type` wrapper), or null. */
  get annotation(): SyntaxNode | null {
    const r = this.annotationRange;
    return r ? this.def.descendantForIndex(r.start, r.end) : null;
  }

  get default(): SyntaxNode | null {
    const r = this.defaultRange;
    return r ? this.def.descendantForIndex(r.start, r.end) : null;
  }
}

const range = (cursor: TreeCursor): Range => ({ start: cursor.startIndex, end: cursor.endIndex });

/** Reads one parameter at the cursor (an identifier, splat, default or typed parameter). */
function readParameter(cursor: TreeCursor, p: Parameter): boolean {
  const type = cursor.nodeType;
  if (type === 'identifier') {
    p.name = cursor.nodeText;
    p.nameRange = range(cursor);
    return true;
  }
  if (type === 'list_splat_pattern' || type === 'dictionary_splat_pattern') {
    p.kind = type === 'list_splat_pattern' ? 'args' : 'kwargs';
    let found = false;
    if (cursor.gotoFirstChild()) {
      do {
        if (cursor.nodeType === 'identifier') {
          p.name = cursor.nodeText;
          p.nameRange = range(cursor);
          found = true;
        }
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    return found;
  }
  if (type !== 'default_parameter' && type !== 'typed_default_parameter' && type !== 'typed_parameter') return false;
  let found = false;
  if (cursor.gotoFirstChild()) {
    do {
      const field = cursor.currentFieldName;
      if (field === 'type') {
        // The `type` wrapper has the expression as its only child, with the same range.
        p.annotationRange = range(cursor);
        p.annotationText = cursor.nodeText;
      } else if (field === 'value') {
        p.defaultRange = range(cursor);
        p.defaultType = cursor.nodeType;
      } else if (field === 'name' || (type === 'typed_parameter' && !found && cursor.nodeType !== ':')) {
        found = readParameter(cursor, p) || found;
      }
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  return found;
}

export const parametersOf = memoize((def: SyntaxNode): Parameter[] => {
  const params = def.childForFieldName('parameters');
  if (!params) return [];
  const out: Parameter[] = [];
  const cursor = params.walk();
  let keywordOnly = false;
  if (cursor.gotoFirstChild()) {
    do {
      if (cursor.nodeType === 'keyword_separator') {
        keywordOnly = true;
        continue;
      }
      const p = new Parameter(def);
      p.kind = keywordOnly ? 'keyword-only' : 'positional';
      if (!readParameter(cursor, p)) continue;
      if ((p.kind as Parameter['kind']) === 'args') keywordOnly = true;
      out.push(p);
    } while (cursor.gotoNextSibling());
  }
  return out;
});
