// The store port: repositories grouped by area, all async, returning domain types; one contract for both databases.

import type {
  CalendarDate,
  Deadlines,
  Failure,
  PlaceKind,
  Result,
  RuleSetId,
} from '../rules/index.js';
import type {
  Actor,
  AuditEntry,
  Attendance,
  BallotStyle,
  ChainVerification,
  Conference,
  ConferenceStatus,
  ConferenceSubject,
  CountingMode,
  Grant,
  Id,
  IsoTimestamp,
  Participant,
  Person,
  PlanReference,
  PositionHolding,
  Question,
  QuestionCounts,
  QuestionKind,
  Report,
  ReportMediaType,
  Round,
  Session,
  StoredGrant,
  SubjectDecision,
  Unit,
  UnitKind,
  UnitTreeNode,
  User,
} from '../core/model/index.js';
import type { ConferenceDayRepositories } from './conference-day-store.js';
import type { ElectionRepository } from './electronic-store.js';
import type { LiveUpdates } from './live/live-updates.js';
import type { SubjectProposal } from '../core/subjects/propose-subjects.js';
import type { ParticipantImportRow, PersonImportRow, UnitImportRow } from '../core/import/index.js';

export type { ParticipantImportRow, PersonImportRow, UnitImportRow };

/**
 * Expected failures of a store call (values, not exceptions):
 * - not_found: the id names nothing;
 * - conflict: a unique key is taken (unit code, username, person code);
 * - invalid_transition: the conference state machine refuses the change;
 * - invalid_input: the input breaks a domain rule (e.g. an override without a reason, a file too large,
 *   a parent that would make a cycle).
 */
export type StoreFailureCode = 'not_found' | 'conflict' | 'invalid_transition' | 'invalid_input';

/** A failure returned by a store call. */
export type StoreFailure = Failure<StoreFailureCode | (string & {})>;

/** The result of a mutating store call. */
export type StoreResult<T> = Result<T, StoreFailure>;

// ---------------------------------------------------------------------------------------------
// Inputs. Every `id` is optional: the store's id service makes one when it is absent.

/** Input of `units.create`. */
export interface NewUnit {
  readonly id?: Id;
  readonly code: string;
  readonly name: string;
  readonly parentId: Id | null;
  readonly kind?: UnitKind;
  readonly sample?: boolean;
}

/** Fields `units.update` may change. */
export interface UnitPatch {
  readonly code?: string;
  readonly name?: string;
  readonly parentId?: Id | null;
  readonly kind?: UnitKind;
}

/** What an import did. */
export interface ImportSummary {
  readonly created: number;
  readonly updated: number;
}

/** Input of `rounds.create`. */
export interface NewRound {
  readonly id?: Id;
  readonly plan: PlanReference;
  readonly title: string;
  readonly ruleSetId: RuleSetId;
  readonly year: number;
  readonly unitIds: readonly Id[];
  /** Defaults to PLAN_DEADLINES (rules.md §3.8). */
  readonly deadlines?: Deadlines;
  /** Defaults to DEFAULT_PLACE_PRIORITY. */
  readonly placePriority?: readonly PlaceKind[];
  readonly sample?: boolean;
}

/** Fields `rounds.update` may change. */
export interface RoundPatch {
  readonly plan?: PlanReference;
  readonly title?: string;
  readonly ruleSetId?: RuleSetId;
  readonly year?: number;
  readonly unitIds?: readonly Id[];
  readonly deadlines?: Deadlines;
  readonly placePriority?: readonly PlaceKind[];
}

/** Input of `persons.create`. */
export interface NewPerson {
  readonly id?: Id;
  readonly code?: string | null;
  readonly fullName: string;
  readonly gender?: 'male' | 'female' | null;
  readonly birthYear?: number | null;
  readonly sample?: boolean;
}

/** Fields `persons.update` may change. */
export interface PersonPatch {
  readonly code?: string | null;
  readonly fullName?: string;
  readonly gender?: 'male' | 'female' | null;
  readonly birthYear?: number | null;
}

/** Input of `positions.create`. */
export interface NewPositionHolding {
  readonly id?: Id;
  readonly personId: Id;
  readonly unitId: Id;
  readonly title: string;
  readonly startDate: CalendarDate;
  readonly endDate?: CalendarDate | null;
  /** Defaults from the unit's kind (party-committee → highest-party-committee, …). */
  readonly placeKind?: PlaceKind;
  readonly retirementNotified?: boolean;
  readonly illnessLeaveSince?: CalendarDate | null;
  readonly rank?: number;
  readonly sample?: boolean;
}

/** Fields `positions.update` may change. */
export interface PositionPatch {
  readonly unitId?: Id;
  readonly title?: string;
  readonly startDate?: CalendarDate;
  readonly endDate?: CalendarDate | null;
  readonly placeKind?: PlaceKind;
  readonly retirementNotified?: boolean;
  readonly illnessLeaveSince?: CalendarDate | null;
  readonly rank?: number;
}

/** Input of `conferences.create`. */
export interface NewConference {
  readonly id?: Id;
  readonly roundId: Id;
  readonly unitId: Id;
  readonly title: string;
  readonly date: CalendarDate;
  readonly place: string;
  readonly chair: string;
  /** Defaults to the round's rule set. */
  readonly ruleSetId?: RuleSetId;
  /** Defaults from the unit's kind. */
  readonly placeKind?: PlaceKind;
  readonly countingMode?: CountingMode;
  readonly localPlan?: PlanReference | null;
  readonly sample?: boolean;
}

/** Fields `conferences.update` may change (only while draft or prepared). */
export interface ConferencePatch {
  readonly title?: string;
  readonly date?: CalendarDate;
  readonly place?: string;
  readonly chair?: string;
  readonly ruleSetId?: RuleSetId;
  readonly placeKind?: PlaceKind;
  readonly countingMode?: CountingMode;
  readonly localPlan?: PlanReference | null;
}

/** Input of `subjects.decide`. */
export interface SubjectDecisionInput {
  readonly decision: SubjectDecision;
  /** Required (non-blank) when the decision differs from the proposal. */
  readonly overrideReason?: string | null;
}

/** Input of `participants.create`. */
export interface NewParticipant {
  readonly id?: Id;
  readonly conferenceId: Id;
  readonly fullName: string;
  readonly unitName: string;
  readonly position: string;
  readonly ballotStyleId?: Id | null;
  readonly personId?: Id | null;
  /** Defaults to the end of the list. */
  readonly order?: number;
  readonly sample?: boolean;
}

/** Fields `participants.update` may change. */
export interface ParticipantPatch {
  readonly fullName?: string;
  readonly unitName?: string;
  readonly position?: string;
  readonly ballotStyleId?: Id | null;
  readonly personId?: Id | null;
  readonly order?: number;
}

/** Input of `ballotStyles.create`. */
export interface NewBallotStyle {
  readonly id?: Id;
  readonly conferenceId: Id;
  readonly name: string;
  readonly subjectIds: readonly Id[];
}

/** Input of `reports.upload`; the caller checks the file type (core/reports/check-report-file.ts). */
export interface NewReport {
  readonly id?: Id;
  readonly conferenceId: Id;
  readonly personId: Id;
  readonly fileName: string;
  readonly mediaType: ReportMediaType;
  readonly content: Uint8Array;
}

/** Input of `questions.ask`. Deadlines are checked by the caller (core/deadlines). */
export interface NewQuestion {
  readonly id?: Id;
  readonly conferenceId: Id;
  readonly personId: Id;
  readonly participantId: Id | null;
  readonly kind: QuestionKind;
  readonly text: string;
}

/** Input of `users.create`. */
export interface NewUser {
  readonly id?: Id;
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string | null;
}

/** Fields `users.update` may change. */
export interface UserPatch {
  readonly displayName?: string;
  readonly passwordHash?: string | null;
  readonly disabled?: boolean;
}

/** Input of `sessions.create`. */
export interface NewSession {
  readonly id?: Id;
  readonly userId: Id;
  readonly tokenDigest: string;
  readonly csrfToken: string;
  readonly expiresAt: IsoTimestamp;
}

/** Input of `audit.append`, for events that are not a repository change (sign-in, setup, export). */
export interface AuditEvent {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: Id;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Filters of `audit.list`. */
export interface AuditQuery {
  readonly entityType?: string;
  readonly entityId?: Id;
  /** Entries with seq greater than this (paging forward). */
  readonly afterSeq?: number;
  /** Default 100, at most 1000. */
  readonly limit?: number;
  /** Newest first when true. */
  readonly newestFirst?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Repositories. Every mutating call takes the acting `Actor` first and appends an audit entry in the
// same transaction.

/** Đơn vị — the organisation tree. */
export interface UnitRepository {
  create(actor: Actor, input: NewUnit): Promise<StoreResult<Unit>>;
  /** Refuses (invalid_input) a parent that is the unit itself or below it. */
  update(actor: Actor, id: Id, patch: UnitPatch): Promise<StoreResult<Unit>>;
  get(id: Id): Promise<Unit | null>;
  getByCode(code: string): Promise<Unit | null>;
  /** Every unit, by code. */
  list(): Promise<Unit[]>;
  /** The tree below `rootId` (that unit as the single root), or the whole forest; children by code. */
  tree(rootId?: Id): Promise<UnitTreeNode[]>;
  /** Ids of the unit and every unit below it. */
  descendantIds(id: Id): Promise<Id[]>;
  /** The unit and each unit above it, the unit first (the server's `Location.unitChain`). */
  ancestors(id: Id): Promise<Unit[]>;
  /** Creates or updates units by code, parents before children; all or nothing. */
  importRows(actor: Actor, rows: readonly UnitImportRow[]): Promise<StoreResult<ImportSummary>>;
}

/** Đợt lấy phiếu / Kế hoạch. */
export interface RoundRepository {
  create(actor: Actor, input: NewRound): Promise<StoreResult<Round>>;
  update(actor: Actor, id: Id, patch: RoundPatch): Promise<StoreResult<Round>>;
  get(id: Id): Promise<Round | null>;
  /** Rounds, newest first; with `unitIds`, those with a participating unit among them. */
  list(filter?: { readonly unitIds?: readonly Id[] }): Promise<Round[]>;
}

/** Cán bộ. */
export interface PersonRepository {
  create(actor: Actor, input: NewPerson): Promise<StoreResult<Person>>;
  update(actor: Actor, id: Id, patch: PersonPatch): Promise<StoreResult<Person>>;
  get(id: Id): Promise<Person | null>;
  getByCode(code: string): Promise<Person | null>;
  /** Persons by name; `unitIds` keeps those holding a position in one of them; `search` matches the name. */
  list(filter?: { readonly unitIds?: readonly Id[]; readonly search?: string }): Promise<Person[]>;
  /**
   * Imports persons with positions: a person is matched by code, else by full name (NFC) when exactly one
   * has it; a position is matched by person, unit and title. All or nothing.
   */
  importRows(actor: Actor, rows: readonly PersonImportRow[]): Promise<StoreResult<ImportSummary>>;
}

/** Chức danh, chức vụ. */
export interface PositionRepository {
  create(actor: Actor, input: NewPositionHolding): Promise<StoreResult<PositionHolding>>;
  update(actor: Actor, id: Id, patch: PositionPatch): Promise<StoreResult<PositionHolding>>;
  delete(actor: Actor, id: Id): Promise<StoreResult<PositionHolding>>;
  get(id: Id): Promise<PositionHolding | null>;
  listByPerson(personId: Id): Promise<PositionHolding[]>;
  /** Holdings in these units (by rank, then title); `heldOn` keeps those in force that day. */
  listByUnits(
    unitIds: readonly Id[],
    filter?: { readonly heldOn?: CalendarDate },
  ): Promise<PositionHolding[]>;
}

/** Hội nghị. */
export interface ConferenceRepository {
  create(actor: Actor, input: NewConference): Promise<StoreResult<Conference>>;
  /** Refused (invalid_transition) once the conference is open. */
  update(actor: Actor, id: Id, patch: ConferencePatch): Promise<StoreResult<Conference>>;
  /** Moves the state machine (core/conference-status.ts). */
  transition(actor: Actor, id: Id, to: ConferenceStatus): Promise<StoreResult<Conference>>;
  get(id: Id): Promise<Conference | null>;
  /** By date, then title. */
  list(filter?: { readonly roundId?: Id; readonly unitIds?: readonly Id[] }): Promise<Conference[]>;
}

/** Người được lấy phiếu at a conference. */
export interface SubjectRepository {
  /**
   * Replaces the conference's proposals (from core `proposeSubjects`); decisions already taken for the
   * same person and positions are kept. Refused once the conference is open.
   */
  saveProposals(
    actor: Actor,
    conferenceId: Id,
    proposals: readonly SubjectProposal[],
  ): Promise<StoreResult<ConferenceSubject[]>>;
  /** Confirms or overrides; an override without a written reason is `override_reason_required`. */
  decide(
    actor: Actor,
    id: Id,
    input: SubjectDecisionInput,
  ): Promise<StoreResult<ConferenceSubject>>;
  get(id: Id): Promise<ConferenceSubject | null>;
  /** By ballot order. */
  list(conferenceId: Id): Promise<ConferenceSubject[]>;
}

/** Người được triệu tập. */
export interface ParticipantRepository {
  create(actor: Actor, input: NewParticipant): Promise<StoreResult<Participant>>;
  update(actor: Actor, id: Id, patch: ParticipantPatch): Promise<StoreResult<Participant>>;
  delete(actor: Actor, id: Id): Promise<StoreResult<Participant>>;
  /** Attendance on the day (issue 4). */
  setAttendance(actor: Actor, id: Id, attendance: Attendance): Promise<StoreResult<Participant>>;
  get(id: Id): Promise<Participant | null>;
  /** By list order. */
  list(conferenceId: Id): Promise<Participant[]>;
  count(conferenceId: Id): Promise<number>;
  /** How many are present, absent and not yet marked (the quorum, without reading every row). */
  attendanceCounts(conferenceId: Id): Promise<Record<Attendance, number>>;
  /**
   * Appends (or, with `replace`, replaces the list with) imported rows; ballot style names must exist
   * (`unknown_ballot_style`, field "rows[i].ballotStyle"). One audit entry for the whole import.
   */
  importRows(
    actor: Actor,
    conferenceId: Id,
    rows: readonly ParticipantImportRow[],
    options?: { readonly replace?: boolean },
  ): Promise<StoreResult<ImportSummary>>;
  /** Whether the participant votes on this person (their ballot style, or every subject voted on). */
  votesOn(participantId: Id, personId: Id): Promise<boolean>;
}

/** Mẫu phiếu. */
export interface BallotStyleRepository {
  create(actor: Actor, input: NewBallotStyle): Promise<StoreResult<BallotStyle>>;
  update(
    actor: Actor,
    id: Id,
    patch: { readonly name?: string; readonly subjectIds?: readonly Id[] },
  ): Promise<StoreResult<BallotStyle>>;
  /** Participants on this style fall back to every subject. */
  delete(actor: Actor, id: Id): Promise<StoreResult<BallotStyle>>;
  get(id: Id): Promise<BallotStyle | null>;
  list(conferenceId: Id): Promise<BallotStyle[]>;
}

/** Báo cáo. The content is stored in the database as bytes. */
export interface ReportRepository {
  /** Refuses content over REPORT_MAX_BYTES (`file_too_large`). A new upload keeps the older ones. */
  upload(actor: Actor, input: NewReport): Promise<StoreResult<Report>>;
  delete(actor: Actor, id: Id): Promise<StoreResult<Report>>;
  get(id: Id): Promise<Report | null>;
  /** Newest first. */
  list(conferenceId: Id, filter?: { readonly personId?: Id }): Promise<Report[]>;
  content(id: Id): Promise<Uint8Array | null>;
}

/** Ý kiến, yêu cầu giải trình. */
export interface QuestionRepository {
  ask(actor: Actor, input: NewQuestion): Promise<StoreResult<Question>>;
  /** submitted → forwarded (`invalid_transition` otherwise). */
  forward(actor: Actor, id: Id): Promise<StoreResult<Question>>;
  /** forwarded → answered (a comment may be answered from submitted too). */
  answer(actor: Actor, id: Id, text: string): Promise<StoreResult<Question>>;
  get(id: Id): Promise<Question | null>;
  /** Oldest first. */
  list(
    conferenceId: Id,
    filter?: { readonly personId?: Id; readonly participantId?: Id },
  ): Promise<Question[]>;
  /** "142 ý kiến, 0 yêu cầu giải trình" — optionally for one person. */
  counts(conferenceId: Id, filter?: { readonly personId?: Id }): Promise<QuestionCounts>;
}

/** Tài khoản và vai trò. */
export interface UserRepository {
  create(actor: Actor, input: NewUser): Promise<StoreResult<User>>;
  update(actor: Actor, id: Id, patch: UserPatch): Promise<StoreResult<User>>;
  get(id: Id): Promise<User | null>;
  /** Case-insensitive. */
  getByUsername(username: string): Promise<User | null>;
  list(): Promise<User[]>;
  count(): Promise<number>;
  addGrant(actor: Actor, userId: Id, grant: Grant): Promise<StoreResult<StoredGrant>>;
  removeGrant(actor: Actor, grantId: Id): Promise<StoreResult<StoredGrant>>;
  grants(userId: Id): Promise<StoredGrant[]>;
}

/** Phiên đăng nhập. Creation and deletion are audited (without the digest); `touch` is not. */
/** A session as a request finds it: the session, its account, the account's grants (oldest first). */
export interface SignedIn {
  readonly session: Session;
  readonly user: User;
  readonly grants: readonly StoredGrant[];
}

export interface SessionRepository {
  create(actor: Actor, input: NewSession): Promise<StoreResult<Session>>;
  /** The session with its account and the account's grants, in one read (every signed-in request asks). */
  findByDigest(tokenDigest: string): Promise<SignedIn | null>;
  /** Records activity; not audited. */
  touch(id: Id, at: IsoTimestamp): Promise<void>;
  delete(actor: Actor, id: Id): Promise<StoreResult<Session>>;
  deleteForUser(actor: Actor, userId: Id): Promise<number>;
  /** Removes sessions that expired before `now`; not audited (no one acted). */
  deleteExpired(now: IsoTimestamp): Promise<number>;
}

/** Installation settings as JSON values by key (setup-token digest, demo-loaded marker …). */
export interface SettingsRepository {
  get(key: string): Promise<unknown>;
  set(actor: Actor, key: string, value: unknown): Promise<void>;
  delete(actor: Actor, key: string): Promise<void>;
}

/** Nhật ký thay đổi. */
export interface AuditRepository {
  /** Appends an event that is not a repository change. */
  append(actor: Actor, event: AuditEvent): Promise<AuditEntry>;
  list(query?: AuditQuery): Promise<AuditEntry[]>;
  count(): Promise<number>;
  /** Recomputes every hash and link; an edited, removed or reordered entry is reported by seq. */
  verifyChain(): Promise<ChainVerification>;
}

/** The repositories, as seen inside and outside a transaction. */
export interface Repositories extends ConferenceDayRepositories {
  /** Electronic voting (issue 7): electronic-store.ts. */
  readonly elections: ElectionRepository;
  readonly units: UnitRepository;
  readonly rounds: RoundRepository;
  readonly persons: PersonRepository;
  readonly positions: PositionRepository;
  readonly conferences: ConferenceRepository;
  readonly subjects: SubjectRepository;
  readonly participants: ParticipantRepository;
  readonly ballotStyles: BallotStyleRepository;
  readonly reports: ReportRepository;
  readonly questions: QuestionRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly settings: SettingsRepository;
  readonly audit: AuditRepository;
}

/** The store: repositories, transactions, and closing. */
export interface Store extends Repositories {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * "Conference X changed (topic)" after each commit, from this process (SQLite) or from every process
   * on the database (PostgreSQL LISTEN/NOTIFY): live/live-updates.ts.
   */
  readonly live: LiveUpdates;
  /**
   * Runs `fn` in one transaction: it commits when `fn` resolves, and rolls back when `fn` throws or
   * resolves to a failed Result (`{ ok: false }`), which is then returned. Inside `fn` use only `tx`:
   * the store itself (and a nested `transaction`) throws `store_misuse` there, since on SQLite's single
   * connection it would wait for this transaction forever.
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Closes the database and releases the folder lock. */
  close(): Promise<void>;
}
