import type { ReviewJob } from './types.js';

/** The rules both queues share: what makes two jobs the same, and which jobs always run. */

export function prKey(job: Pick<ReviewJob, 'owner' | 'repo' | 'pullNumber'>): string {
  return `${job.owner}/${job.repo}#${job.pullNumber}`.toLowerCase();
}

export function headKey(job: ReviewJob): string {
  return `${prKey(job)}@${job.headSha}`;
}

/**
 * 'explicit' for a `/review` command or a re-run button: someone asked for this review, so it
 * runs even when the head was reviewed before. Everything else (opened, synchronize…) is
 * 'automatic' and reviews a head once.
 */
export function reasonClass(reason: string): 'explicit' | 'automatic' {
  return /command|rerequest|re-?run|manual/i.test(reason) ? 'explicit' : 'automatic';
}

/**
 * True when a job about to start should not run: an automatic job whose head was reviewed after
 * it was queued (it waited behind a review of the same head, and that run did review it). Times
 * are on the queue's own clock; a job asked for explicitly runs anyway.
 */
export function reviewedSinceQueued(job: ReviewJob, reviewedAt: number | undefined, queuedAt: number | undefined): boolean {
  return reviewedAt !== undefined && queuedAt !== undefined && reviewedAt > queuedAt && reasonClass(job.reason) === 'automatic';
}

/** A Set that forgets its oldest entries, so that a long-running process stays bounded. */
export class BoundedSet<T> {
  private readonly items = new Set<T>();
  constructor(private readonly max: number) {}
  has(item: T): boolean {
    return this.items.has(item);
  }
  add(item: T): void {
    this.items.delete(item);
    this.items.add(item);
    if (this.items.size > this.max) this.items.delete(this.items.values().next().value as T);
  }
}

/** A Map that forgets its least recently written entries. */
export class BoundedMap<K, V> {
  private readonly items = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    return this.items.get(key);
  }
  set(key: K, value: V): void {
    this.items.delete(key);
    this.items.set(key, value);
    if (this.items.size > this.max) this.items.delete(this.items.keys().next().value as K);
  }
}

export const silentLog = { info() {}, warn() {}, error() {} };
