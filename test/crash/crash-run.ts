// Crash safety (issue 8 §2): the real server on SQLite or PostgreSQL, writers sending numbered writes, SIGKILL at
// a random moment, restart, and checks: every acknowledged write stored exactly once (others at most once),
// the audit hash chain verifies, SQLite's integrity_check and foreign_key_check pass.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.js';
import { SQLITE_FILE } from '../../src/store/open-store.js';
import { ApiClient } from './api-client.js';
import { startServerProcess, tinnhiemCommand, type ServerProcess } from './server-process.js';
import { CRASH_USER, type Workload } from './workloads.js';

/** PostgreSQL of this machine; each run makes and drops its own database. */
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** How a run went. */
export interface CrashReport {
  readonly db: 'sqlite' | 'postgres';
  readonly workload: string;
  readonly entry: 'bin' | 'source';
  readonly kills: number;
  readonly attempted: number;
  /** Writes the server acknowledged (those retried after a kill included). */
  readonly acknowledged: number;
  /** Writes in flight at a kill, retried after the restart (stored before the kill or not). */
  readonly retried: number;
  readonly seconds: number;
  /** Mean time from spawn to listening, in ms. */
  readonly meanStartMs: number;
  readonly seed: number;
  readonly problems: readonly string[];
}

/** Options of a run. */
export interface CrashOptions {
  readonly db: 'sqlite' | 'postgres';
  readonly kills: number;
  readonly workload: Workload;
  /** Concurrent writers (default 4). */
  readonly writers?: number;
  /** Longest time the writers run before the kill, in ms (default 600). */
  readonly maxRunMs?: number;
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed with its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Storage {
  readonly env: Record<string, string>;
  open(): Promise<Store>;
  /** SQLite only: integrity_check and foreign_key_check through a read-only connection. */
  integrity(): string[];
  drop(): Promise<void>;
}

function sqliteStorage(): Storage {
  const dir = mkdtempSync(join(tmpdir(), 'tn-crash-'));
  const dataDir = join(dir, 'data');
  return {
    env: { TINNHIEM_DATA: dataDir, DATABASE_URL: '' },
    open: () => openStore({ kind: 'sqlite', dataDir }),
    integrity: () => {
      const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true });
      try {
        const check = db.pragma('integrity_check', { simple: true });
        const fk = db.pragma('foreign_key_check') as unknown[];
        const problems: string[] = [];
        if (check !== 'ok') problems.push(`integrity_check: ${String(check)}`);
        if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`);
        return problems;
      } finally {
        db.close();
      }
    },
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

async function postgresStorage(): Promise<Storage> {
  const name = `tn_crash_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => openStore({ kind: 'postgres', databaseUrl: url.toString() }),
    integrity: () => [],
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs the crash test; never throws for a found problem (they are in the report). */
export async function runCrashTest(options: CrashOptions): Promise<CrashReport> {
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const random = prng(seed);
  const log = options.log ?? (() => undefined);
  const writers = options.writers ?? 4;
  const maxRunMs = options.maxRunMs ?? 600;
  const { workload } = options;
  const storage = options.db === 'sqlite' ? sqliteStorage() : await postgresStorage();
  const problems: string[] = [];
  const attempted = new Set<number>();
  const acked = new Set<number>();
  const startTimes: number[] = [];
  let firstTime = 0;
  const started = performance.now();
  let server: ServerProcess | null = null;
  try {
    const seeding = await storage.open();
    try {
      await workload.seed(seeding);
    } finally {
      await seeding.close();
    }
    let api: ApiClient | null = null;
    let next = 1;
    for (let round = 0; round <= options.kills; round++) {
      const t0 = performance.now();
      server = await startServerProcess(storage.env);
      startTimes.push(performance.now() - t0);
      if (api === null) {
        api = new ApiClient(server.url);
        await api.login(CRASH_USER.username, CRASH_USER.password);
        await workload.prepare(api);
      }
      api.url = server.url;
      // After each restart: what was acknowledged is there exactly once; the store is sound.
      const found = await workload.check(api, attempted, acked);
      problems.push(...found.map((p) => `after kill ${round}: ${p}`));
      const chain = await api.must<{ ok: boolean; entries: number }>('GET', '/api/audit/verify');
      if (!chain.ok) problems.push(`after kill ${round}: the audit chain does not verify`);
      problems.push(...storage.integrity().map((p) => `after kill ${round}: ${p}`));
      if (round === options.kills) break;

      // Writers run until the kill; the kill comes at a random moment.
      let killed = false;
      const client = api;
      const loop = async () => {
        while (!killed) {
          const i = next++;
          attempted.add(i);
          try {
            if (await workload.write(client, i)) {
              acked.add(i);
              firstTime += 1;
            }
          } catch (e) {
            if (!killed) problems.push(`write ${i} failed before the kill: ${String(e)}`);
            return;
          }
        }
      };
      const running = Array.from({ length: writers }, loop);
      // The kill comes at a random moment after the first write of this life is acknowledged.
      const before = acked.size;
      for (let waited = 0; acked.size === before && waited < 5000; waited += 10)
        await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, random() * maxRunMs));
      killed = true;
      server.child.kill('SIGKILL');
      await server.exited;
      server = null;
      await Promise.all(running);
      log(
        `${options.db}: kill ${round + 1}/${options.kills}: ${acked.size} acknowledged of ${attempted.size}`,
      );
    }
    // A clean stop, then the store opened directly: the chain verifies on its own too.
    if (server !== null) {
      server.child.kill('SIGTERM');
      const code = await server.exited;
      if (code !== 0) problems.push(`the server did not stop cleanly: ${code}`);
      server = null;
    }
    const store = await storage.open();
    try {
      const chain = await store.audit.verifyChain();
      if (!chain.ok)
        problems.push(`final: the audit chain does not verify: ${JSON.stringify(chain)}`);
    } finally {
      await store.close();
    }
    problems.push(...storage.integrity().map((p) => `final: ${p}`));
  } finally {
    if (server !== null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await storage.drop();
  }
  return {
    db: options.db,
    workload: workload.name,
    entry: tinnhiemCommand().form,
    kills: options.kills,
    attempted: attempted.size,
    acknowledged: acked.size,
    retried: acked.size - firstTime,
    seconds: (performance.now() - started) / 1000,
    meanStartMs: startTimes.reduce((a, b) => a + b, 0) / Math.max(1, startTimes.length),
    seed,
    problems,
  };
}

/** One line of figures for the log. */
export function describeReport(r: CrashReport): string {
  return (
    `crash ${r.db} (${r.workload}, ${r.entry}): ${r.kills} kills, ${r.acknowledged} acknowledged of ${r.attempted} attempted ` +
    `(${r.retried} in flight at a kill and retried), ` +
    `${r.seconds.toFixed(1)} s (start ${r.meanStartMs.toFixed(0)} ms on average), seed ${r.seed}, ${r.problems.length} problems`
  );
}
