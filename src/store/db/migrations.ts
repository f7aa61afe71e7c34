// Migrations defined in code, run on open by Kysely's Migrator; portable types for SQLite and PostgreSQL.

import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { conferenceDayMigration } from './migration-0002-conference-day.js';
import { electronicMigration } from './migration-0003-electronic.js';
import { liveUpdatesMigration } from './migration-0004-live-updates.js';
import { ceremonyRestartMigration } from './migration-0005-ceremony-restart.js';
import { auditHeadMigration } from './migration-0006-audit-head.js';

/** Which database the migrations run on (only the blob type differs). */
export type SqlDialect = 'sqlite' | 'postgres';

/** The migrations, by name in the order they run; add new ones at the end, never edit old ones. */
export function migrations(dialect: SqlDialect): Record<string, Migration> {
  const blob = dialect === 'postgres' ? sql`bytea` : sql`blob`;
  return {
    '0001-initial': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema
          .createTable('units')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('code', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('parent_id', 'text', (c) => c.references('units.id'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('units_parent').on('units').column('parent_id').execute();

        await db.schema
          .createTable('rounds')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('plan_number', 'text', (c) => c.notNull())
          .addColumn('plan_date', 'text')
          .addColumn('plan_issuing_body', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('rule_set_id', 'text', (c) => c.notNull())
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('deadlines', 'text', (c) => c.notNull())
          .addColumn('place_priority', 'text', (c) => c.notNull())
          .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('round_units')
          .addColumn('round_id', 'text', (c) =>
            c.notNull().references('rounds.id').onDelete('cascade'),
          )
          .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('round_units_pk', ['round_id', 'unit_id'])
          .execute();
        await db.schema
          .createIndex('round_units_unit')
          .on('round_units')
          .column('unit_id')
          .execute();

        await db.schema
          .createTable('persons')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('code', 'text', (c) => c.unique())
          .addColumn('full_name', 'text', (c) => c.notNull())
          .addColumn('gender', 'text')
          .addColumn('birth_year', 'integer')
          .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('persons_name').on('persons').column('full_name').execute();

        await db.schema
          .createTable('position_holdings')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
          .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('start_date', 'text', (c) => c.notNull())
          .addColumn('end_date', 'text')
          .addColumn('place_kind', 'text', (c) => c.notNull())
          .addColumn('retirement_notified', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('illness_leave_since', 'text')
          .addColumn('rank', 'integer', (c) => c.notNull().defaultTo(100))
          .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('position_holdings_person')
          .on('position_holdings')
          .column('person_id')
          .execute();
        await db.schema
          .createIndex('position_holdings_unit')
          .on('position_holdings')
          .column('unit_id')
          .execute();

        await db.schema
          .createTable('conferences')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
          .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('place', 'text', (c) => c.notNull())
          .addColumn('chair', 'text', (c) => c.notNull())
          .addColumn('rule_set_id', 'text', (c) => c.notNull())
          .addColumn('place_kind', 'text', (c) => c.notNull())
          .addColumn('counting_mode', 'text', (c) => c.notNull())
          .addColumn('local_plan', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('conferences_round')
          .on('conferences')
          .column('round_id')
          .execute();
        await db.schema
          .createIndex('conferences_unit')
          .on('conferences')
          .column('unit_id')
          .execute();

        await db.schema
          .createTable('conference_subjects')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('conference_id', 'text', (c) =>
            c.notNull().references('conferences.id').onDelete('cascade'),
          )
          .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
          .addColumn('holding_ids', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('ord', 'integer', (c) => c.notNull())
          .addColumn('proposal', 'text', (c) => c.notNull())
          .addColumn('exclusions', 'text', (c) => c.notNull())
          .addColumn('decision', 'text')
          .addColumn('override_reason', 'text')
          .addColumn('decided_by', 'text')
          .addColumn('decided_at', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('conference_subjects_conference')
          .on('conference_subjects')
          .column('conference_id')
          .execute();

        await db.schema
          .createTable('ballot_styles')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('conference_id', 'text', (c) =>
            c.notNull().references('conferences.id').onDelete('cascade'),
          )
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('subject_ids', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('ballot_styles_name', ['conference_id', 'name'])
          .execute();

        await db.schema
          .createTable('participants')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('conference_id', 'text', (c) =>
            c.notNull().references('conferences.id').onDelete('cascade'),
          )
          .addColumn('full_name', 'text', (c) => c.notNull())
          .addColumn('unit_name', 'text', (c) => c.notNull())
          .addColumn('position', 'text', (c) => c.notNull())
          .addColumn('ballot_style_id', 'text', (c) =>
            c.references('ballot_styles.id').onDelete('set null'),
          )
          .addColumn('person_id', 'text', (c) => c.references('persons.id'))
          .addColumn('ord', 'integer', (c) => c.notNull())
          .addColumn('attendance', 'text', (c) => c.notNull())
          .addColumn('attendance_at', 'text')
          .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('participants_conference')
          .on('participants')
          .columns(['conference_id', 'ord'])
          .execute();

        await db.schema
          .createTable('reports')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('conference_id', 'text', (c) =>
            c.notNull().references('conferences.id').onDelete('cascade'),
          )
          .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
          .addColumn('file_name', 'text', (c) => c.notNull())
          .addColumn('media_type', 'text', (c) => c.notNull())
          .addColumn('size_bytes', 'integer', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('uploaded_by', 'text')
          .addColumn('uploaded_at', 'text', (c) => c.notNull())
          .addColumn('content', blob, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('reports_conference_person')
          .on('reports')
          .columns(['conference_id', 'person_id'])
          .execute();

        await db.schema
          .createTable('questions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('conference_id', 'text', (c) =>
            c.notNull().references('conferences.id').onDelete('cascade'),
          )
          .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
          .addColumn('participant_id', 'text', (c) =>
            c.references('participants.id').onDelete('set null'),
          )
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('asked_at', 'text', (c) => c.notNull())
          .addColumn('forwarded_at', 'text')
          .addColumn('forwarded_by', 'text')
          .addColumn('answer', 'text')
          .addColumn('answered_at', 'text')
          .addColumn('answered_by', 'text')
          .execute();
        await db.schema
          .createIndex('questions_conference')
          .on('questions')
          .columns(['conference_id', 'person_id'])
          .execute();

        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull())
          .addColumn('username_key', 'text', (c) => c.notNull().unique())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text')
          .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('grants')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) =>
            c.notNull().references('users.id').onDelete('cascade'),
          )
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text')
          .addColumn('conference_id', 'text')
          .addColumn('participant_id', 'text')
          .addColumn('person_id', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('grants_user').on('grants').column('user_id').execute();

        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) =>
            c.notNull().references('users.id').onDelete('cascade'),
          )
          .addColumn('token_digest', 'text', (c) => c.notNull().unique())
          .addColumn('csrf_token', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('last_seen_at', 'text', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('settings')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('audit_log')
          .addColumn('seq', 'integer', (c) => c.primaryKey())
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor_id', 'text')
          .addColumn('actor_label', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('entity_type', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('before_json', 'text', (c) => c.notNull())
          .addColumn('after_json', 'text', (c) => c.notNull())
          .addColumn('prev_hash', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('audit_log_entity')
          .on('audit_log')
          .columns(['entity_type', 'entity_id'])
          .execute();
      },
    },
    '0002-conference-day': conferenceDayMigration,
    '0003-electronic': electronicMigration,
    '0004-live-updates': liveUpdatesMigration(dialect),
    '0005-ceremony-restart': ceremonyRestartMigration,
    '0006-audit-head': auditHeadMigration(dialect),
  };
}

/** A Migrator provider over the in-code migrations. */
export function migrationProvider(dialect: SqlDialect): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrations(dialect)) };
}
