/** One review to run: a pull request at a head commit, for an installation. */
export interface ReviewJob {
  /** The webhook delivery that asked for it (X-GitHub-Delivery), for logs and deduplication. */
  deliveryId: string;
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  /** What started it: 'pull_request.opened', 'command', 'rerequested'… */
  reason: string;
}

export interface JobControl {
  /** True once a newer head for the same pull request has been queued: do not publish. */
  isStale(): boolean;
}

export type ReviewWorker = (job: ReviewJob, control: JobControl) => Promise<void>;

export interface ReviewQueue {
  /** 'duplicate' when this delivery (or this PR at this head) is already queued or done. */
  enqueue(job: ReviewJob): Promise<'queued' | 'duplicate'>;
  /** Resolves when every queued job has finished (tests, shutdown). */
  drain(): Promise<void>;
  close(): Promise<void>;
}
