// Table types for Kysely: one schema for SQLite and PostgreSQL (text ids, integers, ISO text times, JSON as text).

import type { ConferenceDayTables } from './conference-day-schema.js';
import type { ElectronicTables } from './electronic-schema.js';

/** 0 or 1: booleans are stored as integers on both databases. */
export type Flag = number;

/** units — đơn vị. */
export interface UnitsTable {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  kind: string;
  sample: Flag;
  created_at: string;
  updated_at: string;
}

/** rounds — đợt lấy phiếu / kế hoạch. */
export interface RoundsTable {
  id: string;
  plan_number: string;
  plan_date: string | null;
  plan_issuing_body: string;
  title: string;
  rule_set_id: string;
  year: number;
  /** JSON Deadlines. */
  deadlines: string;
  /** JSON PlaceKind[]. */
  place_priority: string;
  sample: Flag;
  created_at: string;
  updated_at: string;
}

/** round_units — đơn vị tham gia. */
export interface RoundUnitsTable {
  round_id: string;
  unit_id: string;
  position: number;
}

/** persons — cán bộ. */
export interface PersonsTable {
  id: string;
  code: string | null;
  full_name: string;
  gender: string | null;
  birth_year: number | null;
  sample: Flag;
  created_at: string;
  updated_at: string;
}

/** position_holdings — chức danh, chức vụ. */
export interface PositionHoldingsTable {
  id: string;
  person_id: string;
  unit_id: string;
  title: string;
  start_date: string;
  end_date: string | null;
  place_kind: string;
  retirement_notified: Flag;
  illness_leave_since: string | null;
  rank: number;
  sample: Flag;
  created_at: string;
  updated_at: string;
}

/** conferences — hội nghị. */
export interface ConferencesTable {
  id: string;
  round_id: string;
  unit_id: string;
  title: string;
  date: string;
  place: string;
  chair: string;
  rule_set_id: string;
  place_kind: string;
  counting_mode: string;
  /** JSON PlanReference or null. */
  local_plan: string | null;
  status: string;
  sample: Flag;
  created_at: string;
  updated_at: string;
}

/** conference_subjects — người được lấy phiếu. */
export interface ConferenceSubjectsTable {
  id: string;
  conference_id: string;
  person_id: string;
  /** JSON Id[]. */
  holding_ids: string;
  title: string;
  ord: number;
  proposal: string;
  /** JSON Exclusion[]. */
  exclusions: string;
  decision: string | null;
  override_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

/** ballot_styles — mẫu phiếu. */
export interface BallotStylesTable {
  id: string;
  conference_id: string;
  name: string;
  /** JSON Id[]. */
  subject_ids: string;
  created_at: string;
  updated_at: string;
}

/** participants — người được triệu tập. */
export interface ParticipantsTable {
  id: string;
  conference_id: string;
  full_name: string;
  unit_name: string;
  position: string;
  ballot_style_id: string | null;
  person_id: string | null;
  ord: number;
  attendance: string;
  attendance_at: string | null;
  sample: Flag;
  created_at: string;
  updated_at: string;
}

/** reports — báo cáo (content as blob / bytea). */
export interface ReportsTable {
  id: string;
  conference_id: string;
  person_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: string;
  content: Uint8Array;
}

/** questions — ý kiến, yêu cầu giải trình. */
export interface QuestionsTable {
  id: string;
  conference_id: string;
  person_id: string;
  participant_id: string | null;
  kind: string;
  text: string;
  status: string;
  asked_at: string;
  forwarded_at: string | null;
  forwarded_by: string | null;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
}

/** users — tài khoản. */
export interface UsersTable {
  id: string;
  username: string;
  username_key: string;
  display_name: string;
  password_hash: string | null;
  disabled: Flag;
  created_at: string;
  updated_at: string;
}

/** grants — vai trò của tài khoản. */
export interface GrantsTable {
  id: string;
  user_id: string;
  role: string;
  unit_id: string | null;
  conference_id: string | null;
  participant_id: string | null;
  person_id: string | null;
  created_at: string;
}

/** sessions — phiên đăng nhập. */
export interface SessionsTable {
  id: string;
  user_id: string;
  token_digest: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

/** settings — JSON values by key. */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** audit_log — nhật ký thay đổi, hash-chained. */
export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string;
  after_json: string;
  prev_hash: string;
  hash: string;
}

/** Every table. */
export interface Database extends ConferenceDayTables, ElectronicTables {
  units: UnitsTable;
  rounds: RoundsTable;
  round_units: RoundUnitsTable;
  persons: PersonsTable;
  position_holdings: PositionHoldingsTable;
  conferences: ConferencesTable;
  conference_subjects: ConferenceSubjectsTable;
  ballot_styles: BallotStylesTable;
  participants: ParticipantsTable;
  reports: ReportsTable;
  questions: QuestionsTable;
  users: UsersTable;
  grants: GrantsTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
}
