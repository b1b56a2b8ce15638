import { execFileSync } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import parseDiff from 'parse-diff';
import { UsageError } from './args.js';

/** Added lines per file (absolute real paths) in a git range, as `git diff` reports them. */
export type AddedLines = Map<string, Set<number>>;

/** Parses `git diff --unified=0` output: only added lines count, as the app's default filter does. */
export function addedLinesOf(diff: string, root: string): AddedLines {
  const out: AddedLines = new Map();
  for (const file of parseDiff(diff)) {
    if (file.deleted || !file.to || file.to === '/dev/null') continue;
    const lines = new Set<number>();
    for (const chunk of file.chunks) for (const change of chunk.changes) if (change.type === 'add') lines.add(change.ln);
    if (lines.size) out.set(resolve(root, file.to), lines);
  }
  return out;
}

/**
 * Runs `git diff` for `range` in the repository holding `anyPath`. `BASE` compares with the
 * working tree, `BASE..HEAD` / `BASE...HEAD` are git's own ranges.
 */
export function gitAddedLines(range: string, anyPath: string): AddedLines {
  const real = realpathSync(anyPath);
  const cwd = statSync(real).isDirectory() ? real : dirname(real);
  const root = git(['rev-parse', '--show-toplevel'], cwd).trim();
  const diff = git(['-c', 'core.quotePath=false', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '-M', range, '--'], root);
  return addedLinesOf(diff, root);
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '')
      .trim()
      .split('\n')[0];
    throw new UsageError(`git ${args.filter((a) => !a.startsWith('-') && !a.includes('=')).join(' ')} failed: ${stderr || (error as Error).message}`);
  }
}
