// Shapes the API answers with: the server's zod-inferred types (type-only imports, per the lint rule) and core types.

export type {
  UserDto,
  UnitDto,
  RoundDto,
  PersonDto,
  PositionDto,
  ConferenceDto,
  SubjectDto,
  ParticipantDto,
  BallotStyleDto,
  ReportDto,
  QuestionDto,
  OneTimeAccount,
} from '../../../src/server/api-types.js';
export type { AuditEntry } from '../../../src/core/model/index.js';
import type { Deadlines } from '../../../src/rules/index.js';
import type { UserDto } from '../../../src/server/api-types.js';

/** What every import route answers. */
export interface ImportSummary {
  readonly created: number;
  readonly updated: number;
  readonly rows: number;
}

/** GET /api/auth/session, POST /api/auth/login and POST /api/setup. */
export interface SessionDto {
  readonly user: UserDto | null;
  readonly csrfToken: string;
}

/** GET /api/rounds/defaults. */
export interface RoundDefaults {
  readonly deadlines: Deadlines;
  readonly ruleSets: readonly ('qd96-2023' | 'nq96-2023')[];
}

/** One preparation step of GET /api/conferences/{id}/deadlines. */
export interface DeadlineStepDto {
  readonly step: keyof Deadlines;
  readonly daysBefore: number;
  readonly due: string;
  readonly passed: boolean;
}

/** GET /api/conferences/{id}/deadlines. */
export interface ConferenceDeadlines {
  readonly today: string;
  readonly conferenceDate: string;
  readonly steps: readonly DeadlineStepDto[];
}

/** GET /api/conferences/{id}/questions/counts: "142 ý kiến, 0 yêu cầu giải trình". */
export interface QuestionCountsDto {
  readonly total: number;
  readonly comments: number;
  readonly clarifications: number;
  readonly forwarded: number;
  readonly answered: number;
  readonly summary: { readonly vi: string; readonly en: string };
}

/** GET /api/audit/verify: the chain check as named problems. */
export interface ChainVerificationDto {
  readonly ok: boolean;
  readonly entries: number;
  readonly headHash: string;
  readonly problems: readonly { seq: number; check: string; detail: string }[];
}

/** POST /api/demo: what the demo loader created. */
export interface DemoSummary {
  readonly units: number;
  readonly persons: number;
  readonly positions: number;
  readonly rounds: number;
  readonly conferences: number;
  readonly subjects: number;
  readonly excluded: number;
  readonly participants: number;
  readonly questions: number;
}
