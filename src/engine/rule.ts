import type { z } from 'zod';
import type { SyntaxNode } from './syntax.js';
import type { FileConventions } from './conventions.js';
import type { Category, Confidence, Fix, Measure, Severity } from './finding.js';
import type { ScopeModel } from './scope.js';
import type { SourceFile } from './parse.js';

/** The four parts of a rule's documentation, written once and shown inline, in SARIF and on the rule's page in docs/rules. */
export interface RuleDoc {
  what: string;
  why: string;
  /** Code the rule flags (checked by the registry test). */
  example: string;
  /** The same code written so that the rule does not flag it (checked too; the registry test wants one for every rule). */
  useInstead?: string;
  /**
   * Options the example and `useInstead` are checked and shown with, as ESLint's doc examples set
   * theirs in a comment: a size rule's example stays short with a limit of 3 instead of 50.
   */
  exampleOptions?: Record<string, unknown>;
  fix: string;
}

export interface Report {
  node?: SyntaxNode;
  /** Alternative to node: an explicit 0-based range in UTF-16 indices of the source. */
  range?: { start: number; end: number };
  message: string;
  subject?: string;
  /** The other tool's code for this particular finding (D103, B602…), when the rule covers several. */
  code?: string;
  severity?: Severity;
  confidence?: Confidence;
  fix?: Fix;
  /** What to do about this finding in particular (see Finding.suggestion). */
  suggestion?: string;
  /** Size and complexity rules: the measured value and the limit. */
  measure?: Omit<Measure, 'before'>;
  /** Security: why the code looks like an intended opt-out (see Finding.advisory). */
  advisory?: string;
  /**
   * The statement the finding belongs to, when it spans several lines: a `# noqa` on its first
   * line silences the finding too (Ruff's parent range: `from m import (a,  # noqa` covers `b` below).
   */
  parent?: SyntaxNode;
}

/** The options a rule reads: plain data, every key present (the schema's defaults fill what the config leaves out). */
export type RuleOptions = Record<string, unknown>;

export interface RuleContext<Options extends RuleOptions = RuleOptions> {
  file: SourceFile;
  /**
   * The file's scope model. It is complete only once the walk is over: a rule that needs
   * whole-file facts (is this binding ever read?) asks in its `module:exit` handler.
   */
  scopes: ScopeModel;
  /** The rule's options, parsed by its `optionsSchema`: typed, with every default filled in. */
  options: Readonly<Options>;
  /** What the code around this file expects of it (strict unless a review of a repository says otherwise). */
  conventions: FileConventions;
  report(report: Report): void;
  /**
   * Records a function's measured value (complexity, statements…) whether or not it is over the limit,
   * so that a review of a change can say what it was before: "complexity 12, was 9 (limit 10)".
   */
  measured(node: SyntaxNode, subject: string, value: number): void;
  /**
   * Records a name that follows its convention, so that the summary can cite real code on both
   * sides when it says the code mixes conventions. Not a finding.
   */
  conforming(node: SyntaxNode, name: string): void;
}

/**
 * Node type → handler, called by the engine's single walk. `type:exit` runs after the node's
 * children; `module:exit` runs once the whole file (and the scope model) is done.
 */
export type Visitor = Partial<Record<string, (node: SyntaxNode) => void>>;

export interface Rule<Options extends RuleOptions = RuleOptions> {
  id: string;
  category: Category;
  title: string;
  severity: Severity;
  confidence?: Confidence;
  cwe?: number;
  /** Codes of the same check in other tools (F401, B307…), accepted by noqa/nosec. */
  codes: string[];
  /**
   * Codes whose check in the other tool is wider than this rule (Ruff's B018 also flags attribute
   * reads): a `# noqa` naming one may be there for that tool, so it is never called unused (RUF100).
   */
  partialCodes?: string[];
  /** Off unless the config turns it on. */
  optIn?: boolean;
  /**
   * The rule's options, as ESLint's `meta.schema`: a strict zod object whose every field has a
   * default and a `.describe()`d meaning. The config's `rules.<id>.options` is checked against it
   * (a misspelt key is a named problem), the docs list it, and the rule reads `context.options` typed.
   */
  optionsSchema?: z.ZodType<Options, Partial<Options>>;
  doc: RuleDoc;
  create(context: RuleContext<Options>): Visitor;
}

/** A rule as the config turned it on: the options the config gives it, its severity possibly overridden. */
export interface EnabledRule {
  rule: Rule;
  /** What the config sets; the engine parses it with the rule's schema, which fills in the defaults. */
  options: RuleOptions;
  severity?: Severity;
  /** Codes of this rule that are off here (the repository's lint config ignores them): never reported, never judged by RUF100. */
  disabledCodes?: readonly string[];
}
