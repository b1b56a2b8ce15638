import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';

/**
 * Bounds on what one HTTP request may cost the server before any handler sees it: GitHub never
 * sends a webhook body over 25 MB, and never takes seconds to send its headers.
 */
export interface RequestLimits {
  /** Larger bodies are refused (413) from their Content-Length, or as soon as the bytes read pass it. */
  maxBodyBytes: number;
  /** Bodies being read at once, all requests together; past it a request is refused (503) before it is read. */
  maxBufferedBytes: number;
  /** A connection that has not sent its whole header by then is closed (Node's `headersTimeout`). */
  headersTimeoutMs: number;
  /** A request not received whole by then is closed (Node's `requestTimeout`); GitHub waits 10 s for an answer. */
  requestTimeoutMs: number;
  /** How often Node looks for connections past those deadlines (its default is 30 s). */
  checkIntervalMs: number;
}

/** GitHub caps webhook payloads at 25 MB. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxBodyBytes: MAX_WEBHOOK_BYTES,
  maxBufferedBytes: 4 * MAX_WEBHOOK_BYTES,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 20_000,
  checkIntervalMs: 1_000,
};

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Applies the limits to an HTTP server that is not listening yet: its timeouts, and a guard in
 * front of its request listeners. The guard reads a webhook's body itself, up to the limit, and
 * hands it on as `req.body` (the string @octokit/webhooks verifies when it is there), so that no
 * handler buffers an unbounded body; an oversize body is refused before it is read.
 */
export function boundRequests(http: HttpServer, limits: RequestLimits = DEFAULT_REQUEST_LIMITS, bodyPaths: readonly string[] = []): void {
  http.headersTimeout = limits.headersTimeoutMs;
  http.requestTimeout = limits.requestTimeoutMs;
  // Read by Node when the server starts listening (the checker of both deadlines).
  (http as HttpServer & { connectionsCheckingInterval: number }).connectionsCheckingInterval = limits.checkIntervalMs;

  const listeners = http.listeners('request') as RequestListener[];
  http.removeAllListeners('request');
  let buffered = 0;
  const pass = (req: IncomingMessage, res: ServerResponse): void => {
    for (const listener of listeners) listener.call(http, req, res);
  };

  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const declared = declaredLength(req);
    if (declared > limits.maxBodyBytes) return refuse(req, res, 413, `Payload Too Large: at most ${limits.maxBodyBytes} bytes`);
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (!bodyPaths.includes(path) || !hasBody(req)) return pass(req, res);
    // Reserve what the sender declared (or one maximum body when it did not say) against the budget.
    const reserved = Number.isFinite(declared) ? declared : limits.maxBodyBytes;
    if (buffered + reserved > limits.maxBufferedBytes)
      return refuse(req, res, 503, 'Busy: too many request bodies being read; try again', { 'retry-after': '5' });
    buffered += reserved;
    let released = false;
    const release = (): void => {
      if (!released) buffered -= reserved;
      released = true;
    };
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) {
        chunks.length = 0;
        release();
        refuse(req, res, 413, `Payload Too Large: at most ${limits.maxBodyBytes} bytes`);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (released) return;
      release();
      (req as IncomingMessage & { body?: string }).body = Buffer.concat(chunks).toString('utf8');
      pass(req, res);
    });
    req.on('close', release);
    req.on('error', release);
  });

  // `Expect: 100-continue`: refuse an oversize body before the sender starts sending it.
  http.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (declaredLength(req) > limits.maxBodyBytes) return refuse(req, res, 413, `Payload Too Large: at most ${limits.maxBodyBytes} bytes`);
    res.writeContinue();
    http.emit('request', req, res);
  });
}

function declaredLength(req: IncomingMessage): number {
  const header = req.headers['content-length'];
  return header === undefined ? Number.NaN : Number(header);
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || declaredLength(req) > 0;
}

/** Answers and closes the connection: the rest of the body is never read. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  req.pause();
  if (!res.headersSent) {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close', ...headers });
    res.end(`${message}\n`);
  }
  if (res.writableFinished) req.socket.destroy();
  else res.once('finish', () => req.socket.destroy());
}
