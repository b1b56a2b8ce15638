/**
 * The node type every rule and the scope builder see. One alias, so that the engine can change
 * what stands behind a node (the binding's objects, or a flat copy of the tree) in one place.
 */
export type { SyntaxNode } from 'tree-sitter';
