// Theo dõi sau kết quả — follow-up of band results: resign or a paper no-confidence vote; flags for the authority.

import { z } from 'zod';
import { decideNoConfidenceVote } from '../../core/counting/index.js';
import type { FollowUp } from '../../core/model/index.js';
import { err, ok, percentString } from '../../rules/index.js';
import { requireRole } from '../auth/policy.js';
import { memberOf } from '../conference-day/guards.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import { FOLLOW_UP, type FollowUpDto } from './conference-day-schemas.js';
import { ID, plainText } from './schemas.js';

const CONF = { conference: 'param:conferenceId' } as const;
const followUpParams = z.object({ conferenceId: ID, followUpId: ID });
const COUNT = z.number().int().min(0).max(1_000_000);

/** A follow-up with its vote decided by the core (dismissal ⇔ 2 · noTrust > collected). */
function followUpDto(f: FollowUp): FollowUpDto {
  let vote: FollowUpDto['vote'] = null;
  if (f.vote !== null) {
    const decided = decideNoConfidenceVote(f.vote);
    if (decided.ok) {
      vote = {
        ...decided.value,
        noTrustPercent:
          f.vote.collected === 0 ? '0.00' : percentString(f.vote.noTrust, f.vote.collected),
      };
    }
  }
  return { ...f, vote };
}

/** Follow-up routes. */
export function followUpRoutes(deps: AppDeps): Route[] {
  const { store } = deps;
  const followUpHere = async (conferenceId: string, id: string) => {
    const f = await store.followUps.get(id);
    return f === null || f.conferenceId !== conferenceId
      ? err(fail('not_found', 'No such follow-up.'))
      : ok(f);
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/follow-ups',
      tag: 'conference-day',
      summary:
        'Follow-ups of band results (over-half-low: resign or vote; two-thirds-low: flagged)',
      params: z.object({ conferenceId: ID }),
      response: z.array(FOLLOW_UP),
      authorize: requireRole(
        ['organiser', 'inspector', 'counting-committee', 'competent-authority'],
        CONF,
        { committeeFromStart: true },
      ),
      handler: async ({ params }) =>
        ok((await store.followUps.list(params.conferenceId)).map(followUpDto)),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/conferences/{conferenceId}/follow-ups/{followUpId}',
      tag: 'conference-day',
      summary:
        'Record what follows an over-half-low result: the person resigned, or a no-confidence vote',
      params: followUpParams,
      body: {
        kind: 'json',
        schema: z.object({
          decision: z.enum(['pending', 'resigned', 'no-confidence-vote']),
          note: plainText(2000).optional(),
        }),
      },
      response: FOLLOW_UP,
      authorize: requireRole(['organiser'], CONF),
      handler: async ({ params, body, principal }) => {
        const f = await followUpHere(params.conferenceId, params.followUpId);
        if (!f.ok) return f;
        if (f.value.kind !== 'resign-or-no-confidence-vote' && body.decision !== 'pending') {
          return err(
            fail(
              'invalid_input',
              'A two-thirds-low result goes to the competent authority.',
              'decision',
            ),
          );
        }
        const updated = await store.followUps.update(actorOf(principal), f.value.id, body);
        return updated.ok ? ok(followUpDto(updated.value)) : updated;
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/conferences/{conferenceId}/follow-ups/{followUpId}/vote',
      tag: 'conference-day',
      summary:
        'Counts of the paper no-confidence vote (tín nhiệm / không tín nhiệm); more than half không tín nhiệm → dismissal proposal',
      params: followUpParams,
      body: {
        kind: 'json',
        schema: z.object({ issued: COUNT, collected: COUNT, trust: COUNT, noTrust: COUNT }),
      },
      response: FOLLOW_UP,
      authorize: requireRole(['counting-committee'], CONF, { committeeFromStart: true }),
      handler: async ({ params, body, principal }) => {
        const member = await memberOf(store, principal, params.conferenceId);
        if (!member.ok) return member;
        const f = await followUpHere(params.conferenceId, params.followUpId);
        if (!f.ok) return f;
        if (f.value.decision !== 'no-confidence-vote')
          return err(
            fail(
              'state_conflict',
              'The organiser has not called a no-confidence vote for this person.',
            ),
          );
        const decided = decideNoConfidenceVote(body);
        if (!decided.ok) return decided;
        const updated = await store.followUps.update(actorOf(principal), f.value.id, {
          vote: body,
        });
        return updated.ok ? ok(followUpDto(updated.value)) : updated;
      },
    }),
  ];
}
