import type Parser from 'tree-sitter';
import { FlatNode, type FlatArrays } from './flat-node.js';
import { ERROR_TYPE, HAS_ERROR, MISSING, NAMED, fieldName, nameField, nameType } from './symbols.js';

/**
 * A whole syntax tree copied once into typed arrays, in preorder, right after parsing: after the
 * copy nothing crosses into the native binding again (a crossing costs 0.2–3 µs, a read from
 * these arrays a few ns), and there are no node objects with finalizers. Only visible nodes are
 * kept, as the binding's nodes and cursors show them; node 0 is the root.
 */
export class FlatTree implements FlatArrays {
  /** One facade object per node, made when first asked for: identity is stable (rules memoize by node). */
  private readonly nodes: Array<FlatNode | undefined>;

  constructor(
    readonly source: string,
    /** Start index (UTF-16) of each line, for positions. */
    readonly lineStarts: number[],
    readonly count: number,
    /** Public symbol id of each node (`typeName` gives its name). */
    readonly types: Uint16Array,
    /** Field id of each node in its parent, 0 for none. */
    readonly fields: Uint16Array,
    /** Parent index, -1 for the root. */
    readonly parents: Int32Array,
    /** Previous sibling, -1 for a first child. */
    readonly previous: Int32Array,
    /** One past the node's last descendant: its children are the nodes from index + 1 up to there. */
    readonly subtreeEnds: Int32Array,
    /** Start and end, UTF-16 indices of the source. */
    readonly starts: Uint32Array,
    readonly ends: Uint32Array,
    /** NAMED | MISSING | HAS_ERROR bits. */
    readonly flags: Uint8Array,
  ) {
    this.nodes = new Array<FlatNode | undefined>(count);
  }

  node(index: number): FlatNode {
    return (this.nodes[index] ??= new FlatNode(this, index));
  }

  get rootNode(): FlatNode {
    return this.node(0);
  }

  /** The arrays in one buffer, as the native parser lays them out (see flat-parse.c). */
  static fromBuffer(buffer: ArrayBuffer, count: number, source: string, lineStarts: number[]): FlatTree {
    let offset = 0;
    const take = <T>(make: (b: ArrayBuffer, offset: number, length: number) => T, width: number): T => {
      const view = make(buffer, offset, count);
      offset += count * width;
      return view;
    };
    const parents = take((b, o, n) => new Int32Array(b, o, n), 4);
    const previous = take((b, o, n) => new Int32Array(b, o, n), 4);
    const subtreeEnds = take((b, o, n) => new Int32Array(b, o, n), 4);
    const starts = take((b, o, n) => new Uint32Array(b, o, n), 4);
    const ends = take((b, o, n) => new Uint32Array(b, o, n), 4);
    const types = take((b, o, n) => new Uint16Array(b, o, n), 2);
    const fields = take((b, o, n) => new Uint16Array(b, o, n), 2);
    const flags = take((b, o, n) => new Uint8Array(b, o, n), 1);
    return new FlatTree(source, lineStarts, count, types, fields, parents, previous, subtreeEnds, starts, ends, flags);
  }
}

const namedTypes: Array<boolean | undefined> = [];

/**
 * The copy without a native parser of our own: one cursor walk over the binding's tree, five
 * or six crossings a node (about as long again as the parse itself; the native copy is ~20×
 * cheaper). Used when the addon is not built; the differential tests hold the two to the same output.
 */
export function flattenTree(tree: Parser.Tree, source: string, lineStarts: number[]): FlatTree {
  // Python averages one visible node per 4 characters; the arrays grow when a file has more.
  let capacity = Math.max(64, (source.length >> 1) + 16);
  let types = new Uint16Array(capacity);
  let fields = new Uint16Array(capacity);
  let parents = new Int32Array(capacity);
  let previous = new Int32Array(capacity);
  let subtreeEnds = new Int32Array(capacity);
  let starts = new Uint32Array(capacity);
  let ends = new Uint32Array(capacity);
  let flags = new Uint8Array(capacity);
  const grow = (): void => {
    capacity *= 2;
    types = grown(types, new Uint16Array(capacity));
    fields = grown(fields, new Uint16Array(capacity));
    parents = grown(parents, new Int32Array(capacity));
    previous = grown(previous, new Int32Array(capacity));
    subtreeEnds = grown(subtreeEnds, new Int32Array(capacity));
    starts = grown(starts, new Uint32Array(capacity));
    ends = grown(ends, new Uint32Array(capacity));
    flags = grown(flags, new Uint8Array(capacity));
  };

  const exactErrors = tree.rootNode.hasError;
  const cursor = tree.walk();
  // The open ancestors of the cursor's node, and the last child seen under each of them.
  const open: number[] = [];
  const lastChild: number[] = [];
  let count = 0;
  for (;;) {
    if (count === capacity) grow();
    const i = count++;
    const type = cursor.nodeTypeId;
    let named = namedTypes[type];
    if (named === undefined) {
      named = namedTypes[type] = cursor.nodeIsNamed;
      if (type !== ERROR_TYPE) nameType(type, cursor.nodeType, named);
    }
    const depth = open.length;
    let field = 0;
    if (depth) {
      field = cursor.currentFieldId ?? 0;
      if (field && fieldName(field) === undefined) nameField(field, cursor.currentFieldName);
    }
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    let flag = named ? NAMED : 0;
    // Only an empty node can be a MISSING one: most nodes skip that crossing.
    if (start === end && cursor.nodeIsMissing) flag |= MISSING;
    // Errors can hide in hidden nodes (a missing dedent) and an ERROR leaf can cost nothing: in a
    // tree with errors, each node is asked (slow, but only broken files pay it).
    if (exactErrors && cursor.currentNode.hasError) flag |= HAS_ERROR;
    types[i] = type;
    fields[i] = field;
    parents[i] = depth ? open[depth - 1]! : -1;
    previous[i] = depth ? lastChild[depth - 1]! : -1;
    if (depth) lastChild[depth - 1] = i;
    starts[i] = start;
    ends[i] = end;
    flags[i] = flag;
    if (cursor.gotoFirstChild()) {
      open.push(i);
      lastChild.push(-1);
      continue;
    }
    subtreeEnds[i] = i + 1;
    let done = false;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
      subtreeEnds[open.pop()!] = count;
      lastChild.pop();
    }
    if (done) break;
  }
  // Whatever is still open (the root) ends with the last node.
  for (const i of open) subtreeEnds[i] = count;
  return new FlatTree(
    source,
    lineStarts,
    count,
    types.subarray(0, count),
    fields.subarray(0, count),
    parents.subarray(0, count),
    previous.subarray(0, count),
    subtreeEnds.subarray(0, count),
    starts.subarray(0, count),
    ends.subarray(0, count),
    flags.subarray(0, count),
  );
}

function grown<T extends Uint8Array | Uint16Array | Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
