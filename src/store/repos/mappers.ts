// Rows to domain types and back: flags as 0/1, JSON columns parsed, counts as numbers on both databases.

import type {
  BallotStyle,
  Conference,
  ConferenceStatus,
  ConferenceSubject,
  CountingMode,
  Participant,
  Attendance,
  Person,
  PlanReference,
  PositionHolding,
  Question,
  QuestionKind,
  QuestionStatus,
  Report,
  ReportMediaType,
  Round,
  Session,
  StoredGrant,
  SubjectDecision,
  Unit,
  UnitKind,
  User,
} from '../../core/model/index.js';
import type { Deadlines, Exclusion, PlaceKind, RuleSetId } from '../../rules/index.js';
import type {
  BallotStylesTable,
  ConferenceSubjectsTable,
  ConferencesTable,
  GrantsTable,
  ParticipantsTable,
  PersonsTable,
  PositionHoldingsTable,
  QuestionsTable,
  ReportsTable,
  RoundsTable,
  SessionsTable,
  UnitsTable,
  UsersTable,
} from '../db/schema.js';

/** 0/1 from a boolean. */
export const flag = (value: boolean | undefined): number => (value ? 1 : 0);

/** A count or integer column as a number (PostgreSQL returns bigint counts as text). */
export const num = (value: unknown): number => Number(value);

/** Parses a JSON column. */
export function json<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** Unit row → Unit. */
export function toUnit(r: UnitsTable): Unit {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    parentId: r.parent_id,
    kind: r.kind as UnitKind,
    sample: num(r.sample) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Round row and its unit ids → Round. */
export function toRound(r: RoundsTable, unitIds: readonly string[]): Round {
  return {
    id: r.id,
    plan: { number: r.plan_number, date: r.plan_date, issuingBody: r.plan_issuing_body },
    title: r.title,
    ruleSetId: r.rule_set_id as RuleSetId,
    year: num(r.year),
    unitIds,
    deadlines: json<Deadlines>(r.deadlines),
    placePriority: json<PlaceKind[]>(r.place_priority),
    sample: num(r.sample) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Person row → Person. */
export function toPerson(r: PersonsTable): Person {
  return {
    id: r.id,
    code: r.code,
    fullName: r.full_name,
    gender: r.gender as Person['gender'],
    birthYear: r.birth_year === null ? null : num(r.birth_year),
    sample: num(r.sample) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Holding row → PositionHolding. */
export function toHolding(r: PositionHoldingsTable): PositionHolding {
  return {
    id: r.id,
    personId: r.person_id,
    unitId: r.unit_id,
    title: r.title,
    startDate: r.start_date,
    endDate: r.end_date,
    placeKind: r.place_kind as PlaceKind,
    retirementNotified: num(r.retirement_notified) === 1,
    illnessLeaveSince: r.illness_leave_since,
    rank: num(r.rank),
    sample: num(r.sample) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Conference row → Conference. */
export function toConference(r: ConferencesTable): Conference {
  return {
    id: r.id,
    roundId: r.round_id,
    unitId: r.unit_id,
    title: r.title,
    date: r.date,
    place: r.place,
    chair: r.chair,
    ruleSetId: r.rule_set_id as RuleSetId,
    placeKind: r.place_kind as PlaceKind,
    countingMode: r.counting_mode as CountingMode,
    localPlan: r.local_plan === null ? null : json<PlanReference>(r.local_plan),
    status: r.status as ConferenceStatus,
    sample: num(r.sample) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Subject row → ConferenceSubject. */
export function toSubject(r: ConferenceSubjectsTable): ConferenceSubject {
  return {
    id: r.id,
    conferenceId: r.conference_id,
    personId: r.person_id,
    positionHoldingIds: json<string[]>(r.holding_ids),
    title: r.title,
    order: num(r.ord),
    proposal: r.proposal as SubjectDecision,
    exclusions: json<Exclusion[]>(r.exclusions),
    decision: r.decision as SubjectDecision | null,
    overrideReason: r.override_reason,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Ballot style row → BallotStyle. */
export function toBallotStyle(r: BallotStylesTable): BallotStyle {
  return {
    id: r.id,
    conferenceId: r.conference_id,
    name: r.name,
    subjectIds: json<string[]>(r.subject_ids),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Participant row → Participant. */
export function toParticipant(r: ParticipantsTable): Participant {
  return {
    id: r.id,
    conferenceId: r.conference_id,
    fullName: r.full_name,
    unitName: r.unit_name,
    position: r.position,
    ballotStyleId: r.ballot_style_id,
    personId: r.person_id,
    order: num(r.ord),
    attendance: r.attendance as Attendance,
    attendanceAt: r.attendance_at,
    sample: num(r.sample) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Report row (without content) → Report. */
export function toReport(r: Omit<ReportsTable, 'content'>): Report {
  return {
    id: r.id,
    conferenceId: r.conference_id,
    personId: r.person_id,
    fileName: r.file_name,
    mediaType: r.media_type as ReportMediaType,
    sizeBytes: num(r.size_bytes),
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
  };
}

/** Question row → Question. */
export function toQuestion(r: QuestionsTable): Question {
  return {
    id: r.id,
    conferenceId: r.conference_id,
    personId: r.person_id,
    participantId: r.participant_id,
    kind: r.kind as QuestionKind,
    text: r.text,
    status: r.status as QuestionStatus,
    askedAt: r.asked_at,
    forwardedAt: r.forwarded_at,
    forwardedBy: r.forwarded_by,
    answer: r.answer,
    answeredAt: r.answered_at,
    answeredBy: r.answered_by,
  };
}

/** User row → User. */
export function toUser(r: UsersTable): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    disabled: num(r.disabled) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Grant row → StoredGrant. */
export function toGrant(r: GrantsTable): StoredGrant {
  const base = { id: r.id, userId: r.user_id };
  switch (r.role) {
    case 'administrator':
      return { ...base, role: 'administrator' };
    case 'organiser':
    case 'inspector':
    case 'competent-authority':
      return { ...base, role: r.role, unitId: r.unit_id ?? '' };
    case 'counting-committee':
      return { ...base, role: 'counting-committee', conferenceId: r.conference_id ?? '' };
    case 'voter':
      return {
        ...base,
        role: 'voter',
        conferenceId: r.conference_id ?? '',
        participantId: r.participant_id ?? '',
      };
    case 'subject':
      return { ...base, role: 'subject', personId: r.person_id ?? '' };
    default:
      throw new Error(`grants row ${r.id}: unknown role "${r.role}"`);
  }
}

/** Session row → Session. */
export function toSession(r: SessionsTable): Session {
  return {
    id: r.id,
    userId: r.user_id,
    tokenDigest: r.token_digest,
    csrfToken: r.csrf_token,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastSeenAt: r.last_seen_at,
  };
}

/** Report content as a plain Uint8Array (both drivers return a Buffer). */
export function toBytes(value: Uint8Array): Uint8Array {
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
}
