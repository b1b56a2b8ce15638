import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule } from '../../src/engine/rule.js';
import type { ScopeModel } from '../../src/engine/scope.js';
import { parametersOf, qualifiedName } from '../python/definitions.js';

const MUTABLE_LITERALS = new Set(['list', 'dictionary', 'set', 'list_comprehension', 'dictionary_comprehension', 'set_comprehension']);
const MUTABLE_BUILDERS = new Set(['list', 'dict', 'set', 'collections.Counter', 'collections.OrderedDict', 'collections.defaultdict', 'collections.deque']);

/** Ruff's `is_mutable_expr`: a literal or a call that builds a new list, dict, set or collections container. */
export function isMutableDefault(model: ScopeModel, value: SyntaxNode): boolean {
  if (MUTABLE_LITERALS.has(value.type)) return true;
  if (value.type !== 'call') return false;
  const fn = value.childForFieldName('function');
  const name = fn ? qualifiedName(model, fn) : undefined;
  return name !== undefined && MUTABLE_BUILDERS.has(name.replace(/^builtins\./, ''));
}

const IMMUTABLE_PLAIN = new Set([
  'bool',
  'bytes',
  'complex',
  'float',
  'frozenset',
  'int',
  'object',
  'range',
  'str',
  'collections.abc.Sized',
  'typing.LiteralString',
  'typing.Sized',
]);
const IMMUTABLE_GENERIC = new Set([
  'tuple',
  ...['ByteString', 'Collection', 'Container', 'Iterable', 'Mapping', 'Reversible', 'Sequence', 'Set'].map((n) => `collections.abc.${n}`),
  ...[
    'AbstractSet',
    'ByteString',
    'Callable',
    'Collection',
    'Container',
    'FrozenSet',
    'Iterable',
    'Literal',
    'Mapping',
    'Never',
    'NoReturn',
    'Reversible',
    'Sequence',
    'Tuple',
  ].map((n) => `typing.${n}`),
]);

/** Ruff's `is_immutable_annotation`: `Sequence[int] = []` promises the default is never mutated. */
export function isImmutableAnnotation(model: ScopeModel, node: SyntaxNode): boolean {
  switch (node.type) {
    case 'type':
    case 'parenthesized_expression': {
      const inner = node.namedChild(0);
      return inner !== null && isImmutableAnnotation(model, inner);
    }
    case 'none':
      return true;
    case 'identifier':
    case 'attribute': {
      const name = qualifiedName(model, node)?.replace(/^builtins\./, '');
      return name !== undefined && (IMMUTABLE_PLAIN.has(name) || IMMUTABLE_GENERIC.has(name));
    }
    case 'binary_operator': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      return node.childForFieldName('operator')?.type === '|' && !!left && !!right && isImmutableAnnotation(model, left) && isImmutableAnnotation(model, right);
    }
    case 'generic_type':
    case 'subscript': {
      const value = node.type === 'subscript' ? node.childForFieldName('value') : node.namedChild(0);
      const name = value ? qualifiedName(model, value)?.replace(/^builtins\./, '') : undefined;
      if (name === undefined) return false;
      if (IMMUTABLE_GENERIC.has(name)) return true;
      const items = node.type === 'subscript' ? node.childrenForFieldName('subscript') : (node.namedChild(1)?.namedChildren ?? []);
      if (name === 'typing.Union') return items.length > 1 && items.every((i) => isImmutableAnnotation(model, i));
      if (name === 'typing.Optional') return items.length === 1 && isImmutableAnnotation(model, items[0]!);
      if (name === 'typing.Annotated' || name === 'typing_extensions.Annotated') return items.length > 1 && isImmutableAnnotation(model, items[0]!);
      return false;
    }
    default:
      return false;
  }
}

/** flake8-bugbear B006 with Ruff's semantics. */
export const mutableDefaultArgument: Rule = {
  id: 'mutable-default-argument',
  category: 'signatures',
  title: 'Mutable default argument',
  severity: 'medium',
  codes: ['B006'],
  doc: {
    what: 'A parameter whose default is a list, dict or set (a literal, a comprehension, or a `list()`/`dict()`/`set()`/`collections.*` call) (flake8-bugbear B006). A default annotated as read-only (`Sequence[int] = []`) is fine.',
    why: 'The default is built once, when the def runs, and shared by every call: an `append` in one call shows up in the next.',
    example: 'def add_tag(tag, tags=[]):\n    tags.append(tag)\n    return tags',
    useInstead: 'def add_tag(tag, tags=None):\n    tags = [] if tags is None else tags\n    tags.append(tag)\n    return tags',
    fix: 'Default to `None` and build the value inside: `def add_tag(tag, tags=None):` then `tags = [] if tags is None else tags`.',
  },
  create(ctx) {
    return {
      'module:exit'() {
        const model = ctx.scopes;
        for (const scope of model.scopes) {
          if (scope.kind !== 'function') continue;
          for (const p of parametersOf(scope.node)) {
            // Decide from the default's type first: most defaults are None, numbers or strings.
            if (!p.defaultType || !(MUTABLE_LITERALS.has(p.defaultType) || p.defaultType === 'call')) continue;
            const value = p.default!;
            if (!isMutableDefault(model, value)) continue;
            const annotation = p.annotation;
            if (annotation && isImmutableAnnotation(model, annotation)) continue;
            ctx.report({
              node: value,
              message: `Mutable default \`${value.text.slice(0, 40)}\` for \`${p.name}\` is created once and shared by every call`,
              subject: p.name,
            });
          }
        }
      },
    };
  },
};
