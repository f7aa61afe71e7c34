// openStore: SQLite in a locked data folder, or PostgreSQL by URL; migrations run before it returns.

import { cachingStatements } from './db/statement-cache.js';
import { preparingPool } from './db/prepared-statements.js';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Clock, IdGenerator } from '../core/model/index.js';
import { lockFolder } from './db/folder-lock.js';
import { migrationProvider, type SqlDialect } from './db/migrations.js';
import type { Database } from './db/schema.js';
import { StoreContext } from './db/store-context.js';
import { createKyselyStore } from './kysely-store.js';
import { LISTEN_APPLICATION_NAME, PostgresLive } from './live/postgres-live.js';
import { SqliteLive } from './live/sqlite-live.js';
import type { Store } from './store.js';
import { StoreOpenError, type StoreConfig } from './store-config.js';

const systemClock: Clock = { now: () => new Date().toISOString() };
const randomIds: IdGenerator = { next: () => randomUUID() };

/** File name of the SQLite database inside the data folder. */
export const SQLITE_FILE = 'tinnhiem.sqlite';

/**
 * Opens the store and brings its schema up to date. Throws StoreOpenError: `store_locked` when another
 * process has the SQLite folder open, `store_unavailable` when PostgreSQL cannot be reached,
 * `store_migration_failed` when a migration fails.
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  const clock = config.clock ?? systemClock;
  const ids = config.ids ?? randomIds;
  if (config.kind === 'sqlite') return openSqlite(config.dataDir, clock, ids);
  return openPostgres(config.databaseUrl, config.schema, config.poolSize ?? 10, clock, ids);
}

async function openSqlite(dataDir: string, clock: Clock, ids: IdGenerator): Promise<Store> {
  mkdirSync(dataDir, { recursive: true });
  const lock = lockFolder(dataDir);
  let db: Kysely<Database>;
  let live: SqliteLive;
  try {
    const sqlite = new SqliteDatabase(join(dataDir, SQLITE_FILE), { timeout: 5000 });
    // WAL for readers beside the writer; FULL so an acknowledged commit survives power loss;
    // foreign keys are off by default in SQLite; busy_timeout for the checkpointer.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    live = new SqliteLive(sqlite);
    db = new Kysely<Database>({ dialect: live.dialect({ database: cachingStatements(sqlite) }) });
  } catch (error) {
    lock.release();
    throw new StoreOpenError(
      'store_unavailable',
      `cannot open SQLite in ${dataDir}: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
  try {
    await migrate(db, 'sqlite');
    live.installTriggers();
  } catch (error) {
    await db.destroy();
    lock.release();
    throw error;
  }
  const ctx = new StoreContext(db, 'sqlite', clock, ids, false);
  return createKyselyStore(db, ctx, () => Promise.resolve(lock.release()), live.updates());
}

async function openPostgres(
  url: string,
  schema: string | undefined,
  poolSize: number,
  clock: Clock,
  ids: IdGenerator,
): Promise<Store> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new StoreOpenError('store_unavailable', `invalid PostgreSQL schema name "${schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client's network error must not crash the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreOpenError(
      'store_unavailable',
      `cannot reach PostgreSQL at ${redact(url)}: ${String(error)}`,
      { cause: error },
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  try {
    // Kysely looks the migration table up in every schema unless told which one.
    await migrate(db, 'postgres', schema ?? 'public');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  // One LISTEN connection per store, outside the pool (a pooled client is handed back after each query).
  const live = new PostgresLive(
    () =>
      new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: 5000,
        keepAlive: true,
        application_name: LISTEN_APPLICATION_NAME,
        ...(schema ? { options: `-c search_path=${schema}` } : {}),
      }),
  );
  const ctx = new StoreContext(db, 'postgres', clock, ids, false);
  return createKyselyStore(
    db,
    ctx,
    () => Promise.resolve(),
    live.updates(),
    () => live.close(),
  );
}

async function migrate(db: Kysely<Database>, dialect: SqlDialect, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    migrationTableName: 'tinnhiem_migration',
    migrationLockTableName: 'tinnhiem_migration_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new StoreOpenError(
      'store_migration_failed',
      `migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  }
  if (dialect === 'sqlite') await sql`pragma optimize`.execute(db);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
