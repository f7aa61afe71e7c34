// Reads every table and column of a test app's database from a second connection: tables are enumerated
// from sqlite_master / information_schema, never listed by hand, so a table added later is read too.

import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SQLITE_FILE } from '../../src/store/open-store.js';
import type { TestApp } from './harness.js';

/** One table: its columns, and its rows in storage order with that position (`pos`). */
export interface DumpedTable {
  readonly name: string;
  readonly columns: readonly string[];
  /** Rows in storage order (SQLite rowid, PostgreSQL ctid); each cell as text, blobs as hex, null kept. */
  readonly rows: readonly DumpedRow[];
}

/** A row: its storage position and its cells by column name. */
export interface DumpedRow {
  /** SQLite rowid, or the PostgreSQL heap position (block × 2^16 + offset); null for WITHOUT ROWID tables. */
  readonly pos: number | null;
  readonly cells: Readonly<Record<string, string | null>>;
}

/** The whole database: every table, by name. */
export type DatabaseDump = ReadonlyMap<string, DumpedTable>;

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

function dumpSqlite(dataDir: string): DatabaseDump {
  const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true, fileMustExist: true });
  try {
    const names = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    const out = new Map<string, DumpedTable>();
    for (const name of names) {
      const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map(
        (c) => c.name,
      );
      let raw: Record<string, unknown>[];
      let withRowid = true;
      try {
        raw = db
          .prepare(`SELECT rowid AS "__pos", * FROM "${name}" ORDER BY rowid`)
          .all() as Record<string, unknown>[];
      } catch {
        withRowid = false;
        raw = db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
      }
      out.set(name, {
        name,
        columns,
        rows: raw.map((r) => ({
          pos: withRowid ? Number(r.__pos) : null,
          cells: Object.fromEntries(columns.map((c) => [c, cellText(r[c])])),
        })),
      });
    }
    return out;
  } finally {
    db.close();
  }
}

async function dumpPostgres(url: string, schema: string): Promise<DatabaseDump> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    const cols = await client.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables t
           ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name, c.ordinal_position`,
      [schema],
    );
    const byTable = new Map<string, string[]>();
    for (const r of cols.rows)
      byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
    const out = new Map<string, DumpedTable>();
    for (const [name, columns] of [...byTable].sort(([a], [b]) => (a < b ? -1 : 1))) {
      // ctid = (block, offset): the heap position, i.e. the order rows were written in (no VACUUM here).
      const res = await client.query<Record<string, unknown>>(
        `SELECT (ctid::text::point)[0]::bigint * 65536 + (ctid::text::point)[1]::bigint AS "__pos", *
           FROM "${name}" ORDER BY ctid`,
      );
      out.set(name, {
        name,
        columns,
        rows: res.rows.map((r) => ({
          pos: Number(r.__pos),
          cells: Object.fromEntries(columns.map((c) => [c, cellText(r[c])])),
        })),
      });
    }
    return out;
  } finally {
    await client.end();
  }
}

/** Dumps every table of the test app's database. */
export function dumpDatabase(t: TestApp): Promise<DatabaseDump> {
  const where = t.location;
  if (where === undefined)
    throw new Error('dumpDatabase: this test app does not say where its data is');
  return where.kind === 'sqlite'
    ? Promise.resolve(dumpSqlite(where.dataDir))
    : dumpPostgres(where.url, where.schema);
}

/** A row as one line of text (column=value, in column order), for searching and for messages. */
export function rowText(table: DumpedTable, row: DumpedRow): string {
  return `${table.name}: ${table.columns.map((c) => `${c}=${row.cells[c] ?? 'null'}`).join(' ')}`;
}

/** What differs between two dumps: rows added, removed or changed, as `table: …` lines. */
export function dumpDifferences(before: DatabaseDump, after: DatabaseDump): string[] {
  const out: string[] = [];
  const names = new Set([...before.keys(), ...after.keys()]);
  for (const name of [...names].sort()) {
    const a = before.get(name);
    const b = after.get(name);
    const lines = (t: DumpedTable | undefined) =>
      new Set((t?.rows ?? []).map((r) => `${r.pos ?? ''}|${rowText(t!, r)}`));
    const la = lines(a);
    const lb = lines(b);
    for (const l of lb) if (!la.has(l)) out.push(`+ ${l}`);
    for (const l of la) if (!lb.has(l)) out.push(`- ${l}`);
  }
  return out;
}
