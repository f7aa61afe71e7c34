// One log line per request: time, method, path (no query string), status, duration. No body, cookie or token.
// The booth (the public election API and the booth page) is not logged at all: a time per ballot, next to the
// record's order and the door's check-in times, could tie a ballot to the voter who stood at the booth (threat
// model, secrecy; booth-paths.ts).

import type { MiddlewareHandler } from 'hono';
import { isUnloggedPath } from './booth-paths.js';

/** Where log lines go (stdout in the server, an array in tests). */
export type LogSink = (line: string) => void;

/** Logs each request after it is answered; the path keeps ids but never the query (setup tokens live there). */
export function requestLog(sink: LogSink, now: () => Date): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    if (isUnloggedPath(c.req.path) || isBoothSubmission(c.req.method, c.req.path)) return;
    const ms = (performance.now() - start).toFixed(1);
    const path = c.req.path.replace(/[^\x21-\x7e]/g, '?').slice(0, 200);
    sink(`${now().toISOString()} ${c.req.method} ${path} ${c.res.status} ${ms}ms`);
  };
}

const BOOTH_SUBMISSION = /^\/api\/public\/conferences\/[^/]+\/election\/(ballots|audits)\/?$/;

/** A ballot cast or audited in the booth (POST …/election/ballots or …/audits). */
export function isBoothSubmission(method: string, path: string): boolean {
  return method === 'POST' && BOOTH_SUBMISSION.test(path);
}
