import type { SyntaxNode } from './syntax.js';

/**
 * The one place that knows Python scoping. The engine's walk feeds a ScopeBuilder node by node;
 * once the walk is over, `finish()` resolves every name read to the binding it reads, and the
 * rules ask the resulting ScopeModel their questions.
 */

export type ScopeKind = 'module' | 'class' | 'function' | 'lambda' | 'comprehension';

export type BindingKind =
  | 'import'
  | 'submodule-import'
  | 'from-import'
  | 'future-import'
  | 'assignment'
  | 'annotation'
  | 'augmented'
  | 'unpacking'
  | 'parameter'
  | 'function'
  | 'class'
  | 'for'
  | 'with'
  | 'except'
  | 'walrus'
  | 'match';

/** An enclosing branch of an `if` or `try`: two bindings in different branches are alternatives. */
interface Fork {
  statement: number;
  branch: number;
}

export interface Binding {
  name: string;
  kind: BindingKind;
  scope: Scope;
  /** The identifier (or alias) that binds the name. */
  node: SyntaxNode;
  /** The statement that binds it: import, assignment, def… */
  statement: SyntaxNode;
  /** For imports: what is imported, `os.path` or `pkg.mod.name`. */
  qualifiedName?: string;
  /** `import x as x` / `from m import y as y`: an explicit re-export (PEP 484). */
  redundantAlias: boolean;
  inTypeChecking: boolean;
  inTry: boolean;
  /** Bound through a `global`/`nonlocal` declaration: an outer scope's name, set from here. */
  declaredOuter?: boolean;
  forks: Fork[];
  /** Start indices of the reads that resolve to this binding. */
  reads: number[];
  /** Where the binding takes effect: `x = x + 1` reads the old x, so an assignment binds at its end. */
  boundAt: number;
}

export interface Load {
  name: string;
  start: number;
  /** Inside an annotation, including names read from a string annotation. */
  inAnnotation: boolean;
}

export class Scope {
  readonly bindings = new Map<string, Binding[]>();
  readonly globals = new Set<string>();
  readonly nonlocals = new Set<string>();
  readonly loads: Load[] = [];
  /** `del name` statements: name → start indices. */
  readonly deletions = new Map<string, number[]>();
  readonly children: Scope[] = [];
  /** The children whose range is known, by start: `scopeAt` searches them (a module can hold 30 000 defs). */
  private readonly byStart: Scope[] = [];
  usesLocals = false;
  hasStarImport = false;

  constructor(
    readonly kind: ScopeKind,
    /** The module, def, class, lambda or comprehension node. */
    readonly node: SyntaxNode,
    /** Dotted qualified name, '' for the module. */
    readonly qualname: string,
    readonly parent: Scope | undefined,
    /** The range the scope's own code covers (a def's body, not its defaults); set when the walk reaches it. */
    public start: number,
    public end: number,
  ) {
    parent?.children.push(this);
    if (start >= 0) parent?.place(this);
  }

  /** Sets the range once the walk reaches the scope's own code (a def's body). */
  setRange(start: number, end: number): void {
    this.start = start;
    this.end = end;
    this.parent?.place(this);
  }

  private place(child: Scope): void {
    const list = this.byStart;
    let at = list.length;
    // Scopes mostly arrive in source order; a def's body comes after the lambdas in its defaults.
    while (at > 0 && list[at - 1]!.start > child.start) at--;
    list.splice(at, 0, child);
  }

  /** The child whose range holds `index`: sibling scopes do not overlap. */
  childAt(index: number): Scope | undefined {
    const list = this.byStart;
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= index) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const child = found >= 0 ? list[found]! : undefined;
    return child && index < child.end ? child : undefined;
  }

  /** Bindings of `name` made in this scope, in source order. */
  bindingsOf(name: string): Binding[] {
    return this.bindings.get(name) ?? [];
  }

  allBindings(): Binding[] {
    return [...this.bindings.values()].flat();
  }

  isFunctionLike(): boolean {
    return this.kind === 'function' || this.kind === 'lambda' || this.kind === 'comprehension';
  }
}

export interface ScopeModel {
  module: Scope;
  /** Every scope, outermost first. */
  scopes: Scope[];
  /** Names listed in `__all__`, or undefined when the module has none. */
  exports: Set<string> | undefined;
  /** The innermost scope whose own code contains `index`. */
  scopeAt(index: number): Scope;
  /** The scope a name read in `scope` resolves in, following global/nonlocal and skipping classes. */
  resolvingScope(name: string, scope: Scope): Scope | undefined;
  /** Every import binding of the file. */
  imports(): Binding[];
  /** True when any binding of `name` visible from `scope` is a module-level name declared `global` somewhere. */
  isDeclaredGlobal(name: string, scope: Scope): boolean;
}

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

const IMPORT_KINDS = new Set<BindingKind>(['import', 'submodule-import', 'from-import', 'future-import']);

const PATTERN_CONTAINERS = new Set([
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'tuple',
  'list',
  'parenthesized_expression',
  'list_splat_pattern',
  'list_splat',
]);

/** Node types whose materialised node the builder needs. */
export const BUILDER_NODE_TYPES = new Set([
  'function_definition',
  'class_definition',
  'lambda',
  ...COMPREHENSIONS,
  'assignment',
  'augmented_assignment',
  'for_statement',
  'for_in_clause',
  'with_item',
  'except_clause',
  'named_expression',
  'import_statement',
  'import_from_statement',
  'global_statement',
  'nonlocal_statement',
  'if_statement',
]);

/** Parent types whose children's field names the builder needs. */
export const BUILDER_FIELD_PARENTS = new Set([
  'function_definition',
  'class_definition',
  'lambda',
  'for_in_clause',
  'attribute',
  'keyword_argument',
  'typed_parameter',
  'typed_default_parameter',
  'assignment',
  'if_statement',
  'keyword_pattern',
  'subscript',
]);

/** What the walk tells the builder about each node. */
export interface WalkFrame {
  type: string;
  /** The node's field name in its parent, when the parent is one of BUILDER_FIELD_PARENTS. */
  field: string | null;
  start: number;
  end: number;
  /** Present for BUILDER_NODE_TYPES and for types a rule listens to. */
  node: SyntaxNode | undefined;
  /** Set by the builder: what to undo when the walk leaves this node. */
  undo?: Array<() => void>;
  /** Set by the builder on a def or lambda: its scope, opened before its parameters are visited. */
  scope?: Scope;
  /** Set by the builder: on a comprehension, that its first `for` was seen; on that clause, true. */
  firstClause?: boolean;
}

interface ScopeState {
  scope: Scope;
  forks: Fork[];
  /** Depth of `if TYPE_CHECKING:` blocks. */
  typeChecking: number;
  tryDepth: number;
}

const IDENTIFIER_RE = /(?<![\w.])[A-Za-z_][A-Za-z0-9_]*/g;

/**
 * Generics whose subscript holds types, so that a string in it is a forward reference even outside
 * an annotation (`LogTrace = List[Tuple["Logger", ...]]`): typing, collections.abc and builtins.
 */
const TYPE_GENERICS = new Set([
  ...['AbstractSet', 'AsyncContextManager', 'AsyncGenerator', 'AsyncIterable', 'AsyncIterator', 'Awaitable', 'ByteString', 'Callable'],
  ...['ChainMap', 'ClassVar', 'Collection', 'Concatenate', 'Container', 'ContextManager', 'Coroutine', 'Counter', 'DefaultDict', 'Deque'],
  ...['Dict', 'Final', 'FrozenSet', 'Generator', 'Generic', 'IO', 'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'List', 'Mapping'],
  ...['MappingView', 'Match', 'MutableMapping', 'MutableSequence', 'MutableSet', 'NotRequired', 'Optional', 'OrderedDict', 'Pattern'],
  ...['Protocol', 'ReadOnly', 'Required', 'Reversible', 'Sequence', 'Set', 'Tuple', 'Type', 'TypeGuard', 'TypeIs', 'Union', 'Unpack'],
  ...['ValuesView', 'list', 'dict', 'tuple', 'set', 'frozenset', 'type', 'deque', 'defaultdict'],
]);

export class ScopeBuilder {
  private readonly scopes: Scope[];
  private readonly states: ScopeState[] = [];
  /** Where reads go: usually the current scope, but a comprehension's first iterable reads outside it. */
  private readonly loadScopes: Scope[] = [];
  /** Start indices of identifiers already recorded as bindings or non-names (skipped when the walk reaches them). */
  private readonly handled = new Set<number>();
  private annotationDepth = 0;
  private importList: Binding[] | undefined;
  /** Inside a `Literal[...]` or an `Annotated[...]`'s metadata: strings there are values, not types. */
  private valueStringDepth = 0;
  private exports: Set<string> | undefined;
  /**
   * The model the rules see. Scopes and bindings appear as the walk reaches them; reads are
   * resolved by `finish()`, so questions about them belong in a rule's `module:exit`.
   */
  readonly model: ScopeModel;

  constructor(
    private readonly source: string,
    root: SyntaxNode,
  ) {
    const module = new Scope('module', root, '', undefined, 0, source.length);
    const scopes = (this.scopes = [module]);
    this.model = {
      module,
      scopes,
      exports: undefined,
      scopeAt: (index) => innermostScope(module, index),
      resolvingScope,
      // Rules ask for every call: the list is kept until the next import binding.
      imports: () => (this.importList ??= scopes.flatMap((s) => s.allBindings()).filter((b) => IMPORT_KINDS.has(b.kind))).slice(),
      isDeclaredGlobal: (name, scope) => scope.globals.has(name) || (scope.kind === 'module' && scopes.some((s) => s.globals.has(name))),
    };
    this.states.push({ scope: module, forks: [], typeChecking: 0, tryDepth: 0 });
    this.loadScopes.push(module);
  }

  private get state(): ScopeState {
    return this.states[this.states.length - 1]!;
  }

  private get scope(): Scope {
    return this.state.scope;
  }

  private onExit(frame: WalkFrame, fn: () => void): void {
    (frame.undo ??= []).push(fn);
  }

  private pushScope(frame: WalkFrame, scope: Scope): void {
    this.scopes.push(scope);
    this.states.push({ scope, forks: [], typeChecking: 0, tryDepth: 0 });
    this.loadScopes.push(scope);
    this.onExit(frame, () => {
      this.states.pop();
      this.loadScopes.pop();
    });
  }

  private bind(name: string, kind: BindingKind, node: SyntaxNode, statement: SyntaxNode, extra?: Partial<Binding>, scope = this.scope): Binding {
    this.handled.add(node.startIndex);
    const target = this.targetScope(name, scope);
    const binding: Binding = {
      name,
      kind,
      ...(target !== scope ? { declaredOuter: true } : {}),
      boundAt: BOUND_AFTER_STATEMENT.has(kind) ? statement.endIndex : node.startIndex,
      scope: target,
      node,
      statement,
      redundantAlias: false,
      inTypeChecking: this.state.typeChecking > 0,
      inTry: this.state.tryDepth > 0,
      forks: [...this.state.forks],
      reads: [],
      ...extra,
    };
    const list = target.bindings.get(name);
    if (list) list.push(binding);
    else target.bindings.set(name, [binding]);
    if (IMPORT_KINDS.has(kind)) this.importList = undefined;
    return binding;
  }

  /** A name declared global/nonlocal is bound in the module / enclosing function, not here. */
  private targetScope(name: string, scope: Scope): Scope {
    if (scope.globals.has(name)) return this.scopes[0]!;
    if (scope.nonlocals.has(name)) {
      // The nearest enclosing function: its own binding of the name may come later in the source.
      for (let s = scope.parent; s; s = s.parent) if (s.kind === 'function') return s;
    }
    return scope;
  }

  private qualname(name: string): string {
    let s: Scope | undefined = this.scope;
    while (s && s.kind === 'comprehension') s = s.parent;
    const prefix = s?.qualname ?? '';
    return prefix ? `${prefix}.${name}` : name;
  }

  /** Binds every name a target expression (`a`, `a, b`, `[a, *b]`) assigns. */
  private bindTarget(target: SyntaxNode | null, kind: BindingKind, statement: SyntaxNode, unpacked = false, parallel = false): void {
    if (!target) return;
    if (target.type === 'identifier') {
      this.bind(target.text, unpacked && kind !== 'for' ? 'unpacking' : kind, target, statement);
      return;
    }
    if (PATTERN_CONTAINERS.has(target.type)) {
      const destructures = !parallel && target.type !== 'parenthesized_expression' && target.type !== 'list_splat_pattern' && target.type !== 'list_splat';
      for (const child of target.namedChildren) this.bindTarget(child, kind, statement, unpacked || destructures);
    }
    // attribute and subscript targets bind nothing: their identifiers are reads.
  }

  /**
   * A def or lambda's scope is opened when the walk enters it, so that its parameter names are
   * bound (and not taken for reads outside) before the walk reaches them; it becomes the current
   * scope only at the body, since defaults and annotations are evaluated outside.
   */
  private openFunctionScope(frame: WalkFrame, kind: 'function' | 'lambda', name: string): void {
    const node = frame.node!;
    frame.scope = new Scope(kind, node, this.qualname(name), this.scope, -1, -1);
    this.bindParameters(node.childForFieldName('parameters'), node, frame.scope);
  }

  private bindParameters(params: SyntaxNode | null, statement: SyntaxNode, scope: Scope): void {
    if (!params) return;
    for (const p of params.namedChildren) {
      let id: SyntaxNode | null = null;
      switch (p.type) {
        case 'identifier':
          id = p;
          break;
        case 'default_parameter':
        case 'typed_default_parameter':
          id = p.childForFieldName('name');
          break;
        case 'typed_parameter':
          id = p.namedChildren.find((c) => c.type !== 'type') ?? null;
          if (id && (id.type === 'list_splat_pattern' || id.type === 'dictionary_splat_pattern')) id = id.namedChild(0);
          break;
        case 'list_splat_pattern':
        case 'dictionary_splat_pattern':
          id = p.namedChild(0);
          break;
      }
      if (id?.type === 'identifier') this.bind(id.text, 'parameter', id, statement, undefined, scope);
    }
  }

  /** `__all__ = [...]`, `+= (...)`, `.extend([...])`: the string items of a literal collection. */
  private recordExports(right: SyntaxNode | null): void {
    if (right && ['list', 'tuple', 'set'].includes(right.type)) this.recordExportItems(right.namedChildren);
  }

  private recordExportItems(items: SyntaxNode[]): void {
    this.exports ??= new Set();
    for (const item of items) {
      if (item.type === 'string') {
        const content = item.namedChildren.find((c) => c.type === 'string_content');
        if (content) this.exports.add(content.text);
      }
    }
  }

  private load(name: string, start: number): void {
    const scope = this.loadScopes[this.loadScopes.length - 1]!;
    scope.loads.push({ name, start, inAnnotation: this.annotationDepth > 0 });
    if (name === 'locals') scope.usesLocals = true;
  }

  /**
   * Called by the walk for every node, parents before children. `materialize` gives the node
   * of an identifier when the builder needs it (rarely: identifiers are the most common node).
   */
  enter(frame: WalkFrame, parent: WalkFrame | undefined, grandparent: WalkFrame | undefined, materialize: () => SyntaxNode): void {
    const node = frame.node;
    // Children with a scoping role, by their field in the parent.
    if (parent && frame.field) this.enterField(frame, parent);
    else if (parent?.type === 'try_statement') this.enterFork(frame, parent);
    // `List["B"]` in an annotation is a generic_type, its items the children of a type_parameter.
    else if (parent?.type === 'type_parameter' && grandparent?.type === 'generic_type') this.enterSubscriptItem(frame, grandparent);
    switch (frame.type) {
      case 'identifier':
        this.enterIdentifier(frame, parent, grandparent, materialize);
        return;
      case 'function_definition':
      case 'class_definition': {
        const name = node!.childForFieldName('name');
        if (name) this.bind(name.text, frame.type === 'class_definition' ? 'class' : 'function', name, node!);
        if (frame.type === 'function_definition') this.openFunctionScope(frame, 'function', name?.text ?? '<def>');
        return;
      }
      case 'lambda':
        this.openFunctionScope(frame, 'lambda', '<lambda>');
        return;
      case 'assignment': {
        const left = node!.childForFieldName('left');
        const right = node!.childForFieldName('right');
        const annotated = node!.childForFieldName('type') !== null;
        // `a, b = 1, 2` is parallel assignment, not unpacking of an opaque value (as Ruff).
        const parallel = right !== null && ['expression_list', 'tuple', 'list'].includes(right.type);
        this.bindTarget(left, right === null && annotated ? 'annotation' : 'assignment', node!, false, parallel);
        if (left?.type === 'identifier' && left.text === '__all__' && this.scope.kind === 'module') this.recordExports(right);
        return;
      }
      case 'augmented_assignment': {
        const left = node!.childForFieldName('left');
        if (left?.type === 'identifier') {
          // Reads and rebinds: the read is recorded when the walk reaches the identifier.
          const b = this.bind(left.text, 'augmented', left, node!);
          this.handled.delete(b.node.startIndex);
          if (left.text === '__all__' && this.scope.kind === 'module') this.recordExports(node!.childForFieldName('right'));
        }
        return;
      }
      case 'for_statement':
      case 'for_in_clause':
        if (parent && COMPREHENSIONS.has(parent.type) && !parent.firstClause) parent.firstClause = frame.firstClause = true;
        this.bindTarget(node!.childForFieldName('left'), 'for', node!);
        return;
      case 'with_item': {
        let value = node!.childForFieldName('value');
        // `with (cm() as x):` with one item parses as a parenthesised expression around the as_pattern.
        while (value?.type === 'parenthesized_expression' && value.namedChildCount === 1) value = value.namedChild(0);
        if (value?.type === 'as_pattern') {
          const target = value.childForFieldName('alias')?.namedChild(0) ?? null;
          this.bindTarget(target, 'with', node!);
        }
        return;
      }
      case 'except_clause': {
        const asPattern = node!.namedChildren.find((c) => c.type === 'as_pattern');
        const target = asPattern?.childForFieldName('alias')?.namedChild(0);
        if (target?.type === 'identifier') this.bind(target.text, 'except', target, node!);
        return;
      }
      case 'named_expression': {
        const name = node!.childForFieldName('name');
        let scope = this.scope;
        while (scope.kind === 'comprehension' && scope.parent) scope = scope.parent;
        if (name) this.bind(name.text, 'walrus', name, node!, undefined, scope);
        return;
      }
      case 'import_statement':
        this.enterImport(node!);
        return;
      case 'import_from_statement':
        this.enterFromImport(node!);
        return;
      case 'global_statement':
      case 'nonlocal_statement':
        for (const id of node!.namedChildren) {
          if (id.type !== 'identifier') continue;
          this.handled.add(id.startIndex);
          (frame.type === 'global_statement' ? this.scope.globals : this.scope.nonlocals).add(id.text);
        }
        return;
      case 'string':
        // Strings are common and matter only inside annotations: materialise just those.
        if (this.annotationDepth > 0 && this.valueStringDepth === 0) this.loadStringAnnotation(materialize());
        return;
      default:
        if (COMPREHENSIONS.has(frame.type)) {
          this.pushScope(frame, new Scope('comprehension', node!, this.qualname(`<${frame.type}>`), this.scope, frame.start, frame.end));
        }
    }
  }

  private enterField(frame: WalkFrame, parent: WalkFrame): void {
    const p = parent.node;
    switch (parent.type) {
      case 'function_definition':
      case 'lambda':
        if (frame.field === 'body' && parent.scope) {
          parent.scope.setRange(frame.start, frame.end);
          this.pushScope(frame, parent.scope);
        } else if (frame.field === 'return_type') this.enterAnnotation(frame);
        return;
      case 'class_definition':
        if (frame.field === 'body' && p) {
          const name = p.childForFieldName('name')?.text ?? '<class>';
          this.pushScope(frame, new Scope('class', p, this.qualname(name), this.scope, frame.start, frame.end));
        }
        return;
      case 'for_in_clause': {
        // The first iterable of a comprehension is evaluated in the enclosing scope.
        if (frame.field === 'right' && parent.firstClause && this.scope.parent) {
          this.loadScopes.push(this.scope.parent);
          this.onExit(frame, () => this.loadScopes.pop());
        }
        return;
      }
      case 'typed_parameter':
      case 'typed_default_parameter':
      case 'assignment':
        if (frame.field === 'type') this.enterAnnotation(frame);
        return;
      case 'subscript':
        if (frame.field === 'subscript') this.enterSubscriptItem(frame, parent);
        return;
      case 'if_statement':
        if (frame.field === 'consequence' && p) {
          const condition = p.childForFieldName('condition');
          if (condition && /^(typing\.)?TYPE_CHECKING$/.test(condition.text)) {
            const state = this.state;
            state.typeChecking++;
            this.onExit(frame, () => state.typeChecking--);
          }
        }
        this.enterFork(frame, parent);
        return;
    }
  }

  private enterAnnotation(frame: WalkFrame): void {
    this.annotationDepth++;
    this.onExit(frame, () => this.annotationDepth--);
  }

  /**
   * An item of `X[...]`: a type when X is a generic (its strings are forward references), a value
   * in `Literal[...]` and after the first item of `Annotated[...]`. X is read from the text, so the
   * subscript need not be materialised: it is what precedes the first `[`.
   */
  private enterSubscriptItem(frame: WalkFrame, subscript: WalkFrame): void {
    const before = this.source.slice(subscript.start, frame.start);
    const bracket = before.indexOf('[');
    const generic = /([A-Za-z_]\w*)\s*$/.exec(before.slice(0, bracket))?.[1];
    if (!generic) return;
    const first = before.slice(bracket + 1).trim() === '';
    if (generic === 'Literal' || (generic === 'Annotated' && !first)) {
      this.valueStringDepth++;
      this.onExit(frame, () => this.valueStringDepth--);
    } else if (TYPE_GENERICS.has(generic) || generic === 'Annotated') {
      const outer = this.valueStringDepth;
      this.valueStringDepth = 0;
      this.enterAnnotation(frame);
      this.onExit(frame, () => (this.valueStringDepth = outer));
    }
  }

  /** Called for the children of if/try statements: each branch is a fork. */
  private enterFork(frame: WalkFrame, parent: WalkFrame): void {
    let branch = -1;
    if (parent.type === 'if_statement') {
      if (frame.field === 'consequence') branch = 0;
      else if (frame.type === 'elif_clause' || frame.type === 'else_clause') branch = frame.start;
    } else if (parent.type === 'try_statement') {
      if (frame.type === 'block' || frame.type === 'else_clause') branch = 0;
      else if (frame.type === 'except_clause' || frame.type === 'except_group_clause') branch = frame.start;
    }
    if (branch < 0) return;
    const state = this.state;
    state.forks.push({ statement: parent.start, branch });
    const isTryBody = parent.type === 'try_statement' && frame.type === 'block';
    if (isTryBody) state.tryDepth++;
    this.onExit(frame, () => {
      state.forks.pop();
      if (isTryBody) state.tryDepth--;
    });
  }

  private enterIdentifier(frame: WalkFrame, parent: WalkFrame | undefined, grandparent: WalkFrame | undefined, materialize: () => SyntaxNode): void {
    if (this.handled.has(frame.start)) return;
    const name = this.source.slice(frame.start, frame.end);
    if (parent) {
      if (parent.type === 'attribute' && frame.field === 'attribute') return;
      if (parent.type === 'keyword_argument' && frame.field === 'name') return;
      if (parent.type === 'keyword_pattern' && parent.start === frame.start) return;
      if (parent.type === 'import_statement' || parent.type === 'import_from_statement') return;
      if (parent.type === 'dotted_name') {
        // Inside imports the names are module paths, handled by the import itself.
        if (
          grandparent &&
          (grandparent.type === 'import_statement' ||
            grandparent.type === 'import_from_statement' ||
            grandparent.type === 'aliased_import' ||
            grandparent.type === 'relative_import')
        )
          return;
        // In a match pattern (`case x`, `case Point(x=px)`) a lone name is a capture; a dotted one is a value read.
        if ((grandparent?.type === 'case_pattern' || grandparent?.type === 'keyword_pattern') && parent.start === frame.start && parent.end === frame.end) {
          if (name !== '_') this.bindCapture(name, materialize());
          return;
        }
        if (parent.start !== frame.start) return; // `a.b.c` in a decorator or pattern: only `a` is a name
      }
      if (parent.type === 'splat_pattern' || (parent.type === 'as_pattern' && grandparent?.type === 'case_pattern')) {
        // `case [*rest]`, `case X() as name`: captures (the as_pattern's subject is a pattern, not an identifier).
        if (name !== '_') this.bindCapture(name, materialize());
        return;
      }
    }
    this.load(name, frame.start);
    if (parent?.type === 'delete_statement' || (parent?.type === 'expression_list' && grandparent?.type === 'delete_statement')) {
      const scope = this.scope;
      const list = scope.deletions.get(name);
      if (list) list.push(frame.start);
      else scope.deletions.set(name, [frame.start]);
    }
    if (name === '__all__' && this.scope.kind === 'module') this.noteExportsCall(materialize());
  }

  private bindCapture(name: string, node: SyntaxNode): void {
    this.bind(name, 'match', node, node);
  }

  private enterImport(node: SyntaxNode): void {
    for (const child of node.namedChildren) {
      if (child.type === 'dotted_name') {
        const first = child.namedChild(0);
        if (!first) continue;
        const dotted = child.namedChildCount > 1;
        this.bind(first.text, dotted ? 'submodule-import' : 'import', first, node, { qualifiedName: child.text });
      } else if (child.type === 'aliased_import') {
        const name = child.childForFieldName('name');
        const alias = child.childForFieldName('alias');
        if (!name || !alias) continue;
        this.bind(alias.text, 'import', alias, node, {
          qualifiedName: name.text,
          redundantAlias: name.text === alias.text,
        });
      }
    }
  }

  private enterFromImport(node: SyntaxNode): void {
    const moduleNode = node.childForFieldName('module_name');
    const module = moduleNode?.text ?? '';
    const future = module === '__future__';
    for (const child of node.childrenForFieldName('name')) {
      if (child.type === 'dotted_name') {
        const first = child.namedChild(0);
        if (!first) continue;
        this.bind(first.text, future ? 'future-import' : 'from-import', first, node, { qualifiedName: `${module}.${child.text}` });
      } else if (child.type === 'aliased_import') {
        const name = child.childForFieldName('name');
        const alias = child.childForFieldName('alias');
        if (!name || !alias) continue;
        this.bind(alias.text, future ? 'future-import' : 'from-import', alias, node, {
          qualifiedName: `${module}.${name.text}`,
          redundantAlias: name.text === alias.text,
        });
      }
    }
    if (node.namedChildren.some((c) => c.type === 'wildcard_import')) this.scope.hasStarImport = true;
  }

  /** `def f(x: "Foo")`: the names inside a string annotation are reads too. */
  private loadStringAnnotation(node: SyntaxNode): void {
    if (node.namedChildren.some((c) => c.type === 'interpolation')) return;
    const content = node.namedChildren.find((c) => c.type === 'string_content');
    if (!content) return;
    for (const match of content.text.matchAll(IDENTIFIER_RE)) this.load(match[0], content.startIndex + (match.index ?? 0));
  }

  /** Method calls on `__all__` (`__all__.extend([...])`, `.append('x')`) add exports. */
  private noteExportsCall(identifier: SyntaxNode): void {
    const fn = identifier.parent;
    const node = fn?.parent;
    if (fn?.type !== 'attribute' || node?.type !== 'call' || fn.childForFieldName('object')?.startIndex !== identifier.startIndex) return;
    const method = fn.childForFieldName('attribute')?.text;
    const arg = node.childForFieldName('arguments')?.namedChild(0) ?? null;
    if (method === 'extend') this.recordExports(arg);
    else if (method === 'append' && arg?.type === 'string') this.recordExportItems([arg]);
  }

  exit(frame: WalkFrame): void {
    if (frame.undo) for (let i = frame.undo.length - 1; i >= 0; i--) frame.undo[i]!();
  }

  /**
   * The model the rules see. Scopes and bindings appear as the walk reaches them; reads are
   * resolved by `finish()`, so questions about them belong in a rule's `module:exit`.
   */
  finish(): ScopeModel {
    for (const scope of this.scopes) for (const load of scope.loads) this.resolveLoad(load, scope);
    const exports = this.exports;
    this.markSubmodulesReadThroughPackages();
    // A name listed in __all__ is read by every `from module import *`.
    if (exports) for (const name of exports) for (const b of this.scopes[0]!.bindingsOf(name)) b.reads.push(-1);
    this.model.exports = exports;
    return this.model;
  }

  /**
   * `import scipy.sparse.linalg` beside `import scipy as sp` is what makes `sp.sparse.linalg`
   * exist: a submodule import is read wherever an import of one of its packages is read, in its
   * scope (as Ruff, which also follows an alias bound in an enclosing scope, and `from` imports).
   */
  private markSubmodulesReadThroughPackages(): void {
    const imports = this.model.imports();
    for (const sub of imports) {
      if (sub.kind !== 'submodule-import' || !sub.qualifiedName) continue;
      const scope = sub.scope;
      for (const pkg of imports) {
        if (pkg === sub || pkg.kind === 'future-import' || !pkg.qualifiedName || !sub.qualifiedName.startsWith(`${pkg.qualifiedName}.`)) continue;
        if (!encloses(pkg.scope, scope)) continue;
        for (const read of pkg.reads) if (read >= 0 && (scope.kind === 'module' || (scope.start <= read && read < scope.end))) sub.reads.push(read);
      }
    }
  }

  private resolveLoad(load: Load, from: Scope): void {
    const scope = resolvingScope(load.name, from);
    if (!scope) return;
    const bindings = scope.bindingsOf(load.name);
    let chosen: Binding | undefined;
    // (A comprehension's body comes before its `for` in the text but runs after it: not straight-line.)
    if (scope.isFunctionLike() && scope.kind !== 'comprehension' && scope === from) {
      // In straight-line function code a read sees the latest binding before it (an `except`
      // name only inside its handler). Rules judge a local by name, as pyflakes: a rebinding of
      // a name that was read is not "unused".
      let seen: Binding | undefined;
      for (let i = bindings.length - 1; i >= 0 && !seen; i--) {
        const b = bindings[i]!;
        if (b.boundAt <= load.start && (b.kind !== 'except' || within(load.start, b.statement))) seen = b;
      }
      if (seen) seen.reads.push(load.start);
      // Read before any local binding: pyflakes and Ruff take it as the enclosing scope's name.
      else if (scope.parent && !scope.nonlocals.has(load.name)) this.resolveLoad(load, outerScope(scope));
      return;
    } else if (scope.isFunctionLike()) {
      // Read from a nested function, which runs later: any binding may be the one it sees.
    } else if (scope === from) {
      // Straight-line module or class code: the latest binding before the read.
      for (const b of bindings) if (b.boundAt <= load.start) chosen = b;
      // A class body reads a name it has not bound yet from outside (`errno = errno.EFAULT`).
      if (!chosen && scope.kind === 'class' && scope.parent) return this.resolveLoad(load, outerScope(scope));
    } else {
      // Read from a nested function, which runs later: the binding the scope ends with.
      chosen = bindings[bindings.length - 1];
    }
    if (!chosen) {
      // Function locals, and reads before any binding (loops): any binding may be the one read.
      for (const b of bindings) b.reads.push(load.start);
      return;
    }
    chosen.reads.push(load.start);
    for (const b of bindings) {
      const alternative = differentForks(b, chosen) || (b.kind === 'submodule-import' && chosen.kind === 'submodule-import');
      if (b !== chosen && alternative) b.reads.push(load.start);
    }
  }
}

/** The scope a function's free names are looked up in: the enclosing one, class bodies skipped. */
function outerScope(scope: Scope): Scope {
  let s = scope.parent!;
  while (s.kind === 'class' && s.parent) s = s.parent;
  return s;
}

const BOUND_AFTER_STATEMENT = new Set<BindingKind>(['assignment', 'unpacking', 'annotation', 'augmented']);

function encloses(outer: Scope, inner: Scope): boolean {
  for (let s: Scope | undefined = inner; s; s = s.parent) if (s === outer) return true;
  return false;
}

function within(index: number, node: SyntaxNode): boolean {
  return node.startIndex <= index && index < node.endIndex;
}

function differentForks(a: Binding, b: Binding): boolean {
  for (const fa of a.forks) for (const fb of b.forks) if (fa.statement === fb.statement && fa.branch !== fb.branch) return true;
  return false;
}

export function resolvingScope(name: string, from: Scope): Scope | undefined {
  if (from.globals.has(name)) return rootOf(from);
  let scope = from.nonlocals.has(name) ? from.parent : from;
  for (let own = scope === from; scope; scope = scope.parent, own = false) {
    // Class bodies are visible only to their own code, not to functions nested in them.
    if (scope.kind === 'class' && !own) continue;
    if (scope.globals.has(name)) return rootOf(scope);
    if (scope.bindings.has(name)) return scope;
  }
  return undefined;
}

function rootOf(scope: Scope): Scope {
  let s = scope;
  while (s.parent) s = s.parent;
  return s;
}

function innermostScope(scope: Scope, index: number): Scope {
  for (let child = scope.childAt(index); child; child = child.childAt(index)) scope = child;
  return scope;
}
