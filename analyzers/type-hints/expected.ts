import type { FileConventions } from '../../src/engine/conventions.js';
import { followsConventions } from '../../src/engine/conventions.js';
import type { FunctionFacts } from '../python/function-facts.js';

/**
 * Whether a def's missing annotations are worth reporting: always under the strict profile;
 * never in a module whose types live in a `.pyi` stub; otherwise where the code around annotates
 * (or a type checker covers the file), or when a library def is itself partly annotated, which no
 * convention makes right (`def f(index: int, product):`).
 */
export function annotationsExpected(f: FunctionFacts, conventions: FileConventions): boolean {
  if (!followsConventions(conventions)) return true;
  if (conventions.typeStub) return false;
  if (conventions.annotations) return true;
  // A half-typed test, or a def where the type checker explicitly allows untyped ones, is the project's habit, not an unfinished def.
  if (conventions.testCode || conventions.untypedDefsAllowed) return false;
  return f.def.childForFieldName('return_type') !== null || f.parameters.some((p) => p.annotated);
}
