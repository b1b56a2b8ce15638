/**
 * What the code around a file expects of it. Decided in one place (src/review/conventions/, from
 * the code a change does not touch and the repository's lint config) and handed to the rules:
 * a rule asks its file's conventions instead of guessing the project's habits. A plain object:
 * it travels to worker threads.
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
  /** The module's types live in a `.pyi` stub beside it: its defs are not asked for annotations. */
  typeStub?: boolean;
  /** The repository's type checker says unannotated defs are fine here (mypy's `disallow_untyped_defs = false` for the module). */
  untypedDefsAllowed?: boolean;
  /** Modules here are expected to start with a docstring (D100/D104); as `docstrings` when not given. */
  moduleDocstrings?: boolean;
  /**
   * Kinds of name that the module itself already writes outside PEP 8's style for that kind
   * (camelCase functions, UPPER_CASE locals…): a new one follows the module, not PEP 8.
   */
  ownNaming?: Partial<Record<NamingKind, boolean>>;
  /**
   * Builtin names that the public API around uses as keyword parameters (click's `help`, an ORM's
   * `id`): a parameter of the same name mirrors that keyword rather than shadowing a builtin by accident.
   */
  publicKeywords?: string[];
}

/** functions and arguments (lowercase), classes (CapWords), variables in defs (lowercase), globals (not mixedCase). */
export type NamingKind = 'functions' | 'arguments' | 'classes' | 'variables' | 'globals';

/** Everything expected everywhere: what the accuracy tables against Ruff measure. */
export const STRICT_CONVENTIONS: FileConventions = { profile: 'strict', testCode: false, annotations: true, docstrings: true };

/** Whether a rule should follow the repository rather than report everything. */
export function followsConventions(conventions: FileConventions): boolean {
  return conventions.profile === 'conventional';
}
