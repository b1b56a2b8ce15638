import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rules as securityRules } from '../analyzers/security/index.js';
import type { Finding } from '../src/engine/finding.js';
import { lineStartsOf } from '../src/engine/parse.js';
import { analyzeFile, type EnabledRule } from '../src/engine/run.js';
import { collectGarbage, corpusFiles, stdlibRoot } from './corpus.js';

/**
 * Our security category against Bandit (Debian's package, installed here if missing) on the
 * CPython standard library and on third-party packages fetched with `apt-get download`. Per
 * rule family: Bandit's medium/high findings, how many we also report (same file, same family,
 * Bandit's line inside our finding's lines or ours inside Bandit's line range), and ours that
 * Bandit lacks. A fixed sample of disagreements is written for labelling by hand.
 */
const { values } = parseArgs({ options: { fresh: { type: 'boolean', default: false }, sample: { type: 'string', default: '50' } } });
const CACHE = resolve('bench/.cache/security');
const PACKAGES = ['python3-requests', 'python3-flask', 'python3-jinja2', 'python3-paramiko'];

/** Bandit test id → our rule (the family). Ids without an entry have no counterpart here. */
const FAMILY: Record<string, string> = {
  B102: 'eval-exec',
  B307: 'eval-exec',
  B301: 'unsafe-deserialization',
  B302: 'unsafe-deserialization',
  B506: 'unsafe-yaml-load',
  B601: 'shell-injection',
  B602: 'shell-injection',
  B604: 'shell-injection',
  B605: 'shell-injection',
  B609: 'shell-injection',
  B608: 'sql-injection',
  B610: 'sql-injection',
  B611: 'sql-injection',
  B105: 'hardcoded-secret',
  B106: 'hardcoded-secret',
  B107: 'hardcoded-secret',
  B303: 'weak-hash',
  B324: 'weak-hash',
  B304: 'weak-cipher',
  B305: 'weak-cipher',
  B311: 'insecure-random',
  B323: 'tls-verification-disabled',
  B501: 'tls-verification-disabled',
  B502: 'insecure-tls-version',
  B503: 'insecure-tls-version',
  B507: 'ssh-host-key-unverified',
  B201: 'flask-debug',
  B104: 'bind-all-interfaces',
  B701: 'jinja2-autoescape',
  B308: 'unsafe-markup',
  B703: 'unsafe-markup',
  B704: 'unsafe-markup',
  B313: 'xml-untrusted-parse',
  B314: 'xml-untrusted-parse',
  B315: 'xml-untrusted-parse',
  B316: 'xml-untrusted-parse',
  B317: 'xml-untrusted-parse',
  B318: 'xml-untrusted-parse',
  B319: 'xml-untrusted-parse',
  B320: 'xml-untrusted-parse',
  B306: 'insecure-temp-file',
  B108: 'insecure-temp-file',
  B325: 'insecure-temp-file',
  B103: 'world-writable-permissions',
  B101: 'assert-authorization',
  B110: 'try-except-pass',
  B112: 'try-except-pass',
  B312: 'cleartext-protocol',
  B321: 'cleartext-protocol',
  B401: 'cleartext-protocol',
  B402: 'cleartext-protocol',
  B310: 'url-open-scheme',
};

interface BanditResult {
  filename: string;
  line_number: number;
  line_range: number[];
  test_id: string;
  test_name: string;
  issue_severity: 'LOW' | 'MEDIUM' | 'HIGH';
  issue_text: string;
}

interface Corpus {
  name: string;
  root: string;
  /** Which part of the table a file counts in. */
  part: (path: string) => string;
}

function sh(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, { encoding: 'utf8', cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
}

function ensureBandit(): string {
  if (spawnSync('bandit', ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.error('installing Debian bandit (apt-get install -y bandit)…');
    sh('apt-get', ['install', '-y', 'bandit']);
  }
  return sh('bandit', ['--version']).split('\n')[0]!.trim();
}

/** Third-party Python from Debian: `apt-get download` + `dpkg -x`, once, into the cache. */
function fetchPackage(pkg: string): string {
  const dir = join(CACHE, 'packages', pkg);
  const root = join(dir, 'usr/lib/python3/dist-packages');
  if (existsSync(root)) return root;
  const debs = join(CACHE, 'debs');
  mkdirSync(debs, { recursive: true });
  console.error(`fetching ${pkg} (apt-get download)…`);
  sh('apt-get', ['download', pkg], debs);
  const deb = readdirSync(debs).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
  if (!deb) throw new Error(`apt-get download ${pkg} produced no .deb`);
  mkdirSync(dir, { recursive: true });
  sh('dpkg', ['-x', join(debs, deb), dir]);
  return root;
}

/** Bandit's JSON for a tree, cached by root and Bandit version (a stdlib run takes minutes). */
function runBandit(corpus: Corpus, version: string): BanditResult[] {
  const key = createHash('sha1').update(`${version}\0${corpus.root}`).digest('hex').slice(0, 12);
  const out = join(CACHE, `bandit-${corpus.name}-${key}.json`);
  if (values.fresh || !existsSync(out)) {
    console.error(`running bandit on ${corpus.root}…`);
    // Exit status 1 means "issues found"; the JSON is what matters.
    spawnSync('bandit', ['-r', corpus.root, '-x', join(corpus.root, 'site-packages'), '-f', 'json', '-o', out, '-q'], { stdio: 'ignore' });
  }
  const json = JSON.parse(readFileSync(out, 'utf8')) as { results: BanditResult[] };
  return json.results.map((r) => ({ ...r, filename: relative(corpus.root, r.filename) }));
}

const mediumOrHigh = (r: BanditResult): boolean => r.issue_severity !== 'LOW';
const familyOf = (r: BanditResult): string => FAMILY[r.test_id] ?? `(none: ${r.test_id} ${r.test_name})`;

function matches(b: BanditResult, f: Finding): boolean {
  const lo = Math.min(...b.line_range, b.line_number);
  const hi = Math.max(...b.line_range, b.line_number);
  return (b.line_number >= f.line && b.line_number <= f.endLine) || (f.line >= lo && f.line <= hi);
}

interface Row {
  banditMH: number;
  matched: number;
  ours: number;
  oursOnly: number;
}
const emptyRow = (): Row => ({ banditMH: 0, matched: 0, ours: 0, oursOnly: 0 });

interface Disagreement {
  side: 'bandit only' | 'ours only';
  corpus: string;
  path: string;
  line: number;
  family: string;
  what: string;
  code: string;
}

const version = ensureBandit();
const std = stdlibRoot();
const corpora: Corpus[] = [
  { name: 'stdlib', root: std, part: (p) => (/(^|\/)(tests?|idle_test)\//.test(p) ? 'stdlib tests' : 'stdlib') },
  ...PACKAGES.map((pkg) => ({ name: pkg, root: fetchPackage(pkg), part: () => 'third-party (requests, flask, jinja2, paramiko)' })),
];

const enabled: EnabledRule[] = securityRules.map((rule) => ({ rule, options: {} }));
const table = new Map<string, Map<string, Row>>();
const rowFor = (part: string, family: string): Row => {
  let byFamily = table.get(part);
  if (!byFamily) table.set(part, (byFamily = new Map()));
  let row = byFamily.get(family);
  if (!row) byFamily.set(family, (row = emptyRow()));
  return row;
};
const disagreements: Disagreement[] = [];
const sources = new Map<string, string>();
let files = 0;
let seconds = 0;

for (const corpus of corpora) {
  const bandit = runBandit(corpus, version);
  const byFile = new Map<string, BanditResult[]>();
  for (const r of bandit) byFile.set(r.filename, [...(byFile.get(r.filename) ?? []), r]);
  for (const file of corpusFiles(corpus.root)) {
    files++;
    const start = process.hrtime.bigint();
    const ours = analyzeFile(file.path, file.source, enabled).findings.filter((f) => f.category === 'security');
    seconds += Number(process.hrtime.bigint() - start) / 1e9;
    if (files % 200 === 0) collectGarbage();
    const theirs = byFile.get(file.path) ?? [];
    const part = corpus.part(file.path);
    const used = new Set<Finding>();
    const remember = () => sources.set(`${corpus.name}:${file.path}`, file.source);
    for (const b of theirs) {
      const family = familyOf(b);
      const mine = ours.find((f) => !used.has(f) && f.rule === family && matches(b, f));
      if (mine) used.add(mine);
      if (!mediumOrHigh(b)) continue;
      const row = rowFor(part, family);
      row.banditMH++;
      if (mine) row.matched++;
      else {
        disagreements.push({
          side: 'bandit only',
          corpus: corpus.name,
          path: file.path,
          line: b.line_number,
          family,
          what: b.issue_text,
          code: `${b.test_id} ${b.issue_severity}`,
        });
        remember();
      }
    }
    for (const f of ours) {
      const row = rowFor(part, f.rule);
      row.ours++;
      // Ours "that Bandit lacks": no Bandit finding of the family there, at any severity.
      if (!used.has(f) && !theirs.some((b) => familyOf(b) === f.rule && matches(b, f))) {
        row.oursOnly++;
        disagreements.push({
          side: 'ours only',
          corpus: corpus.name,
          path: file.path,
          line: f.line,
          family: f.rule,
          what: f.message,
          code: `${f.code ?? ''} ${f.severity}`,
        });
        remember();
      }
    }
  }
}

// ---- the table ----
const sum = (rows: Row[]): Row =>
  rows.reduce(
    (a, r) => ({ banditMH: a.banditMH + r.banditMH, matched: a.matched + r.matched, ours: a.ours + r.ours, oursOnly: a.oursOnly + r.oursOnly }),
    emptyRow(),
  );
const pct = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(2));
const allFamilies = new Map<string, Row>();
for (const byFamily of table.values()) for (const [family, row] of byFamily) allFamilies.set(family, sum([allFamilies.get(family) ?? emptyRow(), row]));

console.log(`${version}; ${files} files (${corpora.map((c) => c.name).join(', ')}); our security pass: ${seconds.toFixed(1)} s`);
console.log('');
console.log('| family (our rule) | Bandit medium/high | we also find | recall | our findings | ours Bandit lacks |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [family, row] of [...allFamilies].sort((a, b) => b[1].banditMH - a[1].banditMH || a[0].localeCompare(b[0]))) {
  console.log(`| ${family} | ${row.banditMH} | ${row.matched} | ${pct(row.matched, row.banditMH)} | ${row.ours} | ${row.oursOnly} |`);
}
const total = sum([...allFamilies.values()]);
console.log(`| **all** | ${total.banditMH} | ${total.matched} | **${pct(total.matched, total.banditMH)}** | ${total.ours} | ${total.oursOnly} |`);
console.log('');
console.log('| part of the corpus | Bandit medium/high | we also find | recall | our findings | ours Bandit lacks |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [part, byFamily] of table) {
  const row = sum([...byFamily.values()]);
  console.log(`| ${part} | ${row.banditMH} | ${row.matched} | ${pct(row.matched, row.banditMH)} | ${row.ours} | ${row.oursOnly} |`);
}

// ---- the sample for labelling: a fixed pseudo-random pick, half from each side where possible ----
const wanted = Number(values.sample);
const ranked = (side: Disagreement['side']) =>
  disagreements
    .filter((d) => d.side === side)
    .map((d) => ({ d, h: createHash('sha1').update(`${d.corpus}:${d.path}:${d.line}:${d.family}`).digest('hex') }))
    .sort((a, b) => a.h.localeCompare(b.h))
    .map((x) => x.d);
const banditOnly = ranked('bandit only');
const oursOnly = ranked('ours only');
const fromBandit = Math.min(banditOnly.length, Math.max(Math.ceil(wanted / 2), wanted - oursOnly.length));
const sample = [...banditOnly.slice(0, fromBandit), ...oursOnly.slice(0, wanted - fromBandit)];
const lines: string[] = [
  `# ${sample.length} disagreements between Bandit and our security rules`,
  '',
  'Label each: **real** (a defect worth reporting) or **not real**, and which side was right.',
  '',
];
sample.forEach((d, i) => {
  const source = sources.get(`${d.corpus}:${d.path}`) ?? '';
  const starts = lineStartsOf(source);
  const context: string[] = [];
  for (let l = Math.max(1, d.line - 2); l <= Math.min(starts.length, d.line + 2); l++) {
    const text = source.slice(starts[l - 1], (starts[l] ?? source.length + 1) - 1);
    context.push(`${l === d.line ? '>' : ' '} ${String(l).padStart(5)}  ${text}`);
  }
  lines.push(
    `## ${i + 1}. ${d.side}: ${d.family} (${d.code.trim()}) — ${d.corpus}/${d.path}:${d.line}`,
    '',
    d.what,
    '',
    '```',
    ...context,
    '```',
    '',
    'label: ',
    '',
  );
});
mkdirSync(CACHE, { recursive: true });
writeFileSync(join(CACHE, 'disagreements.md'), lines.join('\n'));
writeFileSync(join(CACHE, 'disagreements.json'), JSON.stringify(disagreements, null, 1));
console.log('');
console.log(
  `disagreements: ${banditOnly.length} Bandit-only (medium/high), ${oursOnly.length} ours-only; sample of ${sample.length} in ${relative(process.cwd(), join(CACHE, 'disagreements.md'))}`,
);
