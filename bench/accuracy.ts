import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RULES } from '../analyzers/index.js';
import { analyzeFile, type EnabledRule } from '../src/engine/run.js';
import { canonicalCode, deliberateReason, FAMILIES, ruffOnDiskWouldSkip, type Disagreement, type Family, type FileView } from './accuracy-families.js';
import { parsePython } from '../src/engine/parse.js';
import { memoryKeeper } from '../src/engine/memory.js';
import { corpusFiles, stdlibRoot } from './corpus.js';
import { debianPython } from './debian.js';

/**
 * Precision and recall of our findings against Ruff's, per family of codes, on the CPython
 * standard library (`--corpus stdlib`, the default) or on third-party packages Debian ships
 * (`--corpus packages`, fetched with apt-get into bench/.cache/accuracy): code the rules were not
 * tuned on. Matching is by file, line and code. Files either side cannot parse are left out (and
 * counted). Disagreements are written to bench/.cache/accuracy-disagreements[-packages].json.
 */
const { values } = parseArgs({
  options: {
    family: { type: 'string' },
    limit: { type: 'string' },
    samples: { type: 'string', default: '5' },
    corpus: { type: 'string', default: 'stdlib' },
  },
});

/** Well-known pure-Python packages of several authors and ages, none of them used to tune a rule. */
const PACKAGES = [
  'python3-networkx',
  'python3-twisted',
  'python3-sqlalchemy',
  'python3-docutils',
  'python3-pygments',
  'python3-sphinx',
  'python3-babel',
  'python3-jinja2',
  'python3-dateutil',
  'python3-markdown',
];

interface CorpusRoot {
  /** Prefix of the paths shown, so that files of different roots stay apart. */
  label: string;
  root: string;
}

function corpusRoots(corpus: string): { description: string; roots: CorpusRoot[] } {
  if (corpus === 'stdlib') {
    const root = stdlibRoot();
    return { description: root, roots: [{ label: '', root }] };
  }
  if (corpus !== 'packages') throw new Error(`--corpus is stdlib or packages, not ${corpus}`);
  const packages = PACKAGES.map((pkg) => debianPython(pkg, 'bench/.cache/accuracy'));
  return {
    description: `Debian packages ${packages.map((p) => `${p.name.replace(/^python3-/, '')} ${p.version}`).join(', ')}`,
    roots: packages.map((p) => ({ label: `${p.name.replace(/^python3-/, '')}:`, root: p.root })),
  };
}
// `--family B015,F811`: every family whose name contains one of the comma-separated words.
const wanted = values.family?.toLowerCase().split(',');
const families = FAMILIES.filter((f) => !wanted || wanted.some((w) => f.name.toLowerCase().includes(w)));
const codes = new Set(families.flatMap((f) => f.codes));
const familyOf = new Map<string, Family>();
for (const f of families) for (const c of f.codes) familyOf.set(canonicalCode(c), f);

const rules: EnabledRule[] = RULES.filter((r) => r.codes.some((c) => codes.has(c))).map((rule) => ({ rule, options: {} }));
const select = [...codes];
const stable = new Workspace({ lint: { select: families.filter((f) => !f.preview).flatMap((f) => f.codes) } }, PositionEncoding.Utf16);
const preview = families.some((f) => f.preview)
  ? new Workspace({ lint: { preview: true, select: families.filter((f) => f.preview).flatMap((f) => f.codes) } }, PositionEncoding.Utf16)
  : undefined;

interface Tally {
  both: number;
  oursOnly: Disagreement[];
  ruffOnly: Disagreement[];
  /** Disagreements we keep on purpose, by reason (DELIBERATE in accuracy-families.ts). */
  deliberate: Map<string, Disagreement[]>;
}
const tallies = new Map<Family, Tally>(families.map((f) => [f, { both: 0, oursOnly: [], ruffOnly: [], deliberate: new Map() }]));

/** Lines of string text (multi-line strings' inner lines), parsed only when a predicate asks. */
function stringLines(source: string): Set<number> {
  const lines = new Set<number>();
  for (const content of parsePython(source).rootNode.descendantsOfType('string_content'))
    for (let line = content.startPosition.row + 2; line <= content.endPosition.row + 1; line++) lines.add(line);
  return lines;
}
let files = 0;
let unparsable = 0;
let bytes = 0;
const corpus = corpusRoots(values.corpus);
const started = Date.now();
const release = memoryKeeper();

const allFiles = function* () {
  for (const { label, root } of corpus.roots) {
    for (const file of corpusFiles(root, values.limit ? { limit: Math.ceil(Number(values.limit) / corpus.roots.length) } : {}))
      yield { ...file, shown: label + file.path };
  }
};

for (const file of allFiles()) {
  let ruff: Array<{ code: string | null; message: string; start_location: { row: number } }>;
  try {
    ruff = [...(select.length ? stable.check(file.source) : []), ...(preview ? preview.check(file.source) : [])];
  } catch {
    unparsable++;
    continue;
  }
  const result = analyzeFile(file.path, file.source, rules);
  if (ruff.some((d) => d.code === 'invalid-syntax' || d.code === null) || result.notes.some((n) => n.kind === 'syntax-error')) {
    unparsable++;
    continue;
  }
  files++;
  bytes += file.bytes;
  const key = (line: number, code: string): string => `${line}:${canonicalCode(code)}`;
  const theirs = new Map<string, { code: string; message: string; line: number }>();
  for (const d of ruff) {
    const code = d.code && canonicalCode(d.code);
    if (code && codes.has(code) && !ruffOnDiskWouldSkip(file.path, code))
      theirs.set(key(d.start_location.row, code), { code, message: d.message, line: d.start_location.row });
  }
  const ours = new Map<string, { code: string; message: string; line: number }>();
  for (const f of result.findings) if (f.code && codes.has(f.code)) ours.set(key(f.line, f.code), { code: f.code, message: f.message, line: f.line });
  let strings: Set<number> | undefined;
  const view: FileView = {
    path: file.path,
    source: file.source,
    ourMessages: result.findings.map((f) => f.message),
    inString: (line) => (strings ??= stringLines(file.source)).has(line),
  };
  const disagree = (list: 'oursOnly' | 'ruffOnly', d: { code: string; message: string; line: number }): void => {
    const tally = tallies.get(familyOf.get(canonicalCode(d.code))!)!;
    const disagreement = { path: file.shown, ...d };
    const reason = deliberateReason(disagreement, view);
    if (reason) tally.deliberate.set(reason, [...(tally.deliberate.get(reason) ?? []), disagreement]);
    tally[list].push(disagreement);
  };
  for (const [k, d] of ours) {
    if (theirs.has(k)) tallies.get(familyOf.get(canonicalCode(d.code))!)!.both++;
    else disagree('oursOnly', d);
  }
  for (const [k, d] of theirs) if (!ours.has(k)) disagree('ruffOnly', d);
  await release(file.source.length);
}

const pct = (n: number, d: number): string => (d === 0 ? '—' : (n / d).toFixed(3));
console.log(
  `corpus: ${corpus.description} (${files} files, ${(bytes / 1e6).toFixed(1)} MB compared, ${unparsable} left out: a syntax error on either side; Ruff ${Workspace.version()}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
console.log('');
// The last two columns leave out the disagreements we keep on purpose (counted in `deliberate`, listed below the table).
console.log('| family | both | ours only | Ruff only | precision | recall | deliberate | precision, deliberate aside | recall, deliberate aside |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
const isDeliberate = (t: Tally): ((d: Disagreement) => boolean) => {
  const kept = new Set([...t.deliberate.values()].flat());
  return (d) => kept.has(d);
};
for (const [family, t] of tallies) {
  const kept = isDeliberate(t);
  const ours = t.oursOnly.filter((d) => !kept(d)).length;
  const theirs = t.ruffOnly.filter((d) => !kept(d)).length;
  console.log(
    `| ${family.name} | ${t.both} | ${t.oursOnly.length} | ${t.ruffOnly.length} | ${pct(t.both, t.both + t.oursOnly.length)} | ${pct(t.both, t.both + t.ruffOnly.length)} | ${t.oursOnly.length + t.ruffOnly.length - ours - theirs} | ${pct(t.both, t.both + ours)} | ${pct(t.both, t.both + theirs)} |`,
  );
}
console.log('\nDeliberate differences:');
for (const [family, t] of tallies) for (const [reason, list] of t.deliberate) console.log(`  ${family.name}: ${list.length} × ${reason}`);
const samples = Number(values.samples);
for (const [family, t] of tallies) {
  const kept = isDeliberate(t);
  const ours = t.oursOnly.filter((d) => !kept(d));
  const theirs = t.ruffOnly.filter((d) => !kept(d));
  if (!ours.length && !theirs.length) continue;
  console.log(`\n${family.name}, to explain:`);
  for (const d of ours.slice(0, samples)) console.log(`  ours only  ${d.path}:${d.line} ${d.code} ${d.message}`);
  for (const d of theirs.slice(0, samples)) console.log(`  Ruff only  ${d.path}:${d.line} ${d.code} ${d.message}`);
}
mkdirSync('bench/.cache', { recursive: true });
writeFileSync(
  `bench/.cache/accuracy-disagreements${values.corpus === 'stdlib' ? '' : `-${values.corpus}`}.json`,
  JSON.stringify(
    Object.fromEntries([...tallies].map(([f, t]) => [f.name, { oursOnly: t.oursOnly, ruffOnly: t.ruffOnly, deliberate: Object.fromEntries(t.deliberate) }])),
    null,
    1,
  ),
);
