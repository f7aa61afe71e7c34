// A route behind a rate limit, checked before anything else (the body is not even read): 429 with Retry-After.

import type { Context } from 'hono';
import type { RateLimiter } from '../auth/rate-limiter.js';
import { errorResponse, fail } from '../errors.js';
import type { AppEnv } from './env.js';
import type { Route } from './route.js';

/** One key a request counts against; `scale` loosens the limit for a wider key (a whole address). */
export interface LimitKey {
  readonly key: string;
  readonly scale?: number;
}

/** How a route is limited. */
export interface RouteLimit {
  readonly limiter: RateLimiter;
  /** The keys of a request, widest first: once a wide key is over, the narrower ones are not counted. */
  readonly keys: (c: Context<AppEnv>) => readonly LimitKey[];
  /** Milliseconds since the epoch, from the app's clock. */
  readonly now: () => number;
  /** The start of the English message, e.g. "Too many ballots from this address". */
  readonly message: string;
}

/** The same route, answering `429 rate_limited` (with Retry-After) once a key of the request is over. */
export function rateLimited(route: Route, limit: RouteLimit): Route {
  return {
    ...route,
    handle: async (c, resolver) => {
      const now = limit.now();
      for (const { key, scale } of limit.keys(c)) {
        const wait = limit.limiter.hit(key, now, scale);
        if (wait > 0)
          return errorResponse(
            c,
            fail('rate_limited', `${limit.message}; try again in ${wait} seconds.`),
            { 'Retry-After': String(wait) },
          );
      }
      return route.handle(c, resolver);
    },
  };
}
