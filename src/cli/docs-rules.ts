#!/usr/bin/env node
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RULES } from '../../analyzers/index.js';
import { renderRuleReference, replaceSection } from '../review/render/rule-reference.js';

/**
 * `npm run docs:rules`: rewrites the README's rule reference from the rules' docs.
 * `--stdout` prints it instead; `--check` exits 1 when the README is out of date (for CI).
 */
const args = new Set(process.argv.slice(2));
const reference = renderRuleReference(RULES);
if (args.has('--stdout')) {
  process.stdout.write(`${reference}\n`);
} else {
  const path = resolve(process.cwd(), 'README.md');
  const before = readFileSync(path, 'utf8');
  const after = replaceSection(before, 'rules', reference);
  if (args.has('--check')) {
    if (before !== after) {
      process.stderr.write('README.md: the rule reference is out of date; run `npm run docs:rules`\n');
      process.exitCode = 1;
    }
  } else if (before !== after) {
    writeFileSync(path, after);
    process.stdout.write(`README.md: rule reference updated (${RULES.length} rules)\n`);
  } else process.stdout.write('README.md: rule reference already up to date\n');
}
