// Requests take turns on the event loop: libuv (Node 20) accepts one new connection per loop turn, and a
// turn that runs every ready request through the synchronous SQLite store lasted 100–150 ms under
// bench:load, so a phone's new connection waited seconds in the kernel's accept queue (ADR 0006).

import type { MiddlewareHandler } from 'hono';

/**
 * Starts requests one per event-loop turn, in arrival order. A turn then holds the poll for sockets (and
 * so one accept) and one request's synchronous stretch, instead of every ready request's. Only the
 * start waits: a request that has begun never holds back another one.
 */
export function requestTurns(): MiddlewareHandler {
  const waiting: (() => void)[] = [];
  let turning = false;
  const nextTurn = () => {
    const start = waiting.shift();
    if (start === undefined) {
      turning = false;
      return;
    }
    start();
    // Queued from the check phase, the next immediate runs in the next loop turn, after a poll.
    setImmediate(nextTurn);
  };
  return async (_c, next) => {
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!turning) {
        turning = true;
        setImmediate(nextTurn);
      }
    });
    await next();
  };
}
