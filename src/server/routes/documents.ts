// Tải về — ballots, invitations, minutes, the report, the public summary and the round's aggregate, from the store.

import { z } from 'zod';
import { vietnamDate } from '../../core/deadlines/preparation-deadlines.js';
import type { Conference } from '../../core/model/index.js';
import {
  renderBallotPdf,
  renderDocumentFromJson,
  renderInvitationsPdf,
  type ConferenceDocumentData,
  type DocumentFormat,
  type DocumentKind,
} from '../../documents/index.js';
import { err, ok, type Failure, type Result } from '../../rules/index.js';
import type { Store } from '../../store/index.js';
import { requireRole } from '../auth/policy.js';
import { actorOf, type AppDeps } from '../deps.js';
import {
  conferenceDocumentData,
  conferenceSheets,
  documentStyleId,
  DOCUMENT_DETAILS,
  type ConferenceDocumentSource,
  type DocumentDetails,
} from '../documents/conference-document.js';
import { randomCode } from '../conference-day/guards.js';
import { countedConference } from '../documents/conference-counts.js';
import { documentFileName } from '../documents/document-file-name.js';
import { roundAggregateData } from '../documents/round-aggregate.js';
import { reportedConferences } from '../documents/round-reports.js';
import { fail } from '../errors.js';
import { defineRoute, type FileReply, type Route } from '../http/route.js';
import { CHECK_IN_CODE_LENGTH } from './roll-call.js';
import { ID } from './schemas.js';

/** Settings key of a conference's document details (what the domain does not hold). */
export function documentDetailsKey(conferenceId: string): string {
  return `documents.details.${conferenceId}`;
}

/** The public summary as the API answers it: Vietnamese first, no per-person figure. */
export const PUBLIC_SUMMARY = z
  .object({ vi: z.string(), en: z.string() })
  .meta({ id: 'PublicSummaryText' });

/** The public summary as the API answers it. */
export type PublicSummaryTextDto = z.infer<typeof PUBLIC_SUMMARY>;
/** What the documents print beyond the conference, as GET/PUT …/documents/details exchange it. */
export type DocumentDetailsDto = DocumentDetails;

const CONF = { conference: 'param:conferenceId' } as const;
const conferenceParams = z.object({ conferenceId: ID });
const writtenFormat = z.enum(['pdf', 'docx']).default('pdf');

/** Loads everything a conference's documents are made from, without the counts. */
async function loadSource(
  store: Store,
  conference: Conference,
): Promise<Result<ConferenceDocumentSource, Failure>> {
  const [unit, round, subjects, ballotStyles, participants, committee, details, audit] =
    await Promise.all([
      store.units.get(conference.unitId),
      store.rounds.get(conference.roundId),
      store.subjects.list(conference.id),
      store.ballotStyles.list(conference.id),
      store.participants.list(conference.id),
      store.committee.list(conference.id),
      store.settings.get(documentDetailsKey(conference.id)),
      store.audit.list({ entityType: 'conference', entityId: conference.id, limit: 1000 }),
    ]);
  if (unit === null || round === null) return err(fail('not_found', 'No such conference.'));
  const parentUnit = unit.parentId === null ? null : await store.units.get(unit.parentId);
  const persons = await Promise.all(
    [...new Set(subjects.map((s) => s.personId))].map((id) => store.persons.get(id)),
  );
  const parsedDetails = DOCUMENT_DETAILS.safeParse(details ?? {});
  // The last opening wins: a conference reopened after a mistake opens at the later time.
  const opened = audit.filter((e) => e.action === 'conference.status.open').at(-1);
  return ok({
    conference,
    unit,
    parentUnit,
    round,
    subjects,
    persons: persons.flatMap((p) => (p === null ? [] : [p])),
    ballotStyles,
    participants,
    committee,
    openedAt: opened?.at ?? null,
    details: parsedDetails.success ? parsedDetails.data : null,
  });
}

function file(
  bytes: Uint8Array,
  contentType: string,
  fileName: string,
): Result<FileReply, Failure> {
  return ok({ bytes, contentType, fileName });
}

/** The document routes. */
export function documentRoutes(deps: AppDeps): Route[] {
  const { store } = deps;

  const withSource = async (
    conferenceId: string,
  ): Promise<Result<ConferenceDocumentSource, Failure>> => {
    const conference = await store.conferences.get(conferenceId);
    if (conference === null) return err(fail('not_found', 'No such conference.'));
    return loadSource(store, conference);
  };

  /** Renders a counted document (minutes, report, summary) once the result exists. */
  const renderCounted = async (
    conferenceId: string,
    kind: Extract<DocumentKind, 'minutes' | 'report' | 'summary'>,
    format: DocumentFormat,
    needConfirmed: boolean,
  ): Promise<
    Result<{ bytes: Buffer; mediaType: string; data: ConferenceDocumentData }, Failure>
  > => {
    const source = await withSource(conferenceId);
    if (!source.ok) return source;
    const counted = await countedConference(store, source.value.conference);
    if (!counted.ok) return counted;
    if (needConfirmed && counted.value.confirmedAt === null) {
      return err(
        fail(
          'result_not_ready',
          'The result is not confirmed yet: the head of the counting committee confirms it first.',
        ),
      );
    }
    const data = conferenceDocumentData({
      ...source.value,
      counts: counted.value.sheets,
      closedAt: counted.value.confirmedAt,
    });
    const rendered = await renderDocumentFromJson(kind, JSON.stringify(data), { format });
    if (!rendered.ok) {
      // The store's data does not make a document (e.g. no head of the committee recorded).
      return err(fail('invalid_input', rendered.error.message, rendered.error.field));
    }
    return ok({ bytes: rendered.value.bytes, mediaType: rendered.value.mediaType, data });
  };

  return [
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/documents/ballots',
      tag: 'documents',
      summary: 'Ballots (phiếu tín nhiệm) as an A4 PDF: one ballot style or all, N copies each',
      description:
        '`style` is a ballot style id, or `all` for the ballot listing every person voted on (participants ' +
        'without a style); absent = every ballot of the conference. `copies` (1–1000, default 1) copies of each.',
      params: conferenceParams,
      query: z.object({
        style: ID.optional(),
        copies: z.coerce.number().int().min(1).max(1000).default(1),
      }),
      response: 'file',
      authorize: requireRole(['organiser', 'inspector'], CONF),
      handler: async ({ params, query }) => {
        const source = await withSource(params.conferenceId);
        if (!source.ok) return source;
        const sheets = conferenceSheets(source.value);
        const chosen =
          query.style === undefined ? sheets : sheets.filter((s) => s.sheetId === query.style);
        if (chosen.length === 0) {
          return err(
            fail(
              'not_found',
              query.style === undefined
                ? 'The conference has no person to vote on yet.'
                : `No ballot "${query.style}" with persons on it in this conference.`,
              'style',
            ),
          );
        }
        const data = conferenceDocumentData(source.value);
        const bytes = await renderBallotPdf(data, {
          copies: query.copies,
          styleIds: chosen.map((s) => documentStyleId(s.sheetId)),
        });
        const which = chosen.length === 1 ? chosen[0]!.title : source.value.unit.name;
        return file(
          bytes,
          'application/pdf',
          documentFileName(['Phiếu tín nhiệm', which, `${query.copies} bản`], 'pdf'),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/documents/invitations',
      tag: 'documents',
      summary:
        'Invitations (giấy mời) as an A4 PDF: one page per person summoned, with the QR code of their check-in code',
      description:
        'Gives every participant a check-in code first (as GET …/check-in-codes does); the QR code holds the code alone.',
      params: conferenceParams,
      response: 'file',
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, principal }) => {
        const source = await withSource(params.conferenceId);
        if (!source.ok) return source;
        const participants = await store.participants.list(params.conferenceId);
        if (participants.length === 0) {
          return err(fail('not_found', 'The conference has nobody summoned yet.'));
        }
        const codes = await store.checkInCodes.ensure(actorOf(principal), params.conferenceId, () =>
          randomCode(deps.random, CHECK_IN_CODE_LENGTH),
        );
        if (!codes.ok) return codes;
        const codeOf = new Map(codes.value.map((c) => [c.participantId, c.code]));
        const data = conferenceDocumentData(source.value);
        const bytes = await renderInvitationsPdf({
          sample: data.sample,
          ruleSet: data.ruleSet,
          issuingBody: data.issuingBody,
          unit: data.unit,
          conference: data.conference,
          invitees: [...participants]
            .sort((a, b) => a.order - b.order)
            .map((p) => ({
              name: p.fullName,
              position: p.position,
              unitName: p.unitName,
              checkInCode: codeOf.get(p.id) ?? '',
            })),
        });
        return file(
          bytes,
          'application/pdf',
          documentFileName(['Giấy mời', source.value.conference.title], 'pdf'),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/documents/minutes',
      tag: 'documents',
      summary: 'Minutes of the count (biên bản kiểm phiếu) as PDF or DOCX, once the result exists',
      description: '`result_not_ready` (409) while ballots are still being counted or reconciled.',
      params: conferenceParams,
      query: z.object({ format: writtenFormat }),
      response: 'file',
      authorize: requireRole(
        ['organiser', 'inspector', 'counting-committee', 'competent-authority'],
        CONF,
      ),
      handler: async ({ params, query }) => {
        const done = await renderCounted(params.conferenceId, 'minutes', query.format, false);
        if (!done.ok) return done;
        return file(
          done.value.bytes,
          done.value.mediaType,
          documentFileName(['Biên bản kiểm phiếu', done.value.data.unit], query.format),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/documents/report',
      tag: 'documents',
      summary:
        'Report to the competent authority (báo cáo kết quả lấy phiếu tín nhiệm) as PDF or DOCX, once the result is confirmed',
      params: conferenceParams,
      query: z.object({ format: writtenFormat }),
      response: 'file',
      authorize: requireRole(['organiser', 'inspector', 'competent-authority'], CONF),
      handler: async ({ params, query }) => {
        const done = await renderCounted(params.conferenceId, 'report', query.format, true);
        if (!done.ok) return done;
        return file(
          done.value.bytes,
          done.value.mediaType,
          documentFileName(
            ['Báo cáo kết quả lấy phiếu tín nhiệm', done.value.data.unit],
            query.format,
          ),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/documents/summary',
      tag: 'documents',
      summary:
        'The public summary of the confirmed result, without per-person figures (Vietnamese, English)',
      params: conferenceParams,
      response: PUBLIC_SUMMARY,
      authorize: requireRole(
        ['organiser', 'inspector', 'counting-committee', 'competent-authority'],
        CONF,
      ),
      handler: async ({ params }) => {
        const done = await renderCounted(params.conferenceId, 'summary', 'txt', true);
        if (!done.ok) return done;
        const [vi = '', en = ''] = done.value.bytes.toString('utf8').trim().split('\n\n');
        return ok({ vi, en });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/documents/details',
      tag: 'documents',
      summary:
        'What the documents print that the conference does not hold (issuing body, report addressee …)',
      params: conferenceParams,
      response: DOCUMENT_DETAILS,
      authorize: requireRole(['organiser', 'inspector'], CONF),
      handler: async ({ params }) => {
        const stored = DOCUMENT_DETAILS.safeParse(
          (await store.settings.get(documentDetailsKey(params.conferenceId))) ?? {},
        );
        return ok(stored.success ? stored.data : {});
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/conferences/{conferenceId}/documents/details',
      tag: 'documents',
      summary:
        'Set what the documents print that the conference does not hold; absent fields take their defaults',
      params: conferenceParams,
      body: { kind: 'json', schema: DOCUMENT_DETAILS },
      response: DOCUMENT_DETAILS,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, body, principal }) => {
        const details: DocumentDetails = body;
        await store.settings.set(
          actorOf(principal),
          documentDetailsKey(params.conferenceId),
          details,
        );
        return ok(details);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/rounds/{roundId}/documents/aggregate',
      tag: 'documents',
      summary:
        "The round's aggregate below a unit (XLSX with filters, or PDF): every reported person, bands highlighted, units not yet reported",
      description:
        'A unit counts as reported when its conference result is published to the competent authority or the public.',
      params: z.object({ roundId: ID }),
      query: z.object({ unitId: ID, format: z.enum(['xlsx', 'pdf']).default('xlsx') }),
      response: 'file',
      authorize: requireRole(['competent-authority', 'organiser', 'inspector'], {
        unit: 'query:unitId',
      }),
      handler: async ({ params, query }) => {
        const round = await store.rounds.get(params.roundId);
        const scopeUnit = await store.units.get(query.unitId);
        if (round === null || scopeUnit === null) return err(fail('not_found', 'No such round.'));
        const scopeParent =
          scopeUnit.parentId === null ? null : await store.units.get(scopeUnit.parentId);
        const reports = await reportedConferences(store, round, scopeUnit.id);
        const data = roundAggregateData({
          round,
          scopeUnit,
          scopeParent,
          date: vietnamDate(deps.clock.now()),
          reported: reports.reported,
          notReported: reports.notReported,
        });
        const rendered = await renderDocumentFromJson('aggregate', JSON.stringify(data), {
          format: query.format,
        });
        if (!rendered.ok)
          return err(fail('invalid_input', rendered.error.message, rendered.error.field));
        return file(
          rendered.value.bytes,
          rendered.value.mediaType,
          documentFileName(
            ['Tổng hợp kết quả lấy phiếu tín nhiệm', round.title, scopeUnit.name],
            query.format,
          ),
        );
      },
    }),
  ];
}
