import { batches, CHECK_NAME, type Annotation, type Conclusion } from '../review/render/check-run.js';
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
