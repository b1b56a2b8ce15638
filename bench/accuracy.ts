import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RULES } from '../analyzers/index.js';
import { analyzeFile, type EnabledRule } from '../src/engine/run.js';
import { canonicalCode, FAMILIES, ruffOnDiskWouldSkip, type Family } from './accuracy-families.js';
import { memoryKeeper } from '../src/engine/memory.js';
import { corpusFiles, stdlibRoot } from './corpus.js';

/**
 * Precision and recall of our findings against Ruff's on the CPython standard library, per
 * family of codes. Matching is by file, line and code. Files either side cannot parse are left
 * out (and counted). Disagreements are written to bench/.cache/accuracy-disagreements.json.
 */
const { values } = parseArgs({ options: { family: { type: 'string' }, limit: { type: 'string' }, samples: { type: 'string', default: '5' } } });
const families = FAMILIES.filter((f) => !values.family || f.name.toLowerCase().includes(values.family.toLowerCase()));
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
  oursOnly: Array<{ path: string; line: number; code: string; message: string }>;
  ruffOnly: Array<{ path: string; line: number; code: string; message: string }>;
}
const tallies = new Map<Family, Tally>(families.map((f) => [f, { both: 0, oursOnly: [], ruffOnly: [] }]));
let files = 0;
let unparsable = 0;
const started = Date.now();
const root = stdlibRoot();
const release = memoryKeeper();

for (const file of corpusFiles(root, values.limit ? { limit: Number(values.limit) } : {})) {
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
  const key = (line: number, code: string): string => `${line}:${canonicalCode(code)}`;
  const theirs = new Map<string, { code: string; message: string; line: number }>();
  for (const d of ruff) {
    const code = d.code && canonicalCode(d.code);
    if (code && codes.has(code) && !ruffOnDiskWouldSkip(file.path, code))
      theirs.set(key(d.start_location.row, code), { code, message: d.message, line: d.start_location.row });
  }
  const ours = new Map<string, { code: string; message: string; line: number }>();
  for (const f of result.findings) if (f.code && codes.has(f.code)) ours.set(key(f.line, f.code), { code: f.code, message: f.message, line: f.line });
  for (const [k, d] of ours) {
    const tally = tallies.get(familyOf.get(canonicalCode(d.code))!)!;
    if (theirs.has(k)) tally.both++;
    else tally.oursOnly.push({ path: file.path, ...d });
  }
  for (const [k, d] of theirs) if (!ours.has(k)) tallies.get(familyOf.get(canonicalCode(d.code))!)!.ruffOnly.push({ path: file.path, ...d });
  await release(file.source.length);
}

const pct = (n: number, d: number): string => (d === 0 ? '—' : (n / d).toFixed(3));
console.log(
  `corpus: ${root} (${files} files compared, ${unparsable} left out: a syntax error on either side; Ruff ${Workspace.version()}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
console.log('');
console.log('| family | both | ours only | Ruff only | precision | recall |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [family, t] of tallies) {
  console.log(
    `| ${family.name} | ${t.both} | ${t.oursOnly.length} | ${t.ruffOnly.length} | ${pct(t.both, t.both + t.oursOnly.length)} | ${pct(t.both, t.both + t.ruffOnly.length)} |`,
  );
}
const samples = Number(values.samples);
for (const [family, t] of tallies) {
  if (!t.oursOnly.length && !t.ruffOnly.length) continue;
  console.log(`\n${family.name}:`);
  for (const d of t.oursOnly.slice(0, samples)) console.log(`  ours only  ${d.path}:${d.line} ${d.code} ${d.message}`);
  for (const d of t.ruffOnly.slice(0, samples)) console.log(`  Ruff only  ${d.path}:${d.line} ${d.code} ${d.message}`);
}
mkdirSync('bench/.cache', { recursive: true });
writeFileSync(
  'bench/.cache/accuracy-disagreements.json',
  JSON.stringify(Object.fromEntries([...tallies].map(([f, t]) => [f.name, { oursOnly: t.oursOnly, ruffOnly: t.ruffOnly }])), null, 1),
);
