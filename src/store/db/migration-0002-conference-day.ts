// Migration 0002: the conference-day tables (issue 4): check-in codes, committee, counting, results.

import type { Kysely, Migration } from 'kysely';

/** Creates the tables of conference-day.schema.ts. */
export const conferenceDayMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('check_in_codes')
      .addColumn('participant_id', 'text', (c) =>
        c.primaryKey().references('participants.id').onDelete('cascade'),
      )
      .addColumn('conference_id', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .execute();

    await db.schema
      .createTable('committee_members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conference_id', 'text', (c) =>
        c.notNull().references('conferences.id').onDelete('cascade'),
      )
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('is_head', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('login_code_digest', 'text', (c) => c.unique())
      .addColumn('login_code_expires_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('committee_members_conference')
      .on('committee_members')
      .column('conference_id')
      .execute();

    await db.schema
      .createTable('ballot_accounting')
      .addColumn('conference_id', 'text', (c) =>
        c.notNull().references('conferences.id').onDelete('cascade'),
      )
      .addColumn('sheet_id', 'text', (c) => c.notNull())
      .addColumn('issued', 'integer', (c) => c.notNull())
      .addColumn('collected', 'integer', (c) => c.notNull())
      .addColumn('spoiled_exchanged', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('ballot_accounting_pk', ['conference_id', 'sheet_id'])
      .execute();

    await db.schema
      .createTable('ballot_entries')
      .addColumn('conference_id', 'text', (c) =>
        c.notNull().references('conferences.id').onDelete('cascade'),
      )
      .addColumn('sheet_id', 'text', (c) => c.notNull())
      .addColumn('ballot_number', 'integer', (c) => c.notNull())
      .addColumn('slot', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull().references('committee_members.id'))
      .addColumn('void', 'integer', (c) => c.notNull())
      .addColumn('marks', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ballot_entries_pk', [
        'conference_id',
        'sheet_id',
        'ballot_number',
        'slot',
      ])
      .execute();

    await db.schema
      .createTable('aggregate_counts')
      .addColumn('conference_id', 'text', (c) =>
        c.notNull().references('conferences.id').onDelete('cascade'),
      )
      .addColumn('sheet_id', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('high', 'integer', (c) => c.notNull())
      .addColumn('confidence', 'integer', (c) => c.notNull())
      .addColumn('low', 'integer', (c) => c.notNull())
      .addColumn('invalid', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('aggregate_counts_pk', ['conference_id', 'sheet_id', 'subject_id'])
      .execute();

    await db.schema
      .createTable('result_revisions')
      .addColumn('conference_id', 'text', (c) =>
        c.notNull().references('conferences.id').onDelete('cascade'),
      )
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('actor_label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('result_revisions_pk', ['conference_id', 'revision'])
      .execute();

    await db.schema
      .createTable('publications')
      .addColumn('conference_id', 'text', (c) =>
        c.primaryKey().references('conferences.id').onDelete('cascade'),
      )
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('follow_ups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conference_id', 'text', (c) =>
        c.notNull().references('conferences.id').onDelete('cascade'),
      )
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('vote', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('follow_ups_subject', ['conference_id', 'subject_id'])
      .execute();
  },
};
