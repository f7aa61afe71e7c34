// In-memory fixed-window rate limiter, per key (IP + account for login; IP + conference for ballots).

/** Counts attempts per key in a window and says when a key is over its limit. */
export interface RateLimiter {
  /**
   * Records one attempt for `key`; returns the seconds to wait when the limit (times `scale`, for looser
   * keys such as a whole address) is exceeded, else 0.
   */
  hit(key: string, nowMs: number, scale?: number): number;
  /** The seconds to wait if `key` is already at its limit (times `scale`), else 0; counts nothing. */
  peek(key: string, nowMs: number, scale?: number): number;
  /** Forgets a key (after a successful login). */
  reset(key: string): void;
}

/** A limiter allowing `limit` attempts per `windowSeconds` per key; memory is bounded by pruning old windows. */
export function createRateLimiter(limit: number, windowSeconds: number): RateLimiter {
  const windowMs = windowSeconds * 1000;
  const windows = new Map<string, { start: number; count: number }>();
  let lastPrune = 0;
  return {
    hit(key, nowMs, scale = 1) {
      if (nowMs - lastPrune > windowMs) {
        for (const [k, w] of windows) if (nowMs - w.start >= windowMs) windows.delete(k);
        lastPrune = nowMs;
      }
      let w = windows.get(key);
      if (w === undefined || nowMs - w.start >= windowMs) {
        w = { start: nowMs, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      if (w.count <= limit * scale) return 0;
      return Math.max(1, Math.ceil((w.start + windowMs - nowMs) / 1000));
    },
    peek(key, nowMs, scale = 1) {
      const w = windows.get(key);
      if (w === undefined || nowMs - w.start >= windowMs || w.count < limit * scale) return 0;
      return Math.max(1, Math.ceil((w.start + windowMs - nowMs) / 1000));
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
