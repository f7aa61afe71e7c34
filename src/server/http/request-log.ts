// One log line per request: time, method, path (no query string), status, duration. No body, cookie or token.

import type { MiddlewareHandler } from 'hono';

/** Where log lines go (stdout in the server, an array in tests). */
export type LogSink = (line: string) => void;

/** Logs each request after it is answered; the path keeps ids but never the query (setup tokens live there). */
export function requestLog(sink: LogSink, now: () => Date): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const ms = (performance.now() - start).toFixed(1);
    const path = c.req.path.replace(/[^\x21-\x7e]/g, '?').slice(0, 200);
    sink(`${now().toISOString()} ${c.req.method} ${path} ${c.res.status} ${ms}ms`);
  };
}
