// backupStore: one consistent snapshot of every table (SQLite read transaction in WAL, PostgreSQL REPEATABLE
// READ READ ONLY), streamed as gzip JSON lines to a temporary file, flushed to disk, then renamed into place.

import { createHash } from 'node:crypto';
import {
  closeSync,
  createWriteStream,
  fstatSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql, type Kysely, type QueryResult, type RawBuilder, type Transaction } from 'kysely';
import type { Failure, Result } from '../../rules/index.js';
import { StoreOpenError } from '../store-config.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  NOT_CARRIED,
  encodeValue,
  type BackupHeader,
  type BackupTrailer,
} from './backup-format.js';
import { openForReading, type BackupStoreConfig } from './backup-connection.js';
import { readCatalog, type AnyDatabase, type CatalogTable } from './table-catalog.js';

/** Rows read per query while walking a table by its primary key. */
const PAGE = 1000;

/** What a backup wrote. */
export interface BackupSummary {
  readonly file: string;
  readonly migrations: readonly string[];
  readonly tables: Readonly<Record<string, number>>;
  readonly rows: number;
  /** Size of the compressed file. */
  readonly bytes: number;
}

/** Why a backup could not be made: the store could not be opened or holds no tinnhiem schema. */
export type BackupFailure = Failure<'store_unavailable' | 'store_locked' | 'not_a_store'>;

/**
 * Writes a backup of the store at `config` to `outPath` (replaced atomically). Safe while a server runs on
 * the same store: the snapshot is one read transaction. `now` stamps the header.
 */
export async function backupStore(
  config: BackupStoreConfig,
  outPath: string,
  now: () => string = () => new Date().toISOString(),
): Promise<Result<BackupSummary, BackupFailure>> {
  let conn;
  try {
    conn = await openForReading(config);
  } catch (error) {
    if (error instanceof StoreOpenError && error.code !== 'store_migration_failed')
      return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
  const partial = `${outPath}.partial`;
  try {
    const run = async (trx: Transaction<AnyDatabase>) => {
      if (conn.dialect === 'postgres') await sql`set transaction read only`.execute(trx);
      const migrations = await readMigrations(trx);
      if (migrations === null) return null;
      const catalog = await readCatalog(trx, conn.dialect);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: now(),
        source: conn.dialect,
        migrations,
      };
      return writeFile(trx, catalog, header, partial);
    };
    const builder = conn.db.transaction();
    const written =
      conn.dialect === 'postgres'
        ? await builder.setIsolationLevel('repeatable read').execute(run)
        : await builder.execute(run);
    if (written === null) {
      return {
        ok: false,
        error: {
          code: 'not_a_store',
          message: 'the database holds no tinnhiem store (no migrations)',
        },
      };
    }
    renameSync(partial, outPath);
    return { ok: true, value: { ...written, file: outPath } };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await conn.close();
  }
}

/** The names of the migrations run on this database, or null when it has none. */
export async function readMigrations(db: Kysely<AnyDatabase>): Promise<string[] | null> {
  try {
    const rows = await sql<{ name: string }>`
      select name from tinnhiem_migration order by name
    `.execute(db);
    return rows.rows.map((r) => r.name);
  } catch {
    return null;
  }
}

async function writeFile(
  db: Kysely<AnyDatabase>,
  catalog: readonly CatalogTable[],
  header: BackupHeader,
  path: string,
): Promise<Omit<BackupSummary, 'file'>> {
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(path));
  const digest = createHash('sha256');
  const write = async (value: unknown, hashed = true) => {
    const text = `${JSON.stringify(value)}\n`;
    if (hashed) digest.update(text, 'utf8');
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  const tables: Record<string, number> = {};
  let rows = 0;
  try {
    await write(header);
    for (const table of catalog) {
      await write({ table: table.name, columns: table.columns });
      let count = 0;
      if (!NOT_CARRIED.tables.includes(table.name)) {
        const nulled = new Set(NOT_CARRIED.columns[table.name] ?? []);
        for await (const row of tableRows(db, table)) {
          if (table.name === 'settings' && NOT_CARRIED.settingKeys.includes(String(row['key'])))
            continue;
          await write(table.columns.map((c) => (nulled.has(c) ? null : encodeValue(row[c]))));
          count++;
        }
      }
      tables[table.name] = count;
      rows += count;
    }
    const trailer: BackupTrailer = { end: true, tables, sha256: digest.digest('hex') };
    await write(trailer, false);
    gzip.end();
    await done;
  } catch (error) {
    gzip.destroy();
    await done.catch(() => undefined);
    throw error;
  }
  // The renamed file must be on disk before we say it is there.
  const fd = openSync(path, 'r');
  let bytes: number;
  try {
    fsyncSync(fd);
    bytes = fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
  return { migrations: header.migrations, tables, rows, bytes };
}

/** Every row of `table`, in primary-key order, a page at a time (keyset paging; offset without a key). */
async function* tableRows(
  db: Kysely<AnyDatabase>,
  table: CatalogTable,
): AsyncGenerator<Record<string, unknown>> {
  const cols = sql.join(table.columns.map((c) => sql.ref(c)));
  const keyCols = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
  const key = sql.join(keyCols.map((c) => sql.ref(c)));
  let after: unknown[] | null = null;
  let offset = 0;
  for (;;) {
    const where: RawBuilder<unknown> =
      table.primaryKey.length > 0 && after !== null
        ? sql`where (${key}) > (${sql.join(after.map((v) => sql`${v}`))})`
        : sql``;
    const skip: RawBuilder<unknown> = table.primaryKey.length > 0 ? sql`` : sql`offset ${offset}`;
    const page: QueryResult<Record<string, unknown>> = await sql<Record<string, unknown>>`
      select ${cols} from ${sql.table(table.name)} ${where} order by ${key} limit ${PAGE} ${skip}
    `.execute(db);
    for (const row of page.rows) yield row;
    if (page.rows.length < PAGE) return;
    const last: Record<string, unknown> = page.rows[page.rows.length - 1]!;
    after = table.primaryKey.map((c) => last[c]);
    offset += page.rows.length;
  }
}
