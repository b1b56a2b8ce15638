import type { IncomingMessage, ServerResponse } from 'node:http';

export const HEALTH_PATH = '/healthz';

/** A cheap liveness answer for load balancers: no GitHub call, no queue round trip. */
export function healthHandler(status: () => Record<string, unknown> = () => ({})) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== HEALTH_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const body = JSON.stringify({ status: 'ok', uptime: Math.round(process.uptime()), ...status() });
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
