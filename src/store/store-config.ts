// How to open a store: SQLite in a data folder, or PostgreSQL by URL; time and ids injected.

import type { Clock, IdGenerator } from '../core/model/index.js';

/** SQLite in `dataDir` (the caller resolves `./data` or TINNHIEM_DATA; the store reads no environment). */
export interface SqliteStoreConfig {
  readonly kind: 'sqlite';
  /** Folder holding `tinnhiem.sqlite` and its lock file; created if missing. */
  readonly dataDir: string;
}

/** PostgreSQL through a `pg` Pool. */
export interface PostgresStoreConfig {
  readonly kind: 'postgres';
  /** e.g. postgres://postgres@127.0.0.1:5432/tinnhiem */
  readonly databaseUrl: string;
  /** Schema for every table (created if missing); default the server's search_path ("public"). */
  readonly schema?: string;
  /** Pool size, default 10. */
  readonly poolSize?: number;
}

/** Services the store uses; defaults: system clock and node:crypto randomUUID. */
export interface StoreServices {
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
}

/** What `openStore` takes. */
export type StoreConfig = (SqliteStoreConfig | PostgresStoreConfig) & StoreServices;

/** Why a store could not open: another process holds the folder, or the database is unreachable. */
export type StoreOpenErrorCode = 'store_locked' | 'store_unavailable' | 'store_migration_failed';

/** Thrown by `openStore`: a start-up failure the server maps to its error code and exits on. */
export class StoreOpenError extends Error {
  /** Stable code: store_locked, store_unavailable, store_migration_failed. */
  readonly code: StoreOpenErrorCode;

  constructor(code: StoreOpenErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreOpenError';
    this.code = code;
  }
}
