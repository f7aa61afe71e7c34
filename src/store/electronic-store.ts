// The store port of electronic voting (issue 7): an election per conference, its public record (spec
// §11), the DKG messages trustees post, and voided credentials. Nothing here names a participant.

import type { Actor, Id } from '../core/model/index.js';
import type { EventType, RecordEvent } from '../core/election-record/record-types.js';
import type { StoreResult } from './store.js';

/** Where an election stands; the record's events are the truth, this is their summary. */
export type ElectionStatus =
  | 'keygen' // manifest appended; trustees post their keys (spec §8.1)
  | 'dealing' // trustee_key events appended; trustees post commitments and shares (§8.2)
  | 'checking' // dkg_commitment events appended; trustees post their checks and complaints (§8.3)
  | 'acknowledging' // complaints appended; trustees sign the key ceremony (§8.5)
  | 'failed' // fewer qualified trustees than the threshold: no key
  | 'keyed' // election_key appended: credentials may be registered
  | 'registered' // credentials appended
  | 'voting' // voting_opened appended: ballots
  | 'closed' // voting_closed and tally appended: trustees decrypt
  | 'decrypted'; // result appended

/** An election and its trustees: trustee i is committee member `memberId` (spec §8, i = 1..n). */
export interface Election {
  readonly conferenceId: Id;
  readonly trustees: number;
  readonly threshold: number;
  readonly status: ElectionStatus;
  /** Which key ceremony runs (or ran): 1, then one more at each restart (spec §8.6). */
  readonly ceremony: number;
  readonly members: readonly { readonly trustee: number; readonly memberId: Id }[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The statuses of the key ceremony before the election key is fixed: it may be restarted (spec §8.6). */
export const CEREMONY_STATUSES: readonly ElectionStatus[] = [
  'keygen',
  'dealing',
  'checking',
  'acknowledging',
  'failed',
];

/** What a restart of the key ceremony dropped (it goes to the audit log, never to the record). */
export interface CeremonyRestart {
  readonly election: Election;
  /** The ceremony that was dropped, the status it had reached and the record's head then. */
  readonly dropped: {
    readonly ceremony: number;
    readonly status: ElectionStatus;
    readonly head: { readonly seq: number; readonly hash: string };
    /** Record events dropped, by type (every event after the manifest). */
    readonly events: Readonly<Record<string, number>>;
    /** Relayed messages dropped, as `kind:trustee`. */
    readonly messages: readonly string[];
  };
}

/** An event to append: its type and body; ballot events name their credential and tracker (public). */
export interface NewRecordEvent {
  readonly type: EventType;
  readonly body: unknown;
  readonly credential?: string;
  readonly tracker?: string;
}

/** A stored event with the public copies of its ballot's credential and tracker. */
export interface StoredRecordEvent extends RecordEvent {
  readonly credential: string | null;
  readonly tracker: string | null;
}

/** Kinds of DKG messages relayed by the server before they enter the record (spec §8). */
export type DkgMessageKind = 'trustee_key' | 'dkg_commitment' | 'dkg_check' | 'acknowledgement';

/** One DKG message. */
export interface DkgMessage {
  readonly kind: DkgMessageKind;
  readonly trustee: number;
  readonly body: unknown;
}

/** Elections and their records. */
export interface ElectionRepository {
  /**
   * Creates the election with its manifest as event 0 (spec §11.2). `conflict` when one exists;
   * `invalid_input` when members are not 1..n or the threshold is out of 1..n.
   */
  create(
    actor: Actor,
    input: {
      readonly conferenceId: Id;
      readonly threshold: number;
      readonly memberIds: readonly Id[];
      readonly manifest: unknown;
    },
  ): Promise<StoreResult<Election>>;
  get(conferenceId: Id): Promise<Election | null>;
  /**
   * Appends events at the end of the chain (seq, prev and hash computed here, spec §11.1) and, when
   * given, moves the status from `from` to `to` in the same transaction (`invalid_transition` when the
   * status is not `from`, or the key ceremony is no longer `ceremony` when that is given). Two concurrent appends: one gets `conflict` and may retry. Ballot events
   * are not audit-logged (an audit entry has a time; spec secrecy), other events are, by type only.
   */
  append(
    actor: Actor,
    conferenceId: Id,
    events: readonly NewRecordEvent[],
    transition?: {
      readonly from: ElectionStatus;
      readonly to: ElectionStatus;
      readonly ceremony?: number;
    },
  ): Promise<StoreResult<StoredRecordEvent[]>>;
  /** Events in record order, optionally of some types only. */
  events(conferenceId: Id, types?: readonly EventType[]): Promise<StoredRecordEvent[]>;
  /** The last event's seq and hash (the record's head, spec §11.1), or null. */
  head(conferenceId: Id): Promise<{ seq: number; hash: string } | null>;
  /** Number of ballot events and of distinct credentials that cast one. */
  ballotCounts(conferenceId: Id): Promise<{ ballots: number; credentials: number }>;
  /** Whether a ballot with this credential is in the record. */
  credentialUsed(conferenceId: Id, credential: string): Promise<boolean>;
  /**
   * Stores a trustee's message once; the same body again is a replay (`replayed`), another is
   * `conflict`. With `ceremony`: `conflict` (field `ceremony`) when another key ceremony runs now.
   */
  putDkgMessage(
    actor: Actor,
    conferenceId: Id,
    message: DkgMessage,
    ceremony?: number,
  ): Promise<StoreResult<{ replayed: boolean }>>;
  dkgMessages(conferenceId: Id, kind?: DkgMessageKind): Promise<DkgMessage[]>;
  /**
   * Starts the key ceremony again (spec §8.6), in one transaction: every relayed message and every
   * record event after the manifest are dropped, the status goes back to keygen and the ceremony number
   * up by one; the audit log keeps what was dropped. `conflict` (field `ceremony`) when the running
   * ceremony is not `ceremony` (someone restarted it already); `invalid_transition` once the election
   * key is in the record.
   */
  restartCeremony(
    actor: Actor,
    conferenceId: Id,
    ceremony: number,
  ): Promise<StoreResult<CeremonyRestart>>;
  /** Voids public credentials; returns how many were newly voided. */
  voidCredentials(
    actor: Actor,
    conferenceId: Id,
    credentials: readonly string[],
    reason: 'paper' | 'unused',
  ): Promise<StoreResult<number>>;
  voidedCredentials(conferenceId: Id): Promise<{ credential: string; reason: string }[]>;
  /**
   * Appends cast ballots to several records in one transaction, each group in its order, with a few
   * statements for all of them (the ballot intake's commit, ADR 0006). Every election row is locked
   * first (PostgreSQL, in id order), and the voided slips are read under that lock, so a slip voided for
   * paper and a ballot cast with it cannot both land. Per ballot: its seq, or why it was not stored
   * (`voided`; `not_voting` for the whole group once voting closed; `no_election`). Writes no status,
   * time or audit entry (G12). Throws when a statement fails; nothing of the call is then stored.
   */
  appendBallots(groups: readonly BallotGroup[]): Promise<BallotOutcome[][]>;
}

/** One conference's cast ballots for `appendBallots`, in arrival order. */
export interface BallotGroup {
  readonly conferenceId: Id;
  readonly ballots: readonly { body: unknown; credential: string; tracker: string }[];
}

/** What became of one ballot given to `appendBallots`. */
export type BallotOutcome = number | 'voided' | 'not_voting' | 'no_election';
