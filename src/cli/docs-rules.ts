#!/usr/bin/env node
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULES } from '../../analyzers/index.js';
import { renderRuleDocs } from '../review/render/rule-docs.js';

/**
 * `npm run docs:rules`: writes docs/rules/ (one page per rule and an index) from the rules' own
 * docs and option schemas.
 * `--check` changes nothing and exits 1 when anything is out of date (for CI).
 */
const check = process.argv.slice(2).includes('--check');
const root = process.cwd();
const dir = resolve(root, 'docs/rules');

const wanted = renderRuleDocs(RULES);
const present = new Set(readdirSafe(dir).filter((f) => f.endsWith('.md')));
const stale = [...wanted].filter(([file, text]) => readSafe(join(dir, file)) !== text).map(([file]) => file);
const extra = [...present].filter((file) => !wanted.has(file));

const outdated = [...stale.map((f) => `docs/rules/${f}`), ...extra.map((f) => `docs/rules/${f} (no such rule)`)];
if (check) {
  if (outdated.length) {
    process.stderr.write(`Rule docs out of date; run \`npm run docs:rules\`:\n${outdated.map((f) => `  ${f}`).join('\n')}\n`);
    process.exitCode = 1;
  }
} else {
  mkdirSync(dir, { recursive: true });
  for (const file of stale) writeFileSync(join(dir, file), wanted.get(file)!);
  for (const file of extra) rmSync(join(dir, file));
  process.stdout.write(
    outdated.length ? `Updated ${outdated.length} file(s):\n${outdated.map((f) => `  ${f}`).join('\n')}\n` : 'Rule docs already up to date\n',
  );
}

function readSafe(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function readdirSafe(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
