// Người được triệu tập và mẫu phiếu — the persons summoned (list, import, accounts) and the ballot styles.

import { z } from 'zod';
import { parseParticipantRows } from '../../core/import/index.js';
import { err, ok } from '../../rules/index.js';
import { createOneTimeAccount, ONE_TIME_ACCOUNT } from '../auth/one-time-account.js';
import { requireRole } from '../auth/policy.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import { readTableFile } from '../http/table-file.js';
import { ID, plainText, text } from './schemas.js';
import { IMPORT_SUMMARY } from './units.js';

/** A participant (người được triệu tập) as the API shows it. */
export const PARTICIPANT = z
  .object({
    id: ID,
    conferenceId: ID,
    fullName: z.string(),
    unitName: z.string(),
    position: z.string(),
    ballotStyleId: ID.nullable(),
    personId: ID.nullable(),
    order: z.number().int(),
    attendance: z.enum(['unknown', 'present', 'absent']),
    sample: z.boolean(),
  })
  .meta({ id: 'Participant' });

/** A participant as the API shows it. */
export type ParticipantDto = z.infer<typeof PARTICIPANT>;

/** A ballot style (mẫu phiếu) as the API shows it. */
export const BALLOT_STYLE = z
  .object({ id: ID, conferenceId: ID, name: z.string(), subjectIds: z.array(ID) })
  .meta({ id: 'BallotStyle' });

/** A ballot style as the API shows it. */
export type BallotStyleDto = z.infer<typeof BALLOT_STYLE>;

const CONF = { conference: 'param:conferenceId' } as const;
const conferenceParams = z.object({ conferenceId: ID });

/** The participant and ballot-style routes. */
export function participantRoutes(deps: AppDeps): Route[] {
  const { store } = deps;
  return [
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/participants',
      tag: 'participants',
      summary: 'Persons summoned (người được triệu tập), in list order',
      params: conferenceParams,
      response: z.array(PARTICIPANT),
      authorize: requireRole(['organiser', 'inspector', 'counting-committee'], CONF),
      handler: async ({ params }) => ok(await store.participants.list(params.conferenceId)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/participants',
      tag: 'participants',
      summary: 'Summon one person',
      params: conferenceParams,
      body: {
        kind: 'json',
        schema: z.object({
          fullName: text(200),
          unitName: plainText(300).default(''),
          position: plainText(300).default(''),
          ballotStyleId: ID.nullable().optional(),
          personId: ID.nullable().optional(),
        }),
      },
      status: 201,
      response: PARTICIPANT,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, body, principal }) =>
        store.participants.create(actorOf(principal), {
          ...body,
          conferenceId: params.conferenceId,
        }),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/conferences/{conferenceId}/participants/{participantId}',
      tag: 'participants',
      summary: 'Edit a summoned person (name, unit, position, ballot style, order)',
      params: z.object({ conferenceId: ID, participantId: ID }),
      body: {
        kind: 'json',
        schema: z
          .object({
            fullName: text(200),
            unitName: plainText(300),
            position: plainText(300),
            ballotStyleId: ID.nullable(),
            personId: ID.nullable(),
            order: z.number().int().min(1),
          })
          .partial(),
      },
      response: PARTICIPANT,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, body, principal }) => {
        const p = await store.participants.get(params.participantId);
        if (p === null || p.conferenceId !== params.conferenceId)
          return err(fail('not_found', 'No such participant.'));
        return store.participants.update(actorOf(principal), p.id, body);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/conferences/{conferenceId}/participants/{participantId}',
      tag: 'participants',
      summary: 'Remove a summoned person from the list',
      params: z.object({ conferenceId: ID, participantId: ID }),
      response: PARTICIPANT,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, principal }) => {
        const p = await store.participants.get(params.participantId);
        if (p === null || p.conferenceId !== params.conferenceId)
          return err(fail('not_found', 'No such participant.'));
        return store.participants.delete(actorOf(principal), p.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/participants/import',
      tag: 'participants',
      summary:
        'Import the persons summoned from CSV or XLSX (Họ và tên, Đơn vị công tác, Chức vụ, Mẫu phiếu)',
      params: conferenceParams,
      query: z.object({
        replace: z
          .enum(['true', 'false'])
          .optional()
          .transform((v) => v === 'true'),
      }),
      body: { kind: 'file', accept: ['csv', 'xlsx'] },
      response: IMPORT_SUMMARY,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, query, body, principal }) => {
        const table = await readTableFile(body);
        if (!table.ok) return table;
        const styles = new Set(
          (await store.ballotStyles.list(params.conferenceId)).map((b) => b.name),
        );
        const rows = parseParticipantRows(table.value, styles);
        if (!rows.ok) return rows;
        const result = await store.participants.importRows(
          actorOf(principal),
          params.conferenceId,
          rows.value,
          {
            replace: query.replace,
          },
        );
        return result.ok ? ok({ ...result.value, rows: rows.value.length }) : result;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/participants/{participantId}/account',
      tag: 'accounts',
      summary:
        'Give a voter (người ghi phiếu) a sign-in to read reports and send questions: password shown once',
      params: z.object({ conferenceId: ID, participantId: ID }),
      status: 201,
      response: ONE_TIME_ACCOUNT,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, principal }) => {
        const p = await store.participants.get(params.participantId);
        if (p === null || p.conferenceId !== params.conferenceId)
          return err(fail('not_found', 'No such participant.'));
        return createOneTimeAccount(deps, principal, 'ghiphieu', p.fullName, {
          role: 'voter',
          conferenceId: params.conferenceId,
          participantId: p.id,
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/ballot-styles',
      tag: 'ballot-styles',
      summary: 'Ballot styles (mẫu phiếu) when the electorate differs per person',
      params: conferenceParams,
      response: z.array(BALLOT_STYLE),
      authorize: requireRole(['organiser', 'inspector', 'counting-committee'], CONF),
      handler: async ({ params }) => ok(await store.ballotStyles.list(params.conferenceId)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/ballot-styles',
      tag: 'ballot-styles',
      summary: 'Create a ballot style: a name and the subjects printed on it',
      params: conferenceParams,
      body: {
        kind: 'json',
        schema: z.object({ name: text(200), subjectIds: z.array(ID).max(500) }),
      },
      status: 201,
      response: BALLOT_STYLE,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, body, principal }) =>
        store.ballotStyles.create(actorOf(principal), {
          ...body,
          conferenceId: params.conferenceId,
        }),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/conferences/{conferenceId}/ballot-styles/{ballotStyleId}',
      tag: 'ballot-styles',
      summary: 'Rename a ballot style or change its subjects',
      params: z.object({ conferenceId: ID, ballotStyleId: ID }),
      body: {
        kind: 'json',
        schema: z.object({ name: text(200), subjectIds: z.array(ID).max(500) }).partial(),
      },
      response: BALLOT_STYLE,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, body, principal }) => {
        const style = await store.ballotStyles.get(params.ballotStyleId);
        if (style === null || style.conferenceId !== params.conferenceId)
          return err(fail('not_found', 'No such ballot style.'));
        return store.ballotStyles.update(actorOf(principal), style.id, body);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/conferences/{conferenceId}/ballot-styles/{ballotStyleId}',
      tag: 'ballot-styles',
      summary: 'Delete a ballot style (its participants then vote on every subject)',
      params: z.object({ conferenceId: ID, ballotStyleId: ID }),
      response: BALLOT_STYLE,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, principal }) => {
        const style = await store.ballotStyles.get(params.ballotStyleId);
        if (style === null || style.conferenceId !== params.conferenceId)
          return err(fail('not_found', 'No such ballot style.'));
        return store.ballotStyles.delete(actorOf(principal), style.id);
      },
    }),
  ];
}
