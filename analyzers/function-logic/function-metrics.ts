import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Visitor } from '../../src/engine/rule.js';

/**
 * Size and shape of each function, counted as the engine's walk passes its statements: counters
 * live on a stack of frames, so nothing is walked twice, however deeply functions nest.
 * The counting follows Ruff: mccabe's C901, Pylint's PLR0912 (branches) and PLR0915 (statements).
 */
export interface FunctionMetrics {
  node: SyntaxNode;
  /** mccabe: 1 + decision points, nested functions' complexity included. */
  complexity: number;
  /** PLR0912: if/elif/else, loops and their else, except/else/finally, match cases; not nested defs. */
  branches: number;
  /** PLR0915: statements in the body, nested defs' bodies included, `return` not counted. */
  statements: number;
  /** Deepest nesting of if/for/while/try/with/match blocks inside the body. */
  depth: number;
  /** The first block that went past `depthLimit`, if any. */
  tooDeep: SyntaxNode | undefined;
}

interface Frame {
  kind: 'function' | 'class';
  metrics: FunctionMetrics;
  /** Current block nesting within this function. */
  nesting: number;
}

const NESTING = new Set(['if_statement', 'for_statement', 'while_statement', 'try_statement', 'with_statement', 'match_statement']);

const ELSE_OWNERS = new Set(['if_statement', 'for_statement', 'while_statement', 'try_statement']);

const SIMPLE = [
  'expression_statement',
  'assert_statement',
  'pass_statement',
  'delete_statement',
  'raise_statement',
  'break_statement',
  'continue_statement',
  'import_statement',
  'import_from_statement',
  'future_import_statement',
  'global_statement',
  'nonlocal_statement',
  'exec_statement',
  'print_statement',
  'type_alias_statement',
] as const;

/** A case that matches anything (`case _:`, `case name:`) without a guard is not a decision. */
function isCatchAll(caseClause: SyntaxNode): boolean {
  if (caseClause.childForFieldName('guard')) return false;
  const patterns = caseClause.namedChildren.filter((c) => c.type === 'case_pattern');
  if (patterns.length !== 1) return false;
  return irrefutable(patterns[0]!.text);
}

function irrefutable(pattern: string): boolean {
  let text = pattern.trim();
  while (text.startsWith('(') && text.endsWith(')')) text = text.slice(1, -1).trim();
  if (/^[A-Za-z_]\w*$/.test(text)) return true;
  const as = /^(.*)\s+as\s+[A-Za-z_]\w*$/s.exec(text);
  if (as) return irrefutable(as[1]!);
  const alternatives = topLevelAlternatives(text);
  return alternatives.length > 1 && alternatives.some(irrefutable);
}

/** `a | [b, c] | _` → its alternatives, split only at `|` outside brackets and strings. */
function topLevelAlternatives(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '|' && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

/**
 * A visitor that keeps the counters and calls `onFunction` when each function's walk is done.
 * `depthLimit` only decides which block `tooDeep` names.
 */
export function functionMetricsVisitor(onFunction: (metrics: FunctionMetrics) => void, depthLimit = Infinity): Visitor {
  const frames: Frame[] = [];
  const tries: number[] = [];
  const owners: string[] = [];
  const top = (): Frame | undefined => frames[frames.length - 1];
  const add = (complexity: number, branches: number, statements: number): void => {
    const f = top();
    if (!f) return;
    f.metrics.complexity += complexity;
    f.metrics.branches += branches;
    f.metrics.statements += statements;
  };
  const enterBlock = (node: SyntaxNode): void => {
    const f = top();
    if (!f || f.kind !== 'function') return;
    f.nesting++;
    if (f.nesting > f.metrics.depth) f.metrics.depth = f.nesting;
    if (f.nesting > depthLimit && !f.metrics.tooDeep) f.metrics.tooDeep = node;
  };
  const exitBlock = (): void => {
    const f = top();
    if (f && f.kind === 'function') f.nesting--;
  };
  const push = (kind: Frame['kind'], node: SyntaxNode): void => {
    add(0, 0, 1);
    const complexity = kind === 'function' ? 1 : 0;
    frames.push({ kind, nesting: 0, metrics: { node, complexity, branches: 0, statements: 0, depth: 0, tooDeep: undefined } });
  };

  const visitor: Visitor = {
    function_definition: (node) => push('function', node),
    'function_definition:exit': () => {
      const frame = frames.pop()!;
      // The parent counts the nested def as one decision plus everything inside it (mccabe), and
      // its statements (PLR0915); its branches stay its own (PLR0912).
      add(frame.metrics.complexity, 0, frame.metrics.statements);
      onFunction(frame.metrics);
    },
    class_definition: (node) => push('class', node),
    'class_definition:exit': () => {
      const frame = frames.pop()!;
      // A class body's decisions count toward the enclosing function; its statements do not.
      add(frame.metrics.complexity, 0, 0);
    },
    if_statement: (node) => {
      add(1, 1, 1);
      enterBlock(node);
    },
    elif_clause: () => add(1, 1, 1),
    else_clause: () => {
      // The else belongs to the innermost open if/for/while/try (tracked, to spare a parent lookup).
      const owner = owners[owners.length - 1];
      if (owner === 'if_statement') add(0, 1, 1);
      else if (owner === 'try_statement') add(1, 1, 1);
      else add(0, 1, 0); // for/while else
    },
    for_statement: (node) => {
      add(1, 1, 0);
      enterBlock(node);
    },
    while_statement: (node) => {
      add(1, 1, 1);
      enterBlock(node);
    },
    try_statement: (node) => {
      add(0, 0, 1);
      tries.push(0);
      enterBlock(node);
    },
    'try_statement:exit': () => {
      if (tries.pop()! > 1) add(0, 0, 1);
    },
    except_clause: () => {
      if (tries.length) tries[tries.length - 1]!++;
      add(1, 1, 1);
    },
    finally_clause: () => add(0, 1, 2),
    with_statement: (node) => {
      add(0, 0, 1);
      enterBlock(node);
    },
    match_statement: (node) => {
      add(0, 0, 1);
      enterBlock(node);
    },
    case_clause: (node) => add(isCatchAll(node) ? 0 : 1, 1, 1),
  };
  for (const type of SIMPLE) visitor[type] = () => add(0, 0, 1);
  for (const type of NESTING) {
    const enter = visitor[type]!;
    const exit = visitor[`${type}:exit`];
    const owns = ELSE_OWNERS.has(type);
    visitor[type] = (node) => {
      if (owns) owners.push(type);
      enter(node);
    };
    visitor[`${type}:exit`] = (node) => {
      exit?.(node);
      if (owns) owners.pop();
      exitBlock();
    };
  }
  return visitor;
}
