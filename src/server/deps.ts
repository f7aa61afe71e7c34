// The services every route receives (architecture.md: services come in as parameters, never imported deep).

import type { Actor, Clock } from '../core/model/index.js';
import type { RandomSource } from '../crypto/random.js';
import type { Store } from '../store/index.js';
import type { RateLimiter } from './auth/rate-limiter.js';
import type { Principal } from './auth/principal.js';
import type { ServerConfig } from './config.js';

/** Where the server writes: request lines and notices to `info`, unexpected errors (with stack) to `error`. */
export interface Logger {
  info(line: string): void;
  error(line: string): void;
}

/** What the routes use. */
export interface AppDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly config: ServerConfig;
  readonly logger: Logger;
  /** Login attempts per IP + account (issue 8 §5). */
  readonly loginLimiter: RateLimiter;
}

/** The audit-log actor of a signed-in principal. */
export function actorOf(principal: Principal | null): Actor {
  return principal === null
    ? { userId: null, label: 'anonymous' }
    : { userId: principal.userId, label: principal.username };
}
