import type { Probot, ProbotOctokit } from 'probot';

/** The client every GitHub call goes through: the Octokit Probot builds (auth, throttling, retries). */
export type GitHub = InstanceType<typeof ProbotOctokit>;

/**
 * The worker's client for one installation. Kept in one place so that the Octokit options
 * (throttling, retries) are decided here and in the Probot options of src/index.ts only.
 */
export async function installationOctokit(app: Probot, installationId: number): Promise<GitHub> {
  return (await app.auth(installationId)) as GitHub;
}

/** The HTTP status of an Octokit error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}
