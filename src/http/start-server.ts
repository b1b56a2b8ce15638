import { Server as HttpServer } from 'node:http';
import { run, type ApplicationFunction, type Server } from 'probot';
import { boundRequests, DEFAULT_REQUEST_LIMITS, type RequestLimits } from './request-limits.js';

export type RunOptions = NonNullable<Parameters<typeof run>[1]>;

export interface StartedServer {
  /** Probot's server (stop() closes it). */
  server: Server;
  /** The HTTP server under it, with the limits applied. */
  http: HttpServer;
}

const DEFAULT_WEBHOOK_PATH = '/api/github/webhooks';

/**
 * Probot's `run` (what `npm start` and the tests start), with the request limits applied to its
 * HTTP server. Probot 14 builds that server privately (`new Server()` makes a bare `http.Server`
 * and adds its request listener; `start()` listens), so the limits are put in at the one moment
 * we can reach it before it takes a request: its `listen` call. The hook is removed at once.
 * Start one server at a time.
 */
export async function startServer(
  appFn: ApplicationFunction,
  options: RunOptions = {},
  limits: RequestLimits = DEFAULT_REQUEST_LIMITS,
): Promise<StartedServer> {
  let bounded: HttpServer | undefined;
  const proto = HttpServer.prototype as { listen?: (...args: unknown[]) => unknown };
  const hadOwn = Object.prototype.hasOwnProperty.call(proto, 'listen');
  const original = proto.listen;
  const restore = (): void => {
    if (hadOwn) proto.listen = original;
    else delete proto.listen;
  };
  proto.listen = function (this: HttpServer, ...args: unknown[]): unknown {
    restore();
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the server Probot listens on is what we are here to catch
    bounded = this;
    // run() has applied .env to process.env by now; an explicit env replaces it, as in run().
    const env = options.env ?? process.env;
    boundRequests(this, limits, [env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH]);
    return original!.apply(this, args);
  };
  try {
    const server = await run(appFn, options);
    if (!bounded) throw new Error('Probot started without an HTTP server of its own: request limits not applied');
    return { server, http: bounded };
  } finally {
    if (proto.listen !== original && !bounded) restore();
  }
}
