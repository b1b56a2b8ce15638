import type { FileConventions } from '../../src/engine/conventions.js';
import { followsConventions } from '../../src/engine/conventions.js';
import type { FunctionFacts } from '../python/function-facts.js';

/**
 * Whether a def's missing annotations are worth reporting: always under the strict profile;
 * otherwise where the code around annotates (or a type checker covers the file), or when the def
 * itself is partly annotated, which no convention makes right (`def f(index: int, product):`).
 */
export function annotationsExpected(f: FunctionFacts, conventions: FileConventions): boolean {
  if (!followsConventions(conventions) || conventions.annotations) return true;
  return f.def.childForFieldName('return_type') !== null || f.parameters.some((p) => p.annotated);
}
