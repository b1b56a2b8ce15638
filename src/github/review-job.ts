import { STRICT_CONVENTIONS } from '../engine/conventions.js';
import type { Note } from '../engine/finding.js';
import type { JobControl, ReviewJob } from '../queue/types.js';
import { analyseSources, type Analyser, type ReviewSettings } from '../review/analyse.js';
import { enabledRules, type Config, type ConfigProblem } from '../review/config.js';
import { commentableLines } from '../review/diff.js';
import { planReview, type ChangedSource } from '../review/plan.js';
import { annotations, annotationsNote, checkSummary, checkTitle, inlineReviewBody } from '../review/render/check-run.js';
import { fingerprintFromBody, renderInlineComment } from '../review/render/inline.js';
import { ruleLookup } from '../review/render/rule-lookup.js';
import { renderSummary } from '../review/render/summary.js';
import { completeCheckRun, neutralCheckRun, startCheckRun } from './check-run.js';
import { loadConfig } from './config.js';
import type { GitHub } from './octokit.js';
import { findSummaryComment, listOurReviewComments, postReview, upsertSummary, type InlineComment } from './publish.js';
import { fetchFiles, getPullRequest, listReviewableFiles } from './pull-request.js';
import { resolveGoneThreads } from './threads.js';

/** GitHub's comment body limit is 65,536 characters; keep a margin. */
export const SUMMARY_MAX_CHARS = 60_000;

export interface ReviewLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface ReviewDeps {
  log?: ReviewLog;
  /** What each file is reviewed with; the config's rules and strict conventions by default. */
  settings?: (config: Config) => ReviewSettings;
  /** Where the engine runs; this thread, a file at a time, by default. */
  analyser?: Analyser;
}

/** The config's rules for every file. */
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
 * Webhook handlers only enqueue; everything that costs API calls happens here. Before each
 * write it asks `control.isStale()`, so a review overtaken by a newer push publishes nothing.
 */
export async function reviewPullRequest(octokit: GitHub, job: ReviewJob, control: JobControl, deps: ReviewDeps = {}): Promise<ReviewOutcome> {
  const log = deps.log ?? silent;
  const { owner, repo, pullNumber } = job;
  const [pr, { config, problems }] = await Promise.all([getPullRequest(octokit, owner, repo, pullNumber), loadConfig(octokit, owner, repo)]);
  if (pr.state !== 'open') return { status: 'skipped', reason: 'closed' };
  // A newer push has its own job. If GitHub's head differs from the job's while the queue still
  // calls this job the newest (events delivered out of order), review GitHub's head: dropping
  // this job too would lose the review.
  if (control.isStale()) return { status: 'stale' };
  if (pr.headSha !== job.headSha) log.info({ jobHead: job.headSha, head: pr.headSha }, 'reviewing the pull request head GitHub reports');

  if (pr.draft && !config.drafts && job.reason !== 'command') {
    await neutralCheckRun(octokit, owner, repo, pr.headSha, {
      title: 'Skipped: draft pull request',
      summary: `Draft pull requests are not reviewed. Mark it ready for review, comment \`${config.command}\`, or set \`drafts: true\` in \`.github/pr-reviewer.yml\`.${problemsText(problems)}`,
    });
    return { status: 'skipped', reason: 'draft' };
  }

  // The check run shows "in progress" while the listings are read in parallel.
  const listings = Promise.all([
    listReviewableFiles(octokit, owner, repo, pullNumber, config),
    listOurReviewComments(octokit, owner, repo, pullNumber),
    findSummaryComment(octokit, owner, repo, pullNumber),
  ]);
  listings.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  const checkRunId = await startCheckRun(octokit, owner, repo, pr.headSha);
  try {
    const [changed, existingInline, summaryComment] = await listings;
    // A pull request without Python (most of them, in an org-wide install) gets no comment at all.
    if (changed.length === 0 && !summaryComment && existingInline.length === 0) {
      await neutralComplete(
        octokit,
        owner,
        repo,
        checkRunId,
        'No Python files to review',
        `None of the files this pull request changes is Python that the config's \`include\`/\`exclude\` globs select.${problemsText(problems)}`,
      );
      return { status: 'skipped', reason: 'no python files' };
    }
    const fetched = await fetchFiles(octokit, owner, repo, pr, changed, config.max_file_bytes);
    const sources: ChangedSource[] = fetched.files.map((f) => ({
      path: f.path,
      head: f.head,
      ...(f.base !== undefined ? { base: f.base, basePath: f.basePath } : {}),
      diff: commentableLines(f.patch),
    }));
    const files = await analyseSources(sources, (deps.settings ?? defaultSettings)(config), deps.analyser);
    const postedBefore = new Set(existingInline.flatMap((c) => fingerprintsIn(c.body)));
    const plan = planReview({ mode: 'change', files, config, notes: [...fetched.notes, ...problems.map(problemNote)], postedBefore });

    const rule = ruleLookup();
    const comments: InlineComment[] = plan.inline.map((i) => ({
      path: i.finding.path,
      line: i.anchor.line,
      ...(i.anchor.startLine !== undefined ? { startLine: i.anchor.startLine } : {}),
      body: renderInlineComment(
        i.suggestion ? i.finding : { ...i.finding, fix: undefined },
        rule(i.finding.rule),
        i.suggestion ? { suggestion: i.suggestion } : {},
      ),
      fingerprint: i.finding.fingerprint,
    }));

    if (control.isStale()) return await superseded(octokit, owner, repo, checkRunId);
    const review_ = await postReview(octokit, owner, repo, pullNumber, pr.headSha, inlineReviewBody(comments.length), comments);
    if (review_.rejected.length)
      log.warn({ rejected: review_.rejected.map((c) => `${c.path}:${c.line}`) }, 'GitHub refused some inline comments; they stay in the summary');

    const summary = renderSummary(plan, { maxChars: SUMMARY_MAX_CHARS, scope: { kind: 'change' } });
    if (control.isStale()) return await superseded(octokit, owner, repo, checkRunId);
    const summaryState = await upsertSummary(octokit, owner, repo, pullNumber, summary, summaryComment);

    // Our earlier comments whose finding is no longer in the file: resolve their threads.
    const present = new Set(files.flatMap((f) => f.head.findings.map((x) => x.fingerprint)));
    const analysed = new Set(fetched.files.map((f) => f.path));
    const gone = existingInline.filter((c) => fingerprintsIn(c.body).some((fp) => !present.has(fp)));
    let resolvedThreads = 0;
    if (gone.length) {
      resolvedThreads = await resolveGoneThreads(octokit, owner, repo, pullNumber, (path, body) => {
        const fps = fingerprintsIn(body);
        return analysed.has(path) && fps.length > 0 && fps.every((fp) => !present.has(fp));
      });
    }

    const { conclusion } = plan.verdict;
    const annotated = annotations(plan.reported);
    const note = annotationsNote(plan.reported.length, annotated.length);
    await completeCheckRun(octokit, owner, repo, checkRunId, conclusion, {
      title: checkTitle(plan),
      summary: checkSummary(summary),
      ...(note ? { text: note } : {}),
      annotations: annotated,
    });
    log.info(
      { pr: `${owner}/${repo}#${pullNumber}`, files: fetched.files.length, reported: plan.reported.length, inline: review_.posted.length, conclusion },
      'review published',
    );
    return {
      status: 'published',
      files: fetched.files.length,
      reported: plan.reported.length,
      older: plan.preexisting.length,
      inline: review_.posted.length,
      rejected: review_.rejected.length,
      summary: summaryState,
      conclusion,
      resolvedThreads,
    };
  } catch (error) {
    // Never leave the check spinning: say what failed, then let the queue decide about retries.
    const reason = error instanceof Error ? error.message : String(error);
    const retry = control.finalAttempt === false ? ' It will be tried again; a new check run will follow.' : '';
    await neutralComplete(octokit, owner, repo, checkRunId, 'Review failed', `The review could not be completed: ${reason}.${retry}`).catch(() => undefined);
    throw error;
  }
}

function fingerprintsIn(body: string): string[] {
  const fp = fingerprintFromBody(body);
  return fp ? [fp] : [];
}

function problemNote(p: ConfigProblem): Note {
  return { path: '.github/pr-reviewer.yml', kind: 'config', message: p.key ? `\`${p.key}\`: ${p.message}` : p.message };
}

function problemsText(problems: readonly ConfigProblem[]): string {
  if (!problems.length) return '';
  return `\n\nConfiguration problems:\n${problems.map((p) => `- ${problemNote(p).message}`).join('\n')}`;
}

async function neutralComplete(octokit: GitHub, owner: string, repo: string, checkRunId: number, title: string, summary: string): Promise<void> {
  await completeCheckRun(octokit, owner, repo, checkRunId, 'neutral', { title, summary });
}

async function superseded(octokit: GitHub, owner: string, repo: string, checkRunId: number): Promise<ReviewOutcome> {
  await neutralComplete(
    octokit,
    owner,
    repo,
    checkRunId,
    'Superseded',
    'A newer commit was pushed while this one was being reviewed; its review replaces this one.',
  );
  return { status: 'stale' };
}
