// Every API call of the web app, one function per route, so a path changes in one place only.

import { request, upload, type ApiResult, type UploadProgress } from './client.js';
import type {
  AuditEntry,
  BallotStyleDto,
  ConferenceDeadlines,
  ConferenceDto,
  ImportSummary,
  OneTimeAccount,
  ParticipantDto,
  PersonDto,
  PositionDto,
  QuestionCountsDto,
  QuestionDto,
  ReportDto,
  ChainVerificationDto,
  DemoSummary,
  RoundDefaults,
  RoundDto,
  SessionDto,
  SubjectDto,
  UnitDto,
  UserDto,
} from './types.js';

type Progress = (p: UploadProgress) => void;
const enc = encodeURIComponent;

/** The body of POST /api/rounds (and, partially, PATCH). */
export interface RoundInput {
  readonly plan: { number: string; date: string | null; issuingBody: string };
  readonly title: string;
  readonly ruleSetId: 'qd96-2023' | 'nq96-2023';
  readonly year: number;
  readonly unitIds: readonly string[];
  readonly deadlines: RoundDefaults['deadlines'];
}

/** The body of POST /api/conferences. */
export interface ConferenceInput {
  readonly roundId: string;
  readonly unitId: string;
  readonly title: string;
  readonly date: string;
  readonly place: string;
  readonly chair: string;
  readonly ruleSetId?: 'qd96-2023' | 'nq96-2023';
  readonly placeKind?: 'highest-party-committee' | 'peoples-council' | 'workplace';
  readonly countingMode?: 'paper';
  readonly localPlan?: RoundInput['plan'] | null;
}

/** The API, grouped by area. */
export const api = {
  session: () => request<SessionDto>('GET', '/api/auth/session'),
  login: (username: string, password: string) =>
    request<SessionDto>('POST', '/api/auth/login', { username, password }),
  logout: () => request<{ ok: true }>('POST', '/api/auth/logout'),

  setupNeeded: () => request<{ needed: boolean }>('GET', '/api/setup'),
  setup: (body: { token: string; username: string; displayName: string; password: string }) =>
    request<SessionDto>('POST', '/api/setup', body),
  demoLoaded: () => request<{ loaded: boolean }>('GET', '/api/demo'),
  loadDemo: () => request<DemoSummary>('POST', '/api/demo'),

  users: () => request<UserDto[]>('GET', '/api/users'),
  createUser: (body: {
    username: string;
    displayName: string;
    password: string;
    grants: readonly (
      | { role: 'administrator' }
      | { role: 'organiser' | 'inspector' | 'competent-authority'; unitId: string }
    )[];
  }) => request<UserDto>('POST', '/api/users', body),
  setUserDisabled: (userId: string, disabled: boolean) =>
    request<UserDto>('PATCH', `/api/users/${enc(userId)}`, { disabled }),

  units: () => request<UnitDto[]>('GET', '/api/units'),
  createUnit: (body: { code: string; name: string; parentId: string | null; kind?: string }) =>
    request<UnitDto>('POST', '/api/units', body),
  importUnits: (
    unitId: string,
    file: File,
    onProgress: Progress,
  ): Promise<ApiResult<ImportSummary>> =>
    upload(`/api/units/${enc(unitId)}/import`, file, onProgress),

  rounds: () => request<RoundDto[]>('GET', '/api/rounds'),
  round: (id: string) => request<RoundDto>('GET', `/api/rounds/${enc(id)}`),
  roundDefaults: () => request<RoundDefaults>('GET', '/api/rounds/defaults'),
  createRound: (body: RoundInput) => request<RoundDto>('POST', '/api/rounds', body),
  updateRound: (id: string, body: Partial<RoundInput>) =>
    request<RoundDto>('PATCH', `/api/rounds/${enc(id)}`, body),

  persons: (query: { unitId?: string; search?: string } = {}) => {
    const q = new URLSearchParams(
      Object.entries(query).filter(([, v]) => v !== undefined && v !== ''),
    );
    return request<PersonDto[]>('GET', `/api/persons${q.size > 0 ? `?${q.toString()}` : ''}`);
  },
  person: (id: string) =>
    request<{ person: PersonDto; positions: PositionDto[] }>('GET', `/api/persons/${enc(id)}`),
  importPersons: (
    unitId: string,
    file: File,
    onProgress: Progress,
  ): Promise<ApiResult<ImportSummary>> =>
    upload(`/api/units/${enc(unitId)}/persons/import`, file, onProgress),

  conferences: (roundId?: string) =>
    request<ConferenceDto[]>(
      'GET',
      `/api/conferences${roundId === undefined ? '' : `?roundId=${enc(roundId)}`}`,
    ),
  conference: (id: string) => request<ConferenceDto>('GET', `/api/conferences/${enc(id)}`),
  createConference: (body: ConferenceInput) =>
    request<ConferenceDto>('POST', '/api/conferences', body),
  updateConference: (id: string, body: Partial<Omit<ConferenceInput, 'roundId' | 'unitId'>>) =>
    request<ConferenceDto>('PATCH', `/api/conferences/${enc(id)}`, body),
  setConferenceStatus: (id: string, status: 'draft' | 'prepared') =>
    request<ConferenceDto>('POST', `/api/conferences/${enc(id)}/status`, { status }),
  deadlines: (id: string) =>
    request<ConferenceDeadlines>('GET', `/api/conferences/${enc(id)}/deadlines`),

  subjects: (conferenceId: string) =>
    request<SubjectDto[]>('GET', `/api/conferences/${enc(conferenceId)}/subjects`),
  proposeSubjects: (conferenceId: string) =>
    request<SubjectDto[]>('POST', `/api/conferences/${enc(conferenceId)}/subjects/propose`),
  decideSubject: (
    conferenceId: string,
    subjectId: string,
    decision: 'vote' | 'exclude',
    overrideReason: string | null,
  ) =>
    request<SubjectDto>(
      'POST',
      `/api/conferences/${enc(conferenceId)}/subjects/${enc(subjectId)}/decision`,
      {
        decision,
        overrideReason,
      },
    ),
  subjectAccount: (conferenceId: string, subjectId: string) =>
    request<OneTimeAccount>(
      'POST',
      `/api/conferences/${enc(conferenceId)}/subjects/${enc(subjectId)}/account`,
    ),

  participants: (conferenceId: string) =>
    request<ParticipantDto[]>('GET', `/api/conferences/${enc(conferenceId)}/participants`),
  importParticipants: (conferenceId: string, file: File, onProgress: Progress, replace = false) =>
    upload<ImportSummary>(
      `/api/conferences/${enc(conferenceId)}/participants/import${replace ? '?replace=true' : ''}`,
      file,
      onProgress,
    ),
  participantAccount: (conferenceId: string, participantId: string) =>
    request<OneTimeAccount>(
      'POST',
      `/api/conferences/${enc(conferenceId)}/participants/${enc(participantId)}/account`,
    ),
  setParticipantStyle: (
    conferenceId: string,
    participantId: string,
    ballotStyleId: string | null,
  ) =>
    request<ParticipantDto>(
      'PATCH',
      `/api/conferences/${enc(conferenceId)}/participants/${enc(participantId)}`,
      {
        ballotStyleId,
      },
    ),

  ballotStyles: (conferenceId: string) =>
    request<BallotStyleDto[]>('GET', `/api/conferences/${enc(conferenceId)}/ballot-styles`),
  createBallotStyle: (conferenceId: string, name: string, subjectIds: readonly string[]) =>
    request<BallotStyleDto>('POST', `/api/conferences/${enc(conferenceId)}/ballot-styles`, {
      name,
      subjectIds,
    }),

  reports: (conferenceId: string) =>
    request<ReportDto[]>('GET', `/api/conferences/${enc(conferenceId)}/reports`),
  personReports: (conferenceId: string, personId: string) =>
    request<ReportDto[]>(
      'GET',
      `/api/conferences/${enc(conferenceId)}/persons/${enc(personId)}/reports`,
    ),
  uploadReport: (conferenceId: string, personId: string, file: File, onProgress: Progress) =>
    upload<ReportDto>(
      `/api/conferences/${enc(conferenceId)}/persons/${enc(personId)}/report`,
      file,
      onProgress,
      'PUT',
    ),
  /** The address of a report's file, for a link (the browser downloads or shows it). */
  reportUrl: (conferenceId: string, personId: string, reportId: string) =>
    `/api/conferences/${enc(conferenceId)}/persons/${enc(personId)}/reports/${enc(reportId)}`,

  questions: (conferenceId: string) =>
    request<QuestionDto[]>('GET', `/api/conferences/${enc(conferenceId)}/questions`),
  questionCounts: (conferenceId: string) =>
    request<QuestionCountsDto>('GET', `/api/conferences/${enc(conferenceId)}/questions/counts`),
  personQuestions: (conferenceId: string, personId: string) =>
    request<QuestionDto[]>(
      'GET',
      `/api/conferences/${enc(conferenceId)}/persons/${enc(personId)}/questions`,
    ),
  askQuestion: (
    conferenceId: string,
    personId: string,
    body: { kind: 'comment' | 'clarification'; text: string },
  ) =>
    request<QuestionDto>(
      'POST',
      `/api/conferences/${enc(conferenceId)}/persons/${enc(personId)}/questions`,
      body,
    ),
  forwardQuestion: (questionId: string) =>
    request<QuestionDto>('POST', `/api/questions/${enc(questionId)}/forward`),
  answerQuestion: (questionId: string, text: string) =>
    request<QuestionDto>('POST', `/api/questions/${enc(questionId)}/answer`, { text }),

  audit: (query: { limit?: number; order?: 'newest' | 'oldest'; entityType?: string } = {}) => {
    const q = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    return request<{ entries: AuditEntry[]; total: number }>(
      'GET',
      `/api/audit${q.size > 0 ? `?${q.toString()}` : ''}`,
    );
  },
  auditVerify: () => request<ChainVerificationDto>('GET', '/api/audit/verify'),
};
