// Table types of the conference day (issue 4, migration 0002): check-in, committee, counting, results.

/** 0 or 1 (booleans are integers on both databases). */
type Flag = number;

/** check_in_codes — one random code per participant, printed on the invitation. */
export interface CheckInCodesTable {
  participant_id: string;
  conference_id: string;
  code: string;
}

/** committee_members — Ban kiểm phiếu. The one-time code is kept only as its SHA-256 digest. */
export interface CommitteeMembersTable {
  id: string;
  conference_id: string;
  full_name: string;
  is_head: Flag;
  user_id: string | null;
  position: number;
  login_code_digest: string | null;
  login_code_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

/** ballot_accounting — issued, collected, spoiled-exchanged per sheet. */
export interface BallotAccountingTable {
  conference_id: string;
  sheet_id: string;
  issued: number;
  collected: number;
  spoiled_exchanged: number;
}

/** ballot_entries — double entry; deliberately without participant or time columns (secrecy). */
export interface BallotEntriesTable {
  conference_id: string;
  sheet_id: string;
  ballot_number: number;
  slot: string;
  member_id: string;
  void: Flag;
  marks: string;
  version: number;
  client_id: string;
}

/** aggregate_counts — totals per person of a sheet counted by hand. */
export interface AggregateCountsTable {
  conference_id: string;
  sheet_id: string;
  subject_id: string;
  high: number;
  confidence: number;
  low: number;
  invalid: number;
}

/** result_revisions — the confirmed result and each correction. */
export interface ResultRevisionsTable {
  conference_id: string;
  revision: number;
  reason: string | null;
  actor_label: string;
  created_at: string;
  data: string;
}

/** publications — the scope a conference's result is published at. */
export interface PublicationsTable {
  conference_id: string;
  scope: string;
  published_at: string;
}

/** follow_ups — what a band result opens for a person. */
export interface FollowUpsTable {
  id: string;
  conference_id: string;
  subject_id: string;
  person_id: string;
  full_name: string;
  outcome: string;
  kind: string;
  decision: string;
  note: string;
  vote: string | null;
  created_at: string;
  updated_at: string;
}

/** The tables of migration 0002. */
export interface ConferenceDayTables {
  check_in_codes: CheckInCodesTable;
  committee_members: CommitteeMembersTable;
  ballot_accounting: BallotAccountingTable;
  ballot_entries: BallotEntriesTable;
  aggregate_counts: AggregateCountsTable;
  result_revisions: ResultRevisionsTable;
  publications: PublicationsTable;
  follow_ups: FollowUpsTable;
}
