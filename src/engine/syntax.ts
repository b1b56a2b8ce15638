/**
 * The node type every rule and the scope builder see. One alias, so that the engine can change
 * what stands behind a node in one place: a facade over the flat copy of the tree (flat-node.ts),
 * with the part of tree-sitter's SyntaxNode API the code base uses.
 */
export type { FlatNode as SyntaxNode, FlatCursor as TreeCursor, Point } from './flat-node.js';
