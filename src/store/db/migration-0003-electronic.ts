// Migration 0003: electronic voting (issue 7): elections, trustees, the record, DKG relay, voided credentials.

import type { Kysely, Migration } from 'kysely';

/** Creates the tables of electronic-schema.ts. */
export const electronicMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('elections')
      .addColumn('conference_id', 'text', (c) =>
        c.primaryKey().references('conferences.id').onDelete('cascade'),
      )
      .addColumn('trustees', 'integer', (c) => c.notNull())
      .addColumn('threshold', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('election_trustees')
      .addColumn('conference_id', 'text', (c) =>
        c.notNull().references('elections.conference_id').onDelete('cascade'),
      )
      .addColumn('trustee', 'integer', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('election_trustees_pk', ['conference_id', 'trustee'])
      .addUniqueConstraint('election_trustees_member', ['conference_id', 'member_id'])
      .execute();

    // The primary key (conference, seq) makes two concurrent appends of the same seq collide.
    await db.schema
      .createTable('election_events')
      .addColumn('conference_id', 'text', (c) =>
        c.notNull().references('elections.conference_id').onDelete('cascade'),
      )
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('prev', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('credential', 'text')
      .addColumn('tracker', 'text')
      .addPrimaryKeyConstraint('election_events_pk', ['conference_id', 'seq'])
      .execute();
    await db.schema
      .createIndex('election_events_credential')
      .on('election_events')
      .columns(['conference_id', 'credential'])
      .execute();

    await db.schema
      .createTable('election_dkg_messages')
      .addColumn('conference_id', 'text', (c) =>
        c.notNull().references('elections.conference_id').onDelete('cascade'),
      )
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('trustee', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('election_dkg_messages_pk', ['conference_id', 'kind', 'trustee'])
      .execute();

    await db.schema
      .createTable('election_voided_credentials')
      .addColumn('conference_id', 'text', (c) =>
        c.notNull().references('elections.conference_id').onDelete('cascade'),
      )
      .addColumn('credential', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('election_voided_pk', ['conference_id', 'credential'])
      .execute();
  },
};
