import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { GOLDEN_KINDS, goldenDifference, goldenFile, writeGolden } from './prs/golden.js';
import { labelOf, labelStub, loadLabels, normaliseSnippet, type Label } from './prs/labels.js';
import { gitDirOf, hasCommit, reviewChange, type PostedItem, type PostedKind, type PostedReview } from './prs/review.js';
import { addItem, addTally, categoriesText, emptyTally, formatShare, perChange, posted, usefulShare, type Tally } from './prs/tally.js';

/**
 * Re-reviews real merged changes of public Python projects (bench/prs/changes.json) with the
 * built CLI and matches every posted item against the maintainers'-eye labels in
 * bench/prs/labels/: the useful share (keep ÷ all posted) and comments per change.
 *
 *   npm run bench:prs -- [--clones DIR] [--only project[,project]] [--verbose] [--todo FILE] [--markdown]
 *   npm run bench:prs -- --golden [--check]
 *
 * --clones: a folder with one clone per repository (`owner+name/repo`, `owner+name` or `name`,
 * bare or not); the clones are never part of this project. --todo writes a label stub for every
 * unlabelled item, to judge and move into bench/prs/labels/<project>.json. --golden reviews only
 * the changes marked `golden` and writes their markdown summaries to bench/prs/golden/; with
 * --check it writes nothing and exits 1, showing the difference, when a summary changed.
 */
const { values } = parseArgs({
  options: {
    clones: { type: 'string', default: '/work/.mirror' },
    only: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    todo: { type: 'string' },
    markdown: { type: 'boolean', default: false },
    golden: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});
if (values.check && !values.golden) throw new Error('--check goes with --golden');

const DATA = fileURLToPath(new URL('../../bench/prs/', import.meta.url));
/** Issue 9: no change of a well-kept project gets more than this many inline comments, unless all are kept. */
const MAX_INLINE = 5;
const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));

const Change = z.strictObject({
  project: z.string(),
  /** 'first' for the eight changes issue 9 names, 'wider' for the rest: the figures are per group. */
  group: z.string(),
  repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  parent: z.string().regex(/^[0-9a-f]{40}$/),
  title: z.string(),
  why: z.string(),
  /**
   * What the change's maintainers would want a review to say, found by reading the change (a later
   * fix, the project's linter): each must be posted, inline or in the summary. `defect`: a security
   * defect, which the verdict must count and which fails the CLI.
   */
  expect: z
    .array(
      z.strictObject({
        path: z.string(),
        rule: z.string(),
        subject: z.string().optional(),
        /** The source line, as in a label: when subject and snippet are both given, either may agree. */
        snippet: z.string().optional(),
        defect: z.boolean().optional(),
        why: z.string().min(3),
      }),
    )
    .optional(),
  /** One of the three changes whose summary is checked in (bench/prs/golden/), and which kind. */
  golden: z.enum(GOLDEN_KINDS).optional(),
});
type Change = z.infer<typeof Change>;

const changes = z.array(Change).parse(JSON.parse(readFileSync(resolve(DATA, 'changes.json'), 'utf8')));
const labels = loadLabels(resolve(DATA, 'labels'));
const only = values.only?.split(',').map((p) => p.trim().toLowerCase());
const selected = changes.filter(
  (c) => (!only || only.includes(c.project.toLowerCase()) || only.includes(c.repository.toLowerCase())) && (!values.golden || c.golden),
);
const GOLDEN = resolve(DATA, 'golden');
const goldenDifferences: string[] = [];

/** The engine is what src/ and analyzers/ hold: their last commit, and whether the work tree differs from it. */
const git = (args: string[]): string => execFileSync('git', args, { cwd: DATA, encoding: 'utf8' }).trim();
const engine = `${git(['log', '-1', '--format=%h %cs', '--', '../../src', '../../analyzers'])}${git(['status', '--porcelain', '--', '../../src', '../../analyzers']) ? ' + uncommitted changes' : ''}`;
console.log(`Reviews of real pull requests: ${selected.length} changes, engine ${engine}, clones under ${values.clones}\n`);

const byProject = new Map<string, Tally>();
const byGroup = new Map<string, Tally>();
const total = emptyTally();
const stubs: Record<string, unknown>[] = [];
const usedLabels = new Set<Label>();
let planned = false;
const perChangeRows: string[][] = [];

for (const change of selected) {
  const short = change.commit.slice(0, 8);
  const gitDir = gitDirOf(change.repository, values.clones);
  if (!gitDir || !hasCommit(gitDir, change.commit) || !hasCommit(gitDir, change.parent)) {
    console.log(`${change.project} ${short}: skipped: no clone of ${change.repository} with this commit under ${values.clones}`);
    continue;
  }
  let review: PostedReview;
  try {
    review = reviewChange(gitDir, change, CLI);
  } catch (error) {
    console.log(`${change.project} ${short}: skipped: ${(error as Error).message}`);
    continue;
  }
  planned ||= review.planned;
  const projectLabels = labels.get(change.project) ?? [];
  const tally = emptyTally();
  tally.changes = 1;
  tally.securityDefects = review.securityDefects;
  tally.failed = review.exitStatus === 0 ? 0 : 1;
  const keptInline = { n: 0 };
  const lines: string[] = [];
  const judge = (item: PostedItem & { kind?: PostedKind }, inline: boolean): void => {
    const label = labelOf(item, change.commit, projectLabels);
    if (label) usedLabels.add(label);
    addItem(tally, item.category, inline, label?.verdict);
    if (inline && label?.verdict === 'keep') keptInline.n++;
    if (!label) stubs.push({ project: change.project, ...labelStub(item, change.commit) });
    if (values.verbose || !label) {
      const where = `${item.path}:${item.line}`;
      const said = `${item.rule}${item.code ? ` (${item.code})` : ''} ${item.subject ? `\`${item.subject}\` ` : ''}${item.message}`;
      const how = inline ? 'inline ' : item.kind && item.kind !== 'finding' ? `summary (${item.kind})` : 'summary';
      lines.push(`    ${(label?.verdict ?? 'UNLABELLED').padEnd(10)} ${how} ${where} ${said}${label ? ` — ${label.why}` : ''}`);
    }
  };
  for (const item of review.inline) judge(item, true);
  for (const item of review.summary) judge(item, false);
  for (const want of change.expect ?? []) {
    const postedItem = [...review.inline, ...review.summary].find(
      (i) =>
        i.path === want.path &&
        (i.rule === want.rule || i.code === want.rule) &&
        ((want.subject === undefined && want.snippet === undefined) ||
          i.subject === want.subject ||
          (want.snippet !== undefined && normaliseSnippet(i.snippet) === normaliseSnippet(want.snippet))),
    );
    const found = postedItem !== undefined && (!want.defect || (review.securityDefects > 0 && review.exitStatus !== 0));
    tally.expected++;
    if (found) tally.expectedFound++;
    const what = `${want.path} ${want.rule}${want.subject ? ` \`${want.subject}\`` : ''}${want.defect ? ' (a security defect)' : ''}`;
    lines.push(`    ${found ? 'expected' : 'MISSED  '}   ${what} — ${want.why}`);
  }
  if (change.golden && values.golden) {
    const file = goldenFile(GOLDEN, change.project, change.commit);
    if (review.markdown === undefined) goldenDifferences.push(`${file}: the CLI gave no markdown summary`);
    else if (values.check) {
      const difference = goldenDifference(file, review.markdown);
      if (difference) goldenDifferences.push(difference);
    } else writeGolden(file, review.markdown);
  }
  console.log(
    `${change.project} ${short} ${change.title.slice(0, 60)}\n` +
      `    inline ${tally.inline}, summary ${tally.summary} (${categoriesText(tally)}); security defects ${review.securityDefects}, verdict ${review.verdict}, exit ${review.exitStatus}\n` +
      `    keep ${tally.keep}, noise ${tally.noise}, false ${tally.false}, unlabelled ${tally.unlabelled}; useful share ${formatShare(usefulShare(tally))}`,
  );
  if (lines.length) console.log(lines.join('\n'));
  tally.overFive = tally.inline > MAX_INLINE && keptInline.n < tally.inline ? 1 : 0;
  for (const [map, key] of [
    [byProject, change.project],
    [byGroup, change.group],
  ] as const) {
    const sum = map.get(key) ?? emptyTally();
    addTally(sum, tally);
    map.set(key, sum);
  }
  addTally(total, tally);
  perChangeRows.push([
    `${change.project} \`${short}\``,
    change.title.replace(/\|/g, '\\|'),
    String(tally.inline),
    String(tally.summary),
    `${tally.keep} / ${tally.noise} / ${tally.false}${tally.unlabelled ? ` (+${tally.unlabelled} unlabelled)` : ''}`,
    tally.expected ? `${tally.expectedFound} / ${tally.expected}` : '–',
    String(review.securityDefects),
    String(review.exitStatus),
  ]);
}

const rows = [...byProject].map(([project, tally]) => ({ project, tally }));
for (const [group, tally] of byGroup) rows.push({ project: `${group} (${tally.changes} changes)`, tally });
rows.push({ project: 'total', tally: total });
console.log(
  `\n${planned ? 'Review plan of the CLI (inline and summary items)' : 'No review plan in the CLI output: every finding counted as an inline comment'}\n`,
);
console.log(table(rows));
if (values.markdown) {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const head = ['change', 'title', 'inline', 'summary', 'keep / noise / false', 'expected found', 'security defects', 'exit'];
  console.log(`\n${[line(head), line(head.map((_, i) => (i > 1 ? '---:' : '---'))), ...perChangeRows.map(line)].join('\n')}`);
}
console.log(`\nBy category (all posted): ${categoriesText(total)}`);
const allLabels = [...labels].filter(([p]) => byProject.has(p)).flatMap(([, l]) => l);
const unused = allLabels.filter((l) => !usedLabels.has(l) && selected.some((c) => c.commit.startsWith(l.commit)));
console.log(`Labels matching no posted item (engine output changed, or the item is gone): ${unused.length}`);
if (values.golden) {
  if (goldenDifferences.length) {
    console.log(`\n${goldenDifferences.join('\n')}`);
    console.log(
      `${goldenDifferences.length} golden summar${goldenDifferences.length === 1 ? 'y differs' : 'ies differ'}: read the difference, then write them again with --golden`,
    );
    process.exitCode = 1;
  } else console.log(values.check ? '\nThe golden summaries are up to date.' : `\nGolden summaries written to ${GOLDEN}`);
}
if (values.todo) {
  writeFileSync(values.todo, `${JSON.stringify(stubs, null, 2)}\n`);
  console.log(`${stubs.length} label stubs written to ${values.todo}`);
}

function table(rows: Array<{ project: string; tally: Tally }>): string {
  const head = [
    'project',
    'changes',
    'inline',
    'summary',
    'keep',
    'noise',
    'false',
    'unlabelled',
    'useful share',
    'comments/change',
    `changes > ${MAX_INLINE} inline`,
    'max inline',
    'expected found',
    'security defects',
    'failing exits',
  ];
  const body = rows.map(({ project, tally: t }) => [
    project,
    String(t.changes),
    String(t.inline),
    String(t.summary),
    String(t.keep),
    String(t.noise),
    String(t.false),
    String(t.unlabelled),
    formatShare(usefulShare(t)),
    perChange(posted(t), t.changes),
    String(t.overFive),
    String(t.maxInline),
    t.expected ? `${t.expectedFound} / ${t.expected}` : '–',
    String(t.securityDefects),
    String(t.failed),
  ]);
  if (values.markdown) {
    const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
    return [line(head), line(head.map((_, i) => (i ? '---:' : '---'))), ...body.map(line)].join('\n');
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}
