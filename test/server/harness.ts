// Test harness: the real app over a real store (SQLite in a temp folder, or PostgreSQL in a fresh schema),
// a settable clock, sessions made directly for speed, and a small client with cookie and CSRF handling.

import { mkdtempSync, rmSync } from 'node:fs';
import pg from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Grant } from '../../src/core/model/index.js';
import { systemRandom } from '../../src/crypto/random.js';
import { createApp, type App } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/password.js';
import { SESSION_COOKIE } from '../../src/server/auth/session-cookie.js';
import { csrfTokenFor, newToken, tokenDigest } from '../../src/server/auth/tokens.js';
import { parseConfig } from '../../src/server/config.js';
import { openStore, SYSTEM_ACTOR, type Store } from '../../src/store/index.js';

/** PostgreSQL of this machine (issue 3 §1): database `test`, trust auth. */
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A clock the test moves. */
export interface TestClock {
  now(): string;
  set(iso: string): void;
}

/** The app over a fresh store. */
export interface TestApp extends App {
  readonly store: Store;
  readonly clock: TestClock;
  readonly errors: string[];
  readonly logs: string[];
  /** Where the data lives, for tests that read the database from a second connection. */
  readonly location?:
    | { readonly kind: 'sqlite'; readonly dataDir: string }
    | { readonly kind: 'postgres'; readonly url: string; readonly schema: string };
  close(): Promise<void>;
}

/** Opens a fresh store of the given kind and builds the app on it. */
export async function openTestApp(
  kind: 'sqlite' | 'postgres' = 'sqlite',
  env: Record<string, string> = {},
  webRoot?: string,
): Promise<TestApp> {
  let current = '2023-09-01T02:00:00.000Z';
  const clock: TestClock = { now: () => current, set: (iso) => (current = iso) };
  const dir = mkdtempSync(join(tmpdir(), 'tn-api-'));
  const schema = `t_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const store =
    kind === 'sqlite'
      ? await openStore({ kind: 'sqlite', dataDir: dir, clock })
      : await openStore({ kind: 'postgres', databaseUrl: PG_URL, schema, clock });
  const config = parseConfig({ TINNHIEM_LOG: 'info', ...env }, dir);
  if (!config.ok) throw new Error(config.error.message);
  const errors: string[] = [];
  const logs: string[] = [];
  const { app, routes } = createApp({
    store,
    clock,
    random: systemRandom,
    config: config.value,
    logger: { info: (l) => logs.push(l), error: (l) => errors.push(l) },
    webRoot: webRoot ?? join(dir, 'no-web'),
  });
  return {
    app,
    routes,
    store,
    clock,
    errors,
    logs,
    location: kind === 'sqlite' ? { kind, dataDir: dir } : { kind, url: PG_URL, schema },
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
      if (kind === 'postgres') {
        const client = new pg.Client({ connectionString: PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    },
  };
}

/** A signed-in (or anonymous) caller with its cookie and CSRF token. */
export class Client {
  constructor(
    readonly t: TestApp,
    public cookie: string | null = null,
    public csrf = 'anonymous',
  ) {}

  /** Sends a request; JSON bodies are encoded; the session cookie of a login or setup is kept. */
  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const h: Record<string, string> = {
      origin: 'http://localhost',
      'x-csrf-token': this.csrf,
      ...headers,
    };
    if (this.cookie !== null) h.cookie = this.cookie;
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array) {
      payload = new Uint8Array(body).buffer;
    } else if (body !== undefined) {
      h['content-type'] ??= 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await this.t.app.request(`http://localhost${path}`, {
      method,
      headers: h,
      ...(payload === undefined ? {} : { body: payload }),
    });
    const set = res.headers.get('set-cookie');
    const match = set && new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(set);
    if (match) this.cookie = match[1] === '' ? null : `${SESSION_COOKIE}=${match[1]}`;
    return res;
  }

  /** Sends a request and parses the JSON answer, failing the test on a status other than `expect`. */
  async json<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    expect = 200,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await this.request(method, path, body, headers);
    const text = await res.text();
    if (res.status !== expect)
      throw new Error(`${method} ${path}: expected ${expect}, got ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  }
}

/** Creates an account with grants (password hashed for real) directly in the store. */
export async function createUser(
  store: Store,
  username: string,
  grants: readonly Grant[],
  password = 'mật khẩu thử nghiệm 2026',
): Promise<string> {
  const user = await store.users.create(SYSTEM_ACTOR, {
    username,
    displayName: username,
    passwordHash: await hashPassword(password, systemRandom),
  });
  if (!user.ok) throw new Error(user.error.message);
  for (const g of grants) {
    const added = await store.users.addGrant(SYSTEM_ACTOR, user.value.id, g);
    if (!added.ok) throw new Error(added.error.message);
  }
  return user.value.id;
}

/** A client with a fresh session of `userId`, made in the store (no scrypt: fast for the matrix). */
export async function sessionClient(t: TestApp, userId: string): Promise<Client> {
  const token = newToken(systemRandom);
  const created = await t.store.sessions.create(SYSTEM_ACTOR, {
    userId,
    tokenDigest: tokenDigest(token),
    csrfToken: csrfTokenFor(token),
    expiresAt: new Date(Date.parse(t.clock.now()) + 3_600_000).toISOString(),
  });
  if (!created.ok) throw new Error(created.error.message);
  return new Client(t, `${SESSION_COOKIE}=${token}`, csrfTokenFor(token));
}
