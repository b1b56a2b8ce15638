import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule, RuleContext } from '../../src/engine/rule.js';
import { positionalArguments } from './arguments.js';
import { callTarget, resolvedCalls } from './call-target.js';
import { assignedValue, provenance } from './provenance.js';
import { inTestCode } from './intent.js';

const PICKLERS = ['pickle', 'cPickle', '_pickle', 'dill', 'cloudpickle'];
const LOADERS = new Set(['load', 'loads', 'Unpickler']);

/** Which loader a qualified call name is, with its Bandit code, or undefined. */
function loaderOf(qualified: string): string | undefined {
  const dot = qualified.lastIndexOf('.');
  const module = qualified.slice(0, dot);
  const fn = qualified.slice(dot + 1);
  if (PICKLERS.includes(module) && LOADERS.has(fn)) return 'B301';
  if (module === 'marshal' && (fn === 'load' || fn === 'loads')) return 'B302';
  if (qualified === 'shelve.open' || qualified === 'pandas.read_pickle' || qualified === 'jsonpickle.decode' || qualified === 'jsonpickle.unpickler.decode')
    return 'B301';
  return undefined;
}

/** A call that serialises: `pickle.dumps(x)`, `marshal.dumps(x)`. */
function isDumps(ctx: RuleContext, node: SyntaxNode): boolean {
  return node.type === 'call' && /dumps?$/.test(callTarget(ctx, node).name);
}

// Callee names this rule can be about: other calls are never resolved.
const CALLEES = new Set<string>(['load', 'loads', 'Unpickler', 'open', 'read_pickle', 'decode']);

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /pickle|marshal|shelve|dill|jsonpickle|read_pickle/;

/** pickle, marshal, shelve and jsonpickle loads: deserialising builds arbitrary objects. */
export const unsafeDeserialization: Rule = {
  id: 'unsafe-deserialization',
  category: 'security',
  title: 'Deserialisation that can run code (pickle, marshal, shelve, jsonpickle)',
  severity: 'medium',
  confidence: 'high',
  cwe: 502,
  codes: ['B301', 'B302', 'S301', 'S302'],
  doc: {
    what: "Data loaded with `pickle`/`cPickle`/`dill`, `marshal`, `shelve` or `jsonpickle.decode`. A round trip of the process's own pickle through a variable, and loads in test code, are low advisory notes, not defects.",
    why: 'Unpickling calls whatever constructors the data names: a crafted payload runs arbitrary code. marshal is not hardened against malformed data either.',
    example: 'session = pickle.loads(request.cookies["session"])',
    useInstead: 'session = json.loads(request.cookies["session"])',
    fix: 'Exchange data as JSON (or another data-only format) and validate it; unpickle only data this process wrote itself, or sign it with `hmac` and check the signature first.',
  },
  create(ctx) {
    return resolvedCalls(ctx, FILE_HINT, CALLEES, (node, q) => {
      const code = loaderOf(q);
      if (!code) return;
      const data = positionalArguments(node)[0];
      // `pickle.loads(pickle.dumps(x))` is a copy of this process's own object, not outside data.
      if (data && isDumps(ctx, data)) return;
      const facts = provenance(ctx, data);
      const literal = data !== undefined && facts.literal;
      const dumped = data?.type === 'identifier' ? assignedValue(ctx, data) : undefined;
      const advisory =
        dumped && isDumps(ctx, dumped)
          ? "The data is this process's own pickle (a round trip through `dumps`), not outside data."
          : inTestCode(ctx)
            ? 'Test code, which loads data the test itself made or ships.'
            : undefined;
      ctx.report({
        node,
        message: `\`${q}\` can run arbitrary code from the data it loads${facts.tainted ? ', and here the data comes from a parameter or the request' : ''}; load only trusted data, or use JSON.`,
        subject: q,
        code,
        severity: advisory ? 'low' : facts.tainted ? 'high' : literal ? 'low' : 'medium',
        confidence: literal ? 'low' : 'high',
        ...(advisory ? { advisory } : {}),
      });
    });
  },
};
