import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { analyze, emptyResult, mergeInto, type AnalysisResult } from '../engine/analyze.js';
import { decodePython } from '../engine/decode.js';
import type { Note } from '../engine/finding.js';
import type { EnabledRule } from '../engine/run.js';
import { DEFAULT_CONFIG, enabledRules, parseConfigYaml, type Config } from '../review/config.js';
import { failingDefects } from '../review/render/defects.js';
import { renderJson } from '../review/render/json.js';
import { renderSarif } from '../review/render/sarif.js';
import { renderSummary } from '../review/render/summary.js';
import { UsageError, type ReviewArgs } from './args.js';
import { collectFiles } from './collect-files.js';
import { gitAddedLines, type AddedLines } from './git-diff.js';
import { memoryKeeper } from '../engine/memory.js';
import { progressLine } from './progress.js';
import { writeJson, type OutStream } from './write-json.js';

export interface CliIo {
  stdout: OutStream;
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  cwd: string;
  /** Rules to run besides the config's (a seam for tests and local experiments). */
  extraRules?: readonly EnabledRule[];
}

/** `pr-reviewer review`: files in, one review out; returns the exit status. */
export async function runReview(args: ReviewArgs, io: CliIo, version?: string): Promise<number> {
  const config = loadConfig(args.config, io.cwd);
  const rules = [...enabledRules(config), ...(io.extraRules ?? [])];
  const maxBytes = args.maxFileBytes ?? config.max_file_bytes;
  const { files, unreadable } = collectFiles(args.paths, io.cwd, config);
  const notes: Note[] = unreadable.map((u) => ({
    path: display(u.path, io.cwd),
    kind: 'skipped',
    message: `${display(u.path, io.cwd)}: skipped: folder could not be read (${u.reason})`,
  }));
  const added = args.diff ? gitAddedLines(args.diff, resolve(io.cwd, args.paths[0]!)) : undefined;

  const result = await reviewFiles(files, { rules, maxBytes, added, io, notes });
  if (args.format === 'json') await writeJson(renderJson(result), io.stdout);
  else {
    const output =
      args.format === 'sarif'
        ? JSON.stringify(renderSarif(result, { rules: rules.map((r) => r.rule), ...(version ? { toolVersion: version } : {}) }), null, 2)
        : renderSummary(result).trimEnd();
    io.stdout.write(`${output}\n`);
  }
  return failingDefects(result.findings, config.fail_on ?? 'info').length ? 1 : 0;
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

interface ReviewSetup {
  rules: readonly EnabledRule[];
  maxBytes: number;
  added: AddedLines | undefined;
  io: CliIo;
  notes: Note[];
}

/** One file at a time: read, decode, analyse, keep only the findings; no tree outlives its file. */
async function reviewFiles(files: readonly string[], setup: ReviewSetup): Promise<AnalysisResult> {
  const { rules, maxBytes, added, io } = setup;
  const total = emptyResult(setup.notes);
  const targets = added ? files.filter((f) => added.has(realPath(f))) : files;
  const progress = progressLine(io.stderr, targets.length);
  const release = memoryKeeper();
  for (const [i, file] of targets.entries()) {
    const path = display(file, io.cwd);
    progress.update(i + 1, path);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      total.notes.push({
        path,
        kind: 'skipped',
        message: `${path}: skipped: could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      });
      continue;
    }
    const decoded = decodePython(bytes, maxBytes);
    if (!decoded.ok) {
      total.notes.push({ path, kind: 'skipped', message: `${path}: ${decoded.reason}` });
      continue;
    }
    const lines = added?.get(realPath(file));
    const one = analyze([{ path, source: decoded.source, ...(lines ? { lines } : {}) }], rules);
    mergeInto(total, one);
    await release(decoded.source.length);
  }
  progress.done();
  return total;
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** Paths as the user would write them: relative to the working directory when under it, with `/`. */
function display(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  return shown.split(sep).join('/');
}
