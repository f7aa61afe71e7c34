// Người được lấy phiếu — a person the conference proposes to vote on, or to exclude, and the organiser's decision.

import type { Exclusion } from '../../rules/index.js';
import type { Id, IsoTimestamp } from './common.js';

/** Whether a person is voted on (lấy phiếu) or excluded (không thực hiện lấy phiếu). */
export type SubjectDecision = 'vote' | 'exclude';

/** Người được lấy phiếu tín nhiệm at one conference, with the proposal and the decision. */
export interface ConferenceSubject {
  readonly id: Id;
  readonly conferenceId: Id;
  readonly personId: Id;
  /** The positions this line covers (several under NQ 96/2023: one vote for all of them). */
  readonly positionHoldingIds: readonly Id[];
  /** Chức vụ as printed on the ballot, e.g. "Huyện ủy viên, Phó Chủ tịch UBND huyện". */
  readonly title: string;
  /** Order on the ballot (1-based). */
  readonly order: number;
  /** What the app proposes from the rule set. */
  readonly proposal: SubjectDecision;
  /** Why the app proposes to exclude (empty when it proposes a vote). */
  readonly exclusions: readonly Exclusion[];
  /** The organiser's confirmation or override; null until decided. */
  readonly decision: SubjectDecision | null;
  /** Lý do — required when the decision differs from the proposal (kept in the audit log). */
  readonly overrideReason: string | null;
  readonly decidedBy: Id | null;
  readonly decidedAt: IsoTimestamp | null;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
}

/** The decision in force: the organiser's, else the proposal. */
export function effectiveDecision(subject: ConferenceSubject): SubjectDecision {
  return subject.decision ?? subject.proposal;
}
