import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule, RuleContext } from '../../src/engine/rule.js';
import { argument, positionalArguments, quotable } from './arguments.js';
import { calleeText, callTarget, resolvedCalls } from './call-target.js';
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

/** What to load the data with instead, for the loader the code calls (`pickle.loads(data)` → `json.loads(data)`). */
function saferLoad(ctx: RuleContext, node: SyntaxNode, q: string): string {
  const dot = q.lastIndexOf('.');
  const module = q.slice(0, dot);
  const fn = q.slice(dot + 1);
  const data = quotable(argument(node, 0)?.text);
  const json = fn === 'loads' ? 'json.loads' : 'json.load';
  const jsonCall = `\`${json}${data !== undefined ? `(${data})` : ''}\``;
  const callee = calleeText(ctx, node);
  if (PICKLERS.includes(module))
    return `Exchange the data as JSON and validate it: ${jsonCall}, written with \`${fn === 'loads' ? 'json.dumps' : 'json.dump'}\`. If it must stay a pickle, sign it with \`hmac\` and check the signature before \`${callee}\`.`;
  if (module === 'marshal')
    return `Exchange the data as JSON: ${jsonCall}. \`marshal\` is an internal format for \`.pyc\` files, not hardened against crafted data.`;
  if (q === 'shelve.open')
    return 'A shelf is a file of pickles: open only shelves this program wrote, where no one else can write; for outside data use `json` or `sqlite3`.';
  if (q === 'pandas.read_pickle') {
    // `pd.read_pickle` as written: the alternatives in the same words.
    const pandas = callee.includes('.') ? callee.slice(0, callee.lastIndexOf('.')) : 'pandas';
    return `Read outside data with \`${pandas}.read_parquet\`, \`${pandas}.read_csv\` or \`${pandas}.read_json\`; keep \`read_pickle\` for files this program wrote.`;
  }
  return `Decode with \`json.loads\` and build the objects from the plain data yourself: \`${q}\` restores whatever classes the data names.`;
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
    why: 'Loading such data calls whatever constructors it names (or, for marshal, trusts its bytes): a crafted payload runs arbitrary code.',
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
        ...(advisory ? { advisory } : { suggestion: saferLoad(ctx, node, q) }),
      });
    });
  },
};
