// Migration 0006: the audit chain's lock and head in one round trip on PostgreSQL (ADR 0006).

import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from './migrations.js';

/**
 * PostgreSQL: `tinnhiem_audit_head(key)` takes the transaction's advisory lock that serialises audit
 * appends, then reads the chain's head. A VOLATILE function takes a new snapshot for each statement in
 * it, so the head is read after the lock is held and sees the previous holder's committed entry; done as
 * two statements from the server, the lock and the read cost two round trips inside the lock, which
 * every write of the installation waits on. SQLite: nothing (one writer).
 */
export function auditHeadMigration(dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql`
        create function tinnhiem_audit_head(lock_key bigint, out seq integer, out hash text)
        returns setof record language plpgsql volatile as $$
        begin
          perform pg_advisory_xact_lock(lock_key);
          return query select a.seq, a.hash from audit_log a order by a.seq desc limit 1;
        end $$`.execute(db);
    },
  };
}
