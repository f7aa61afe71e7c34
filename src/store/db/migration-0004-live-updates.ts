// Migration 0004: live updates on PostgreSQL, a trigger per watched table that NOTIFYs in the writing transaction.

import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from './migrations.js';

/**
 * The tables and topics as of this migration (frozen: src/store/live/live-tables.ts is the current list,
 * and a table added there gets its trigger from a later migration).
 */
const TABLES: readonly (readonly [table: string, topic: string])[] = [
  ['participants', 'roll-call'],
  ['ballot_accounting', 'counting'],
  ['ballot_entries', 'counting'],
  ['aggregate_counts', 'counting'],
  ['elections', 'election'],
  ['election_events', 'election'],
  ['election_dkg_messages', 'election'],
  ['election_voided_credentials', 'election'],
  ['result_revisions', 'result'],
  ['publications', 'result'],
];

/**
 * PostgreSQL: `pg_notify('tinnhiem_live:<schema>', '<conference id> <topic>')` from an AFTER ROW trigger.
 * NOTIFY is transactional: listeners hear it at commit and never for a rollback, and identical notices of
 * one transaction are folded into one. The payload is the conference id and the topic, nothing of the row.
 * SQLite: nothing here; its triggers are TEMP, made by every connection that opens the store
 * (src/store/live/sqlite-live.ts), so the file holds none.
 */
export function liveUpdatesMigration(dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql
        .raw(
          `CREATE FUNCTION tinnhiem_live_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('tinnhiem_live:' || TG_TABLE_SCHEMA, OLD.conference_id || ' ' || TG_ARGV[0]);
  ELSE
    PERFORM pg_notify('tinnhiem_live:' || TG_TABLE_SCHEMA, NEW.conference_id || ' ' || TG_ARGV[0]);
  END IF;
  RETURN NULL;
END $$`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE FUNCTION tinnhiem_live_notify_conference() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('tinnhiem_live:' || TG_TABLE_SCHEMA, OLD.id || ' conference');
  ELSE
    PERFORM pg_notify('tinnhiem_live:' || TG_TABLE_SCHEMA, NEW.id || ' conference');
  END IF;
  RETURN NULL;
END $$`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER tinnhiem_live AFTER INSERT OR UPDATE OR DELETE ON conferences
           FOR EACH ROW EXECUTE FUNCTION tinnhiem_live_notify_conference()`,
        )
        .execute(db);
      for (const [table, topic] of TABLES) {
        await sql
          .raw(
            `CREATE TRIGGER tinnhiem_live AFTER INSERT OR UPDATE OR DELETE ON ${table}
             FOR EACH ROW EXECUTE FUNCTION tinnhiem_live_notify('${topic}')`,
          )
          .execute(db);
      }
    },
  };
}
