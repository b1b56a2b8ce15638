import type { SyntaxNode } from './syntax.js';
import { lineStartsOf, parseFlat, sourceFile, type ParseOptions } from './parse.js';
import { STRICT_CONVENTIONS, type FileConventions } from './conventions.js';
import type { EnabledRule } from './rule.js';
import { BUILDER_FIELD_PARENTS, BUILDER_NODE_TYPES, type WalkFrame } from './scope.js';
import type { FlatTree } from './flat-tree.js';
import { NAMED, fieldName, typeIdOf, typeName } from './symbols.js';
import { OverBudget, limitsFrom, now, overBudgetNote, type BudgetKind, type JobLimits, type WalkLimits } from './budget.js';
import { FileAnalysis, lineCount, syntaxErrorNote, type FileResult } from './file-analysis.js';

export type { EnabledRule } from './rule.js';
export { lineOf, measureKey, positionOf, type FileResult, type Measurement, type SuppressedFinding } from './file-analysis.js';

/** How often the walk looks at the clock: often enough to stop within milliseconds, rarely enough to cost nothing. */
const CLOCK_EVERY = 4096;

/** Analyses one file: one parse, one copy of the tree, one walk that feeds the scope model and every rule. */
export function analyzeFile(
  path: string,
  source: string,
  rules: readonly EnabledRule[],
  conventions: FileConventions = STRICT_CONVENTIONS,
  limits: JobLimits = {},
): FileResult {
  const lineStarts = lineStartsOf(source);
  return analyzeParsed(path, source, lineStarts, rules, conventions, limits, (options) => parseFlat(source, lineStarts, options));
}

/**
 * The same with the parse left to the caller (a changed file's head is parsed against its base):
 * the parse gets what is left of the file's time, and whatever goes over a budget becomes a note.
 */
export function analyzeParsed(
  path: string,
  source: string,
  lineStarts: number[],
  rules: readonly EnabledRule[],
  conventions: FileConventions | undefined,
  jobLimits: JobLimits,
  parse: (options: ParseOptions) => FlatTree | null,
): FileResult {
  const limits = limitsFrom(jobLimits);
  const lines = lineCount(source, lineStarts);
  const over = (): FileResult => overBudgetResult(path, lines, limits.deadlineBudget.kind, limits.deadlineBudget.limit);
  const remaining = limits.deadline - now();
  if (remaining <= 0) return over();
  const tree = parse(Number.isFinite(remaining) ? { timeoutMs: remaining } : {});
  if (!tree || now() > limits.deadline) return over();
  try {
    return walkFlat(path, tree, rules, conventions ?? STRICT_CONVENTIONS, limits);
  } catch (error) {
    if (error instanceof OverBudget) return overBudgetResult(path, lines, error.budget, error.limit);
    throw error;
  }
}

/** A file that went over a budget: no findings (they would be a partial, misleading picture), one note. */
export function overBudgetResult(path: string, lines: number, budget: BudgetKind, limit: number): FileResult {
  return { path, lines, findings: [], conformingNames: [], suppressed: [], measurements: [], notes: [overBudgetNote(path, budget, limit)] };
}

/** Per grammar type id: whether the builder reads the fields of its children, and needs its node. */
const fieldParents: Array<boolean | undefined> = [];
const builderNodes: Array<boolean | undefined> = [];

/**
 * The walk: preorder over the flat arrays, so entering node i is a loop step and leaving it is
 * reaching the end of its subtree. Handlers are looked up by type id; node objects are made only
 * for nodes a rule or the scope builder asked for.
 */
function walkFlat(path: string, tree: FlatTree, rules: readonly EnabledRule[], conventions: FileConventions, limits: WalkLimits): FileResult {
  const root = tree.rootNode;
  const file = sourceFile(path, tree.source, tree.lineStarts);
  const analysis = new FileAnalysis(file, root, rules, conventions, limits);
  const { builder } = analysis;
  const enterById: Array<Parameters<FileAnalysis['call']>[0] | null> = [];
  const exitById: Array<Parameters<FileAnalysis['call']>[0] | null> = [];
  const { types, fields, flags, starts, ends, subtreeEnds, count } = tree;
  const commentType = typeIdOf('comment');

  // Frames are reused by depth (the builder keeps none once the walk has left it): no allocation per node.
  const frames: WalkFrame[] = [];
  let frameEnds = new Int32Array(64);
  let frameTypes = new Uint16Array(64);
  let depth = 0;
  let currentFrame: WalkFrame | undefined;
  let current = 0;
  // The builder asks for the node of the frame being entered (identifiers, strings) only now and then.
  const materialize = (): SyntaxNode => (currentFrame!.node ??= tree.node(current));
  const close = (): void => {
    const left = frames[--depth]!;
    builder.exit(left);
    if (left.node) {
      const exits = exitById[frameTypes[depth]!];
      if (exits) analysis.call(exits, left.node);
    }
  };
  for (let i = 0; i < count; i++) {
    if ((i & (CLOCK_EVERY - 1)) === 0) analysis.checkClock();
    while (depth && frameEnds[depth - 1]! <= i) close();
    const typeId = types[i]!;
    let enters = enterById[typeId];
    if (enters === undefined) {
      const name = typeName(typeId);
      enters = enterById[typeId] = analysis.enter.get(name) ?? null;
      exitById[typeId] = analysis.exit.get(name) ?? null;
      fieldParents[typeId] ??= BUILDER_FIELD_PARENTS.has(name);
      builderNodes[typeId] ??= BUILDER_NODE_TYPES.has(name);
    }
    // Punctuation and keywords (a third of all nodes) mean nothing to the scope builder: a leaf
    // that is not named is passed over unless a rule listens to its type.
    if (!(flags[i]! & NAMED) && subtreeEnds[i] === i + 1 && !enters && !exitById[typeId]) continue;
    const parent = depth ? frames[depth - 1] : undefined;
    const fieldId = fields[i]!;
    const field = fieldId && depth && fieldParents[frameTypes[depth - 1]!] ? fieldName(fieldId)! : null;
    const node = enters || exitById[typeId] || builderNodes[typeId] ? tree.node(i) : undefined;
    let frame = frames[depth];
    if (frame) {
      frame.type = typeName(typeId);
      frame.field = field;
      frame.start = starts[i]!;
      frame.end = ends[i]!;
      frame.node = node;
      frame.undo = undefined;
      frame.scope = undefined;
      frame.firstClause = undefined;
    } else {
      frame = frames[depth] = {
        type: typeName(typeId),
        field,
        start: starts[i]!,
        end: ends[i]!,
        node,
        undo: undefined,
        scope: undefined,
        firstClause: undefined,
      };
    }
    if (typeId === commentType) analysis.comment(frame.start, frame.end);
    current = i;
    currentFrame = frame;
    builder.enter(frame, parent, depth > 1 ? frames[depth - 2] : undefined, materialize);
    if (node && enters) analysis.call(enters, node);
    if (depth === frameEnds.length) {
      frameEnds = grown(frameEnds, new Int32Array(depth * 2));
      frameTypes = grown(frameTypes, new Uint16Array(depth * 2));
    }
    frameEnds[depth] = subtreeEnds[i]!;
    frameTypes[depth] = typeId;
    depth++;
  }
  while (depth) close();

  return analysis.finish(root, () => syntaxErrorNote(path, root));
}

function grown<T extends Int32Array | Uint16Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
