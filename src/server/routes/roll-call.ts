// Điểm danh — roll call on the conference day: attendance by list or by check-in code, and the quorum.

import { z } from 'zod';
import type { Participant } from '../../core/model/index.js';
import { err, ok } from '../../rules/index.js';
import { requireRole, type Location } from '../auth/policy.js';
import {
  conferenceOf,
  foldForSearch,
  normaliseCode,
  randomCode,
} from '../conference-day/guards.js';
import { quorumStatus } from '../conference-day/count-conference.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import {
  CHECK_IN_CODE,
  ROLL_CALL,
  ROLL_CALL_MARK,
  type RollCallEntryDto,
} from './conference-day-schemas.js';
import { ID } from './schemas.js';

const CONF = { conference: 'param:conferenceId' } as const;
const conferenceParams = z.object({ conferenceId: ID });

/** Length of a check-in code: 10 × 5 = 50 random bits, typed from a paper invitation in seconds. */
export const CHECK_IN_CODE_LENGTH = 10;

function entry(p: Participant): RollCallEntryDto {
  return {
    id: p.id,
    fullName: p.fullName,
    unitName: p.unitName,
    position: p.position,
    order: p.order,
    ballotStyleId: p.ballotStyleId,
    attendance: p.attendance,
  };
}

/** Roll-call routes. */
export function rollCallRoutes(deps: AppDeps): Route[] {
  const { store } = deps;

  /** Attendance is recorded until the result is confirmed. */
  const markable = async (conferenceId: string, location: Location | null) => {
    const conference = await conferenceOf(store, conferenceId, location);
    if (!conference.ok) return conference;
    if (conference.value.status === 'confirmed' || conference.value.status === 'published')
      return err(fail('state_conflict', 'The result is confirmed; the roll call is closed.'));
    return conference;
  };

  return [
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/start',
      tag: 'conference-day',
      summary: 'Open the conference (prepared → open): roll call starts, committee rights begin',
      params: conferenceParams,
      body: { kind: 'json', schema: z.object({ start: z.literal(true) }) },
      response: z.object({ conferenceId: ID, status: z.string() }),
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, principal, location }) => {
        const conference = await conferenceOf(store, params.conferenceId, location);
        if (!conference.ok) return conference;
        const moved = await store.conferences.transition(
          actorOf(principal),
          params.conferenceId,
          'open',
        );
        return moved.ok ? ok({ conferenceId: moved.value.id, status: moved.value.status }) : moved;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/roll-call',
      tag: 'conference-day',
      summary: 'Roll call (điểm danh): participants with attendance, search, and the quorum',
      params: conferenceParams,
      query: z.object({
        search: z.string().max(200).optional(),
        attendance: z.enum(['unknown', 'present', 'absent']).optional(),
      }),
      response: ROLL_CALL,
      authorize: requireRole(['organiser', 'inspector', 'counting-committee'], CONF),
      handler: async ({ params, query, location }) => {
        const conference = await conferenceOf(store, params.conferenceId, location);
        if (!conference.ok) return conference;
        const needle = foldForSearch(query.search?.trim() ?? '');
        const participants = (await store.participants.list(params.conferenceId)).filter(
          (p) =>
            (query.attendance === undefined || p.attendance === query.attendance) &&
            (needle === '' ||
              foldForSearch(`${p.fullName} ${p.unitName} ${p.position}`).includes(needle)),
        );
        return ok({
          participants: participants.map(entry),
          quorum: await quorumStatus(store, conference.value),
        });
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/conferences/{conferenceId}/roll-call/{participantId}',
      tag: 'conference-day',
      summary: 'Mark a participant present, absent or unknown',
      params: z.object({ conferenceId: ID, participantId: ID }),
      body: {
        kind: 'json',
        schema: z.object({ attendance: z.enum(['unknown', 'present', 'absent']) }),
      },
      response: ROLL_CALL_MARK,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, body, principal, location }) => {
        const conference = await markable(params.conferenceId, location);
        if (!conference.ok) return conference;
        const p = await store.participants.get(params.participantId);
        if (p === null || p.conferenceId !== params.conferenceId)
          return err(fail('not_found', 'No such participant.'));
        const marked = await store.participants.setAttendance(
          actorOf(principal),
          p.id,
          body.attendance,
        );
        if (!marked.ok) return marked;
        return ok({
          participant: entry(marked.value),
          quorum: await quorumStatus(store, conference.value),
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/roll-call/check-in',
      tag: 'conference-day',
      summary: 'Mark present by the check-in code printed (and as a QR code) on the invitation',
      params: conferenceParams,
      body: { kind: 'json', schema: z.object({ code: z.string().min(1).max(64) }) },
      response: ROLL_CALL_MARK,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, body, principal, location }) => {
        const conference = await markable(params.conferenceId, location);
        if (!conference.ok) return conference;
        const found = await store.checkInCodes.find(normaliseCode(body.code));
        if (found === null || found.conferenceId !== params.conferenceId)
          return err(
            fail(
              'check_in_code_unknown',
              'No participant of this conference has this code.',
              'code',
            ),
          );
        const marked = await store.participants.setAttendance(
          actorOf(principal),
          found.participantId,
          'present',
        );
        if (!marked.ok) return marked;
        return ok({
          participant: entry(marked.value),
          quorum: await quorumStatus(store, conference.value),
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/check-in-codes',
      tag: 'conference-day',
      summary: 'Check-in codes of every participant, for the invitations (made on first request)',
      params: conferenceParams,
      response: z.array(CHECK_IN_CODE),
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, principal }) => {
        const codes = await store.checkInCodes.ensure(actorOf(principal), params.conferenceId, () =>
          randomCode(deps.random, CHECK_IN_CODE_LENGTH),
        );
        if (!codes.ok) return codes;
        const names = new Map(
          (await store.participants.list(params.conferenceId)).map((p) => [p.id, p.fullName]),
        );
        return ok(
          codes.value.map((c) => ({
            participantId: c.participantId,
            fullName: names.get(c.participantId) ?? '',
            code: c.code,
          })),
        );
      },
    }),
  ];
}
