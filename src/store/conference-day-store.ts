// The store port of the conference day (issue 4): check-in codes, committee, counting, results, follow-up.

import type {
  Actor,
  AggregateLine,
  CheckInCode,
  CommitteeMember,
  EntrySlot,
  FollowUp,
  FollowUpDecision,
  Id,
  IsoTimestamp,
  NoConfidenceVoteCounts,
  Publication,
  PublicationScope,
  ResultRevision,
  SheetAccounting,
  StoredBallotEntry,
} from '../core/model/index.js';
import type { StoreResult } from './store.js';

/** Mã điểm danh. */
export interface CheckInCodeRepository {
  /**
   * Gives every participant of the conference a code (from `makeCode`, retried on the rare clash) and
   * returns all codes in list order. Audited as a count, never the codes.
   */
  ensure(
    actor: Actor,
    conferenceId: Id,
    makeCode: () => string,
  ): Promise<StoreResult<CheckInCode[]>>;
  /** The code's participant, or null. */
  find(code: string): Promise<CheckInCode | null>;
}

/** Input of `committee.add`. */
export interface NewCommitteeMember {
  readonly id?: Id;
  readonly conferenceId: Id;
  readonly fullName: string;
  readonly isHead?: boolean;
  readonly userId?: Id | null;
}

/** Ban kiểm phiếu. */
export interface CommitteeRepository {
  /** A new head takes the flag from the previous one (one head per conference). */
  add(actor: Actor, input: NewCommitteeMember): Promise<StoreResult<CommitteeMember>>;
  update(
    actor: Actor,
    id: Id,
    patch: { readonly fullName?: string; readonly isHead?: boolean; readonly userId?: Id | null },
  ): Promise<StoreResult<CommitteeMember>>;
  /** Refused (`member_has_entries`) once the member has entered a ballot. */
  remove(actor: Actor, id: Id): Promise<StoreResult<CommitteeMember>>;
  get(id: Id): Promise<CommitteeMember | null>;
  /** Head first, then in the order elected. */
  list(conferenceId: Id): Promise<CommitteeMember[]>;
  /** The member of this conference signed in as `userId`, or null. */
  memberFor(conferenceId: Id, userId: Id): Promise<CommitteeMember | null>;
  /** Stores the digest of a new one-time sign-in code (replacing any earlier one). */
  setLoginCode(
    actor: Actor,
    id: Id,
    digest: string,
    expiresAt: IsoTimestamp,
  ): Promise<StoreResult<CommitteeMember>>;
  /** Consumes the code with this digest if unexpired at `now`: the member, or null. */
  consumeLoginCode(
    actor: Actor,
    digest: string,
    now: IsoTimestamp,
  ): Promise<CommitteeMember | null>;
}

/** Input of `counting.saveEntry`. */
export interface BallotEntryInput {
  readonly conferenceId: Id;
  readonly sheetId: string;
  readonly ballotNumber: number;
  readonly slot: EntrySlot;
  readonly memberId: Id;
  readonly void: boolean;
  readonly marks: string;
  readonly version: number;
  readonly clientId: string;
}

/** Ballot accounting, double entry and aggregate entry. */
export interface CountingRepository {
  setAccounting(actor: Actor, figures: SheetAccounting): Promise<StoreResult<SheetAccounting>>;
  accounting(conferenceId: Id): Promise<SheetAccounting[]>;
  /**
   * Saves one entry, idempotently: version 1 creates, current+1 changes, the stored (clientId, version)
   * again is a replay (`replayed: true`, nothing written); else `entry_version_conflict`. A slot held by
   * another member is `entry_slot_taken` unless `override` (the head reconciling); one member in both
   * slots is `same_member_both_entries`; an aggregate sheet is `counting_mode_conflict`.
   */
  saveEntry(
    actor: Actor,
    input: BallotEntryInput,
    options?: { readonly override?: boolean },
  ): Promise<StoreResult<{ entry: StoredBallotEntry; replayed: boolean }>>;
  /** Entries of the conference (optionally one sheet), by sheet, ballot number, slot. */
  entries(conferenceId: Id, sheetId?: string): Promise<StoredBallotEntry[]>;
  /** Replaces a sheet's aggregate; refused (`counting_mode_conflict`) when ballots are entered on it. */
  setAggregate(
    actor: Actor,
    conferenceId: Id,
    sheetId: string,
    lines: readonly AggregateLine[],
  ): Promise<StoreResult<AggregateLine[]>>;
  /** Aggregate lines per sheet id. */
  aggregates(conferenceId: Id): Promise<Map<string, AggregateLine[]>>;
}

/** Confirmed results, their revisions, and publication. */
export interface ResultRepository {
  /** Appends revision (latest + 1) in the caller's transaction. */
  addRevision(
    actor: Actor,
    input: { readonly conferenceId: Id; readonly reason: string | null; readonly data: unknown },
  ): Promise<StoreResult<ResultRevision>>;
  /** Oldest first. */
  revisions(conferenceId: Id): Promise<ResultRevision[]>;
  latest(conferenceId: Id): Promise<ResultRevision | null>;
  publish(
    actor: Actor,
    conferenceId: Id,
    scope: PublicationScope,
  ): Promise<StoreResult<Publication>>;
  publication(conferenceId: Id): Promise<Publication | null>;
}

/** One person's band result, for `followUps.syncWithResult`. */
export interface FollowUpDue {
  readonly subjectId: Id;
  readonly personId: Id;
  readonly fullName: string;
  readonly outcome: FollowUp['outcome'];
  readonly kind: FollowUp['kind'];
}

/** Theo dõi sau kết quả. */
export interface FollowUpRepository {
  /**
   * Makes the follow-ups match a (new revision of the) result: new ones open pending, existing ones take
   * the new outcome, and pending ones whose person left every band are removed.
   */
  syncWithResult(
    actor: Actor,
    conferenceId: Id,
    due: readonly FollowUpDue[],
  ): Promise<StoreResult<FollowUp[]>>;
  update(
    actor: Actor,
    id: Id,
    patch: {
      readonly decision?: FollowUpDecision;
      readonly note?: string;
      readonly vote?: NoConfidenceVoteCounts | null;
    },
  ): Promise<StoreResult<FollowUp>>;
  get(id: Id): Promise<FollowUp | null>;
  list(conferenceId: Id): Promise<FollowUp[]>;
}

/** The conference-day repositories. */
export interface ConferenceDayRepositories {
  readonly checkInCodes: CheckInCodeRepository;
  readonly committee: CommitteeRepository;
  readonly counting: CountingRepository;
  readonly results: ResultRepository;
  readonly followUps: FollowUpRepository;
}
