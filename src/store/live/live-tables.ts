// Which tables carry which live topic, and the column naming their conference: the one list both databases use.

import type { LiveTopic } from './live-updates.js';

/** A table whose every insert, update and delete announces a change of its conference. */
export interface LiveTable {
  readonly table: string;
  /** The column holding the conference id (`id` on conferences itself). */
  readonly column: 'conference_id' | 'id';
  readonly topic: LiveTopic;
}

/**
 * The tables watched. SQLite reads this at every open (temporary triggers); PostgreSQL's triggers are
 * made by migration 0004 from this list, so a change here needs a new migration (the live contract
 * test compares the triggers with the list).
 */
export const LIVE_TABLES: readonly LiveTable[] = [
  { table: 'conferences', column: 'id', topic: 'conference' },
  { table: 'participants', column: 'conference_id', topic: 'roll-call' },
  { table: 'ballot_accounting', column: 'conference_id', topic: 'counting' },
  { table: 'ballot_entries', column: 'conference_id', topic: 'counting' },
  { table: 'aggregate_counts', column: 'conference_id', topic: 'counting' },
  { table: 'elections', column: 'conference_id', topic: 'election' },
  { table: 'election_events', column: 'conference_id', topic: 'election' },
  { table: 'election_dkg_messages', column: 'conference_id', topic: 'election' },
  { table: 'election_voided_credentials', column: 'conference_id', topic: 'election' },
  { table: 'result_revisions', column: 'conference_id', topic: 'result' },
  { table: 'publications', column: 'conference_id', topic: 'result' },
];
