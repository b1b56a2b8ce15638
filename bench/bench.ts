import { parseArgs } from 'node:util';
import { RULES } from '../analyzers/index.js';
import { measureCodeFacts } from '../analyzers/python/code-facts.js';
import type { Category } from '../src/engine/finding.js';
import { parsePython } from '../src/engine/parse.js';
import { analyzeFile, type EnabledRule } from '../src/engine/run.js';
import { DEFAULT_CONFIG, enabledRules } from '../src/review/config.js';
import { memoryKeeper } from '../src/engine/memory.js';
import { corpusFiles, stdlibRoot } from './corpus.js';

/**
 * Speed and memory of the engine on the CPython standard library, in one process. Every pass
 * sees the same sources (read beforehand, so disk time is in none of them); the ratio compares
 * each pass with a tree-sitter parse-only pass measured in the same run.
 */
const { values } = parseArgs({ options: { limit: { type: 'string' } } });
const root = stdlibRoot();
const files = [...corpusFiles(root, values.limit ? { limit: Number(values.limit) } : {})];
const megabytes = files.reduce((n, f) => n + f.bytes, 0) / 1e6;

/** Every pass frees trees the same way (a collection and a turn of the loop per MB of source), as the CLI does. */
async function timed(pass: (source: string, path: string) => number): Promise<{ seconds: number; findings: number }> {
  const release = memoryKeeper();
  const start = process.hrtime.bigint();
  let findings = 0;
  for (const f of files) {
    findings += pass(f.source, f.path);
    await release(f.source.length);
  }
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, findings };
}

const all = enabledRules(DEFAULT_CONFIG);
const without = (categories: Category[]): EnabledRule[] => all.filter((r) => !categories.includes(r.rule.category));
const issue4: Category[] = ['naming', 'type-hints', 'signatures', 'indentation', 'function-logic'];
const run = (rules: EnabledRule[]) => (source: string, path: string) => analyzeFile(path, source, rules).findings.length;

// Warm-up, so that the first measured pass does not pay for JIT compilation alone.
for (const f of files.slice(0, 50)) analyzeFile(f.path, f.source, all);

const passes: Array<[string, Awaited<ReturnType<typeof timed>>]> = [];
passes.push(['parse only (tree-sitter)', await timed((s) => (parsePython(s), 0))]);
passes.push(['walk + scope model, no rules', await timed(run([]))]);
passes.push([`all default rules (${all.length})`, await timed(run(all))]);
passes.push(['all but security', await timed(run(without(['security'])))]);
passes.push(['all but naming, type hints, signatures, indentation, function logic', await timed(run(without(issue4)))]);
// What a review adds to learn conventions: the text measurement of base versions and neighbours (whole files here).
passes.push(['code facts for conventions (text only, no parse)', await timed((s) => (measureCodeFacts(s, Infinity), 0))]);
const parseOnly = passes[0]![1].seconds;

console.log(`corpus: ${root} — ${files.length} files, ${megabytes.toFixed(1)} MB; ${RULES.length} rules registered, ${all.length} on by default`);
console.log('');
console.log('| pass | seconds | MB/s | × parse-only | findings |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, p] of passes) {
  console.log(`| ${name} | ${p.seconds.toFixed(2)} | ${(megabytes / p.seconds).toFixed(2)} | ${(p.seconds / parseOnly).toFixed(2)} | ${p.findings} |`);
}
const total = passes[2]![1].seconds;
console.log('');
console.log(`security adds ${(((total - passes[3]![1].seconds) / total) * 100).toFixed(1)}% of the total`);
console.log(
  `naming + type hints + signatures + indentation + function logic add ${(((total - passes[4]![1].seconds) / parseOnly) * 100).toFixed(1)}% over parse-only`,
);
console.log(`code facts cost ${((passes[5]![1].seconds / total) * 100).toFixed(1)}% of the full analysis of the same bytes`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
