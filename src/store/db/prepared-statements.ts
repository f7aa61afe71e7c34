// Named (prepared) statements for Kysely's PostgreSQL driver, which sends every query unnamed, so that
// PostgreSQL parses and plans it afresh each time. Under bench:load the backends took ≈ 40 % of the CPU
// in use; a named statement is parsed once per connection (pg remembers which it has prepared), which
// measured ≈ 30–38 µs of backend CPU per query instead of ≈ 72–104 µs (ADR 0006).
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * Distinct SQL texts given a name. pg never deallocates a prepared statement, so each connection keeps
 * at most this many; Kysely writes one text per list length, and texts past the bound run unnamed.
 */
const NAMED_TEXTS = 512;

/**
 * The pool as Kysely sees it, whose clients send each parameterised query as a named statement.
 * Queries without parameters (BEGIN, COMMIT, DDL) keep the simple protocol: one message, nothing kept.
 * A schema change under a running server fails its kept plans ("cached plan must not change result
 * type"): migrations run before the server takes requests.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < NAMED_TEXTS) {
      name = `tn_${names.size}`;
      names.set(text, name);
    }
    return name;
  };
  // one wrapper per pooled client, so Kysely keeps one connection object for each
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  // the store never streams, so the cursor form of `query` is not needed
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    query: ((text: string, values: readonly unknown[]) => {
      const name = values.length > 0 ? nameOf(text) : undefined;
      return name === undefined
        ? client.query(text, [...values])
        : client.query({ name, text, values: [...values] });
    }) as unknown as PostgresPoolClient['query'],
    release: () => client.release(),
  });
  return {
    connect: async () => {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (wrapper === undefined) {
        wrapper = wrap(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
