// One Server-Sent Events stream of a conference's changes: coalesced, with heartbeats, ended on disconnect.

import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { LiveTopic, LiveUpdates } from '../../store/index.js';

/** How streams behave; the defaults suit a room (a few refetches per second at most). */
export interface LiveStreamOptions {
  /** Least time between two flushes of one stream, in ms: a burst of ballots is one refetch. */
  readonly minIntervalMs: number;
  /** A comment line this often, so proxies and browsers keep the connection open. */
  readonly heartbeatMs: number;
  /** Open streams allowed in this process; the next one is refused with `rate_limited`. */
  readonly maxStreams: number;
}

/** Defaults: at most 4 flushes a second, a heartbeat every 15 s, 2,000 streams. */
export const LIVE_STREAM_DEFAULTS: LiveStreamOptions = {
  minIntervalMs: 250,
  heartbeatMs: 15_000,
  maxStreams: 2000,
};

/** The streams of one app, so a shutdown can end them (an open stream would hold server.close()). */
export interface LiveStreams {
  readonly options: LiveStreamOptions;
  /** Whether another stream may open. */
  hasRoom(): boolean;
  /** Opens the stream: subscribe first, then `event: ready`, then `event: change` per topic. */
  open(c: Context, live: LiveUpdates, conferenceId: string, topics: readonly LiveTopic[]): Response;
  /** Ends every open stream (the clients reconnect to whichever server is up). */
  endAll(): void;
  /** Open streams now. */
  count(): number;
}

/** The registry of an app's streams. */
export function createLiveStreams(options: LiveStreamOptions = LIVE_STREAM_DEFAULTS): LiveStreams {
  const enders = new Set<() => void>();
  return {
    options,
    hasRoom: () => enders.size < options.maxStreams,
    count: () => enders.size,
    endAll: () => {
      for (const end of [...enders]) end();
    },
    open(c, live, conferenceId, topics) {
      return streamSSE(c, async (stream) => {
        const wanted = new Set<string>(topics);
        const pending = new Set<LiveTopic>();
        let lastFlush = 0;
        let timer: ReturnType<typeof setTimeout> | null = null;
        let end: () => void = () => undefined;
        const ended = new Promise<void>((resolve) => (end = resolve));
        enders.add(end);
        stream.onAbort(end);
        const flush = () => {
          timer = null;
          lastFlush = Date.now();
          const batch = [...pending];
          pending.clear();
          for (const topic of batch)
            stream
              .writeSSE({ event: 'change', data: JSON.stringify({ conferenceId, topic }) })
              .catch(end);
        };
        // Leading edge, then at most one flush per interval: one change is sent at once, a burst as one.
        const off = live.subscribe(conferenceId, (change) => {
          if (!wanted.has(change.topic)) return;
          pending.add(change.topic);
          if (timer !== null) return;
          const wait = Math.max(0, lastFlush + options.minIntervalMs - Date.now());
          timer = setTimeout(flush, wait);
        });
        const heartbeat = setInterval(() => {
          stream.write(': heartbeat\n\n').catch(end);
        }, options.heartbeatMs);
        try {
          await stream.writeSSE({
            event: 'ready',
            data: JSON.stringify({ conferenceId, topics }),
            retry: 3000,
          });
          await ended;
        } finally {
          off();
          clearInterval(heartbeat);
          if (timer !== null) clearTimeout(timer);
          enders.delete(end);
        }
      });
    },
  };
}
