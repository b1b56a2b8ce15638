import type Parser from 'tree-sitter';
import type { SyntaxNode } from './syntax.js';
import { parsePython, sourceFile } from './parse.js';
import { STRICT_CONVENTIONS, type FileConventions } from './conventions.js';
import type { EnabledRule } from './rule.js';
import { BUILDER_FIELD_PARENTS, BUILDER_NODE_TYPES, type WalkFrame } from './scope.js';
import { FileAnalysis, syntaxErrorNote, type FileResult } from './file-analysis.js';

/**
 * The engine as it was before the flat tree: the walk and every rule on tree-sitter's own node
 * objects, each read a crossing into the binding. Kept only as the reference the flat engine is
 * held to (test/engine/flat-engine.test.ts) and measured against (bench/bench.ts); nothing in a
 * review uses it. Remove it with those two once the flat engine has earned the trust.
 */
export function analyzeFileWithBinding(
  path: string,
  source: string,
  rules: readonly EnabledRule[],
  conventions: FileConventions = STRICT_CONVENTIONS,
): FileResult {
  const tree = parsePython(source);
  // The binding's nodes have the facade's API (the facade copies theirs): the same rules run on both.
  const root = tree.rootNode as unknown as SyntaxNode;
  const file = sourceFile(path, source);
  const analysis = new FileAnalysis(file, root, rules, conventions);
  walk(tree, analysis);
  return analysis.finish(root, () => syntaxErrorNote(path, root));
}

/** Node types whose start/end the scope builder reads even when it does not need the node. */
const POSITION_TYPES = new Set([
  'identifier',
  'dotted_name',
  'keyword_pattern',
  'try_statement',
  'if_statement',
  'block',
  'elif_clause',
  'else_clause',
  'except_clause',
  'except_group_clause',
  'comment',
  'subscript',
  'generic_type',
  'type_parameter',
  'type',
]);

/** Node type and field names by their ids, filled as the walk meets them (strings cross slowly). */
const TYPE_NAMES: string[] = [];
const FIELD_NAMES: string[] = [];

function walk(tree: Parser.Tree, analysis: FileAnalysis): void {
  const { builder } = analysis;
  const stack: WalkFrame[] = [];
  const cursor = tree.walk();
  const materialize = (): SyntaxNode => cursor.currentNode as unknown as SyntaxNode;
  for (;;) {
    const typeId = cursor.nodeTypeId;
    const type = TYPE_NAMES[typeId] ?? (TYPE_NAMES[typeId] = cursor.nodeType);
    const parent = stack[stack.length - 1];
    let field: string | null = null;
    if (parent && BUILDER_FIELD_PARENTS.has(parent.type)) {
      const fieldId = cursor.currentFieldId;
      field = fieldId ? (FIELD_NAMES[fieldId] ?? (FIELD_NAMES[fieldId] = cursor.currentFieldName)) : null;
    }
    const enters = analysis.enter.get(type);
    const exits = analysis.exit.get(type);
    const node = enters || exits || BUILDER_NODE_TYPES.has(type) ? (cursor.currentNode as unknown as SyntaxNode) : undefined;
    // A `body` child becomes a scope's range, a subscript item's start tells what it subscripts;
    // other positions the builder reads are listed.
    const positioned = node !== undefined || field === 'body' || field === 'subscript' || POSITION_TYPES.has(type);
    const frame: WalkFrame = {
      type,
      field,
      start: node ? node.startIndex : positioned ? cursor.startIndex : -1,
      end: node ? node.endIndex : positioned ? cursor.endIndex : -1,
      node,
    };
    if (type === 'comment') analysis.comment(frame.start, frame.end);
    builder.enter(frame, parent, stack[stack.length - 2], () => (frame.node ??= materialize()));
    if (node) analysis.call(enters, node);
    stack.push(frame);
    if (cursor.gotoFirstChild()) continue;
    let done = false;
    for (;;) {
      const left = stack.pop()!;
      builder.exit(left);
      if (left.node) analysis.call(analysis.exit.get(left.type), left.node);
      if (cursor.gotoNextSibling()) break;
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
    }
    if (done) break;
  }
  while (stack.length) {
    const left = stack.pop()!;
    builder.exit(left);
    if (left.node) analysis.call(analysis.exit.get(left.type), left.node);
  }
}
