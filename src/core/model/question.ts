// Ý kiến, yêu cầu giải trình — a voter's comment or question about a person voted on, forwarded and answered.

import type { Id, IsoTimestamp, Label } from './common.js';

/** Ý kiến (a comment) or yêu cầu giải trình (a request for clarification, which needs an answer). */
export type QuestionKind = 'comment' | 'clarification';

/** Where a question is: sent by the voter, forwarded by the organiser, answered by the person. */
export type QuestionStatus = 'submitted' | 'forwarded' | 'answered';

/** A voter's comment or request for clarification. */
export interface Question {
  readonly id: Id;
  readonly conferenceId: Id;
  /** The person voted on it is about. */
  readonly personId: Id;
  /** The participant (voter) who sent it; null when entered by the office from paper. */
  readonly participantId: Id | null;
  readonly kind: QuestionKind;
  readonly text: string;
  readonly status: QuestionStatus;
  readonly askedAt: IsoTimestamp;
  readonly forwardedAt: IsoTimestamp | null;
  readonly forwardedBy: Id | null;
  readonly answer: string | null;
  readonly answeredAt: IsoTimestamp | null;
  readonly answeredBy: Id | null;
}

/** The counts the organiser sees: "142 ý kiến, 0 yêu cầu giải trình". */
export interface QuestionCounts {
  /** Every comment and request (ý kiến). */
  readonly total: number;
  readonly comments: number;
  readonly clarifications: number;
  /** Forwarded to the person and waiting for the answer. */
  readonly forwarded: number;
  readonly answered: number;
}

/** The organiser's summary line: "142 ý kiến, 0 yêu cầu giải trình" (every question is an ý kiến). */
export function formatQuestionCounts(counts: QuestionCounts): Label {
  return {
    vi: `${counts.total} ý kiến, ${counts.clarifications} yêu cầu giải trình`,
    en: `${counts.total} comments, ${counts.clarifications} requests for clarification`,
  };
}
