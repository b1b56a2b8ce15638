import { addFacts, emptyFacts, type CodeFacts, type NameCount } from '../../../analyzers/python/code-facts.js';
import type { FileConventions, NamingKind } from '../../engine/conventions.js';
import { codeState } from './codes.js';
import type { LintSettings } from './lint-settings.js';

/**
 * The thresholds that turn measured habits into expectations. Annotation shares are bimodal in
 * real code: of the modules with 3+ defs in placement, click, httpx, flask, requests, attrs and
 * starlette, 339 of 355 (95 %) annotate under a fifth or over four fifths of their defs, so the
 * middle (a half) separates the two without tuning. Docstrings spread more (by fifths of public
 * defs documented, 76 / 35 / 10 / 16 / 59 of 196 modules); "documents its public defs" is read as
 * at least half of them. A naming habit needs a few names (two, and a fifth of the kind) so
 * that one legacy camelCase helper does not make camelCase the module's style.
 */
export const HABIT = {
  annotatedShare: 0.5,
  minDefs: 3,
  documentedShare: 0.5,
  minPublicDefs: 3,
  moduleDocstringShare: 0.5,
  minModules: 2,
  namingShare: 0.2,
  minNamingOthers: 2,
  minNames: 3,
} as const;

/** What the code around one file shows: its own base version (absent for a new file) and its neighbours'. */
export interface Evidence {
  own?: CodeFacts;
  neighbours: readonly CodeFacts[];
  /** A `.pyi` stub sits beside the module: its types live there, not in the `.py`. */
  stub?: boolean;
}

/**
 * A file's conventions under the conventional profile: its repository's lint settings first
 * (a code the linters select, a type checker's scope), then the habits of the code around it.
 */
export function inferConventions(path: string, testCode: boolean, evidence: Evidence, lint: LintSettings): FileConventions {
  const selected = (code: string): boolean => codeState(lint.selections, code, path) === 'on';
  const pooled = evidence.neighbours.reduce(addFacts, evidence.own ? addFacts(emptyFacts(), evidence.own) : emptyFacts());
  const habit = (measure: (f: CodeFacts) => [number, number], min: number, threshold: number): boolean => {
    const decide = (f: CodeFacts): boolean | undefined => {
      const [hits, total] = measure(f);
      return total >= min ? hits / total >= threshold : undefined;
    };
    return (evidence.own && decide(evidence.own)) ?? decide(pooled) ?? false;
  };
  const observed = (measure: (f: CodeFacts) => [number, number], min: number, threshold: number): boolean | undefined => {
    const [hits, total] = measure(evidence.own ?? pooled);
    const [poolHits, poolTotal] = measure(pooled);
    if (total >= min) return hits / total >= threshold;
    return poolTotal >= min ? poolHits / poolTotal >= threshold : undefined;
  };

  const annotated = (f: CodeFacts): [number, number] => [f.annotatedDefs + f.partlyAnnotatedDefs, f.defs];
  // A checker whose config names its scope is a promise; one without a scope checks what its command line says, so the code's own habit decides.
  const checked = lint.typeCheckers.filter((t) => t.expectsAnnotations(path) === true);
  const untypedDefsAllowed = lint.typeCheckers.some((t) => t.expectsAnnotations(path) === false);
  const annotationsSelected = selected('ANN001') || selected('ANN201');
  // Where the type checker says in so many words that untyped defs are fine, the module's habit does not overrule it: only a selected ANN code does.
  const annotations =
    !evidence.stub &&
    (annotationsSelected ||
      (!untypedDefsAllowed && (checked.some((t) => t.scoped) || (observed(annotated, HABIT.minDefs, HABIT.annotatedShare) ?? checked.length > 0))));
  const docstrings =
    !testCode && (selected('D103') || selected('D102') || habit((f) => [f.documentedPublicDefs, f.publicDefs], HABIT.minPublicDefs, HABIT.documentedShare));
  const modules = [...(evidence.own ? [evidence.own] : []), ...evidence.neighbours];
  const documentedModules = modules.filter((m) => m.moduleDocstring).length;
  const moduleDocstrings =
    !testCode && (selected('D100') || (modules.length >= HABIT.minModules && documentedModules / modules.length >= HABIT.moduleDocstringShare));

  const ownNaming: Partial<Record<NamingKind, boolean>> = {};
  for (const kind of Object.keys(pooled.names) as NamingKind[]) {
    const own = evidence.own?.names[kind];
    const source = own && own.pep8 + own.other >= HABIT.minNames ? own : pooled.names[kind];
    if (namingHabit(source)) ownNaming[kind] = true;
  }
  return {
    profile: 'conventional',
    testCode,
    annotations,
    ...(evidence.stub ? { typeStub: true } : {}),
    ...(untypedDefsAllowed ? { untypedDefsAllowed: true } : {}),
    docstrings,
    moduleDocstrings,
    ownNaming,
    publicKeywords: pooled.publicKeywords,
  };
}

function namingHabit(count: NameCount): boolean {
  const total = count.pep8 + count.other;
  return count.other >= HABIT.minNamingOthers && count.other / total >= HABIT.namingShare;
}
