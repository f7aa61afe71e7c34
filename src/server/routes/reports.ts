// Báo cáo — each person voted on uploads a report (PDF/DOCX, checked by content, size-limited, by the deadline).

import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ReportMediaType } from '../../core/model/index.js';
import { checkDeadline, vietnamDate } from '../../core/deadlines/preparation-deadlines.js';
import { err, ok } from '../../rules/index.js';
import { isOfficeAt, requireRole } from '../auth/policy.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { FILE_MIME } from '../http/file-type.js';
import { defineRoute, type Route } from '../http/route.js';
import { ID } from './schemas.js';

/** A report's metadata as the API shows it (the bytes come from the download route). */
export const REPORT = z
  .object({
    id: ID,
    conferenceId: ID,
    personId: ID,
    fileName: z.string(),
    mediaType: z.enum(['application/pdf', FILE_MIME.docx] as [ReportMediaType, ReportMediaType]),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: ID.nullable(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'Report' });

/** A report's metadata as the API shows it. */
export type ReportDto = z.infer<typeof REPORT>;

const SUBJECT_SCOPE = { subject: ['param:conferenceId', 'param:personId'] } as const;
const subjectParams = z.object({ conferenceId: ID, personId: ID });

/** The report routes. */
export function reportRoutes(deps: AppDeps): Route[] {
  const { store } = deps;
  return [
    defineRoute({
      method: 'put',
      path: '/api/conferences/{conferenceId}/persons/{personId}/report',
      tag: 'reports',
      summary:
        'Upload the report of a person voted on (PDF or DOCX, by the report deadline); older versions are kept',
      description:
        'Body: the file bytes with Content-Type application/pdf or the DOCX type; X-File-Name: the URI-encoded name. ' +
        'The type is checked by content (PDF "%PDF-"; DOCX a ZIP holding word/document.xml). After the deadline ' +
        '(rules.md §3.8, 20 days before by default) the person gets deadline_passed; the personnel office may still upload.',
      params: subjectParams,
      body: { kind: 'file', accept: ['pdf', 'docx'] },
      status: 201,
      response: REPORT,
      authorize: requireRole(['organiser', 'subject'], SUBJECT_SCOPE),
      handler: async ({ params, body, principal, location }) => {
        const conference = await store.conferences.get(params.conferenceId);
        const round = conference && (await store.rounds.get(conference.roundId));
        if (!conference || !round) return err(fail('not_found', 'No such conference.'));
        if (!isOfficeAt(principal, location)) {
          const due = checkDeadline(
            'upload-report',
            conference.date,
            round.deadlines,
            vietnamDate(deps.clock.now()),
          );
          if (!due.ok) return due;
        }
        return store.reports.upload(actorOf(principal), {
          conferenceId: params.conferenceId,
          personId: params.personId,
          fileName: body.fileName,
          mediaType: body.kind === 'pdf' ? 'application/pdf' : (FILE_MIME.docx as ReportMediaType),
          content: body.bytes,
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/persons/{personId}/reports',
      tag: 'reports',
      summary: 'Reports of a person voted on, newest first (voters: only persons on their ballot)',
      params: subjectParams,
      response: z.array(REPORT),
      authorize: requireRole(['organiser', 'inspector', 'voter', 'subject'], SUBJECT_SCOPE, {
        voterMustVoteOnPerson: true,
      }),
      handler: async ({ params }) =>
        ok(await store.reports.list(params.conferenceId, { personId: params.personId })),
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/persons/{personId}/reports/{reportId}',
      tag: 'reports',
      summary: 'Download a report',
      params: z.object({ conferenceId: ID, personId: ID, reportId: ID }),
      response: 'file',
      authorize: requireRole(['organiser', 'inspector', 'voter', 'subject'], SUBJECT_SCOPE, {
        voterMustVoteOnPerson: true,
      }),
      handler: async ({ params }) => {
        const report = await store.reports.get(params.reportId);
        if (
          report === null ||
          report.conferenceId !== params.conferenceId ||
          report.personId !== params.personId
        ) {
          return err(fail('not_found', 'No such report.'));
        }
        const bytes = await store.reports.content(report.id);
        if (bytes === null) return err(fail('not_found', 'The report file is missing.'));
        // The stored digest is checked on the way out: a changed file is not served as the person's report.
        if (createHash('sha256').update(bytes).digest('hex') !== report.sha256) {
          throw new Error(`report ${report.id}: content does not match its SHA-256`);
        }
        return ok({ bytes, contentType: report.mediaType, fileName: report.fileName });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/reports',
      tag: 'reports',
      summary:
        'Every report of the conference (the office), or those of the persons on a voter’s ballot',
      params: z.object({ conferenceId: ID }),
      response: z.array(REPORT),
      authorize: requireRole(['organiser', 'inspector', 'voter'], {
        conference: 'param:conferenceId',
      }),
      handler: async ({ params, principal, location }) => {
        const reports = await store.reports.list(params.conferenceId);
        const voter = principal?.grants.find(
          (g) => g.role === 'voter' && g.conferenceId === params.conferenceId,
        );
        const office = isOfficeAt(principal, location, { inspectors: true });
        if (office || voter?.role !== 'voter') return ok(reports);
        const out = [];
        for (const r of reports)
          if (await store.participants.votesOn(voter.participantId, r.personId)) out.push(r);
        return ok(out);
      },
    }),
  ];
}
