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
  /**
   * False while the queue will still retry this job if it throws (Redis mode). On the final
   * attempt a failing worker should conclude its check run with the reason before rethrowing.
   */
  finalAttempt?: boolean;
}

/**
 * What a run did to its head. 'skipped' when the pull request's state, not its code, stopped the
 * review (a draft, a closed PR): the head is not reviewed, so the next event for it (ready for
 * review, reopened) runs. Nothing, or 'reviewed', marks the head reviewed.
 */
export type WorkerResult = 'reviewed' | 'skipped';

export type ReviewWorker = (job: ReviewJob, control: JobControl) => Promise<WorkerResult | void>;

export interface ReviewQueue {
  /**
   * 'duplicate' when this delivery was seen before, when this PR at this head is already waiting
   * (that job reads the pull request when it starts), or when it was already reviewed at this head
   * and the job was not asked for explicitly (a `/review` command or a re-run always reviews
   * again). A job for a head whose review is running waits behind it (one per head): when it
   * starts, an automatic one is dropped if that run reviewed the head.
   * Rejects with QueueClosedError once the queue is shutting down.
   */
  enqueue(job: ReviewJob): Promise<'queued' | 'duplicate'>;
  /** Resolves when every queued job has finished (tests, shutdown). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** A job that failed after all its attempts: kept visible, never dropped silently. */
export interface FailedReview {
  job: ReviewJob;
  reason: string;
  attempts: number;
  failedAt: number;
}

/** What the queues log; Probot's pino logger fits. */
export interface QueueLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export class QueueClosedError extends Error {
  constructor() {
    super('the review queue is shutting down');
    this.name = 'QueueClosedError';
  }
}
