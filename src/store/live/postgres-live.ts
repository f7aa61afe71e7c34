// Live updates on PostgreSQL: triggers NOTIFY in the writing transaction (delivered at commit); one LISTEN
// connection per process hears every process's writes, and comes back after a loss.

import type pg from 'pg';
import {
  createLiveHub,
  decodeLiveChange,
  LIVE_TOPICS,
  type LiveHub,
  type LiveUpdates,
} from './live-updates.js';

/** The application_name of the LISTEN connection (visible in pg_stat_activity). */
export const LISTEN_APPLICATION_NAME = 'tinnhiem-live';

/** The channel of a schema: triggers notify `tinnhiem_live:<schema of the table>` (migration 0004). */
export function liveChannel(schema: string): string {
  return `tinnhiem_live:${schema}`;
}

/** Delays between reconnection attempts, in ms; the last one repeats. */
const BACKOFF_MS = [100, 250, 500, 1000, 2000, 5000];

/**
 * The LISTEN side. The connection opens at the first subscription (or `ready()`), not at `openStore`, so
 * a CLI command that never subscribes costs no connection. When it is lost it is made again with
 * backoff; once back, every subscribed conference hears every topic (changes of the gap are unknown).
 */
export class PostgresLive {
  readonly hub: LiveHub = createLiveHub();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private everConnected = false;

  constructor(private readonly makeClient: () => pg.Client) {}

  /** The port. */
  updates(): LiveUpdates {
    return {
      subscribe: (conferenceId, listener) => {
        const off = this.hub.subscribe(conferenceId, listener);
        this.start().catch(() => undefined);
        return off;
      },
      ready: () => this.start(),
      subscriptions: () => this.hub.subscriptions(),
    };
  }

  /** Connects unless connected or connecting; resolves once LISTEN is active. */
  private start(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store closed'));
    if (this.client !== null) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = this.makeClient();
    // A network error must not crash the process; 'end' follows and schedules the reconnection.
    client.on('error', () => undefined);
    try {
      await client.connect();
      const { rows } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
      const channel = liveChannel(rows[0]?.schema ?? 'public');
      client.on('notification', (message) => {
        if (message.channel !== channel || message.payload === undefined) return;
        const change = decodeLiveChange(message.payload);
        if (change !== null) this.hub.emit(change);
      });
      await client.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    client.once('end', () => {
      if (this.client === client) this.client = null;
      this.scheduleReconnect();
    });
    this.client = client;
    this.attempt = 0;
    if (this.everConnected) this.announceEverything();
    this.everConnected = true;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.timer !== null) return;
    // Nobody listening: wait for the next subscription rather than keep a connection for no one.
    if (this.hub.subscriptions() === 0 && !this.everConnected) return;
    const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)]!;
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.start().catch(() => undefined);
    }, delay);
    this.timer.unref();
  }

  private announceEverything(): void {
    for (const conferenceId of this.hub.conferences())
      for (const topic of LIVE_TOPICS) this.hub.emit({ conferenceId, topic });
  }

  /** Ends the LISTEN connection and stops reconnecting. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
