// What tables a store holds, read from the database itself: columns, primary key, foreign keys, and an order
// in which every table comes after the tables it references (so new migrations need no change here).

import { sql, type Kysely } from 'kysely';
import type { SqlDialect } from '../db/migrations.js';
import { MIGRATOR_TABLES } from './backup-format.js';

/** One table of the catalog. */
export interface CatalogTable {
  readonly name: string;
  readonly columns: readonly string[];
  /** Primary-key columns in key order (empty when the table has none). */
  readonly primaryKey: readonly string[];
  /** Columns referencing the same table (parent rows must come first). */
  readonly selfReferences: readonly string[];
  /** Tables this one references. */
  readonly references: readonly string[];
}

/** A database of any schema (the catalog reads names at run time). */
export type AnyDatabase = Record<string, Record<string, unknown>>;

/** Reads the catalog of the open database, tables in dependency order (ties by name). */
export async function readCatalog(
  db: Kysely<AnyDatabase>,
  dialect: SqlDialect,
): Promise<CatalogTable[]> {
  const tables = dialect === 'sqlite' ? await sqliteCatalog(db) : await postgresCatalog(db);
  return dependencyOrder(tables.filter((t) => !MIGRATOR_TABLES.includes(t.name)));
}

async function sqliteCatalog(db: Kysely<AnyDatabase>): Promise<CatalogTable[]> {
  const names = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name
  `.execute(db);
  const out: CatalogTable[] = [];
  for (const { name } of names.rows) {
    const cols = await sql<{ name: string; pk: number }>`
      select name, pk from pragma_table_info(${name}) order by cid
    `.execute(db);
    const fks = await sql<{ table: string; from: string }>`
      select "table", "from" from pragma_foreign_key_list(${name})
    `.execute(db);
    out.push(
      table(
        name,
        cols.rows.map((c) => c.name),
        cols.rows
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
        fks.rows.map((f) => ({ ref: f.table, column: f.from })),
      ),
    );
  }
  return out;
}

async function postgresCatalog(db: Kysely<AnyDatabase>): Promise<CatalogTable[]> {
  const cols = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema()
      and table_name in (select table_name from information_schema.tables
                         where table_schema = current_schema() and table_type = 'BASE TABLE')
    order by table_name, ordinal_position
  `.execute(db);
  const pks = await sql<{ table_name: string; column_name: string }>`
    select cl.relname as table_name, a.attname as column_name
    from pg_index i
    join pg_class cl on cl.oid = i.indrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indisprimary and n.nspname = current_schema()
    order by cl.relname, array_position(i.indkey::int2[], a.attnum)
  `.execute(db);
  const fks = await sql<{ table_name: string; ref: string; column_name: string }>`
    select cl.relname as table_name, rf.relname as ref, a.attname as column_name
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_class rf on rf.oid = c.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
    where c.contype = 'f' and n.nspname = current_schema()
  `.execute(db);
  const names = [...new Set(cols.rows.map((c) => c.table_name))].sort();
  return names.map((name) =>
    table(
      name,
      cols.rows.filter((c) => c.table_name === name).map((c) => c.column_name),
      pks.rows.filter((c) => c.table_name === name).map((c) => c.column_name),
      fks.rows
        .filter((f) => f.table_name === name)
        .map((f) => ({ ref: f.ref, column: f.column_name })),
    ),
  );
}

function table(
  name: string,
  columns: string[],
  primaryKey: string[],
  fks: { ref: string; column: string }[],
): CatalogTable {
  return {
    name,
    columns,
    primaryKey,
    selfReferences: fks.filter((f) => f.ref === name).map((f) => f.column),
    references: [...new Set(fks.filter((f) => f.ref !== name).map((f) => f.ref))].sort(),
  };
}

/** Kahn's order: a table after everything it references; a cycle is a broken invariant. */
function dependencyOrder(tables: CatalogTable[]): CatalogTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: CatalogTable[] = [];
  while (out.length < tables.length) {
    const ready = tables.filter(
      (t) => !done.has(t.name) && t.references.every((r) => done.has(r) || !byName.has(r)),
    );
    if (ready.length === 0) {
      const left = tables.filter((t) => !done.has(t.name)).map((t) => t.name);
      throw new Error(`backup: the foreign keys of ${left.join(', ')} form a cycle`);
    }
    for (const t of ready) {
      done.add(t.name);
      out.push(t);
    }
  }
  return out;
}
