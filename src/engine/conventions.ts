/**
 * What the code around a file expects of it. Decided in one place (src/review/conventions/, from
 * the code a change does not touch and the repository's lint config) and handed to the rules:
 * a rule asks its file's conventions instead of guessing the project's habits.
 */
export interface FileConventions {
  /** 'strict' reports everything as Ruff would with every rule on; 'conventional' follows the repository's habits. */
  profile: 'strict' | 'conventional';
  /** Test code: a test file, a tests folder, conftest.py. */
  testCode: boolean;
  /** Defs here are expected to carry annotations: the code around annotates, or a type checker covers the path. */
  annotations: boolean;
  /** Public defs here are expected to carry docstrings: the code around documents its public defs. */
  docstrings: boolean;
}

/** Everything expected everywhere: what the accuracy tables against Ruff measure. */
export const STRICT_CONVENTIONS: FileConventions = { profile: 'strict', testCode: false, annotations: true, docstrings: true };
