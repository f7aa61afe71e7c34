// The API's request and response types for the web app (import them with `import type` only).

export type { ErrorBody, ErrorCode } from './errors.js';
export type { Role, Grant } from './auth/principal.js';
export type { UserDto } from './routes/schemas.js';
export type { UnitDto } from './routes/units.js';
export type { RoundDto } from './routes/rounds.js';
export type { PersonDto, PositionDto } from './routes/persons.js';
export type { ConferenceDto, SubjectDto } from './routes/conferences.js';
export type { OneTimeAccount } from './auth/one-time-account.js';
export type { ParticipantDto, BallotStyleDto } from './routes/participants.js';
export type { ReportDto } from './routes/reports.js';
export type { QuestionDto } from './routes/questions.js';
export type { DocumentDetailsDto, PublicSummaryTextDto } from './routes/documents.js';
export type {
  AuthorityTableDto,
  BallotEntryDto,
  CheckInCodeDto,
  CommitteeCodeDto,
  CommitteeMemberDto,
  ConferencePhase,
  ConferenceResultDto,
  CountingOverviewDto,
  CountingSheetDto,
  FollowUpDto,
  NoConfidenceVoteDto,
  PersonResultDto,
  ProjectorViewDto,
  PublicationDto,
  PublicSummaryDto,
  QuorumStatusDto,
  ReconciliationDto,
  ResultBlockerDto,
  ResultRevisionDto,
  RollCallDto,
  RollCallEntryDto,
  RollCallMarkDto,
  SheetLineDto,
} from './routes/conference-day-schemas.js';
