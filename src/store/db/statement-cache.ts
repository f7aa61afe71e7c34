// Prepared statements kept by their SQL text for Kysely's SQLite driver, which prepares every query
// afresh: bench:load spent 11 % of the server's main thread in better-sqlite3's prepare.
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept; Kysely writes one text per list length, so the set is bounded here. */
const STATEMENTS_KEPT = 512;

/**
 * The database as Kysely sees it, with `prepare` answering from a cache (least recently used goes).
 * A statement is reused only after its last use returned: the driver runs `all` or `run` to the end
 * at once, and this store never streams.
 */
export function cachingStatements(db: SqliteDatabase): SqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare: (sql: string) => {
      let statement = kept.get(sql);
      if (statement) kept.delete(sql);
      else statement = db.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
      return statement;
    },
  };
}
