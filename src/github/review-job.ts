import { STRICT_CONVENTIONS } from '../engine/conventions.js';
import type { Note } from '../engine/finding.js';
import type { ReviewBudget } from '../engine/review-budget.js';
import type { JobControl, ReviewJob } from '../queue/types.js';
import { analyseSources, type Analyser, type ReviewSettings } from '../review/analyse.js';
import { APP_BUDGET, reviewBudget } from '../review/budgets.js';
import { enabledRules, type Config, type ConfigProblem } from '../review/config.js';
import { leaveOutExcluded, measureInTurns, repositoryConventions } from '../review/conventions/index.js';
import { commentableLines } from '../review/diff.js';
import { planReview, type ChangedSource } from '../review/plan.js';
import { annotations, annotationsNote, checkSummary, checkTitle, inlineReviewBody } from '../review/render/check-run.js';
import { fingerprintsFromBody, renderInlineComment } from '../review/render/inline.js';
import { plainText } from '../review/render/markdown.js';
import { ruleLookup } from '../review/render/rule-lookup.js';
import { renderSummary } from '../review/render/summary.js';
import { withCheckRun, type ReviewCheckRun } from './check-run.js';
import { loadConfig } from './config.js';
import type { GitHub } from './octokit.js';
import { findSummaryComment, listOurReviewComments, postReview, upsertSummary, type InlineComment } from './publish.js';
import { fetchFiles, getPullRequest, listReviewableFiles, type PullRequestInfo } from './pull-request.js';
import { readRepoContext } from './repo-context.js';
import { resolveGoneThreads } from './threads.js';

/** GitHub's comment body limit is 65,536 characters; keep a margin. */
export const SUMMARY_MAX_CHARS = 60_000;

export interface ReviewLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error?(obj: object, msg?: string): void;
}

export interface ReviewDeps {
  log?: ReviewLog;
  /** What each file is reviewed with; by default the repository's conventions, read at the base commit. */
  settings?: (config: Config) => ReviewSettings;
  /** Where the engine runs; this thread, a file at a time, by default (the server hands its worker pool). */
  analyser?: Analyser;
  /** Ceilings of every review's budgets, whatever the repository's config asks (APP_BUDGET by default). */
  budget?: ReviewBudget;
  /** Our app's bot login (`<slug>[bot]`): only its comments and threads are taken for ours; none when absent. */
  botLogin?: string;
}

/** The config's rules and strict conventions for every file, whatever the repository does (tests, benchmarks). */
export function defaultSettings(config: Config): ReviewSettings {
  const rules = enabledRules(config);
  return { rulesFor: () => rules, conventionsFor: () => STRICT_CONVENTIONS };
}

export type ReviewOutcome =
  | { status: 'skipped'; reason: string }
  | { status: 'stale' }
  | {
      status: 'published';
      files: number;
      reported: number;
      older: number;
      inline: number;
      rejected: number;
      summary: 'created' | 'updated' | 'unchanged';
      conclusion: string;
      resolvedThreads: number;
    };

const silent: ReviewLog = { info: () => undefined, warn: () => undefined };

/**
 * The worker: one review of a pull request at a head commit, from config to check run.
 * Webhook handlers only enqueue; everything that costs API calls happens here. Whatever fails
 * once the review has begun (GitHub's 5xx on the config or the pull request, a timeout) is said on
 * the check run, never left in progress; before each write the job asks `control.isStale()`, so a
 * review overtaken by a newer push publishes nothing.
 */
export async function reviewPullRequest(octokit: GitHub, job: ReviewJob, control: JobControl, deps: ReviewDeps = {}): Promise<ReviewOutcome> {
  const log = deps.log ?? silent;
  if (control.isStale()) return { status: 'stale' };
  const target = (headSha: string) => ({
    owner: job.owner,
    repo: job.repo,
    headSha,
    deliveryId: job.deliveryId,
    log: { warn: (obj: object, msg?: string) => log.warn(obj, msg), error: (obj: object, msg?: string) => (log.error ?? log.warn).call(log, obj, msg) },
  });
  const options = { willRetry: control.finalAttempt === false };
  let start;
  try {
    start = await Promise.all([getPullRequest(octokit, job.owner, job.repo, job.pullNumber), loadConfig(octokit, job.owner, job.repo)]);
  } catch (error) {
    // No pull request or config to go on: the job's commit gets a concluded check run that says why.
    return withCheckRun(octokit, target(job.headSha), () => Promise.reject(error), options);
  }
  const [pr, { config, problems }] = start;
  if (pr.state !== 'open') return { status: 'skipped', reason: 'closed' };
  // A newer push has its own job. If GitHub's head differs from the job's while the queue still
  // calls this job the newest (events delivered out of order), review GitHub's head: dropping
  // this job too would lose the review.
  if (pr.headSha !== job.headSha) log.info({ jobHead: job.headSha, head: pr.headSha }, 'reviewing the pull request head GitHub reports');
  return withCheckRun(octokit, target(pr.headSha), (run) => review(octokit, job, control, deps, run, pr, config, problems), options);
}

async function review(
  octokit: GitHub,
  job: ReviewJob,
  control: JobControl,
  deps: ReviewDeps,
  run: ReviewCheckRun,
  pr: PullRequestInfo,
  config: Config,
  problems: readonly ConfigProblem[],
): Promise<ReviewOutcome> {
  const log = deps.log ?? silent;
  const botLogin = deps.botLogin ?? '';
  const { owner, repo, pullNumber } = job;
  const neutral = (title: string, summary: string): Promise<void> => run.conclude('neutral', { title, summary });
  if (pr.draft && !config.drafts && job.reason !== 'command') {
    await neutral(
      'Skipped: draft pull request',
      `Draft pull requests are not reviewed. Mark it ready for review, comment \`${config.command}\`, or set \`drafts: true\` in \`.github/pr-reviewer.yml\`.${problemsText(problems)}`,
    );
    return { status: 'skipped', reason: 'draft' };
  }

  const [{ files: changed, notes: listingNotes }, existingInline, summaryComment] = await Promise.all([
    listReviewableFiles(octokit, owner, repo, pr, config),
    listOurReviewComments(octokit, owner, repo, pullNumber, botLogin),
    findSummaryComment(octokit, owner, repo, pullNumber, botLogin),
  ]);
  // A pull request without Python (most of them, in an org-wide install) gets no comment at all.
  if (changed.length === 0 && listingNotes.length === 0 && !summaryComment && existingInline.length === 0) {
    await neutral(
      'No Python files to review',
      `None of the files this pull request changes is Python that the config's \`include\`/\`exclude\` globs select.${problemsText(problems)}`,
    );
    return { status: 'skipped', reason: 'no python files' };
  }
  // The repository's conventions are read at the base commit, beside the files (at most 10 reads, cached per commit).
  const [fetched, context] = await Promise.all([
    fetchFiles(octokit, owner, repo, pr, changed, config.max_file_bytes),
    deps.settings
      ? undefined
      : readRepoContext(
          octokit,
          owner,
          repo,
          pr.baseSha,
          changed.map((f) => f.basePath),
        ),
  ]);
  const sources: ChangedSource[] = fetched.files.map((f) => ({
    path: f.path,
    head: f.head,
    ...(f.base !== undefined ? { base: f.base, basePath: f.basePath } : {}),
    diff: commentableLines(f.patch),
  }));
  const conventions =
    context &&
    repositoryConventions({
      config,
      lintFiles: context.lintFiles,
      sources: await measureInTurns([...untouched(sources), ...context.neighbours]),
      stubs: context.stubs,
    });
  const settings = deps.settings?.(config) ?? conventions!;
  // Files the repository's own linters exclude (read at the base commit) are left out with a note.
  const { kept, notes: excluded } = conventions ? leaveOutExcluded(sources, (path) => conventions.excludedBy(path)) : { kept: sources, notes: [] };
  const files = await analyseSources(kept, settings, deps.analyser, reviewBudget(config, deps.budget ?? APP_BUDGET));
  const postedBefore = new Set(existingInline.flatMap((c) => fingerprintsIn(c.body)));
  const contextNotes = [...(context?.problems ?? []).map((message) => ({ key: '', message })), ...(conventions?.problems ?? [])];
  const notes = [...listingNotes, ...fetched.notes, ...[...problems, ...contextNotes].map(problemNote), ...excluded];
  const plan = planReview({ mode: 'change', files, config, notes, postedBefore, ...(context ? { lintFiles: context.lintFiles } : {}) });

  const rule = ruleLookup();
  const comments: InlineComment[] = plan.inline.map((i) => ({
    path: i.finding.path,
    line: i.anchor.line,
    ...(i.anchor.startLine !== undefined ? { startLine: i.anchor.startLine } : {}),
    body: renderInlineComment(i.suggestion ? i.finding : { ...i.finding, fix: undefined }, rule(i.finding.rule), {
      ...(i.suggestion ? { suggestion: i.suggestion } : {}),
      also: i.also.map((f) => ({ finding: f, rule: rule(f.rule) })),
    }),
    fingerprint: i.finding.fingerprint,
  }));

  if (control.isStale()) return superseded(run);
  const posted = await postReview(octokit, owner, repo, pullNumber, pr.headSha, inlineReviewBody(comments.length), comments);
  if (posted.rejected.length)
    log.warn({ rejected: posted.rejected.map((c) => `${c.path}:${c.line}`) }, 'GitHub refused some inline comments; they stay in the summary');

  const summary = renderSummary(plan, { maxChars: SUMMARY_MAX_CHARS, scope: { kind: 'change' } });
  if (control.isStale()) return superseded(run);
  const summaryState = await upsertSummary(octokit, owner, repo, pullNumber, summary, summaryComment);

  // Our earlier comments whose finding is no longer in the file: resolve their threads.
  const present = new Set(files.flatMap((f) => f.head.findings.map((x) => x.fingerprint)));
  const analysed = new Set(kept.map((f) => f.path));
  const gone = existingInline.filter((c) => fingerprintsIn(c.body).some((fp) => !present.has(fp)));
  let resolvedThreads = 0;
  if (gone.length) {
    resolvedThreads = await resolveGoneThreads(octokit, owner, repo, pullNumber, botLogin, (path, body) => {
      const fps = fingerprintsIn(body);
      return analysed.has(path) && fps.length > 0 && fps.every((fp) => !present.has(fp));
    });
  }

  const { conclusion } = plan.verdict;
  const annotated = annotations(plan.reported);
  const note = annotationsNote(plan.reported.length, annotated.length);
  await run.conclude(conclusion, { title: checkTitle(plan), summary: checkSummary(summary), ...(note ? { text: note } : {}), annotations: annotated });
  log.info(
    { pr: `${owner}/${repo}#${pullNumber}`, files: fetched.files.length, reported: plan.reported.length, inline: posted.posted.length, conclusion },
    'review published',
  );
  return {
    status: 'published',
    files: fetched.files.length,
    reported: plan.reported.length,
    older: plan.preexisting.length,
    inline: posted.posted.length,
    rejected: posted.rejected.length,
    summary: summaryState,
    conclusion,
    resolvedThreads,
  };
}

/** The code a change does not touch, for its conventions: each changed file's base version, under its head path. */
function untouched(sources: readonly ChangedSource[]): Array<{ path: string; source: string }> {
  return sources.flatMap((s) => (s.base !== undefined ? [{ path: s.path, source: s.base }] : []));
}

function fingerprintsIn(body: string): string[] {
  return fingerprintsFromBody(body);
}

function problemNote(p: ConfigProblem): Note {
  return { path: '.github/pr-reviewer.yml', kind: 'config', message: p.key ? `\`${p.key}\`: ${p.message}` : p.message };
}

function problemsText(problems: readonly ConfigProblem[]): string {
  if (!problems.length) return '';
  return `\n\nConfiguration problems:\n${problems.map((p) => `- ${plainText(problemNote(p).message)}`).join('\n')}`;
}

async function superseded(run: ReviewCheckRun): Promise<ReviewOutcome> {
  await run.conclude('neutral', { title: 'Superseded', summary: 'A newer commit was pushed while this one was being reviewed; its review replaces this one.' });
  return { status: 'stale' };
}
