import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { STRICT_CONVENTIONS } from '../engine/conventions.js';
import { decodePython } from '../engine/decode.js';
import type { Note } from '../engine/finding.js';
import { memoryKeeper } from '../engine/memory.js';
import type { EnabledRule } from '../engine/rule.js';
import { analyseSources, inThisThread, type Analyser, type ReviewSettings } from '../review/analyse.js';
import { DEFAULT_CONFIG, enabledRules, parseConfigYaml, type Config } from '../review/config.js';
import { wholeFileDiff } from '../review/diff.js';
import { exitStatus, planReview, type AnalysedFile, type ReviewPlan } from '../review/plan.js';
import { renderJson } from '../review/render/json.js';
import { writeSarif } from '../review/render/sarif.js';
import { renderSummary, type ReviewScope } from '../review/render/summary.js';
import { UsageError, type ReviewArgs } from './args.js';
import { collectFiles } from './collect-files.js';
import { readGitChange, resolveRange } from './git-change.js';
import { repositoryRoot } from './git.js';
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
  const rules = [...enabledRules(config), ...(io.extraRules ?? [])];
  const settings: ReviewSettings = { rulesFor: () => rules, conventionsFor: () => STRICT_CONVENTIONS };
  const maxBytes = args.maxFileBytes ?? config.max_file_bytes;
  const first = resolve(io.cwd, args.paths[0]!);
  // Paths in every format are relative to the repository's root, so code scanning places them right from any folder.
  const root = repositoryRoot(isDirectory(first) ? first : dirname(first)) ?? io.cwd;

  const { plan, scope } = args.diff ? await reviewChange(args, config, settings, root, io) : await reviewFiles(args, config, settings, maxBytes, root, io);

  if (args.format === 'json') await writeJson(renderJson(plan, { scope }), io.stdout);
  else if (args.format === 'sarif') await writeSarif(plan, io.stdout, { rules: rules.map((r) => r.rule), ...(version ? { toolVersion: version } : {}) });
  else io.stdout.write(`${renderSummary(plan, { scope, markdown: false }).trimEnd()}\n`);
  return exitStatus(plan);
}

async function reviewChange(
  args: ReviewArgs,
  config: Config,
  settings: ReviewSettings,
  root: string,
  io: CliIo,
): Promise<{ plan: ReviewPlan; scope: ReviewScope }> {
  const range = resolveRange(args.diff!, root);
  const pathspecs = args.paths.map((p) => relative(root, resolve(io.cwd, p)).split(sep).join('/')).filter((p) => p !== '');
  for (const p of pathspecs) if (p.startsWith('..') || isAbsolute(p)) throw new UsageError(`${p}: outside the repository at ${root}`);
  const change = readGitChange(root, range, { pathspecs, selects: selector(config), maxBytes: args.maxFileBytes ?? config.max_file_bytes });
  const files = await analyseSources(change.sources, settings);
  const plan = planReview({ mode: 'change', files, config: { ...config, ...(args.report ? { report: args.report } : {}) }, notes: change.notes });
  return { plan, scope: { kind: 'change', range: range.label } };
}

/** Whole files, one at a time: read, decode, analyse, keep only the results; no tree or text outlives its file. */
async function reviewFiles(
  args: ReviewArgs,
  config: Config,
  settings: ReviewSettings,
  maxBytes: number,
  root: string,
  io: CliIo,
  analyser: Analyser = inThisThread,
): Promise<{ plan: ReviewPlan; scope: ReviewScope }> {
  const { files, unreadable, empty } = collectFiles(args.paths, io.cwd, config);
  const notes: Note[] = unreadable.map((u) => ({
    path: shown(u.path, root),
    kind: 'skipped',
    message: `${shown(u.path, root)}: skipped: folder could not be read (${u.reason})`,
  }));
  const analysed: AnalysedFile[] = [];
  const progress = progressLine(io.stderr, files.length);
  const release = memoryKeeper();
  for (const [i, file] of files.entries()) {
    const path = shown(file, root);
    progress.update(i + 1, path);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      notes.push({
        path,
        kind: 'skipped',
        message: `${path}: skipped: could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      });
      continue;
    }
    const decoded = decodePython(bytes, maxBytes);
    if (!decoded.ok) {
      notes.push({ path, kind: 'skipped', message: `${path}: ${decoded.reason}` });
      continue;
    }
    const head = await analyser.analyse({ path, source: decoded.source, rules: settings.rulesFor(path), conventions: settings.conventionsFor(path) });
    // The plan of whole files needs no text: the source is dropped once analysed.
    analysed.push({ source: { path, head: '', diff: wholeFileDiff('') }, head });
    await release(decoded.source.length);
  }
  progress.done();
  const plan = planReview({ mode: 'files', files: analysed, config, notes });
  return { plan, scope: { kind: 'files', empty: empty.map((p) => shown(resolve(io.cwd, p), root)) } };
}

/** Python files that the config's include/exclude globs select, by repository-relative path. */
function selector(config: Config): (path: string) => boolean {
  const included = picomatch([...config.include], { dot: true });
  const excluded = config.exclude.length ? picomatch([...config.exclude], { dot: true }) : () => false;
  return (path) => (path.endsWith('.py') || path.endsWith('.pyi')) && included(path) && !excluded(path);
}

function loadConfig(path: string | undefined, cwd: string): Config {
  if (!path) return DEFAULT_CONFIG;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new UsageError(`--config ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const { config, problems } = parseConfigYaml(text, path);
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
