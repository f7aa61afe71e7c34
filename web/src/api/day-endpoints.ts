// The conference-day calls of the web app (issue 4), one function per route of the contract.

import { request } from './client.js';
import type {
  Accounting,
  AuthorityTable,
  Attendance,
  BallotEntryDto,
  BallotEntryInput,
  CheckInCode,
  CommitteeCode,
  CommitteeMember,
  CommitteeSessionDto,
  ConferenceResultDto,
  CountingOverview,
  CountingSheet,
  FollowUpDto,
  PersonTotals,
  ProjectorView,
  PublicationDto,
  PublicationScope,
  ReconciliationDto,
  ResultRevisionDto,
  RollCall,
  RollCallMark,
  Slot,
} from './day-types.js';

const enc = encodeURIComponent;
const c = (id: string) => `/api/conferences/${enc(id)}`;
const sheet = (id: string, sheetId: string) => `${c(id)}/counting/sheets/${enc(sheetId)}`;

/** The conference-day API, grouped by step. */
export const dayApi = {
  openConference: (id: string) =>
    request<{ conferenceId: string; status: string }>('POST', `${c(id)}/start`, { start: true }),

  rollCall: (id: string) => request<RollCall>('GET', `${c(id)}/roll-call`),
  mark: (id: string, participantId: string, attendance: Attendance) =>
    request<RollCallMark>('PUT', `${c(id)}/roll-call/${enc(participantId)}`, { attendance }),
  checkIn: (id: string, code: string) =>
    request<RollCallMark>('POST', `${c(id)}/roll-call/check-in`, { code }),
  checkInCodes: (id: string) => request<CheckInCode[]>('GET', `${c(id)}/check-in-codes`),

  committee: (id: string) => request<CommitteeMember[]>('GET', `${c(id)}/committee`),
  addMember: (id: string, body: { fullName: string; isHead?: boolean }) =>
    request<CommitteeMember>('POST', `${c(id)}/committee`, body),
  updateMember: (id: string, memberId: string, body: { fullName?: string; isHead?: boolean }) =>
    request<CommitteeMember>('PATCH', `${c(id)}/committee/${enc(memberId)}`, body),
  removeMember: (id: string, memberId: string) =>
    request<CommitteeMember>('DELETE', `${c(id)}/committee/${enc(memberId)}`),
  memberCode: (id: string, memberId: string) =>
    request<CommitteeCode>('POST', `${c(id)}/committee/${enc(memberId)}/code`),
  myMembership: (id: string) =>
    request<{ member: CommitteeMember | null }>('GET', `${c(id)}/committee/me`),
  signInWithCode: (code: string) =>
    request<CommitteeSessionDto>('POST', '/api/auth/committee-code', { code }),

  counting: (id: string) => request<CountingOverview>('GET', `${c(id)}/counting`),
  setAccounting: (id: string, sheetId: string, body: Accounting) =>
    request<CountingSheet>('PUT', `${sheet(id, sheetId)}/accounting`, body),
  saveBallot: (id: string, sheetId: string, ballot: number, slot: Slot, body: BallotEntryInput) =>
    request<BallotEntryDto>('PUT', `${sheet(id, sheetId)}/ballots/${ballot}/${slot}`, body),
  myBallots: (id: string, sheetId: string, slot: Slot) =>
    request<BallotEntryDto[]>('GET', `${sheet(id, sheetId)}/ballots?slot=${slot}`),
  reconciliation: (id: string, sheetId: string) =>
    request<ReconciliationDto>('GET', `${sheet(id, sheetId)}/reconciliation`),
  setAggregate: (id: string, sheetId: string, persons: readonly PersonTotals[]) =>
    request<CountingSheet>('PUT', `${sheet(id, sheetId)}/aggregate`, { persons }),

  result: (id: string) => request<ConferenceResultDto>('GET', `${c(id)}/result`),
  confirm: (id: string) =>
    request<ConferenceResultDto>('POST', `${c(id)}/result/confirm`, { confirm: true }),
  revisions: (id: string) => request<ResultRevisionDto[]>('GET', `${c(id)}/result/revisions`),
  revise: (
    id: string,
    body: {
      reason: string;
      sheets: readonly {
        sheetId: string;
        accounting?: Accounting;
        persons: readonly PersonTotals[];
      }[];
    },
  ) => request<ConferenceResultDto>('POST', `${c(id)}/result/revisions`, body),

  projector: (id: string) => request<ProjectorView>('GET', `${c(id)}/projector`),

  publication: (id: string) => request<PublicationDto>('GET', `${c(id)}/publication`),
  publish: (id: string, scope: PublicationScope) =>
    request<PublicationDto>('POST', `${c(id)}/publication`, { scope }),
  authorityTable: (roundId: string) =>
    request<AuthorityTable>('GET', `/api/rounds/${enc(roundId)}/authority-table`),
  followUps: (id: string) => request<FollowUpDto[]>('GET', `${c(id)}/follow-ups`),
  decideFollowUp: (
    id: string,
    followUpId: string,
    body: { decision: FollowUpDto['decision']; note?: string },
  ) => request<FollowUpDto>('PATCH', `${c(id)}/follow-ups/${enc(followUpId)}`, body),
  recordVote: (
    id: string,
    followUpId: string,
    body: { issued: number; collected: number; trust: number; noTrust: number },
  ) => request<FollowUpDto>('PUT', `${c(id)}/follow-ups/${enc(followUpId)}/vote`, body),
};
