import Bottleneck from 'bottleneck';
import { ProbotOctokit } from 'probot';

/**
 * GitHub's limits, as Octokit's throttling and retry plugins (inside ProbotOctokit) handle them:
 * - 5xx: retried by @octokit/plugin-retry (3 times, 1 s / 4 s / 9 s).
 * - Primary rate limit: waited out until the reset (Probot retries that already).
 * - Secondary (abuse) limits: Probot 14 only logs them and fails the request; here they are
 *   retried after GitHub's `retry-after` (60 s when absent).
 * - Every write is serialised per installation, 1 s apart (plugin-throttling's write group), and
 *   with REDIS_URL Probot clusters those limiters over every replica.
 * - Content-creating writes (comments, reviews…) are spaced as GitHub asks, at most 80 a minute
 *   and 500 an hour per installation, replacing plugin-throttling's 20-a-minute group, so that a
 *   burst of fifty PRs queues its writes instead of being blocked.
 * - Every request (REST, GraphQL, installation tokens) has a deadline: a request GitHub never
 *   answers fails after `requestTimeoutMs` (then plugin-retry tries it again, as for a 5xx), where
 *   undici alone would wait 300 s for the headers and forever for the body.
 */
export interface GitHubLimits {
  secondaryRetries?: number;
  rateLimitRetries?: number;
  /** A limit that asks for a longer wait fails the request instead (the review job retries later). */
  maxWaitSeconds?: number;
  contentPerMinute?: number;
  contentPerHour?: number;
  /** The window of contentPerHour (tests shorten it). */
  contentWindowMs?: number;
  /** Milliseconds per second of `retry-after` and of retry backoff (tests shorten it). */
  retryAfterBaseValue?: number;
  /** Spacing of all writes per installation; Octokit's 1 s when absent (the load bench scales it). */
  writeSpacingMs?: number;
  /** Deadline of one request, answer and body included (20 s; GitHub's own REST timeout is 10 s). */
  requestTimeoutMs?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

type Fetch = typeof globalThis.fetch;

/** A fetch whose every request is aborted after `ms`, with an error that says which request and why. */
export function fetchWithTimeout(ms: number, base?: Fetch): Fetch {
  return async (input, init = {}) => {
    const deadline = AbortSignal.timeout(ms);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    try {
      // The global fetch is looked up per request: test doubles (nock) replace it after start-up.
      return await (base ?? globalThis.fetch)(input, { ...init, signal });
    } catch (error) {
      if (!deadline.aborted || init.signal?.aborted) throw error;
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      throw new Error(`GitHub did not answer ${init.method ?? 'GET'} ${new URL(url).pathname} within ${ms / 1000} s`, { cause: error });
    }
  };
}

type Log = { warn(msg: string): void };
type LimitHandler = (retryAfter: number, options: { method: string; url: string }, octokit: { log: Log }, retryCount: number) => boolean;
interface ThrottleOptions {
  enabled?: boolean;
  Bottleneck?: typeof Bottleneck;
  connection?: Bottleneck.RedisConnection | Bottleneck.IORedisConnection;
  onSecondaryRateLimit?: LimitHandler;
  onRateLimit?: LimitHandler;
  [key: string]: unknown;
}

/** ProbotOctokit with our limits: pass it to Probot (`new Probot({ Octokit })`, `run(app, { Octokit })`). */
export function reviewerOctokit<T extends typeof ProbotOctokit>(Base: T = ProbotOctokit as T, limits: GitHubLimits = {}): T {
  const {
    secondaryRetries = 3,
    rateLimitRetries = 2,
    maxWaitSeconds = 15 * 60,
    contentPerMinute = 80,
    contentPerHour = 500,
    contentWindowMs = 3600_000,
    retryAfterBaseValue,
    writeSpacingMs,
    requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS,
  } = limits;
  // One set of groups per Redis connection (Probot's, when clustered), or one for this process.
  const groups = new Map<unknown, Map<string, Bottleneck.Group>>();
  const group = (throttle: ThrottleOptions, id: string, options: Bottleneck.ConstructorOptions): Bottleneck.Group => {
    const owner = throttle.connection ?? groups;
    let byId = groups.get(owner);
    if (!byId) groups.set(owner, (byId = new Map<string, Bottleneck.Group>()));
    let found = byId.get(id);
    if (!found) {
      const B = throttle.Bottleneck ?? Bottleneck;
      found = new B.Group({ id, ...options, ...(throttle.connection ? { connection: throttle.connection } : {}) });
      byId.set(id, found);
    }
    return found;
  };
  const contentGroup = (throttle: ThrottleOptions): Bottleneck.Group =>
    group(throttle, 'pr-reviewer-content', {
      maxConcurrent: 1,
      minTime: Math.ceil(60_000 / contentPerMinute),
      reservoir: contentPerHour,
      reservoirRefreshAmount: contentPerHour,
      reservoirRefreshInterval: contentWindowMs,
      // Keep an idle installation's limiter (and its hourly count) for longer than the window.
      timeout: contentWindowMs + 300_000,
    });
  const writeGroup = (throttle: ThrottleOptions): Bottleneck.Group =>
    group(throttle, 'pr-reviewer-write', { maxConcurrent: 1, minTime: writeSpacingMs ?? 1000 });
  const retryWhile =
    (kind: string, retries: number): LimitHandler =>
    (retryAfter, options, octokit, retryCount) => {
      const retry = retryCount < retries && retryAfter <= maxWaitSeconds;
      octokit.log.warn(
        `${kind} hit by ${options.method} ${options.url}: ${retry ? `retrying in ${retryAfter} s (retry ${retryCount + 1} of ${retries})` : 'giving up'}`,
      );
      return retry;
    };

  return Base.defaults((given: { throttle?: ThrottleOptions; retry?: Record<string, unknown>; request?: { fetch?: Fetch } }) => {
    const options = { ...given, request: { ...given.request, fetch: fetchWithTimeout(requestTimeoutMs, given.request?.fetch) } };
    const throttle = options.throttle ?? {};
    if (throttle.enabled === false) return options;
    return {
      ...options,
      throttle: {
        ...throttle,
        onSecondaryRateLimit: retryWhile('secondary rate limit', secondaryRetries),
        onRateLimit: retryWhile('rate limit', rateLimitRetries),
        notifications: contentGroup(throttle),
        ...(writeSpacingMs !== undefined ? { write: writeGroup(throttle) } : {}),
        ...(retryAfterBaseValue !== undefined ? { retryAfterBaseValue } : {}),
      },
      ...(retryAfterBaseValue !== undefined ? { retry: { ...options.retry, retryAfterBaseValue } } : {}),
    };
  }) as T;
}
