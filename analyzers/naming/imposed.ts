import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { ScopeModel } from '../../src/engine/scope.js';
import { decoratorTargets, dottedParts, enclosingClass, hasExternalBase, memoize } from '../python/definitions.js';
import { functionFacts, type FunctionFacts } from '../python/function-facts.js';

/**
 * Names the code does not choose freely, for the conventional profile: a parameter that callers
 * pass by keyword in a public API, names a framework's decorator reads (click options, pytest
 * parametrize and fixtures, route variables), a base class's names, and test names that spell an
 * API's own name. Renaming them would break callers or the framework, so PEP 8 does not apply.
 */

/** Decorators that wrap a function without reading its parameter names. */
const TRANSPARENT = new Set([
  'staticmethod',
  'classmethod',
  'property',
  'setter',
  'getter',
  'deleter',
  'cached_property',
  'abstractmethod',
  'wraps',
  'lru_cache',
  'cache',
  'contextmanager',
  'asynccontextmanager',
  'overload',
  'override',
  'final',
  'deprecated',
  'singledispatch',
  'singledispatchmethod',
]);

/** A decorator that may read the def's parameter names (`@click.option`, `@pytest.mark.parametrize`, `@app.route`). */
export function hasFrameworkDecorator(def: SyntaxNode): boolean {
  return decoratorTargets(def).some((d) => {
    const parts = dottedParts(d);
    return !parts || !TRANSPARENT.has(parts[parts.length - 1]!);
  });
}

const factsByDef = memoize((model: ScopeModel): Map<number, FunctionFacts> => new Map(functionFacts(model).map((f) => [f.def.startIndex, f])));

// zope.interface's declarations, as Twisted and Zope write them: `@implementer(I…)`, `classImplements(Cls, I…)`.
const IMPLEMENTER = new Set(['implementer', 'implementer_only']);
const CLASS_IMPLEMENTS = /\bclassImplements(?:Only)?\(\s*(\w+)\s*,/g;

const classesImplementing = memoize((model: ScopeModel): Set<string> => {
  const names = new Set<string>();
  for (const m of model.module.node.text.matchAll(CLASS_IMPLEMENTS)) names.add(m[1]!);
  return names;
});

/**
 * A class that declares a zope.interface (`@implementer(IReadDescriptor)`, `classImplements`):
 * its methods are the interface's names, called by name (Twisted's reactor calls `connectionLost`),
 * so neither they nor their parameters are the class's to rename.
 */
export function implementsInterface(model: ScopeModel, classNode: SyntaxNode): boolean {
  const declared = decoratorTargets(classNode).some((d) => {
    const parts = dottedParts(d);
    return parts !== undefined && IMPLEMENTER.has(parts[parts.length - 1]!);
  });
  if (declared) return true;
  const name = classNode.childForFieldName('name')?.text;
  return name !== undefined && classesImplementing(model).has(name);
}

/**
 * A parameter whose name is part of an interface: callers of a public def may pass it by keyword
 * (`def option(*decls, help=None)`), a framework reads it, or a base class outside the file chose it.
 */
export function isImposedParameter(model: ScopeModel, def: SyntaxNode, nameStart: number): boolean {
  if (hasFrameworkDecorator(def)) return true;
  const cls = enclosingClass(model, def);
  if (cls && hasExternalBase(model, cls.node)) return true;
  const facts = factsByDef(model).get(def.startIndex);
  if (!facts || facts.private) return false;
  // Positional-only parameters (before `/`) cannot be passed by keyword: their names are free.
  const separator = def.childForFieldName('parameters')?.namedChildren.find((c) => c.type === 'positional_separator');
  return !separator || nameStart > separator.startIndex;
}

/**
 * `test_SSLContext_repr`, `parse_HTTPResponse`: every part of the name that is not lowercase
 * spells a name the file uses on its own (a class, a constant), so the capitals are that name's.
 */
export function mirrorsOtherNames(name: string, source: string): boolean {
  const parts = name.split('_').filter(Boolean);
  const capitalised = parts.filter((p) => p !== p.toLowerCase());
  if (parts.length < 2 || !capitalised.length) return false;
  // `_` is a word character: the name's own parts never match inside it.
  return capitalised.every((p) => p.length > 1 && /^\w+$/.test(p) && new RegExp(`\\b${p}\\b`).test(source));
}
