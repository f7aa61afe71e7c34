// API schemas of the conference day (issue 4): roll call, committee, counting, result, projector, publication.

import { z } from 'zod';
import { DATE, ID } from './schemas.js';

const COUNT = z.number().int().min(0);
const LABEL = z.object({ vi: z.string(), en: z.string() });

/** Quorum: present of summoned, and the exact least number present under the conference's rule set. */
export const QUORUM_STATUS = z
  .object({
    summoned: COUNT,
    present: COUNT,
    absent: COUNT,
    unknown: COUNT,
    threshold: COUNT,
    fraction: z.object({ numerator: z.number().int(), denominator: z.number().int() }),
    met: z.boolean(),
  })
  .meta({ id: 'QuorumStatus' });

/** A participant on the roll call. */
export const ROLL_CALL_ENTRY = z
  .object({
    id: ID,
    fullName: z.string(),
    unitName: z.string(),
    position: z.string(),
    order: z.number().int(),
    ballotStyleId: ID.nullable(),
    attendance: z.enum(['unknown', 'present', 'absent']),
  })
  .meta({ id: 'RollCallEntry' });

/** The roll call: participants (filtered) and the quorum over all of them. */
export const ROLL_CALL = z
  .object({ participants: z.array(ROLL_CALL_ENTRY), quorum: QUORUM_STATUS })
  .meta({ id: 'RollCall' });

/** The answer to marking one participant. */
export const ROLL_CALL_MARK = z
  .object({ participant: ROLL_CALL_ENTRY, quorum: QUORUM_STATUS })
  .meta({ id: 'RollCallMark' });

/** A participant's check-in code (printed and as a QR code on the invitation). */
export const CHECK_IN_CODE = z
  .object({ participantId: ID, fullName: z.string(), code: z.string() })
  .meta({ id: 'CheckInCode' });

/** A member of the counting committee. */
export const COMMITTEE_MEMBER = z
  .object({
    id: ID,
    fullName: z.string(),
    isHead: z.boolean(),
    userId: ID.nullable(),
    username: z.string().nullable(),
    hasPendingCode: z.boolean(),
  })
  .meta({ id: 'CommitteeMember' });

/** A one-time sign-in code, shown once. */
export const COMMITTEE_CODE = z
  .object({ memberId: ID, username: z.string(), code: z.string(), expiresAt: z.string() })
  .meta({ id: 'CommitteeCode' });

/** A line of a sheet (a person printed on the ballot). */
export const SHEET_LINE = z
  .object({
    index: z.number().int(),
    subjectId: ID,
    personId: ID,
    fullName: z.string(),
    title: z.string(),
  })
  .meta({ id: 'SheetLine' });

/** Ballots issued, collected, spoiled and exchanged. */
export const ACCOUNTING = z
  .object({ issued: COUNT, collected: COUNT, spoiledExchanged: COUNT })
  .meta({ id: 'BallotAccounting' });

/** One sheet of the count and where its entry stands. */
export const COUNTING_SHEET = z
  .object({
    sheetId: z.string(),
    name: z.string(),
    lines: z.array(SHEET_LINE),
    accounting: ACCOUNTING.nullable(),
    mode: z.enum(['ballots', 'aggregate']).nullable(),
    entered: z.object({ a: COUNT, b: COUNT }),
    agreed: COUNT,
    differences: COUNT,
    complete: z.boolean(),
  })
  .meta({ id: 'CountingSheet' });

/** Projector / screen phase of the day. */
export const PHASE = z.enum(['preparing', 'roll-call', 'counting', 'confirmed', 'published']);

/** Where the count stands for the whole conference. */
export const COUNTING_OVERVIEW = z
  .object({
    conferenceId: ID,
    status: z.string(),
    phase: PHASE,
    locked: z.boolean(),
    quorum: QUORUM_STATUS,
    sheets: z.array(COUNTING_SHEET),
  })
  .meta({ id: 'CountingOverview' });

/** One entry of one ballot. */
export const BALLOT_ENTRY = z
  .object({
    sheetId: z.string(),
    ballotNumber: z.number().int(),
    slot: z.enum(['a', 'b']),
    memberId: ID,
    memberName: z.string(),
    void: z.boolean(),
    marks: z.string(),
    version: z.number().int(),
    complete: z.boolean(),
    replayed: z.boolean(),
  })
  .meta({ id: 'BallotEntry' });

/** Ballots whose two entries differ, side by side. */
export const RECONCILIATION = z
  .object({
    sheetId: z.string(),
    collected: COUNT,
    agreed: COUNT,
    missing: z.array(z.number().int()),
    differences: z.array(
      z.object({
        ballotNumber: z.number().int(),
        a: BALLOT_ENTRY.nullable(),
        b: BALLOT_ENTRY.nullable(),
        lines: z.array(z.number().int()),
      }),
    ),
    complete: z.boolean(),
  })
  .meta({ id: 'Reconciliation' });

const LEVEL = z.object({ count: COUNT, percent: z.string() });

/** One person's result. */
export const PERSON_RESULT = z
  .object({
    subjectId: ID,
    personId: ID,
    fullName: z.string(),
    title: z.string(),
    issued: COUNT,
    collected: COUNT,
    base: COUNT,
    validLines: COUNT,
    invalidLines: COUNT,
    high: LEVEL,
    confidence: LEVEL,
    low: LEVEL,
    outcome: z.enum(['none', 'over-half-low', 'two-thirds-low']),
    bandMeaning: LABEL,
    followUp: z.enum(['resign-or-no-confidence-vote', 'flag-for-authority']).nullable(),
  })
  .meta({ id: 'PersonResult' });

/** Why the result cannot be confirmed yet; `counts_invalid` = the rules engine refused the counts (see message). */
export const RESULT_BLOCKER = z
  .object({
    code: z.enum([
      'accounting_missing',
      'entries_missing',
      'entries_differ',
      'aggregate_mismatch',
      'counts_invalid',
      'electronic_pending',
    ]),
    sheetId: z.string(),
    message: z.string(),
  })
  .meta({ id: 'ResultBlocker' });

/** The conference result (draft while counting, then each confirmed revision). */
export const CONFERENCE_RESULT = z
  .object({
    conferenceId: ID,
    ruleSetId: z.string(),
    baseKind: z.enum(['ballotsCollected', 'totalMembers']),
    state: z.enum(['counting', 'ready', 'confirmed']),
    revision: z.number().int().nullable(),
    confirmedAt: z.string().nullable(),
    blockers: z.array(RESULT_BLOCKER),
    persons: z.array(PERSON_RESULT),
    summary: z
      .object({
        reached: COUNT,
        total: COUNT,
        share: z.number().int(),
        vi: z.string(),
        en: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'ConferenceResult' });

/** A confirmed result or a correction. */
export const RESULT_REVISION = z
  .object({
    revision: z.number().int(),
    reason: z.string().nullable(),
    actor: z.string(),
    createdAt: z.string(),
    result: CONFERENCE_RESULT,
  })
  .meta({ id: 'ResultRevision' });

/** What the projector shows: progress only, and the result once confirmed. */
export const PROJECTOR_VIEW = z
  .object({
    conferenceId: ID,
    title: z.string(),
    unitName: z.string(),
    date: DATE,
    phase: PHASE,
    quorum: z.object({ present: COUNT, summoned: COUNT, threshold: COUNT, met: z.boolean() }),
    progress: z.object({
      ballotsEntered: COUNT,
      collected: COUNT,
      sheets: z.array(
        z.object({
          sheetId: z.string(),
          name: z.string(),
          ballotsEntered: COUNT,
          collected: COUNT,
        }),
      ),
    }),
    result: CONFERENCE_RESULT.nullable(),
    /**
     * The electronic vote, when the conference has one: its status and, as the public progress route
     * gives them, ballots received (credentials that cast) and voters present; nothing else.
     */
    election: z.object({ status: z.string(), ballotsReceived: COUNT, present: COUNT }).nullable(),
  })
  .meta({ id: 'ProjectorView' });

/** Publication scope. */
export const PUBLICATION_SCOPE = z.enum(['conference', 'authority', 'public']);

/** Where the result is published, and the public text. */
export const PUBLICATION = z
  .object({
    scope: PUBLICATION_SCOPE.nullable(),
    publishedAt: z.string().nullable(),
    publicSummary: LABEL.nullable(),
  })
  .meta({ id: 'Publication' });

/** The public aggregate of a conference: no per-person figure. */
export const PUBLIC_SUMMARY = z
  .object({ title: z.string(), unitName: z.string(), date: DATE, summary: LABEL })
  .meta({ id: 'PublicConferenceSummary' });

/** The competent authority's table of a round. */
export const AUTHORITY_TABLE = z
  .object({
    roundId: ID,
    rows: z.array(
      z.object({
        unitId: ID,
        unitName: z.string(),
        conferenceId: ID,
        conferenceTitle: z.string(),
        revision: z.number().int(),
        scope: PUBLICATION_SCOPE,
        persons: z.array(PERSON_RESULT),
      }),
    ),
    notReported: z.array(
      z.object({
        unitId: ID,
        unitName: z.string(),
        conferenceId: ID.nullable(),
        status: z.string().nullable(),
      }),
    ),
    flagged: z.array(
      z.object({
        unitId: ID,
        conferenceId: ID,
        personId: ID,
        fullName: z.string(),
        outcome: z.enum(['over-half-low', 'two-thirds-low']),
      }),
    ),
  })
  .meta({ id: 'AuthorityTable' });

/** A paper no-confidence vote and its outcome. */
export const NO_CONFIDENCE_VOTE = z
  .object({
    issued: COUNT,
    collected: COUNT,
    trust: COUNT,
    noTrust: COUNT,
    invalid: COUNT,
    dismissalProposal: z.boolean(),
    noTrustPercent: z.string(),
  })
  .meta({ id: 'NoConfidenceVote' });

/** A follow-up record. */
export const FOLLOW_UP = z
  .object({
    id: ID,
    conferenceId: ID,
    subjectId: ID,
    personId: ID,
    fullName: z.string(),
    outcome: z.enum(['over-half-low', 'two-thirds-low']),
    kind: z.enum(['resign-or-no-confidence-vote', 'flag-for-authority']),
    decision: z.enum(['pending', 'resigned', 'no-confidence-vote']),
    note: z.string(),
    vote: NO_CONFIDENCE_VOTE.nullable(),
  })
  .meta({ id: 'FollowUp' });

export type QuorumStatusDto = z.infer<typeof QUORUM_STATUS>;
export type RollCallDto = z.infer<typeof ROLL_CALL>;
export type RollCallEntryDto = z.infer<typeof ROLL_CALL_ENTRY>;
export type RollCallMarkDto = z.infer<typeof ROLL_CALL_MARK>;
export type CheckInCodeDto = z.infer<typeof CHECK_IN_CODE>;
export type CommitteeMemberDto = z.infer<typeof COMMITTEE_MEMBER>;
export type CommitteeCodeDto = z.infer<typeof COMMITTEE_CODE>;
export type SheetLineDto = z.infer<typeof SHEET_LINE>;
export type CountingSheetDto = z.infer<typeof COUNTING_SHEET>;
export type CountingOverviewDto = z.infer<typeof COUNTING_OVERVIEW>;
export type BallotEntryDto = z.infer<typeof BALLOT_ENTRY>;
export type ReconciliationDto = z.infer<typeof RECONCILIATION>;
export type PersonResultDto = z.infer<typeof PERSON_RESULT>;
export type ConferenceResultDto = z.infer<typeof CONFERENCE_RESULT>;
export type ResultBlockerDto = z.infer<typeof RESULT_BLOCKER>;
export type ResultRevisionDto = z.infer<typeof RESULT_REVISION>;
export type ProjectorViewDto = z.infer<typeof PROJECTOR_VIEW>;
export type PublicationDto = z.infer<typeof PUBLICATION>;
export type PublicSummaryDto = z.infer<typeof PUBLIC_SUMMARY>;
export type AuthorityTableDto = z.infer<typeof AUTHORITY_TABLE>;
export type NoConfidenceVoteDto = z.infer<typeof NO_CONFIDENCE_VOTE>;
export type FollowUpDto = z.infer<typeof FOLLOW_UP>;
export type ConferencePhase = z.infer<typeof PHASE>;
