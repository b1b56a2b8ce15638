import { ERROR_TYPE, HAS_ERROR, MISSING, NAMED, fieldIdOf, fieldName, typeName } from './symbols.js';

/** What a node reads of its tree: the flat arrays (flat-tree.ts fills them) and one facade per node. */
export interface FlatArrays {
  readonly source: string;
  readonly lineStarts: number[];
  readonly count: number;
  readonly types: Uint16Array;
  readonly fields: Uint16Array;
  readonly parents: Int32Array;
  readonly previous: Int32Array;
  readonly subtreeEnds: Int32Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly flags: Uint8Array;
  node(index: number): FlatNode;
}

export interface Point {
  row: number;
  column: number;
}

/**
 * A node of a FlatTree, with the part of tree-sitter's SyntaxNode API the engine and the rules
 * use, read from the flat arrays: same names, same results (test/engine/flat-node.test.ts holds
 * it to the binding, on real and on broken code). Indices and columns are UTF-16 units, rows
 * count `\n`, as in the binding.
 */
export class FlatNode {
  constructor(
    readonly tree: FlatArrays,
    /** Preorder index of the node in its tree. */
    readonly index: number,
  ) {}

  get type(): string {
    return typeName(this.tree.types[this.index]!);
  }

  /** Unique within its tree, as the binding's `id`: rules compare nodes by it. */
  get id(): number {
    return this.index;
  }

  get typeId(): number {
    return this.tree.types[this.index]!;
  }

  get text(): string {
    return this.tree.source.slice(this.tree.starts[this.index]!, this.tree.ends[this.index]!);
  }

  get startIndex(): number {
    return this.tree.starts[this.index]!;
  }

  get endIndex(): number {
    return this.tree.ends[this.index]!;
  }

  get startPosition(): Point {
    return pointAt(this.tree, this.tree.starts[this.index]!);
  }

  get endPosition(): Point {
    return pointAt(this.tree, this.tree.ends[this.index]!);
  }

  get isNamed(): boolean {
    return (this.tree.flags[this.index]! & NAMED) !== 0;
  }

  get isMissing(): boolean {
    return (this.tree.flags[this.index]! & MISSING) !== 0;
  }

  get isError(): boolean {
    return this.tree.types[this.index] === ERROR_TYPE;
  }

  get hasError(): boolean {
    return (this.tree.flags[this.index]! & HAS_ERROR) !== 0;
  }

  get parent(): FlatNode | null {
    const p = this.tree.parents[this.index]!;
    return p < 0 ? null : this.tree.node(p);
  }

  get children(): FlatNode[] {
    const out: FlatNode[] = [];
    const t = this.tree;
    for (let c = firstChildOf(t, this.index); c >= 0; c = nextSiblingOf(t, c)) out.push(t.node(c));
    return out;
  }

  get namedChildren(): FlatNode[] {
    const out: FlatNode[] = [];
    const t = this.tree;
    for (let c = firstChildOf(t, this.index); c >= 0; c = nextSiblingOf(t, c)) if (t.flags[c]! & NAMED) out.push(t.node(c));
    return out;
  }

  get childCount(): number {
    let n = 0;
    for (let c = firstChildOf(this.tree, this.index); c >= 0; c = nextSiblingOf(this.tree, c)) n++;
    return n;
  }

  get namedChildCount(): number {
    let n = 0;
    const t = this.tree;
    for (let c = firstChildOf(t, this.index); c >= 0; c = nextSiblingOf(t, c)) if (t.flags[c]! & NAMED) n++;
    return n;
  }

  child(index: number): FlatNode | null {
    let n = 0;
    for (let c = firstChildOf(this.tree, this.index); c >= 0; c = nextSiblingOf(this.tree, c)) if (n++ === index) return this.tree.node(c);
    return null;
  }

  namedChild(index: number): FlatNode | null {
    let n = 0;
    const t = this.tree;
    for (let c = firstChildOf(t, this.index); c >= 0; c = nextSiblingOf(t, c)) if (t.flags[c]! & NAMED && n++ === index) return t.node(c);
    return null;
  }

  get firstChild(): FlatNode | null {
    return this.nodeOrNull(firstChildOf(this.tree, this.index));
  }

  get lastChild(): FlatNode | null {
    return this.nodeOrNull(lastChildOf(this.tree, this.index));
  }

  get firstNamedChild(): FlatNode | null {
    const t = this.tree;
    let c = firstChildOf(t, this.index);
    while (c >= 0 && !(t.flags[c]! & NAMED)) c = nextSiblingOf(t, c);
    return this.nodeOrNull(c);
  }

  get lastNamedChild(): FlatNode | null {
    const t = this.tree;
    let c = lastChildOf(t, this.index);
    while (c >= 0 && !(t.flags[c]! & NAMED)) c = t.previous[c]!;
    return this.nodeOrNull(c);
  }

  /** As tree-sitter: the first later sibling that ends after this node (empty ones at its end are passed over). */
  get nextSibling(): FlatNode | null {
    const t = this.tree;
    const end = t.ends[this.index]!;
    let c = nextSiblingOf(t, this.index);
    while (c >= 0 && t.ends[c]! <= end) c = nextSiblingOf(t, c);
    return this.nodeOrNull(c);
  }

  get previousSibling(): FlatNode | null {
    return this.nodeOrNull(this.tree.previous[this.index]!);
  }

  get nextNamedSibling(): FlatNode | null {
    const t = this.tree;
    const end = t.ends[this.index]!;
    let c = nextSiblingOf(t, this.index);
    while (c >= 0 && (!(t.flags[c]! & NAMED) || t.ends[c]! <= end)) c = nextSiblingOf(t, c);
    return this.nodeOrNull(c);
  }

  get previousNamedSibling(): FlatNode | null {
    const t = this.tree;
    let c = t.previous[this.index]!;
    while (c >= 0 && !(t.flags[c]! & NAMED)) c = t.previous[c]!;
    return this.nodeOrNull(c);
  }

  /** As tree-sitter: the first child in the field; none on an ERROR node (its children keep the fields of what failed to parse). */
  childForFieldName(name: string): FlatNode | null {
    const id = fieldIdOf(name);
    const t = this.tree;
    if (id < 0 || t.types[this.index] === ERROR_TYPE) return null;
    for (let c = firstChildOf(t, this.index); c >= 0; c = nextSiblingOf(t, c)) if (t.fields[c] === id) return t.node(c);
    return null;
  }

  childrenForFieldName(name: string): FlatNode[] {
    const id = fieldIdOf(name);
    const out: FlatNode[] = [];
    if (id < 0) return out;
    const t = this.tree;
    for (let c = firstChildOf(t, this.index); c >= 0; c = nextSiblingOf(t, c)) if (t.fields[c] === id) out.push(t.node(c));
    return out;
  }

  /** This node and its descendants of the given types, in preorder (as the binding: not the empty ones at the very start of the file). */
  descendantsOfType(types: string | readonly string[]): FlatNode[] {
    const wanted = typeof types === 'string' ? [types] : types;
    const t = this.tree;
    const out: FlatNode[] = [];
    for (let i = this.index, end = t.subtreeEnds[this.index]!; i < end; i++) {
      if (t.ends[i] === 0) i = t.subtreeEnds[i]! - 1;
      else if (wanted.includes(typeName(t.types[i]!))) out.push(t.node(i));
    }
    return out;
  }

  /** The smallest node within this one that spans the range, as ts_node_descendant_for_byte_range. */
  descendantForIndex(start: number, end: number = start): FlatNode {
    const t = this.tree;
    let node = this.index;
    for (let descended = true; descended;) {
      descended = false;
      for (let c = firstChildOf(t, node); c >= 0; c = nextSiblingOf(t, c)) {
        const cEnd = t.ends[c]!;
        const cStart = t.starts[c]!;
        if (cEnd < end) continue;
        if (cStart === cEnd ? cEnd < start : cEnd <= start) continue;
        if (start < cStart) break;
        node = c;
        descended = true;
        break;
      }
    }
    return t.node(node);
  }

  walk(): FlatCursor {
    return new FlatCursor(this.tree, this.index);
  }

  private nodeOrNull(index: number): FlatNode | null {
    return index < 0 ? null : this.tree.node(index);
  }
}

/** A tree-sitter TreeCursor over a FlatTree: it stays within the node it was made for. */
export class FlatCursor {
  private current: number;

  constructor(
    private readonly tree: FlatArrays,
    private readonly root: number,
  ) {
    this.current = root;
  }

  get currentNode(): FlatNode {
    return this.tree.node(this.current);
  }

  get nodeType(): string {
    return typeName(this.tree.types[this.current]!);
  }

  get nodeTypeId(): number {
    return this.tree.types[this.current]!;
  }

  get nodeText(): string {
    return this.tree.source.slice(this.tree.starts[this.current]!, this.tree.ends[this.current]!);
  }

  get nodeIsNamed(): boolean {
    return (this.tree.flags[this.current]! & NAMED) !== 0;
  }

  get nodeIsMissing(): boolean {
    return (this.tree.flags[this.current]! & MISSING) !== 0;
  }

  get startIndex(): number {
    return this.tree.starts[this.current]!;
  }

  get endIndex(): number {
    return this.tree.ends[this.current]!;
  }

  get startPosition(): Point {
    return pointAt(this.tree, this.tree.starts[this.current]!);
  }

  get endPosition(): Point {
    return pointAt(this.tree, this.tree.ends[this.current]!);
  }

  /** The current node's field in its parent; none for the node the cursor was made for. */
  get currentFieldId(): number | undefined {
    return this.current === this.root ? undefined : this.tree.fields[this.current] || undefined;
  }

  get currentFieldName(): string | undefined {
    return this.current === this.root ? undefined : fieldName(this.tree.fields[this.current]!);
  }

  gotoFirstChild(): boolean {
    const c = firstChildOf(this.tree, this.current);
    if (c < 0) return false;
    this.current = c;
    return true;
  }

  gotoNextSibling(): boolean {
    if (this.current === this.root) return false;
    const c = nextSiblingOf(this.tree, this.current);
    if (c < 0) return false;
    this.current = c;
    return true;
  }

  gotoParent(): boolean {
    if (this.current === this.root) return false;
    this.current = this.tree.parents[this.current]!;
    return true;
  }
}

function firstChildOf(t: FlatArrays, i: number): number {
  return t.subtreeEnds[i]! > i + 1 ? i + 1 : -1;
}

function nextSiblingOf(t: FlatArrays, i: number): number {
  const p = t.parents[i]!;
  if (p < 0) return -1;
  const next = t.subtreeEnds[i]!;
  return next < t.subtreeEnds[p]! ? next : -1;
}

function lastChildOf(t: FlatArrays, i: number): number {
  let c = firstChildOf(t, i);
  if (c < 0) return -1;
  for (let n = nextSiblingOf(t, c); n >= 0; n = nextSiblingOf(t, n)) c = n;
  return c;
}

/** 0-based row and UTF-16 column of an index. */
export function pointAt(t: Pick<FlatArrays, 'lineStarts'>, index: number): Point {
  const starts = t.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return { row: lo, column: index - starts[lo]! };
}
