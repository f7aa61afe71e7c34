// Conference day (issue 4): check-in codes, Ban kiểm phiếu, ballot accounting and entries, result revisions,
// publication and follow-up, as the store keeps them. Nothing here names a voter next to a ballot.

import type { Outcome } from '../../rules/index.js';
import type { Id, IsoTimestamp } from './common.js';

/** Mã điểm danh — the random code printed (and as a QR code) on a participant's invitation. */
export interface CheckInCode {
  readonly participantId: Id;
  readonly conferenceId: Id;
  readonly code: string;
}

/** Thành viên Ban kiểm phiếu — a member of the counting committee the conference elected. */
export interface CommitteeMember {
  readonly id: Id;
  readonly conferenceId: Id;
  readonly fullName: string;
  /** Trưởng ban: confirms the result and corrects it afterwards. */
  readonly isHead: boolean;
  /** The account the member signs in with (their own, or one made for a one-time code). */
  readonly userId: Id | null;
  /** Whether a one-time sign-in code was issued and not used yet. */
  readonly hasPendingCode: boolean;
  readonly order: number;
}

/**
 * A sheet: the pile of collected ballots of one style; `sheetId` is the ballot style id, or
 * ALL_SUBJECTS_SHEET for the ballot listing every subject voted on.
 */
export const ALL_SUBJECTS_SHEET = 'all';

/** Phiếu phát ra, thu vào, đổi do viết hỏng — the figures of one sheet. */
export interface SheetAccounting {
  readonly conferenceId: Id;
  readonly sheetId: string;
  readonly issued: number;
  readonly collected: number;
  readonly spoiledExchanged: number;
}

/** One of the two independent entries of a ballot ('a' = lượt nhập 1, 'b' = lượt nhập 2). */
export type EntrySlot = 'a' | 'b';

/**
 * One member's entry of one ballot. `marks` holds one entry key per line ("1203x"). No participant,
 * no time: an entry says which pile, which position in it, who typed it, and what was read.
 */
export interface StoredBallotEntry {
  readonly conferenceId: Id;
  readonly sheetId: string;
  readonly ballotNumber: number;
  readonly slot: EntrySlot;
  readonly memberId: Id;
  readonly void: boolean;
  readonly marks: string;
  readonly version: number;
  /** The client's id of the save that wrote this version (a retry with it is a replay). */
  readonly clientId: string;
}

/** Aggregate entry: one person's totals on one sheet (committees that counted by hand). */
export interface AggregateLine {
  readonly subjectId: Id;
  readonly high: number;
  readonly confidence: number;
  readonly low: number;
  readonly invalid: number;
}

/** A confirmed result or a later correction of it, with what it was computed from. */
export interface ResultRevision {
  readonly conferenceId: Id;
  /** 1 = the head's confirmation; each correction adds one. */
  readonly revision: number;
  /** Required for corrections (revision ≥ 2). */
  readonly reason: string | null;
  readonly actorLabel: string;
  readonly createdAt: IsoTimestamp;
  /** The computed result and its inputs, as JSON (the server's shape). */
  readonly data: unknown;
}

/** Phạm vi công bố: the conference only, the competent authority, or a public aggregate. */
export type PublicationScope = 'conference' | 'authority' | 'public';

/** Scopes from narrowest to widest; a publication may only widen. */
export const PUBLICATION_SCOPES: readonly PublicationScope[] = [
  'conference',
  'authority',
  'public',
];

/** Where a conference's result is published. */
export interface Publication {
  readonly conferenceId: Id;
  readonly scope: PublicationScope;
  readonly publishedAt: IsoTimestamp;
}

/** What the organiser records for an over-half-low follow-up. */
export type FollowUpDecision = 'pending' | 'resigned' | 'no-confidence-vote';

/** Counts of a paper no-confidence vote (bỏ phiếu tín nhiệm) on one person. */
export interface NoConfidenceVoteCounts {
  readonly issued: number;
  readonly collected: number;
  readonly trust: number;
  readonly noTrust: number;
}

/** Theo dõi sau kết quả — the follow-up a band result opens for one person. */
export interface FollowUp {
  readonly id: Id;
  readonly conferenceId: Id;
  readonly subjectId: Id;
  readonly personId: Id;
  readonly fullName: string;
  readonly outcome: Exclude<Outcome, 'none'>;
  readonly kind: 'resign-or-no-confidence-vote' | 'flag-for-authority';
  readonly decision: FollowUpDecision;
  readonly note: string;
  readonly vote: NoConfidenceVoteCounts | null;
}
