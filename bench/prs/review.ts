import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** One posted item (an inline comment or a summary item): the finding fields the bench reads. */
const PostedItem = z.looseObject({
  path: z.string(),
  line: z.number(),
  rule: z.string(),
  code: z.string().optional(),
  category: z.string(),
  severity: z.string(),
  message: z.string(),
  subject: z.string().optional(),
  snippet: z.string().default(''),
  fingerprint: z.string().optional(),
  advisory: z.string().optional(),
});
export type PostedItem = z.infer<typeof PostedItem>;

/** The review plan's verdict: what fails, and the security findings a suppression added by the change silences. */
const Verdict = z.looseObject({
  conclusion: z.string().optional(),
  securityDefects: z.number().optional(),
  suppressedInChange: z.array(PostedItem).default([]),
  /** Silenced with a reason the repository's own linter process accepts: one summary line lists them. */
  suppressedWithReason: z.array(PostedItem).default([]),
});

/** The CLI's `--format json`, today's shape (`findings`, `summary`) and the review plan's (`inline`, `verdict`). */
const CliJson = z.looseObject({
  findings: z.array(PostedItem).default([]),
  inline: z.array(z.union([PostedItem, z.string(), z.looseObject({ fingerprint: z.string(), also: z.array(z.string()).optional() })])).optional(),
  /** Security findings that look like an intended opt-out: posted as notes in the summary, never defects. */
  advisories: z.array(PostedItem).default([]),
  verdict: z.union([z.string(), Verdict]).optional(),
  summary: z.looseObject({ securityDefects: z.number().optional(), markdown: z.string().optional() }).optional(),
});

/** How an item is posted: a finding (inline or in the summary), a note, or a silenced security finding the summary lists. */
export type PostedKind = 'finding' | 'note' | 'suppressed';

/** What a review of one change would post, and how the CLI ended. */
export interface PostedReview {
  inline: PostedItem[];
  /** Items posted in the summary only (not as inline comments): findings, then notes, then silenced security findings. */
  summary: Array<PostedItem & { kind: PostedKind }>;
  securityDefects: number;
  /** The plan's verdict when the CLI gives one, else 'defects' / 'clean' from the counts. */
  verdict: string;
  exitStatus: number;
  /** False while the CLI has no review plan: every finding is then an inline candidate. */
  planned: boolean;
  /** The summary as it would be posted (markdown), when the CLI gives it. */
  markdown?: string | undefined;
}

/**
 * The one adapter from the CLI's JSON to what would be posted. With the review plan, `findings`
 * are the findings new in the range and `inline` the ones that go inline (as findings or their
 * fingerprints), the rest go in the summary, with the security findings that a suppression added
 * by the change silences (the summary lists them; they fail the check unless the repository's own
 * linter process accepts the suppression). Intended opt-outs (`advisories`) are in the JSON only,
 * never posted. Without a plan, every finding is an inline candidate.
 */
export function postedReview(json: unknown, exitStatus: number): PostedReview {
  const cli = CliJson.parse(json);
  const verdict = cli.verdict;
  const securityDefects = (typeof verdict === 'object' ? verdict.securityDefects : undefined) ?? cli.summary?.securityDefects ?? 0;
  const verdictText = typeof verdict === 'string' ? verdict : (verdict?.conclusion ?? (securityDefects ? 'defects' : 'clean'));
  const markdown = cli.summary?.markdown;
  if (!cli.inline) return { inline: cli.findings, summary: [], securityDefects, verdict: verdictText, exitStatus, planned: false, markdown };
  const byFingerprint = (fp: string): PostedItem | undefined => cli.findings.find((f) => f.fingerprint === fp);
  // A comment may speak of several findings on its line (`also`): each is a posted item.
  const inline = cli.inline
    .flatMap((i) => (typeof i === 'string' ? [byFingerprint(i)] : 'rule' in i ? [i as PostedItem] : [i.fingerprint, ...(i.also ?? [])].map(byFingerprint)))
    .filter((i): i is PostedItem => i !== undefined);
  const inlineKeys = new Set(inline.map(itemKey));
  const summary = [
    ...cli.findings.filter((f) => !inlineKeys.has(itemKey(f))).map((f) => ({ ...f, kind: 'finding' as const })),
    // Advisories are data in the JSON only: the summary no longer posts a line for them.
    ...(typeof verdict === 'object' ? [...verdict.suppressedInChange, ...verdict.suppressedWithReason] : []).map((f) => ({
      ...f,
      kind: 'suppressed' as const,
    })),
  ];
  return { inline, summary, securityDefects, verdict: verdictText, exitStatus, planned: true, markdown };
}

function itemKey(item: PostedItem): string {
  return item.fingerprint ?? `${item.path}:${item.line}:${item.rule}:${item.message}`;
}

export interface ChangeToReview {
  commit: string;
  parent: string;
}

/**
 * Reviews parent..commit with the built CLI. The commit's tree is checked out into a temporary
 * folder outside the project (through a throwaway index, so the clone itself is not touched)
 * and GIT_DIR points the CLI's git at the clone.
 */
export function reviewChange(gitDir: string, change: ChangeToReview, cli: string): PostedReview {
  const root = mkdtempSync(join(tmpdir(), 'pr-reviewer-prs-'));
  const tree = join(root, 'tree');
  mkdirSync(tree);
  try {
    const gitEnv = { ...process.env, GIT_DIR: gitDir, GIT_WORK_TREE: tree };
    execFileSync('git', ['read-tree', change.commit], { env: { ...gitEnv, GIT_INDEX_FILE: join(root, 'index') }, stdio: 'pipe' });
    execFileSync('git', ['checkout-index', '--all', '--force'], { env: { ...gitEnv, GIT_INDEX_FILE: join(root, 'index') }, stdio: 'pipe' });
    const run = spawnSync(process.execPath, [cli, 'review', '--diff', `${change.parent}..${change.commit}`, '--format', 'json', '.'], {
      cwd: tree,
      env: gitEnv,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (run.status !== 0 && run.status !== 1) throw new Error(`the CLI exited ${run.status}: ${(run.stderr || String(run.error ?? '')).trim().split('\n')[0]}`);
    return postedReview(JSON.parse(run.stdout), run.status);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The git dir of a repository: a bare clone or a work tree, found under `clones` or given whole. */
export function gitDirOf(repository: string, clones: string): string | undefined {
  const [owner, name] = repository.split('/') as [string, string];
  for (const candidate of [join(clones, `${owner}+${name}`, 'repo'), join(clones, `${owner}+${name}`), join(clones, name)]) {
    if (!existsSync(candidate)) continue;
    try {
      return execFileSync('git', ['-C', candidate, 'rev-parse', '--absolute-git-dir'], { encoding: 'utf8', stdio: 'pipe' }).trim();
    } catch {
      continue;
    }
  }
  return undefined;
}

/** Whether the clone holds the commit (a shallow or stale clone may not). */
export function hasCommit(gitDir: string, commit: string): boolean {
  return spawnSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' }).status === 0;
}
