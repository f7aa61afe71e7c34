// Direct connections for backup and restore: a read-only look at a store that may be serving (no folder lock),
// and a locked, migrated, empty-checked target.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { lockFolder, type FolderLock } from '../db/folder-lock.js';
import type { SqlDialect } from '../db/migrations.js';
import { openStore, SQLITE_FILE } from '../open-store.js';
import {
  StoreOpenError,
  type PostgresStoreConfig,
  type SqliteStoreConfig,
} from '../store-config.js';
import type { AnyDatabase } from './table-catalog.js';

/** Where a backup is read from or restored to. */
export type BackupStoreConfig = SqliteStoreConfig | PostgresStoreConfig;

/** An open connection to a store's database. */
export interface DirectConnection {
  readonly db: Kysely<AnyDatabase>;
  readonly dialect: SqlDialect;
  close(): Promise<void>;
}

/**
 * Opens the store's database to read it while a server may be using it: SQLite in WAL mode lets this
 * reader beside the server's writer (no folder lock taken; `query_only` so nothing is written); PostgreSQL
 * through its own small pool. Throws StoreOpenError `store_unavailable` when there is no store there.
 */
export async function openForReading(config: BackupStoreConfig): Promise<DirectConnection> {
  if (config.kind === 'sqlite') {
    const file = join(config.dataDir, SQLITE_FILE);
    if (!existsSync(file))
      throw new StoreOpenError(
        'store_unavailable',
        `no store in ${config.dataDir} (${SQLITE_FILE})`,
      );
    const sqlite = new SqliteDatabase(file, { fileMustExist: true, timeout: 5000 });
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('query_only = 1');
    const db = new Kysely<AnyDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  return postgresConnection(config);
}

/**
 * Opens a restore target: openStore first (it creates the folder or schema and runs the migrations, so an
 * empty target is a fresh one), then a direct connection; SQLite's folder lock is held until close, so
 * no server can start on the folder meanwhile.
 */
export async function openForRestore(config: BackupStoreConfig): Promise<DirectConnection> {
  const store = await openStore(config);
  await store.close();
  if (config.kind === 'sqlite') {
    const lock: FolderLock = lockFolder(config.dataDir);
    try {
      const sqlite = new SqliteDatabase(join(config.dataDir, SQLITE_FILE), { timeout: 5000 });
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = FULL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('busy_timeout = 5000');
      const db = new Kysely<AnyDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
      return {
        db,
        dialect: 'sqlite',
        close: async () => {
          try {
            await db.destroy();
          } finally {
            lock.release();
          }
        },
      };
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  return postgresConnection(config);
}

async function postgresConnection(config: PostgresStoreConfig): Promise<DirectConnection> {
  const schema = config.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new StoreOpenError('store_unavailable', `invalid PostgreSQL schema name "${schema}"`);
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    max: 2,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreOpenError('store_unavailable', `cannot reach PostgreSQL: ${String(error)}`, {
      cause: error,
    });
  }
  const db = new Kysely<AnyDatabase>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
