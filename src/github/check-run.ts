import { batches, CHECK_NAME, NO_RESULT_OUTPUT, reviewFailedOutput, type Annotation, type Conclusion } from '../review/render/check-run.js';
import type { GitHub } from './octokit.js';

export interface CheckOutput {
  title: string;
  summary: string;
  text?: string;
  annotations?: Annotation[];
}

/** Starts the `pr-reviewer` check run on the head commit, shown as in progress. */
export async function startCheckRun(octokit: GitHub, owner: string, repo: string, headSha: string): Promise<number> {
  const { data } = await octokit.rest.checks.create({
    owner,
    repo,
    name: CHECK_NAME,
    head_sha: headSha,
    status: 'in_progress',
    started_at: new Date().toISOString(),
  });
  return data.id;
}

/** A check run that is complete from the start: a skipped review says why, never a silent success. */
export async function neutralCheckRun(octokit: GitHub, owner: string, repo: string, headSha: string, output: CheckOutput): Promise<void> {
  await octokit.rest.checks.create({
    owner,
    repo,
    name: CHECK_NAME,
    head_sha: headSha,
    status: 'completed',
    conclusion: 'neutral',
    completed_at: new Date().toISOString(),
    output: { title: output.title, summary: output.summary },
  });
}

/**
 * Completes the check run. Annotations go 50 per request as GitHub requires: every batch but the
 * last in its own update, the last one with the conclusion.
 */
export async function completeCheckRun(
  octokit: GitHub,
  owner: string,
  repo: string,
  checkRunId: number,
  conclusion: Conclusion,
  output: CheckOutput,
): Promise<number> {
  const chunks = batches(output.annotations ?? []);
  const last = chunks.pop() ?? [];
  for (const chunk of chunks) {
    await octokit.rest.checks.update({ owner, repo, check_run_id: checkRunId, output: { title: output.title, summary: output.summary, annotations: chunk } });
  }
  await octokit.rest.checks.update({
    owner,
    repo,
    check_run_id: checkRunId,
    status: 'completed',
    conclusion,
    completed_at: new Date().toISOString(),
    output: { title: output.title, summary: output.summary, ...(output.text ? { text: output.text } : {}), ...(last.length ? { annotations: last } : {}) },
  });
  return chunks.length + 1;
}

export interface CheckRunLog {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** The commit a review's check run belongs to, and the delivery that asked for the review (for the logs). */
export interface CheckTarget {
  owner: string;
  repo: string;
  headSha: string;
  deliveryId: string;
  log?: CheckRunLog;
}

/** Pause before the one extra attempt to create a check run (Octokit has retried 5xx by then). */
export const CREATE_RETRY_DELAY_MS = 2_000;

/**
 * Opens the check run, shown in progress: the first call of a review, before the config or the
 * pull request are read, so that whatever fails later has a run to conclude. Octokit retries a
 * 5xx itself; a creation that still fails is tried once more, then logged with the delivery id,
 * and undefined is returned: the review goes on, and `concludeCheckRun` creates a completed run.
 */
export async function openCheckRun(octokit: GitHub, target: CheckTarget, retryDelayMs: number = CREATE_RETRY_DELAY_MS): Promise<number | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startCheckRun(octokit, target.owner, target.repo, target.headSha);
    } catch (error) {
      if (attempt < 2) {
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
        continue;
      }
      target.log?.warn(
        { delivery: target.deliveryId, repo: `${target.owner}/${target.repo}`, head: target.headSha, err: describe(error) },
        'could not create the check run; the review goes on and concludes with a new one',
      );
      return undefined;
    }
  }
}

/**
 * Concludes the review's check run. When the update fails (GitHub refuses it, or it never
 * answers) or the run was never created, a completed run of the same name is created on the
 * commit instead (GitHub shows the newest), without annotations. Throws only when both fail,
 * after logging with the delivery id: then nothing more can be said on GitHub.
 */
export async function concludeCheckRun(
  octokit: GitHub,
  target: CheckTarget,
  checkRunId: number | undefined,
  conclusion: Conclusion,
  output: CheckOutput,
): Promise<void> {
  let firstError: unknown;
  if (checkRunId !== undefined) {
    try {
      await completeCheckRun(octokit, target.owner, target.repo, checkRunId, conclusion, output);
      return;
    } catch (error) {
      firstError = error;
    }
  }
  try {
    await octokit.rest.checks.create({
      owner: target.owner,
      repo: target.repo,
      name: CHECK_NAME,
      head_sha: target.headSha,
      status: 'completed',
      conclusion,
      completed_at: new Date().toISOString(),
      output: { title: output.title, summary: output.summary, ...(output.text ? { text: output.text } : {}) },
    });
    if (firstError !== undefined)
      target.log?.warn(
        { delivery: target.deliveryId, checkRunId, err: describe(firstError) },
        'the check run could not be updated; a completed one replaces it',
      );
  } catch (error) {
    target.log?.error(
      { delivery: target.deliveryId, repo: `${target.owner}/${target.repo}`, head: target.headSha, checkRunId, err: describe(error) },
      'could not conclude the check run',
    );
    throw firstError ?? error;
  }
}

/** A check run a review concludes once; `withCheckRun` concludes it for the review when the review could not. */
export interface ReviewCheckRun {
  readonly id: number | undefined;
  readonly concluded: boolean;
  conclude(conclusion: Conclusion, output: CheckOutput): Promise<void>;
}

/**
 * Runs a review inside its check run: the run is opened first; the review concludes it; when the
 * review throws before concluding (GitHub 5xx on the config or the pull request, a timeout, a
 * bug), the run is concluded neutral with the reason and whether the queue will retry, and the
 * error goes on to the queue. A review that returns without concluding is concluded neutral too:
 * a check is never left in progress by us.
 */
export async function withCheckRun<T>(
  octokit: GitHub,
  target: CheckTarget,
  review: (run: ReviewCheckRun) => Promise<T>,
  options: { willRetry: boolean; retryDelayMs?: number },
): Promise<T> {
  const id = await openCheckRun(octokit, target, options.retryDelayMs);
  let concluded = false;
  const run: ReviewCheckRun = {
    id,
    get concluded() {
      return concluded;
    },
    async conclude(conclusion, output) {
      await concludeCheckRun(octokit, target, id, conclusion, output);
      concluded = true;
    },
  };
  try {
    const result = await review(run);
    if (!concluded) await run.conclude('neutral', NO_RESULT_OUTPUT);
    return result;
  } catch (error) {
    if (!concluded) await run.conclude('neutral', reviewFailedOutput(describe(error), options.willRetry)).catch(() => undefined);
    throw error;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
