// Migration 0005: the key ceremony's number (issue 7), so a restarted ceremony is told apart from the one before.

import type { Kysely, Migration } from 'kysely';

/** Adds elections.ceremony: 1 for the first key ceremony, one more at each restart (spec §8.6). */
export const ceremonyRestartMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('elections')
      .addColumn('ceremony', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  },
};
