// Table types of electronic voting (issue 7, migration 0003). Secrecy: no table links a participant or
// a user to a credential or a ballot, and ballot rows carry no time, address or user agent.

/** elections — one per conference: its trustees (committee members) and where the ceremony stands. */
export interface ElectionsTable {
  conference_id: string;
  trustees: number;
  threshold: number;
  status: string;
  /** The key ceremony's number: 1, then one more at each restart (migration 0005, spec §8.6). */
  ceremony: number;
  created_at: string;
  updated_at: string;
}

/** election_trustees — trustee number i (1..n, spec §8) of each committee member. */
export interface ElectionTrusteesTable {
  conference_id: string;
  trustee: number;
  member_id: string;
}

/**
 * election_events — the public record (spec §11), append-only and hash-chained; `credential` and
 * `tracker` are copies of public fields of ballot events, for the board and the replacement rule.
 */
export interface ElectionEventsTable {
  conference_id: string;
  seq: number;
  type: string;
  prev: string;
  hash: string;
  body: string;
  credential: string | null;
  tracker: string | null;
}

/** election_dkg_messages — what trustees' browsers post before it enters the record in order. */
export interface ElectionDkgMessagesTable {
  conference_id: string;
  kind: string;
  trustee: number;
  body: string;
}

/** election_voided_credentials — public credentials voided (paper chosen, or unused at closing). */
export interface ElectionVoidedCredentialsTable {
  conference_id: string;
  credential: string;
  reason: string;
}

/** The tables of migration 0003. */
export interface ElectronicTables {
  elections: ElectionsTable;
  election_trustees: ElectionTrusteesTable;
  election_events: ElectionEventsTable;
  election_dkg_messages: ElectionDkgMessagesTable;
  election_voided_credentials: ElectionVoidedCredentialsTable;
}
