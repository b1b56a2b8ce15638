import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { RuleContext, Visitor } from '../../src/engine/rule.js';
import type { Binding } from '../../src/engine/scope.js';

/** What a call calls, as far as the file's imports tell. */
export interface CallTarget {
  /**
   * The dotted name with its root resolved through the file's imports (`from subprocess import
   * run as r` makes `r` → `subprocess.run`); the name as written when the root is bound nowhere
   * (builtins, or modules used without an import). Undefined when the root is a local value
   * (a parameter, an assignment) or the callee is not a dotted name (`f()()`, `x[0]()`).
   */
  qualifiedName?: string;
  /** The callee is an attribute (`x.execute(...)`, `f().run(...)`), not a bare name. */
  method: boolean;
  /** The last name of the callee as written (`execute` in `conn.cursor().execute`, `r` in `r()`), '' when there is none. */
  name: string;
}

const DOTTED = /^[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*$/;
const LAST_NAME = /\.\s*([A-Za-z_]\w*)\s*$/;
const IMPORT_KINDS = new Set(['import', 'submodule-import', 'from-import']);

/** A call's text split into callee and arguments, read once: node methods cross into native code. */
interface CallInfo {
  start: number;
  callee: string;
  args: string;
  target?: CallTarget;
}

// Every security rule asks about the same call nodes; the engine hands them all the same node object.
const infos = new WeakMap<SyntaxNode, CallInfo>();

function callInfo(ctx: RuleContext, call: SyntaxNode): CallInfo {
  let info = infos.get(call);
  if (!info) {
    const start = call.startIndex;
    const text = ctx.file.source.slice(start, call.endIndex);
    const open = argumentListStart(text);
    info = { start, callee: open < 0 ? '' : text.slice(0, open).trim(), args: open < 0 ? '' : text.slice(open) };
    infos.set(call, info);
  }
  return info;
}

/**
 * Where a call's argument list starts in its text: the last `(` at bracket depth 0, skipping
 * strings and comments (`f(x)(y)` → the second one).
 */
function argumentListStart(text: string): number {
  const special = /["'#()[\]{}]/g;
  let depth = 0;
  let last = -1;
  for (let m = special.exec(text); m; m = special.exec(text)) {
    const i = m.index;
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const close = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + close.length;
      while (j < text.length && !text.startsWith(close, j)) j += text[j] === '\\' ? 2 : 1;
      special.lastIndex = j + close.length;
    } else if (c === '#') {
      const eol = text.indexOf('\n', i);
      special.lastIndex = eol < 0 ? text.length : eol;
    } else if (c === '(' || c === '[' || c === '{') {
      if (c === '(' && depth === 0) last = i;
      depth++;
    } else depth--;
  }
  return last;
}

/** The callee as written, whitespace removed (`hashlib.md5`, `hl.md5`, `md5`): a suggestion says it in the code's own words. */
export function calleeText(ctx: RuleContext, call: SyntaxNode): string {
  return callInfo(ctx, call).callee.replace(/\s+/g, '');
}

/** The text of a call's argument list, `(` to `)`: a cheap first test before any node is built. */
export function argumentsText(ctx: RuleContext, call: SyntaxNode): string {
  return callInfo(ctx, call).args;
}

const NAME_AT_END = /([A-Za-z_]\w*)\s*$/;

/**
 * Whether a call may be to one of `names`, judged without the scope model: an attribute call by
 * its last name (`pickle.loads`, `y.load`); a bare name always may (`from pickle import loads as l`).
 * Rules ask this first and resolve only the calls that pass.
 */
export function mayCall(ctx: RuleContext, call: SyntaxNode, names: ReadonlySet<string>): boolean {
  const callee = callInfo(ctx, call).callee;
  if (!callee.includes('.')) return true;
  return names.has(NAME_AT_END.exec(callee)?.[1] ?? '');
}

/** Resolves the callee of a `call` node through the scope model's import bindings. */
export function callTarget(ctx: RuleContext, call: SyntaxNode): CallTarget {
  const info = callInfo(ctx, call);
  return (info.target ??= resolve(ctx, info));
}

function resolve(ctx: RuleContext, info: CallInfo): CallTarget {
  const text = info.callee;
  if (!DOTTED.test(text)) {
    const last = LAST_NAME.exec(text)?.[1];
    return { name: last ?? '', method: last !== undefined };
  }
  const dotted = /\s/.test(text) ? text.replace(/\s+/g, '') : text;
  const first = dotted.indexOf('.');
  const name = dotted.slice(dotted.lastIndexOf('.') + 1);
  const method = first > 0;
  const root = qualifiedRoot(ctx, method ? dotted.slice(0, first) : dotted, info.start);
  if (root === null) return { name, method };
  return { qualifiedName: method ? root + dotted.slice(first) : root, name, method };
}

/**
 * The qualified name a root identifier stands for at `index`: its import's target, the name
 * itself when nothing binds it, or null when a non-import binding (a local value) shadows it.
 */
export function qualifiedRoot(ctx: RuleContext, name: string, index: number): string | null {
  const scopes = ctx.scopes;
  const scope = scopes.resolvingScope(name, scopes.scopeAt(index));
  if (!scope) return name;
  const bindings = scope.bindingsOf(name);
  const imports = bindings.filter((b) => IMPORT_KINDS.has(b.kind));
  if (imports.length === 0) return dynamicImport(bindings.at(-1));
  // `try: import cPickle as pickle / except ImportError: import pickle`: the latest one before the call.
  const before = imports.filter((b) => b.node.startIndex < index);
  return importedName((before.length ? before : imports).at(-1)!);
}

// `telnetlib = import_helper.import_module('telnetlib')`, `m = __import__("pickle")`.
const DYNAMIC_IMPORT = /^(?:[\w.]+\.)?(?:import_module|import_deprecated|import_fresh_module|__import__)\(\s*['"]([\w.]+)['"]/;

/** A module imported by a call and assigned to the name, or null for any other local value. */
function dynamicImport(binding: Binding | undefined): string | null {
  if (binding?.kind !== 'assignment' || binding.statement.type !== 'assignment') return null;
  const right = binding.statement.childForFieldName('right');
  if (right?.type !== 'call') return null;
  return DYNAMIC_IMPORT.exec(right.text)?.[1] ?? null;
}

function importedName(binding: Binding): string {
  const qualified = binding.qualifiedName ?? binding.name;
  // `import os.path` binds `os`, the top package.
  return binding.kind === 'submodule-import' ? qualified.split('.')[0]! : qualified;
}

/** Whether the file imports `module` or anything inside it (Bandit's "module imported like"). */
export function importsModule(ctx: RuleContext, module: string): boolean {
  return ctx.scopes.imports().some((b) => {
    const q = b.qualifiedName ?? b.name;
    return q === module || q.startsWith(`${module}.`);
  });
}

/** True when `qualified` is `module.attr` for one of the modules (`hashlib.md5` in ['hashlib']). */
export function inModule(qualified: string | undefined, modules: readonly string[]): boolean {
  if (!qualified) return false;
  const dot = qualified.lastIndexOf('.');
  return dot > 0 && modules.includes(qualified.slice(0, dot));
}

/**
 * The visitor most security rules share: in a file that mentions `fileHint`, each call whose
 * written name may be one of `callees`, with what it calls (resolved or not: `app.run` on a local
 * `app` has a name but no qualified name).
 */
export function namedCalls(ctx: RuleContext, fileHint: RegExp, callees: ReadonlySet<string>, handler: (call: SyntaxNode, target: CallTarget) => void): Visitor {
  if (!fileHint.test(ctx.file.source)) return {};
  return {
    call(node) {
      if (mayCall(ctx, node, callees)) handler(node, callTarget(ctx, node));
    },
  };
}

/** `namedCalls`, keeping only the calls that resolve to a qualified name through the imports. */
export function resolvedCalls(
  ctx: RuleContext,
  fileHint: RegExp,
  callees: ReadonlySet<string>,
  handler: (call: SyntaxNode, qualifiedName: string) => void,
): Visitor {
  return namedCalls(ctx, fileHint, callees, (node, target) => {
    if (target.qualifiedName) handler(node, target.qualifiedName);
  });
}
