// Test harnesses: a store on SQLite in a temporary folder, or on PostgreSQL in a fresh schema dropped after.

import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, SQLITE_FILE } from '../open-store.js';
import type { ContractHarness } from './store-contract.js';
import { steppingClock } from './store-contract.js';

/** The test database: TEST_DATABASE_URL, default the local server's `test` database. */
export function testDatabaseUrl(): string {
  return process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** A store on SQLite in a new temporary folder, removed by cleanup. */
export async function sqliteHarness(): Promise<ContractHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-store-'));
  const store = await openStore({ kind: 'sqlite', dataDir: dir, clock: steppingClock() });
  return {
    store,
    rawExec: (sqlText) => {
      const raw = new Database(join(dir, SQLITE_FILE));
      try {
        raw.exec(sqlText);
      } finally {
        raw.close();
      }
      return Promise.resolve();
    },
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A store on PostgreSQL in a new schema `t_<random>` (parallel runs never meet), dropped by cleanup.
 * Unreachable PostgreSQL makes openStore throw store_unavailable: the suite fails, it does not skip.
 */
export async function postgresHarness(): Promise<ContractHarness> {
  const url = testDatabaseUrl();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const store = await openStore({
    kind: 'postgres',
    databaseUrl: url,
    schema,
    poolSize: 5,
    clock: steppingClock(),
  });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  return {
    store,
    rawExec: async (sqlText) => {
      await admin.query(`SET search_path = ${schema}`);
      await admin.query(sqlText);
    },
    cleanup: async () => {
      await store.close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}
