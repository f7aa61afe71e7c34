// Property-based fuzzing of every API operation in the OpenAPI document (issue 8 §4), on the real app over a
// real store (SQLite or PostgreSQL): as the administrator and as a caller the route does not admit. For every
// answer: no 5xx, nothing logged as a server error, the security headers, no stack trace or internal path, a
// known error `code` with its mapped status, and a rejected request commits nothing (store-watch.ts: a commit
// detector from a second connection, plus table digests). TINNHIEM_FUZZ_SEED replays a run.

import fc from 'fast-check';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemRandom } from '../../../src/crypto/random.js';
import { createApp, type App } from '../../../src/server/app.js';
import { ROLES, type Role } from '../../../src/server/auth/principal.js';
import { parseConfig } from '../../../src/server/config.js';
import { ERROR_STATUS, isErrorCode } from '../../../src/server/errors.js';
import { CONTENT_SECURITY_POLICY } from '../../../src/server/http/security-headers.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { buildWorld, type World } from '../fixture.js';
import { PG_URL, sessionClient, type Client, type TestApp } from '../harness.js';
import { operationsOf, requestArb, type FuzzRequest, type Operation } from './request-arbitrary.js';
import type { JsonSchema } from './schema-arbitrary.js';
import { changedTables, watchPostgres, watchSqlite, type StoreWatch } from './store-watch.js';

const SEED =
  process.env.TINNHIEM_FUZZ_SEED === undefined
    ? Date.now() % 2 ** 31
    : Number(process.env.TINNHIEM_FUZZ_SEED);
const LIMITS = { maxJsonBytes: 16 * 1024, maxUploadBytes: 64 * 1024 };
/** One rejected request in this many is also checked by a full digest of every table. */
const DIGEST_EVERY = 10;

/** What an error body may never contain: stack frames, source or install paths, driver names. */
const LEAK =
  /(\n\s+at |\bat [\w$.<>]+ \(|\/work\/|\/home\/|\/tmp\/|node_modules|\.[cm]?[jt]s:\d|SQLITE_|better-sqlite|kysely|\bpg\b|TypeError|ReferenceError|RangeError|Cannot read prop)/;

/** Registers the fuzz test on a fresh store of `kind`, sending at least `runs` requests. */
export function fuzzSuite(kind: 'sqlite' | 'postgres', RUNS: number): void {
  const schema = `t_fuzz_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  let dir: string;
  let store: Store;
  let app: App;
  let world: World;
  let watch: StoreWatch;
  const serverErrors: string[] = [];
  let clock = '2023-09-01T02:00:00.000Z';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tn-fuzz-'));
    const web = join(dir, 'web');
    mkdirSync(web);
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Tín nhiệm</title>');
    const clockService = { now: () => clock };
    store =
      kind === 'sqlite'
        ? await openStore({ kind: 'sqlite', dataDir: join(dir, 'data'), clock: clockService })
        : await openStore({ kind: 'postgres', databaseUrl: PG_URL, schema, clock: clockService });
    const config = parseConfig(
      {
        TINNHIEM_LOG: 'silent',
        TINNHIEM_MAX_JSON_BYTES: String(LIMITS.maxJsonBytes),
        TINNHIEM_MAX_UPLOAD_BYTES: String(LIMITS.maxUploadBytes),
        // Sign-in is rate-limited before scrypt runs: a low limit keeps the fuzzer from spending its time hashing.
        TINNHIEM_LOGIN_ATTEMPTS: '2',
      },
      dir,
    );
    if (!config.ok) throw new Error(config.error.message);
    app = createApp({
      store,
      clock: clockService,
      random: systemRandom,
      config: config.value,
      logger: { info: () => undefined, error: (l) => serverErrors.push(l) },
      webRoot: web,
    });
    world = await buildWorld(store);
    watch =
      kind === 'sqlite' ? watchSqlite(join(dir, 'data')) : await watchPostgres(PG_URL, schema);
  }, 60_000);

  afterAll(async () => {
    await watch?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
    if (kind === 'postgres') {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });

  /** The harness Client needs a TestApp; only `app` and `store` are used by sessionClient and request. */
  function asTestApp(): TestApp {
    return {
      ...app,
      store,
      clock: { now: () => clock, set: (iso: string) => (clock = iso) },
      errors: serverErrors,
      logs: [],
      close: () => Promise.resolve(),
    };
  }

  /** Destructive operations last, so that earlier ones still find the fixture. */
  function weight(op: Operation): number {
    if (op.path === '/api/auth/logout' || op.path === '/api/demo') return 2;
    return op.method === 'delete' ? 1 : 0;
  }

  interface Caller {
    readonly name: string;
    client: Client | null;
    readonly userId: string | null;
  }

  let sent = 0;
  let rejected = 0;
  let digests = 0;
  const problems = new Map<string, string>();

  function problem(key: string, detail: string): void {
    if (!problems.has(key)) problems.set(key, detail);
  }

  async function send(
    op: Operation,
    caller: Caller,
    req: FuzzRequest,
    allowed: boolean,
  ): Promise<void> {
    const headers: Record<string, string> = { ...req.headers, origin: 'http://localhost' };
    if (caller.client?.cookie) headers.cookie = caller.client.cookie;
    const csrf = caller.client?.csrf ?? 'anonymous';
    if (req.csrf === 'ok') headers['x-csrf-token'] = csrf;
    if (req.csrf === 'wrong') headers['x-csrf-token'] = `${csrf}x`;
    if (req.csrf === 'cross-site') {
      headers['x-csrf-token'] = csrf;
      headers.origin = 'http://evil.example';
    }
    const method = op.method.toUpperCase();
    const sampleDigest = sent % DIGEST_EVERY === 0;
    const digestBefore = sampleDigest ? await watch.digest() : null;
    const versionBefore = await watch.version();
    const auditBefore = await watch.auditHead();
    const errorsBefore = serverErrors.length;
    sent += 1;
    const res = await app.app.request(`http://localhost${req.path}`, {
      method,
      headers,
      ...(req.body === null || method === 'GET' ? {} : { body: new Uint8Array(req.body).buffer }),
    });
    const text = await res.text();
    const where = `${caller.name} ${method} ${op.path} [${req.kind}, csrf ${req.csrf}]`;
    const sample = `${method} ${req.path.slice(0, 160)} → ${res.status} ${text.slice(0, 300)}`;

    if (res.status >= 500) {
      problem(
        `5xx ${method} ${op.path} ${req.kind}`,
        `${where}: ${sample}\n${serverErrors.slice(errorsBefore).join('\n').slice(0, 800)}`,
      );
    }
    // The server logs unexpected errors (also those it answered with a 409/422 safety net): each is a bug.
    if (serverErrors.length > errorsBefore) {
      problem(
        `logged ${method} ${op.path} ${res.status}`,
        `${where}: server logged an error: ${sample}\n${serverErrors.slice(errorsBefore).join('\n').slice(0, 800)}`,
      );
    }
    if (
      res.headers.get('content-security-policy') !== CONTENT_SECURITY_POLICY ||
      res.headers.get('x-content-type-options') !== 'nosniff' ||
      res.headers.get('referrer-policy') !== 'no-referrer'
    )
      problem(`headers ${method} ${op.path} ${res.status}`, `${where}: security headers missing`);
    if (res.status >= 400) {
      rejected += 1;
      let code: unknown = undefined;
      try {
        code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
      } catch {
        problem(
          `not-json ${method} ${op.path} ${res.status}`,
          `${where}: error body is not JSON: ${sample}`,
        );
      }
      if (typeof code !== 'string' || !isErrorCode(code))
        problem(`code ${String(code)} ${op.path}`, `${where}: unknown error code: ${sample}`);
      else if (ERROR_STATUS[code] !== res.status)
        problem(
          `status ${code} ${res.status}`,
          `${where}: ${code} answered ${res.status}, errors.ts says ${ERROR_STATUS[code]}`,
        );
      if (LEAK.test(text))
        problem(`leak ${method} ${op.path}`, `${where}: internal detail in body: ${sample}`);
      // A rejected request commits nothing: no commit seen from the second connection, same table digests.
      if ((await watch.version()) !== versionBefore) {
        problem(
          `changed ${method} ${op.path} ${res.status}`,
          `${where}: rejected but committed: ${sample}; audit: ${JSON.stringify(await watch.auditAfter(auditBefore))}`,
        );
      }
      if (digestBefore !== null) {
        digests += 1;
        const changed = changedTables(digestBefore, await watch.digest());
        if (changed.length > 0)
          problem(
            `digest ${method} ${op.path}`,
            `${where}: rejected but tables changed: ${changed.join(', ')}: ${sample}`,
          );
      }
      if (!allowed) {
        // A path with . or .. segments is normalised by the URL parser and may reach another route.
        const otherRoute =
          /\/(\.|%2e){1,2}(\/|\?|$)/i.test(req.path) ||
          (code === 'not_found' && text.includes('No API route'));
        const refusal = [
          'unauthenticated',
          'forbidden',
          'csrf_failed',
          'origin_rejected',
          'payload_too_large',
          'session_expired',
        ];
        if (!otherRoute && !refusal.includes(String(code)))
          problem(
            `denied ${method} ${op.path} ${String(code)}`,
            `${where}: a caller the route does not admit got ${String(code)}: ${sample}`,
          );
      }
    } else {
      if (!allowed && !/\/(\.|%2e){1,2}(\/|\?|$)/i.test(req.path))
        problem(
          `denied-ok ${method} ${op.path}`,
          `${where}: a caller the route does not admit got ${res.status}`,
        );
      if (/\n\s+at |node_modules|\/work\//.test(text))
        problem(`leak-ok ${method} ${op.path}`, `${where}: internal detail in body: ${sample}`);
    }
    // The session ended (sign-out, password change) or a new one began: sign the caller in again.
    if (res.headers.get('set-cookie') !== null && caller.userId !== null) {
      caller.client = await sessionClient(asTestApp(), caller.userId);
    }
  }

  it(
    `${RUNS} generated requests over every operation: no 5xx, no leak, known codes, rejected = unchanged`,
    async () => {
      const doc = (await (await app.app.request('/api/openapi.json')).json()) as Parameters<
        typeof operationsOf
      >[0] & {
        components: { schemas: Record<string, JsonSchema> };
        paths: Record<string, Record<string, { 'x-roles'?: string[] }>>;
      };
      const ops = operationsOf(doc).sort((a, b) => weight(a) - weight(b));
      expect(ops.length).toBe(app.routes.length);
      const ctx = { schemas: doc.components.schemas, knownIds: Object.values(world.ids) };
      const perOp = Math.ceil(RUNS / (2 * ops.length));
      const admin: Caller = {
        name: 'administrator',
        userId: world.users.administrator,
        client: await sessionClient(asTestApp(), world.users.administrator),
      };
      const callers = new Map<string, Caller>();
      for (const role of ROLES)
        callers.set(role, {
          name: role,
          userId: world.users[role],
          client: await sessionClient(asTestApp(), world.users[role]),
        });
      const anonymous: Caller = { name: 'anonymous', userId: null, client: null };
      const started = performance.now();
      const perRoute: string[] = [];

      for (const op of ops) {
        const roles = doc.paths[op.path]?.[op.method]?.['x-roles'] ?? [];
        const deniedRole = roles.includes('public')
          ? undefined
          : ROLES.find((r: Role) => !roles.includes(r));
        const denied = deniedRole === undefined ? anonymous : callers.get(deniedRole)!;
        const deniedAllowed = roles.includes('public');
        const t0 = performance.now();
        await fc.assert(
          fc.asyncProperty(requestArb(op, ctx, LIMITS), async (req) => {
            await send(op, admin, req, true);
            await send(op, denied, req, deniedAllowed);
          }),
          { numRuns: perOp, seed: SEED, endOnFailure: true },
        );
        perRoute.push(`${((performance.now() - t0) / 1000).toFixed(1)}s ${op.method} ${op.path}`);
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `fuzz: ${sent} requests (${rejected} rejected, ${digests} full digests) over ${ops.length} operations in ${seconds.toFixed(1)} s = ${(sent / seconds).toFixed(0)} requests/s; seed ${SEED}\n` +
          `slowest: ${perRoute
            .sort((a, b) => parseFloat(b) - parseFloat(a))
            .slice(0, 5)
            .join('; ')}`,
      );
      expect([...problems.values()]).toEqual([]);
      expect(sent).toBeGreaterThanOrEqual(RUNS);
      // The audit chain still verifies after everything the fuzzer did.
      expect((await store.audit.verifyChain()).ok).toBe(true);
    },
    30 * 60_000,
  );
}
