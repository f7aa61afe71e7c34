// Shapes of the conference-day API (issue 4), as /work/notes/conference-day-api.md (contract v1) words them.

import type * as Server from '../../../src/server/api-types.js';
import type { UserDto } from '../../../src/server/api-types.js';

/** A rule's quorum and where the roll call stands against it. */
export interface QuorumStatus {
  readonly summoned: number;
  readonly present: number;
  readonly absent: number;
  readonly unknown: number;
  /** The least number present that meets the quorum (⌈summoned · p / q⌉). */
  readonly threshold: number;
  readonly fraction: { readonly numerator: number; readonly denominator: number };
  readonly met: boolean;
}

/** Có mặt / vắng mặt / chưa điểm danh. */
export type Attendance = 'unknown' | 'present' | 'absent';

/** One summoned person in the roll call. */
export interface RollCallEntry {
  readonly id: string;
  readonly fullName: string;
  readonly unitName: string;
  readonly position: string;
  readonly order: number;
  readonly ballotStyleId: string | null;
  readonly attendance: Attendance;
}

/** GET …/roll-call. */
export interface RollCall {
  readonly participants: readonly RollCallEntry[];
  readonly quorum: QuorumStatus;
}

/** PUT …/roll-call/{id} and POST …/roll-call/check-in. */
export interface RollCallMark {
  readonly participant: RollCallEntry;
  readonly quorum: QuorumStatus;
}

/** A check-in code printed on an invitation (and in its QR code). */
export interface CheckInCode {
  readonly participantId: string;
  readonly fullName: string;
  readonly code: string;
}

/** Thành viên Ban kiểm phiếu. */
export interface CommitteeMember {
  readonly id: string;
  readonly fullName: string;
  readonly isHead: boolean;
  readonly userId: string | null;
  readonly username: string | null;
  readonly hasPendingCode: boolean;
}

/** A one-time sign-in code of a member, shown once. */
export interface CommitteeCode {
  readonly memberId: string;
  readonly username: string;
  readonly code: string;
  readonly expiresAt: string;
}

/** Phiếu phát ra / thu vào / đổi do viết hỏng. */
export interface Accounting {
  readonly issued: number;
  readonly collected: number;
  readonly spoiledExchanged: number;
}

/** A person's line on a sheet, in ballot order. */
export interface SheetLine {
  readonly index: number;
  readonly subjectId: string;
  readonly personId: string;
  readonly fullName: string;
  readonly title: string;
}

/** One pile of ballots of one style, as counted. */
export interface CountingSheet {
  readonly sheetId: string;
  readonly name: string;
  readonly lines: readonly SheetLine[];
  readonly accounting: Accounting | null;
  readonly mode: 'ballots' | 'aggregate' | null;
  readonly entered: { readonly a: number; readonly b: number };
  readonly agreed: number;
  readonly differences: number;
  readonly complete: boolean;
}

/** The phase the projector shows. */
export type ProjectorPhase = 'preparing' | 'roll-call' | 'counting' | 'confirmed' | 'published';

/** GET …/counting. */
export interface CountingOverview {
  readonly conferenceId: string;
  readonly status: string;
  readonly phase: ProjectorPhase;
  readonly quorum: QuorumStatus;
  readonly sheets: readonly CountingSheet[];
  readonly locked: boolean;
}

/** Lượt nhập 1 (a) or lượt nhập 2 (b). */
export type Slot = 'a' | 'b';

/** PUT …/ballots/{n}/{slot}. */
export interface BallotEntryInput {
  readonly clientId: string;
  readonly version: number;
  readonly void: boolean;
  /** One key per line: "1203x". */
  readonly marks: string;
}

/** A stored entry of one ballot in one slot. */
export interface BallotEntryDto {
  readonly sheetId: string;
  readonly ballotNumber: number;
  readonly slot: Slot;
  readonly memberId: string;
  readonly memberName: string;
  readonly void: boolean;
  readonly marks: string;
  readonly version: number;
  readonly complete: boolean;
  readonly replayed: boolean;
}

/** GET …/reconciliation. */
export interface ReconciliationDto {
  readonly sheetId: string;
  readonly collected: number;
  readonly agreed: number;
  readonly missing: readonly number[];
  readonly differences: readonly {
    readonly ballotNumber: number;
    readonly a: BallotEntryDto | null;
    readonly b: BallotEntryDto | null;
    readonly lines: readonly number[];
  }[];
  readonly complete: boolean;
}

/** Totals per person for aggregate entry and for revisions. */
export interface PersonTotals {
  readonly subjectId: string;
  readonly high: number;
  readonly confidence: number;
  readonly low: number;
  readonly invalid: number;
}

/** A count and its percentage of the base ("81.88"). */
export interface LevelDto {
  readonly count: number;
  readonly percent: string;
}

/** Mức hệ quả. */
export type Outcome = 'none' | 'over-half-low' | 'two-thirds-low';

/** One person's result. */
export interface PersonResultDto {
  readonly subjectId: string;
  readonly personId: string;
  readonly fullName: string;
  readonly title: string;
  readonly issued: number;
  readonly collected: number;
  readonly base: number;
  readonly validLines: number;
  readonly invalidLines: number;
  readonly high: LevelDto;
  readonly confidence: LevelDto;
  readonly low: LevelDto;
  readonly outcome: Outcome;
  readonly bandMeaning: { readonly vi: string; readonly en: string };
  readonly followUp: 'resign-or-no-confidence-vote' | 'flag-for-authority' | null;
}

/** What keeps a result from being confirmed. */
export interface ResultBlocker {
  /** accounting_missing, entries_missing, entries_differ, aggregate_missing, electronic_pending (others are shown by message). */
  readonly code: string;
  readonly sheetId: string;
  readonly message: string;
}

/** GET …/result. */
export interface ConferenceResultDto {
  readonly conferenceId: string;
  readonly ruleSetId: string;
  readonly baseKind: 'ballotsCollected' | 'totalMembers';
  readonly state: 'counting' | 'ready' | 'confirmed';
  readonly revision: number | null;
  readonly confirmedAt: string | null;
  readonly blockers: readonly ResultBlocker[];
  readonly persons: readonly PersonResultDto[];
  readonly summary: {
    readonly reached: number;
    readonly total: number;
    readonly share: number;
    readonly vi: string;
    readonly en: string;
  } | null;
}

/** One revision of a confirmed result. */
export interface ResultRevisionDto {
  readonly revision: number;
  readonly reason: string | null;
  readonly actor: string;
  readonly createdAt: string;
  readonly result: ConferenceResultDto;
}

/** GET …/projector: no per-person figure before confirmation. */
export interface ProjectorView {
  readonly conferenceId: string;
  readonly title: string;
  readonly unitName: string;
  readonly date: string;
  readonly phase: ProjectorPhase;
  readonly quorum: {
    readonly present: number;
    readonly summoned: number;
    readonly threshold: number;
    readonly met: boolean;
  };
  readonly progress: {
    readonly ballotsEntered: number;
    readonly collected: number;
    readonly sheets: readonly {
      readonly sheetId: string;
      readonly name: string;
      readonly ballotsEntered: number;
      readonly collected: number;
    }[];
  };
  readonly result: ConferenceResultDto | null;
  /** The electronic vote: status, ballots received, voters present (no other figure). */
  readonly election: {
    readonly status: string;
    readonly ballotsReceived: number;
    readonly present: number;
  } | null;
}

/** Phạm vi công bố, narrowest first. */
export type PublicationScope = 'conference' | 'authority' | 'public';

/** GET/POST …/publication. */
export interface PublicationDto {
  readonly scope: PublicationScope | null;
  readonly publishedAt: string | null;
  readonly publicSummary: { readonly vi: string; readonly en: string } | null;
}

/** GET /api/rounds/{id}/authority-table. */
export interface AuthorityTable {
  readonly roundId: string;
  readonly rows: readonly {
    readonly unitId: string;
    readonly unitName: string;
    readonly conferenceId: string;
    readonly conferenceTitle: string;
    readonly persons: readonly PersonResultDto[];
    readonly revision: number | null;
  }[];
  readonly notReported: readonly {
    readonly unitId: string;
    readonly unitName: string;
    readonly conferenceId: string | null;
    readonly status: string | null;
  }[];
  readonly flagged: readonly {
    readonly unitId: string;
    readonly conferenceId: string;
    readonly personId: string;
    readonly fullName: string;
    readonly outcome: Outcome;
  }[];
}

/** Bỏ phiếu tín nhiệm: the two-level vote and what it decides. */
export interface NoConfidenceVoteDto {
  readonly issued: number;
  readonly collected: number;
  readonly trust: number;
  readonly noTrust: number;
  readonly invalid: number;
  readonly dismissalProposal: boolean;
  readonly noTrustPercent: string;
}

/** A follow-up record for a band result. */
export interface FollowUpDto {
  readonly id: string;
  readonly conferenceId: string;
  readonly subjectId: string;
  readonly personId: string;
  readonly fullName: string;
  readonly outcome: Outcome;
  readonly kind: 'resign-or-no-confidence-vote' | 'flag-for-authority';
  readonly decision: 'pending' | 'resigned' | 'no-confidence-vote';
  readonly note: string | null;
  readonly vote: NoConfidenceVoteDto | null;
}

/** POST /api/auth/committee-code: a session like a sign-in. */
export interface CommitteeSessionDto {
  readonly user: UserDto | null;
  readonly csrfToken: string;
}

/**
 * Compile-time check that the server's answers (src/server/api-types.ts) fit the shapes this app reads:
 * a change on either side that breaks a screen fails `tsc`, not the conference.
 */
type Fits<Mine, Theirs extends Mine> = Theirs;
export type ServerAnswersFit = [
  Fits<QuorumStatus, Server.QuorumStatusDto>,
  Fits<RollCall, Server.RollCallDto>,
  Fits<RollCallMark, Server.RollCallMarkDto>,
  Fits<CheckInCode, Server.CheckInCodeDto>,
  Fits<CommitteeMember, Server.CommitteeMemberDto>,
  Fits<CommitteeCode, Server.CommitteeCodeDto>,
  Fits<CountingOverview, Server.CountingOverviewDto>,
  Fits<CountingSheet, Server.CountingSheetDto>,
  Fits<BallotEntryDto, Server.BallotEntryDto>,
  Fits<ReconciliationDto, Server.ReconciliationDto>,
  Fits<ConferenceResultDto, Server.ConferenceResultDto>,
  Fits<ResultRevisionDto, Server.ResultRevisionDto>,
  Fits<ProjectorView, Server.ProjectorViewDto>,
  Fits<PublicationDto, Server.PublicationDto>,
  Fits<AuthorityTable, Server.AuthorityTableDto>,
  Fits<FollowUpDto, Server.FollowUpDto>,
];
