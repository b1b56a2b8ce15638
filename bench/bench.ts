import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { RULES } from '../analyzers/index.js';
import { measureCodeFacts } from '../analyzers/python/code-facts.js';
import { analyzeFileWithBinding } from '../src/engine/binding-walk.js';
import { flattenTree } from '../src/engine/flat-tree.js';
import { memoryKeeper } from '../src/engine/memory.js';
import { flatParserKind, lineStartsOf, parseFlat, parsePython } from '../src/engine/parse.js';
import { EnginePool } from '../src/engine/pool.js';
import { STRICT_CONVENTIONS } from '../src/engine/conventions.js';
import { main } from '../src/cli/main.js';
import { analyseInOrder, engineAnalyser } from '../src/review/analyse.js';
import { analyzeFile } from '../src/engine/run.js';
import { DEFAULT_CONFIG, enabledRules } from '../src/review/config.js';
import { FAMILIES } from './accuracy-families.js';
import { corpusFiles, stdlibRoot, type CorpusFile } from './corpus.js';

/**
 * Speed and memory of the engine on the CPython standard library, every figure from one run on
 * the same sources: the single-thread passes in this process (sources read beforehand, so disk
 * time is in none of them), then whole processes side by side: the analysis on 1 worker and on
 * every core, the CLI (`pr-reviewer review --format json`: files read, conventions learned, the
 * plan and its JSON) on 1 worker and on every core, and Ruff (wasm, one thread, the rules
 * bench/accuracy.ts compares), each reading the files itself. Ratios compare
 * each pass with tree-sitter's parse alone, measured in the same run: on a shared machine only
 * ratios mean much, so the load is printed with them.
 */
const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    before: { type: 'boolean', default: false },
    child: { type: 'string' },
    jobs: { type: 'string' },
  },
});
const limit = values.limit ? { limit: Number(values.limit) } : {};
const repeat = Math.max(1, Number(values.repeat));

interface ChildReport {
  /** Wall seconds of the analysis, from sources in memory to all results on the main thread. */
  analysis: number;
  /** Wall seconds of the whole process, as `time` would see it, from its first line to its last. */
  process: number;
  /** CPU seconds of the whole process, every thread: what a machine shared with other work still measures fairly. */
  cpu: number;
  findings: number;
  peakRssMb: number;
  /** Peak V8 heap of each worker. */
  workerHeapMb: number[];
  /** Time the main thread was busy during the analysis (receiving and merging results). */
  mainBusy: number;
}

if (values.child) {
  const started = performance.timeOrigin;
  const root = stdlibRoot();
  const files = [...corpusFiles(root, limit)];
  const report =
    values.child === 'ruff'
      ? await ruffChild(files)
      : values.child === 'cli'
        ? await cliChild(
            files.map((f) => join(root, f.path)),
            Number(values.jobs),
          )
        : await engineChild(files, Number(values.jobs));
  report.process = (performance.timeOrigin + performance.now() - started) / 1000;
  report.peakRssMb = process.resourceUsage().maxRSS / 1024;
  const used = process.cpuUsage();
  report.cpu = (used.user + used.system) / 1e6;
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
}

/** The analysis as the CLI runs it (review/analyse.ts on the engine's pool), without the CLI around it: `jobs` workers, 0 for this thread. */
async function engineChild(files: CorpusFile[], jobs: number): Promise<ChildReport> {
  const pool = new EnginePool({ size: jobs });
  const rules = enabledRules(DEFAULT_CONFIG);
  const start = performance.now();
  const elu = performance.eventLoopUtilization();
  const results = await analyseInOrder(files, (f) => ({ path: f.path, source: f.source, rules, conventions: STRICT_CONVENTIONS }), engineAnalyser(pool));
  const analysis = (performance.now() - start) / 1000;
  const busy = performance.eventLoopUtilization(elu);
  const workerHeapMb = pool.peakHeapBytes.map((b) => b / 1e6);
  await pool.close();
  const findings = results.reduce((n, r) => n + (r?.head.findings.length ?? 0), 0);
  return { analysis, process: 0, cpu: 0, findings, peakRssMb: 0, workerHeapMb, mainBusy: busy.active / 1000 };
}

/** The whole CLI, as `pr-reviewer review --format json --jobs N FILE...` runs it, its JSON written to nowhere. */
async function cliChild(paths: string[], jobs: number): Promise<ChildReport> {
  const start = performance.now();
  let findings = 0;
  const stdout = { write: (text: string) => ((findings += text.match(/^ {4}\{"path"/gm)?.length ?? 0), true) };
  const code = await main(['review', '--format', 'json', '--jobs', String(jobs), ...paths], { stdout, stderr: { write: () => true }, cwd: process.cwd() });
  if (code > 1) throw new Error(`the CLI exited with status ${code}`);
  return { analysis: (performance.now() - start) / 1000, process: 0, cpu: 0, findings, peakRssMb: 0, workerHeapMb: [], mainBusy: 0 };
}

/** Ruff as bench/accuracy.ts runs it: the wasm build, one Workspace per rule set, file after file. */
async function ruffChild(files: CorpusFile[]): Promise<ChildReport> {
  const start = performance.now();
  const { PositionEncoding, Workspace } = await import('@astral-sh/ruff-wasm-nodejs');
  const stable = new Workspace({ lint: { select: FAMILIES.filter((f) => !f.preview).flatMap((f) => f.codes) } }, PositionEncoding.Utf16);
  const preview = new Workspace({ lint: { preview: true, select: FAMILIES.filter((f) => f.preview).flatMap((f) => f.codes) } }, PositionEncoding.Utf16);
  let findings = 0;
  for (const f of files) {
    try {
      findings += stable.check(f.source).length + preview.check(f.source).length;
    } catch {
      // A file Ruff cannot parse counts as no findings, as in bench/accuracy.ts.
    }
  }
  return { analysis: (performance.now() - start) / 1000, process: 0, cpu: 0, findings, peakRssMb: 0, workerHeapMb: [], mainBusy: 0 };
}

function child(args: string[]): ChildReport {
  const out = execFileSync(process.execPath, [process.argv[1]!, ...args, ...(values.limit ? ['--limit', values.limit] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as ChildReport;
}

// --- this process: the single-thread passes ---------------------------------------------------

const loadBefore = loadavg();
const root = stdlibRoot();
const files = [...corpusFiles(root, limit)];
const megabytes = files.reduce((n, f) => n + f.bytes, 0) / 1e6;
const all = enabledRules(DEFAULT_CONFIG);
const cores = availableParallelism();

interface Pass {
  name: string;
  wall: number;
  cpu: number;
  findings: number;
}

/**
 * Minimum over `repeat` runs of the summed per-file time; trees of the binding (native memory
 * V8 does not see) are freed between files, outside the measured time.
 */
async function pass(name: string, work: (f: CorpusFile) => number, freesItself = false): Promise<Pass> {
  let best: Pass | undefined;
  for (let r = 0; r < repeat; r++) {
    const release = memoryKeeper();
    let wall = 0;
    let cpu = 0;
    let findings = 0;
    for (const f of files) {
      const c = process.cpuUsage();
      const t = performance.now();
      findings += work(f);
      wall += performance.now() - t;
      const used = process.cpuUsage(c);
      cpu += (used.user + used.system) / 1000;
      if (!freesItself) await release(f.source.length);
    }
    if (!best || wall < best.wall) best = { name, wall: wall / 1000, cpu: cpu / 1000, findings };
  }
  return best!;
}

// Warm-up: the first measured pass should not pay for JIT compilation alone.
for (const f of files.slice(0, 50)) analyzeFile(f.path, f.source, all);

const passes: Pass[] = [];
passes.push(await pass('parse only (tree-sitter binding)', (f) => (parsePython(f.source), 0)));
const native = flatParserKind() === 'native';
if (native) passes.push(await pass('parse + flat copy (our native parser)', (f) => (parseFlat(f.source), 0), true));
passes.push(await pass('parse + flat copy (JS cursor over the binding)', (f) => (flattenTree(parsePython(f.source), f.source, lineStartsOf(f.source)), 0)));
passes.push(await pass('+ walk + scope model, no rules', (f) => analyzeFile(f.path, f.source, []).findings.length, true));
passes.push(
  await pass(`+ all default rules (${all.length}): the whole single-thread analysis`, (f) => analyzeFile(f.path, f.source, all).findings.length, true),
);
// What a review adds to learn conventions: the text measurement of base versions and neighbours (whole files here).
passes.push(await pass('code facts for conventions (text only, no parse)', (f) => (measureCodeFacts(f.source, Infinity), 0), true));
if (values.before) passes.push(await pass('before: binding walk, all default rules', (f) => analyzeFileWithBinding(f.path, f.source, all).findings.length));
const parseOnly = passes[0]!;

// --- whole processes side by side ------------------------------------------------------------

const bestOf = (args: string[]): ChildReport => {
  let best: ChildReport | undefined;
  for (let r = 0; r < repeat; r++) {
    const report = child(args);
    if (!best || report.process < best.process) best = report;
  }
  return best!;
};
const processes: Array<[string, ChildReport]> = [
  ['analysis on 1 worker', bestOf(['--child', 'engine', '--jobs', '1'])],
  [`analysis on ${cores} workers (all cores)`, bestOf(['--child', 'engine', '--jobs', String(cores)])],
  ['CLI, --jobs 1', bestOf(['--child', 'cli', '--jobs', '1'])],
  [`CLI, --jobs ${cores} (the default: all cores)`, bestOf(['--child', 'cli', '--jobs', String(cores)])],
  ['Ruff (wasm, one thread)', bestOf(['--child', 'ruff'])],
];
const loadAfter = loadavg();

// --- report -----------------------------------------------------------------------------------

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`date: ${new Date().toISOString()}`);
console.log(`machine: ${cores} cores (${cpu}), Node ${process.version}; load average ${fmtLoad(loadBefore)} before, ${fmtLoad(loadAfter)} after`);
console.log(`corpus: ${root} — ${files.length} files, ${megabytes.toFixed(1)} MB; ${RULES.length} rules registered, ${all.length} on by default`);
console.log(
  `engine: tree copied by ${native ? 'our native parser (build/Release/flat_parse.node)' : 'JS over the binding (native parser not built)'}; min of ${repeat}`,
);
console.log('');
console.log('| single thread, this process | wall s | CPU s | MB/s | × parse-only (wall) | × parse-only (CPU) | findings |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const p of passes) {
  console.log(
    `| ${p.name} | ${p.wall.toFixed(2)} | ${p.cpu.toFixed(2)} | ${(megabytes / p.wall).toFixed(2)} | ${(p.wall / parseOnly.wall).toFixed(2)} | ${(p.cpu / parseOnly.cpu).toFixed(2)} | ${p.findings} |`,
  );
}
const byName = (prefix: string): Pass | undefined => passes.find((p) => p.name.startsWith(prefix));
const copy = byName(native ? 'parse + flat copy (our' : 'parse + flat copy (JS');
const walk = byName('+ walk');
const rules = byName('+ all');
if (copy && walk && rules) {
  const share = (a: Pass, b: Pass): string => `${((a.wall - b.wall) / parseOnly.wall).toFixed(2)}× parse`;
  console.log('');
  console.log(`each pass, wall: flat copy ${share(copy, parseOnly)}, walk + scope ${share(walk, copy)}, rules ${share(rules, walk)}`);
}
const facts = byName('code facts');
if (facts && rules) console.log(`code facts cost ${((facts.wall / rules.wall) * 100).toFixed(1)}% of the full analysis of the same bytes`);
console.log('');
console.log(
  '| whole process | process s | analysis s | × Ruff (process) | CPU s (all threads) | main thread busy s | findings | peak RSS MB | peak heap per worker MB |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
const ruff = processes[4]![1];
for (const [name, r] of processes) {
  const heaps = r.workerHeapMb.length ? r.workerHeapMb.map((h) => h.toFixed(0)).join(', ') : '—';
  console.log(
    `| ${name} | ${r.process.toFixed(2)} | ${r.analysis.toFixed(2)} | ${(r.process / ruff.process).toFixed(2)} | ${r.cpu.toFixed(2)} | ${r.workerHeapMb.length ? r.mainBusy.toFixed(2) : '—'} | ${r.findings} | ${r.peakRssMb.toFixed(0)} | ${heaps} |`,
  );
}
const one = processes[0]![1];
const many = processes[1]![1];
const perWorker = cores > 1 ? (many.peakRssMb - one.peakRssMb) / (cores - 1) : one.peakRssMb;
console.log('');
console.log(
  `peak RSS per worker: about ${perWorker.toFixed(0)} MB (${cores > 1 ? `the ${cores}-worker process over the 1-worker one, per extra worker` : 'the 1-worker process'})`,
);
console.log(
  `all cores against Ruff's whole process: analysis ${(many.process / ruff.process).toFixed(2)}×, CLI ${(processes[3]![1].process / ruff.process).toFixed(2)}×`,
);

function fmtLoad(l: number[]): string {
  return l.map((x) => x.toFixed(2)).join(' / ');
}
