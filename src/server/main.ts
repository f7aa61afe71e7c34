// Composes the server: opens the store (migrations run on open), builds the app, listens, prints the URLs.

import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { systemRandom } from '../crypto/random.js';
import { openStore, StoreOpenError, type Store } from '../store/index.js';
import { err, ok, type Failure, type Result } from '../rules/index.js';
import { createApp } from './app.js';
import { issueSetupToken } from './auth/setup-token.js';
import { hasAdministrator } from './auth/users.js';
import type { ServerConfig } from './config.js';

/** Where start-up lines go. */
export interface ServerOutput {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** A running server. */
export interface RunningServer {
  /** e.g. http://localhost:3000 */
  readonly url: string;
  /** Stops accepting connections, finishes open requests, closes the store. */
  close(): Promise<void>;
}

const systemClock = { now: () => new Date().toISOString() };

/** Opens the store and serves; `store_locked` / `store_unavailable` when the database cannot be had. */
export async function startServer(
  config: ServerConfig,
  output: ServerOutput,
): Promise<Result<RunningServer, Failure>> {
  let store: Store;
  try {
    store = await openStore(
      config.databaseUrl === null
        ? { kind: 'sqlite', dataDir: config.dataDir, clock: systemClock }
        : { kind: 'postgres', databaseUrl: config.databaseUrl, clock: systemClock },
    );
  } catch (e) {
    if (e instanceof StoreOpenError) return err({ code: e.code, message: e.message });
    throw e;
  }
  const { app, endStreams } = createApp({
    store,
    clock: systemClock,
    random: systemRandom,
    config,
    logger: { info: output.out, error: output.err },
  });

  let server: ServerType;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, resolve);
    server.once('error', reject);
  }).catch((e: unknown) => e as Error);
  if (address instanceof Error) {
    await store.close();
    return err({
      code: 'listen_failed',
      message: `Cannot listen on ${config.host}:${config.port}: ${address.message}`,
    });
  }
  const host =
    config.host === '127.0.0.1' || config.host === '0.0.0.0' || config.host === '::'
      ? 'localhost'
      : config.host;
  const url = config.publicUrl ?? `http://${host}:${address.port}`;
  const where =
    config.databaseUrl === null ? `SQLite ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  output.out(`Tín nhiệm đang chạy tại / running at ${url}/ (${where})`);
  if (!(await hasAdministrator(store))) {
    const token = await issueSetupToken({ store, random: systemRandom });
    output.out(
      'Chưa có quản trị viên. Mở liên kết dùng một lần này để tạo tài khoản quản trị đầu tiên:',
    );
    output.out('No administrator yet. Open this one-time link to create the first administrator:');
    output.out(`  ${url}/setup?token=${token}`);
  }
  // Expired sessions are removed hourly (they are already refused on use; this keeps the table small).
  const sweep = setInterval(() => {
    store.sessions
      .deleteExpired(systemClock.now())
      .catch((e: unknown) => output.err(`session sweep failed: ${String(e)}`));
  }, 3_600_000);
  sweep.unref();
  return ok({
    url,
    close: async () => {
      clearInterval(sweep);
      endStreams();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would hold close() open; in-flight requests still finish.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await store.close();
    },
  });
}
