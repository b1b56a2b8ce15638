import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { decodePython } from '../engine/decode.js';
import type { Note } from '../engine/finding.js';
import type { EnabledRule, Rule } from '../engine/rule.js';
import { analyseInOrder, analyseSources, type FileJob, type ReviewSettings } from '../review/analyse.js';
import { reviewBudget } from '../review/budgets.js';
import { DEFAULT_CONFIG, enabledRules, parseConfigYaml, type Config } from '../review/config.js';
import { wholeFileDiff } from '../review/diff.js';
import { exitStatus, planReview, type AnalysedFile, type ReviewPlan } from '../review/plan.js';
import { renderJson } from '../review/render/json.js';
import { writeSarif } from '../review/render/sarif.js';
import { renderSummary, type ReviewScope } from '../review/render/summary.js';
import { leaveOutExcluded, repositoryConventions } from '../review/conventions/index.js';
import { compileGlobs } from '../review/globs.js';
import { cliAnalyser } from './analyser.js';
import { UsageError, type ReviewArgs } from './args.js';
import { readConfigFile } from './config-file.js';
import { collectFiles } from './collect-files.js';
import { readGitChange, resolveRange } from './git-change.js';
import { cliRepoContext, projectRoot } from './repo-context.js';
import { progressLine } from './progress.js';
import { writeJson, type OutStream } from './write-json.js';

export interface CliIo {
  stdout: OutStream;
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  cwd: string;
  /** Rules to run besides the config's (a seam for tests and local experiments). */
  extraRules?: readonly EnabledRule[];
}

/** `pr-reviewer review`: a change (`--diff`) or whole files in, one review out; returns the exit status. */
export async function runReview(args: ReviewArgs, io: CliIo, version?: string): Promise<number> {
  const config = loadConfig(args.config, io.cwd);
  const maxBytes = args.maxFileBytes ?? config.max_file_bytes;
  const first = resolve(io.cwd, args.paths[0]!);
  // Paths in every format are relative to the repository's root, so code scanning places them right from any folder.
  const root = projectRoot(isDirectory(first) ? first : dirname(first), io.cwd);
  const review: Review = { config, maxBytes, root, io };

  const { plan, scope } = args.diff ? await reviewChange(args, review) : await reviewFiles(args, review);

  if (args.format === 'json') await writeJson(renderJson(plan, { scope }), io.stdout);
  else if (args.format === 'sarif') await writeSarif(plan, io.stdout, { rules: sarifRules(config, io), ...(version ? { toolVersion: version } : {}) });
  else io.stdout.write(`${renderSummary(plan, { scope, markdown: false }).trimEnd()}\n`);
  return exitStatus(plan);
}

interface Review {
  config: Config;
  maxBytes: number;
  /** The repository's root: every path is relative to it. */
  root: string;
  io: CliIo;
}

/**
 * The rules and conventions for each file: the config, the repository's lint settings and the
 * habits of the code the change does not touch (or of the files themselves, reviewed whole).
 */
function settingsFor(
  review: Review,
  files: readonly string[],
  bases?: ReadonlyMap<string, string>,
): { settings: ReviewSettings; notes: Note[]; lintFiles: Readonly<Record<string, string>>; excludedBy: (path: string) => string | undefined } {
  const context = cliRepoContext(review.root, files, { maxBytes: review.maxBytes, ...(bases ? { bases } : {}) });
  const repository = repositoryConventions({ config: review.config, lintFiles: context.lintFiles, sources: context.sources, stubs: context.stubs });
  const extra = review.io.extraRules ?? [];
  const settings: ReviewSettings = {
    rulesFor: (path) => (extra.length ? [...repository.rulesFor(path), ...extra] : repository.rulesFor(path)),
    conventionsFor: (path) => repository.conventionsFor(path),
  };
  const notes = repository.problems.map((p): Note => ({ path: '', kind: 'config', message: p.key ? `\`${p.key}\`: ${p.message}` : p.message }));
  return { settings, notes, lintFiles: context.lintFiles, excludedBy: (path) => repository.excludedBy(path) };
}

async function reviewChange(args: ReviewArgs, review: Review): Promise<{ plan: ReviewPlan; scope: ReviewScope }> {
  const { config, root, io } = review;
  const range = resolveRange(args.diff!, root);
  const pathspecs = args.paths.map((p) => relative(root, resolve(io.cwd, p)).split(sep).join('/')).filter((p) => p !== '');
  for (const p of pathspecs) if (p.startsWith('..') || isAbsolute(p)) throw new UsageError(`${p}: outside the repository at ${root}`);
  const change = readGitChange(root, range, { pathspecs, selects: selector(config), maxBytes: review.maxBytes });
  const bases = new Map(change.sources.flatMap((s) => (s.base !== undefined ? [[s.path, s.base] as const] : [])));
  const { settings, notes, lintFiles, excludedBy } = settingsFor(
    review,
    change.sources.map((s) => join(root, s.path)),
    bases,
  );
  // Files the repository's own linters exclude (black's tests/data/ formatter input) are left out with a note.
  const { kept, notes: excluded } = leaveOutExcluded(change.sources, excludedBy);
  const chars = kept.reduce((n, s) => n + s.head.length + (s.base?.length ?? 0), 0);
  const engine = cliAnalyser(args.jobs, kept.length, chars);
  const files = await analyseSources(kept, settings, engine.analyser, reviewBudget(config)).finally(engine.close);
  const reviewConfig = { ...config, ...(args.report ? { report: args.report } : {}) };
  const plan = planReview({ mode: 'change', files, config: reviewConfig, notes: [...change.notes, ...notes, ...excluded], lintFiles });
  return { plan, scope: { kind: 'change', range: range.label } };
}

/** Whole files, each read when the engine has room for it: no tree or text outlives its file. */
async function reviewFiles(args: ReviewArgs, review: Review): Promise<{ plan: ReviewPlan; scope: ReviewScope }> {
  const { config, maxBytes, root, io } = review;
  const collected = collectFiles(args.paths, io.cwd, config);
  const { unreadable, skipped, empty } = collected;
  const { settings, notes: configNotes, excludedBy } = settingsFor(review, collected.files);
  // As Ruff and black without --force-exclude: a file named on the command line is reviewed even when the repository excludes it; one found in a folder is not.
  const named = new Set(args.paths.map((p) => shown(resolve(io.cwd, p), root)));
  const { kept, notes: excluded } = leaveOutExcluded(
    collected.files.map((file) => ({ file, path: shown(file, root) })),
    (path) => (named.has(path) ? undefined : excludedBy(path)),
  );
  const files = kept.map((k) => k.file);
  const skip = (file: string, why: string): Note => ({ path: shown(file, root), kind: 'skipped', message: `${shown(file, root)}: skipped: ${why}` });
  const notes: Note[] = [
    ...configNotes,
    ...excluded,
    ...unreadable.map((u) => skip(u.path, `folder could not be read (${u.reason})`)),
    ...skipped.map((u) => skip(u.path, u.reason)),
  ];
  const progress = progressLine(io.stderr, files.length);
  let started = 0;
  const read = (file: string): FileJob | undefined => {
    const path = shown(file, root);
    progress.update(++started, path);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      notes.push(skip(file, `could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`));
      return undefined;
    }
    const decoded = decodePython(bytes, maxBytes);
    if (!decoded.ok) {
      notes.push({ path, kind: 'skipped', message: `${path}: ${decoded.reason}` });
      return undefined;
    }
    return { path, source: decoded.source, rules: settings.rulesFor(path), conventions: settings.conventionsFor(path) };
  };
  const engine = cliAnalyser(args.jobs, files.length, sizeOf(files));
  const results = await analyseInOrder(files, read, engine.analyser, reviewBudget(config)).finally(engine.close);
  progress.done();
  // The plan of whole files needs no text: each source was dropped once analysed.
  const analysed: AnalysedFile[] = results.flatMap((r) => (r ? [{ source: { path: r.head.path, head: '', diff: wholeFileDiff('') }, head: r.head }] : []));
  const plan = planReview({ mode: 'files', files: analysed, config, notes });
  return { plan, scope: { kind: 'files', empty: empty.map((p) => shown(resolve(io.cwd, p), root)) } };
}

/** Bytes on disk of the files, as an estimate of their characters. */
function sizeOf(files: readonly string[]): number {
  let total = 0;
  for (const file of files) {
    try {
      total += statSync(file).size;
    } catch {
      // Unreadable files are reported when they are read.
    }
  }
  return total;
}

/** The rules SARIF describes: every rule the config turns on anywhere, and the extra ones. */
function sarifRules(config: Config, io: CliIo): Rule[] {
  return [...enabledRules(config), ...(io.extraRules ?? [])].map((r) => r.rule);
}

/** Python files that the config's include/exclude globs select, by repository-relative path. */
function selector(config: Config): (path: string) => boolean {
  const included = compileGlobs(config.include);
  const excluded = compileGlobs(config.exclude);
  return (path) => (path.endsWith('.py') || path.endsWith('.pyi')) && included(path) && !excluded(path);
}

function loadConfig(path: string | undefined, cwd: string): Config {
  if (!path) return DEFAULT_CONFIG;
  const { config, problems } = parseConfigYaml(readConfigFile(path, cwd), path);
  if (problems.length) {
    const first = problems[0]!;
    const where = first.key ? ` (${first.key})` : '';
    throw new UsageError(`${first.message}${where}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}`);
  }
  return config;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A path as the review shows it: relative to the root when under it, with `/`. */
function shown(file: string, root: string): string {
  const rel = relative(root, file);
  const inside = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  return inside.split(sep).join('/');
}
