import type { AnalysisResult, SourceInput } from '../engine/analyze.js';
import { analyze, emptyResult, mergeInto } from '../engine/analyze.js';
import { severityRank, type Finding, type Note } from '../engine/finding.js';
import type { EnabledRule } from '../engine/run.js';
import type { JobControl, ReviewJob } from '../queue/types.js';
import { enabledRules, type Config, type ConfigProblem } from '../review/config.js';
import { commentableLines, inlineAnchor, type FileDiff } from '../review/diff.js';
import { annotations, annotationsNote, checkConclusion, checkSummary, checkTitle, inlineReviewBody } from '../review/render/check-run.js';
import { fingerprintFromBody, inlineSuggestion, renderInlineComment, type InlineOptions } from '../review/render/inline.js';
import { ruleLookup } from '../review/render/rule-lookup.js';
import { renderSummary } from '../review/render/summary.js';
import { completeCheckRun, neutralCheckRun, startCheckRun } from './check-run.js';
import { loadConfig } from './config.js';
import type { GitHub } from './octokit.js';
import { findSummaryComment, listOurReviewComments, postReview, upsertSummary, type InlineComment } from './publish.js';
import { fetchFiles, getPullRequest, listReviewableFiles, type FetchedFile } from './pull-request.js';
import { resolveGoneThreads } from './threads.js';

/** GitHub's comment body limit is 65,536 characters; keep a margin. */
export const SUMMARY_MAX_CHARS = 60_000;

export interface ReviewLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface ReviewDeps {
  log?: ReviewLog;
  /** The rules a config turns on; the registry through the config by default. */
  rules?: (config: Config) => EnabledRule[];
  /** Our app's bot login (`<slug>[bot]`): only its comments and threads are taken for ours; none when absent. */
  botLogin?: string;
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
    listReviewableFiles(octokit, owner, repo, pr, config),
    listOurReviewComments(octokit, owner, repo, pullNumber, deps.botLogin ?? ''),
    findSummaryComment(octokit, owner, repo, pullNumber, deps.botLogin ?? ''),
  ]);
  listings.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  const checkRunId = await startCheckRun(octokit, owner, repo, pr.headSha);
  try {
    const [{ files: changed, notes: listingNotes }, existingInline, summaryComment] = await listings;
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
    const review = await analyseVersions(fetched.files, (deps.rules ?? enabledRules)(config), [
      ...listingNotes,
      ...fetched.notes,
      ...problems.map(problemNote),
    ]);
    const reported = config.report === 'all' ? review.head.findings : review.newFindings;
    const older = review.head.findings.length - review.newFindings.length;

    const postedBefore = new Set(existingInline.flatMap((c) => fingerprintsIn(c.body)));
    const sources = new Map(fetched.files.map((f) => [f.path, f.head]));
    const diffs = new Map(fetched.files.map((f) => [f.path, commentableLines(f.patch)]));
    const comments = inlineComments(reported, diffs, sources, config, postedBefore);

    if (control.isStale()) return await superseded(octokit, owner, repo, checkRunId);
    const review_ = await postReview(octokit, owner, repo, pullNumber, pr.headSha, inlineReviewBody(comments.length), comments);
    if (review_.rejected.length)
      log.warn({ rejected: review_.rejected.map((c) => `${c.path}:${c.line}`) }, 'GitHub refused some inline comments; they stay in the summary');

    const result: AnalysisResult = { ...review.head, findings: reported };
    const summary = renderSummary(result, { maxChars: SUMMARY_MAX_CHARS, olderFindings: config.report === 'new' ? older : 0, outsideDiff: 0 });
    if (control.isStale()) return await superseded(octokit, owner, repo, checkRunId);
    const summaryState = await upsertSummary(octokit, owner, repo, pullNumber, summary, summaryComment);

    // Our earlier comments whose finding is no longer in the file: resolve their threads.
    const present = new Set(review.head.findings.map((f) => f.fingerprint));
    const analysed = new Set(fetched.files.map((f) => f.path));
    const gone = existingInline.filter((c) => fingerprintsIn(c.body).some((fp) => !present.has(fp)));
    let resolvedThreads = 0;
    if (gone.length) {
      resolvedThreads = await resolveGoneThreads(octokit, owner, repo, pullNumber, deps.botLogin ?? '', (path, body) => {
        const fps = fingerprintsIn(body);
        return analysed.has(path) && fps.length > 0 && fps.every((fp) => !present.has(fp));
      });
    }

    const conclusion = checkConclusion(reported, config.fail_on);
    const annotated = annotations(reported);
    const note = annotationsNote(reported.length, annotated.length);
    await completeCheckRun(octokit, owner, repo, checkRunId, conclusion, {
      title: checkTitle(reported, conclusion),
      summary: checkSummary(summary),
      ...(note ? { text: note } : {}),
      annotations: annotated,
    });
    log.info(
      { pr: `${owner}/${repo}#${pullNumber}`, files: fetched.files.length, reported: reported.length, inline: review_.posted.length, conclusion },
      'review published',
    );
    return {
      status: 'published',
      files: fetched.files.length,
      reported: reported.length,
      older,
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

interface VersionedAnalysis {
  head: AnalysisResult;
  /** Head findings whose fingerprint the base version of the file does not have. */
  newFindings: Finding[];
}

/**
 * Analyses each head version and each base version once; a finding is new when its fingerprint is
 * not in the base. One file at a time with a turn of the event loop between files, so that a large
 * review never keeps the server from answering webhooks and health checks.
 */
export async function analyseVersions(files: readonly FetchedFile[], rules: readonly EnabledRule[], notes: readonly Note[]): Promise<VersionedAnalysis> {
  const head = await analyzeEach(
    files.map((f) => ({ path: f.path, source: f.head })),
    rules,
    notes,
  );
  const withBase = files.filter((f): f is FetchedFile & { base: string } => f.base !== undefined);
  const base = await analyzeEach(
    withBase.map((f) => ({ path: f.basePath, source: f.base })),
    rules,
    [],
  );
  const baseFingerprints = new Map<string, Set<string>>();
  for (const f of base.findings) {
    const set = baseFingerprints.get(f.path) ?? new Set<string>();
    set.add(f.fingerprint);
    baseFingerprints.set(f.path, set);
  }
  const basePathOf = new Map(files.map((f) => [f.path, f.basePath]));
  const newFindings = head.findings.filter((f) => !baseFingerprints.get(basePathOf.get(f.path) ?? f.path)?.has(f.fingerprint));
  return { head, newFindings };
}

async function analyzeEach(inputs: readonly SourceInput[], rules: readonly EnabledRule[], notes: readonly Note[]): Promise<AnalysisResult> {
  const total = emptyResult(notes);
  for (const input of inputs) {
    mergeInto(total, analyze([input], rules));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return total;
}

/** The findings that go inline: on a line GitHub accepts, not posted before, most severe first, capped. */
function inlineComments(
  findings: readonly Finding[],
  diffs: ReadonlyMap<string, FileDiff>,
  sources: ReadonlyMap<string, string>,
  config: Config,
  postedBefore: ReadonlySet<string>,
): InlineComment[] {
  const rule = ruleLookup();
  const ordered = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.path.localeCompare(b.path) || a.line - b.line);
  const lineCache = new Map<string, string[]>();
  const out: InlineComment[] = [];
  for (const f of ordered) {
    if (out.length >= config.max_inline_comments) break;
    const diff = diffs.get(f.path);
    if (!diff || postedBefore.has(f.fingerprint)) continue;
    const options: InlineOptions = { lineText: (line) => linesOf(lineCache, sources, f.path)[line - 1] };
    const suggestion = inlineSuggestion(f, options);
    const anchor = inlineAnchor(f, diff, config.filter, suggestion && { start: suggestion.startLine, end: suggestion.endLine });
    if (!anchor) continue;
    // A suggestion replaces exactly the commented lines: drop it when the comment sits elsewhere.
    const fits = suggestion && (anchor.startLine ?? anchor.line) === suggestion.startLine && anchor.line === suggestion.endLine;
    const shown = suggestion && !fits ? { ...f, fix: undefined } : f;
    out.push({ path: f.path, ...anchor, body: renderInlineComment(shown, rule(f.rule), options), fingerprint: f.fingerprint });
  }
  return out;
}

function linesOf(cache: Map<string, string[]>, sources: ReadonlyMap<string, string>, path: string): string[] {
  let lines = cache.get(path);
  if (!lines) cache.set(path, (lines = (sources.get(path) ?? '').split(/\r?\n/)));
  return lines;
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
