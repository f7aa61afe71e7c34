// restoreStore: a checked backup into an empty, freshly migrated store of either kind, in one transaction
// that also re-verifies the audit hash chain and moves PostgreSQL sequences past the restored rows.

import { createHash } from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Failure, Result } from '../../rules/index.js';
import { verifyAuditChain } from '../db/audit-chain.js';
import { StoreOpenError } from '../store-config.js';
import {
  NOT_CARRIED,
  decodeValue,
  isBackupTrailer,
  isTableLine,
  type BackupHeader,
} from './backup-format.js';
import { openForRestore, type BackupStoreConfig } from './backup-connection.js';
import { backupLines, checkBackupFile, type BackupFileFailure } from './read-backup.js';
import { readCatalog, type AnyDatabase, type CatalogTable } from './table-catalog.js';
import { readMigrations } from './write-backup.js';

/** Bound parameters per INSERT (SQLite allows 32766, PostgreSQL 65535). */
const MAX_PARAMS = 30_000;
/** Rows per INSERT at most, and roughly how many bytes of JSON. */
const MAX_ROWS = 500;
const MAX_BYTES = 4_000_000;

/** Why a restore was refused; nothing was written. */
export type RestoreFailure =
  | BackupFileFailure
  | Failure<
      | 'store_unavailable'
      | 'store_locked'
      | 'store_migration_failed'
      | 'store_not_empty'
      | 'backup_schema_mismatch'
      | 'backup_audit_chain_broken'
    >;

/** What a restore wrote. */
export interface RestoreSummary {
  readonly header: BackupHeader;
  readonly tables: Readonly<Record<string, number>>;
  readonly rows: number;
  /** Entries of the audit chain, verified after the restore. */
  readonly auditEntries: number;
}

class Refusal extends Error {
  constructor(readonly failure: RestoreFailure) {
    super(failure.message);
  }
}

/**
 * Restores `inPath` into the store at `config`, which must be empty (a fresh folder or schema, or one
 * opened but never used): the file's digest and format are checked first, then the schema version
 * (the migrations must be the same), then the target is found empty; rows go in in dependency order.
 */
export async function restoreStore(
  config: BackupStoreConfig,
  inPath: string,
): Promise<Result<RestoreSummary, RestoreFailure>> {
  const checked = await checkBackupFile(inPath);
  if (!checked.ok) return checked;
  const { header } = checked.value;
  let conn;
  try {
    conn = await openForRestore(config);
  } catch (error) {
    if (error instanceof StoreOpenError)
      return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  }
  try {
    const value = await conn.db
      .transaction()
      .execute((trx) =>
        restoreInto(trx, conn.dialect, header, inPath, checked.value.trailer.sha256),
      );
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.failure };
    throw error;
  } finally {
    await conn.close();
  }
}

async function restoreInto(
  trx: Transaction<AnyDatabase>,
  dialect: 'sqlite' | 'postgres',
  header: BackupHeader,
  inPath: string,
  sha256: string,
): Promise<RestoreSummary> {
  const migrations = (await readMigrations(trx)) ?? [];
  if (migrations.join('\n') !== header.migrations.join('\n')) {
    throw new Refusal({
      code: 'backup_schema_mismatch',
      message:
        `the backup was made at schema ${header.migrations.at(-1) ?? '(none)'}, this store is at ` +
        `${migrations.at(-1) ?? '(none)'}; restore with the version of tinnhiem that made the backup`,
    });
  }
  const catalog = new Map((await readCatalog(trx, dialect)).map((t) => [t.name, t]));
  await refuseUnlessEmpty(trx, [...catalog.values()]);

  const digest = createHash('sha256');
  const tables: Record<string, number> = {};
  let rows = 0;
  let current: CatalogTable | null = null;
  let columns: readonly string[] = [];
  let batch: unknown[][] = [];
  let batchBytes = 0;
  let parents: { key: unknown[]; values: unknown[] }[] = [];
  const flush = async () => {
    if (current === null || batch.length === 0) return;
    await insertRows(trx, current.name, columns, batch);
    batch = [];
    batchBytes = 0;
  };
  const endTable = async () => {
    await flush();
    if (current !== null) await restoreSelfReferences(trx, current, parents);
    parents = [];
  };
  let first = true;
  let trailerSeen = false;
  for await (const line of backupLines(inPath)) {
    const value = JSON.parse(line) as unknown;
    if (first) {
      first = false;
      digest.update(`${line}\n`, 'utf8');
      continue;
    }
    if (isBackupTrailer(value)) {
      trailerSeen = true;
      break;
    }
    digest.update(`${line}\n`, 'utf8');
    if (isTableLine(value)) {
      await endTable();
      const target = catalog.get(value.table);
      if (target === undefined || !sameColumns(target.columns, value.columns)) {
        throw new Refusal({
          code: 'backup_schema_mismatch',
          message: `table ${value.table}: the backup's columns do not match this store's`,
        });
      }
      current = target;
      columns = value.columns;
      tables[target.name] = 0;
      continue;
    }
    if (current === null || !Array.isArray(value)) throw new Error('backup: row outside a table');
    const row = value.map(decodeValue);
    if (current.selfReferences.length > 0) {
      // A row may name a parent that comes later: insert it without, set it once the table is in.
      const refs = current.selfReferences.map((c) => columns.indexOf(c));
      if (refs.some((i) => row[i] !== null)) {
        parents.push({
          key: current.primaryKey.map((c) => row[columns.indexOf(c)]),
          values: refs.map((i) => row[i]),
        });
        for (const i of refs) row[i] = null;
      }
    }
    batch.push(row);
    batchBytes += line.length;
    tables[current.name]!++;
    rows++;
    const maxRows = Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / Math.max(1, columns.length)));
    if (batch.length >= maxRows || batchBytes >= MAX_BYTES) await flush();
  }
  await endTable();
  // The file was read a second time: it must still be the one whose digest was checked.
  if (!trailerSeen || digest.digest('hex') !== sha256) {
    throw new Refusal({
      code: 'backup_digest_mismatch',
      message: 'the backup file changed while it was being restored',
    });
  }
  if (dialect === 'postgres') await advanceSequences(trx);
  const chain = await verifyAuditChain(trx);
  if (!chain.ok) {
    throw new Refusal({
      code: 'backup_audit_chain_broken',
      message: `the restored audit chain does not verify: ${chain.problems
        .slice(0, 3)
        .map((p) => `entry ${p.seq} ${p.check}`)
        .join(', ')}`,
    });
  }
  return { header, tables, rows, auditEntries: chain.entries };
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/** Refuses a store that holds anything but what a backup never carries (sessions, the setup token). */
async function refuseUnlessEmpty(
  trx: Kysely<AnyDatabase>,
  tables: readonly CatalogTable[],
): Promise<void> {
  const keys = sql.join(NOT_CARRIED.settingKeys.map((k) => sql`${k}`));
  for (const table of tables) {
    if (NOT_CARRIED.tables.includes(table.name)) continue;
    const filter =
      table.name === 'settings' ? sql`where ${sql.ref('key')} not in (${keys})` : sql``;
    const found = await sql<{ n: number | string }>`
      select count(*) as n from ${sql.table(table.name)} ${filter}
    `.execute(trx);
    const n = Number(found.rows[0]?.n ?? 0);
    if (n > 0) {
      throw new Refusal({
        code: 'store_not_empty',
        message: `the target store is not empty (${table.name}: ${n} rows); restore only into a new, empty store`,
      });
    }
  }
  for (const name of NOT_CARRIED.tables) await sql`delete from ${sql.table(name)}`.execute(trx);
  await sql`delete from settings where ${sql.ref('key')} in (${keys})`.execute(trx);
}

async function insertRows(
  trx: Kysely<AnyDatabase>,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  const tuples: RawBuilder<unknown>[] = rows.map((r) => sql`(${sql.join(r)})`);
  await sql`
    insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    values ${sql.join(tuples)}
  `.execute(trx);
}

async function restoreSelfReferences(
  trx: Kysely<AnyDatabase>,
  table: CatalogTable,
  parents: readonly { key: unknown[]; values: unknown[] }[],
): Promise<void> {
  for (const p of parents) {
    const set = sql.join(table.selfReferences.map((c, i) => sql`${sql.ref(c)} = ${p.values[i]}`));
    const where = sql.join(
      table.primaryKey.map((c, i) => sql`${sql.ref(c)} = ${p.key[i]}`),
      sql` and `,
    );
    await sql`update ${sql.table(table.name)} set ${set} where ${where}`.execute(trx);
  }
}

/** Moves every sequence a column draws from past the largest restored value (none today; kept general). */
async function advanceSequences(trx: Kysely<AnyDatabase>): Promise<void> {
  const owned = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and (column_default like 'nextval(%' or is_identity = 'YES')
  `.execute(trx);
  for (const { table_name, column_name } of owned.rows) {
    await sql`
      select setval(pg_get_serial_sequence(${table_name}, ${column_name}),
                    coalesce((select max(${sql.ref(column_name)}) from ${sql.table(table_name)}), 0) + 1,
                    false)
    `.execute(trx);
  }
}
