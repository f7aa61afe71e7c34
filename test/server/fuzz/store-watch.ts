// Watches the store from a second connection: whether anything was committed since the last look (SQLite's
// PRAGMA data_version; on PostgreSQL the audit log's head, since every mutation appends to it in its
// transaction), and a digest of every table to compare.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SQLITE_FILE } from '../../../src/store/open-store.js';

/** A read-only view of the store's database. */
export interface StoreWatch {
  /** Changes whenever the server commits (SQLite data_version; PostgreSQL: the audit head). */
  version(): Promise<number>;
  /** A digest per table of all its rows. */
  digest(): Promise<Map<string, string>>;
  /** The last audit entries after `seq` (to say what a change was). */
  auditAfter(seq: number): Promise<{ seq: number; action: string; entity_type: string }[]>;
  /** The highest audit sequence number. */
  auditHead(): Promise<number>;
  close(): Promise<void>;
}

/** Opens the watch on the SQLite file in `dataDir`. */
export function watchSqlite(dataDir: string): StoreWatch {
  const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true, fileMustExist: true });
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  const dump = new Map(
    tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw(true)]),
  );
  const version = db.prepare('PRAGMA data_version').pluck();
  return {
    version: () => Promise.resolve(version.get() as number),
    digest: () => {
      const out = new Map<string, string>();
      for (const [table, stmt] of dump) {
        const h = createHash('sha256');
        for (const row of stmt.iterate() as Iterable<unknown[]>) {
          for (const cell of row) {
            h.update(cell instanceof Buffer ? cell : String(cell));
            h.update('\u0000');
          }
          h.update('\n');
        }
        out.set(table, h.digest('hex'));
      }
      return Promise.resolve(out);
    },
    auditAfter: (seq) =>
      Promise.resolve(
        db
          .prepare(
            'SELECT seq, action, entity_type FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 5',
          )
          .all(seq) as { seq: number; action: string; entity_type: string }[],
      ),
    auditHead: () =>
      Promise.resolve(
        db.prepare('SELECT COALESCE(MAX(seq), 0) FROM audit_log').pluck().get() as number,
      ),
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}

/** Opens the watch on a PostgreSQL schema. */
export async function watchPostgres(url: string, schema: string): Promise<StoreWatch> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  const tables = (
    await client.query<{ name: string }>(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
      [schema],
    )
  ).rows.map((r) => r.name);
  const head = async () =>
    Number(
      (await client.query<{ n: string }>('SELECT COALESCE(MAX(seq), 0) AS n FROM audit_log'))
        .rows[0]!.n,
    );
  return {
    version: head,
    digest: async () => {
      const out = new Map<string, string>();
      for (const t of tables) {
        const r = await client.query<{ d: string | null }>(
          `SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS d FROM "${t}" x`,
        );
        out.set(t, r.rows[0]!.d ?? '');
      }
      return out;
    },
    auditAfter: async (seq) =>
      (
        await client.query<{ seq: number; action: string; entity_type: string }>(
          'SELECT seq, action, entity_type FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT 5',
          [seq],
        )
      ).rows,
    auditHead: head,
    close: () => client.end(),
  };
}

/** The tables whose digest differs. */
export function changedTables(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => a.get(n) !== b.get(n)).sort();
}
