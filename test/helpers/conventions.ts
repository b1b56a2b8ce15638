import { STRICT_CONVENTIONS, type FileConventions } from '../../src/engine/conventions.js';

/** Conventions of library code whose surroundings expect nothing, with the given facts over them. */
export function conventional(over: Partial<FileConventions> = {}): FileConventions {
  return { profile: 'conventional', testCode: false, annotations: false, docstrings: false, ...over };
}

export { STRICT_CONVENTIONS };
