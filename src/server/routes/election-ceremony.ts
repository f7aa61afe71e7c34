// Electronic voting, restarting the key ceremony (issue 7, spec §8.6): while the election key is not
// fixed, the organiser or a trustee starts the ceremony again, and every trustee runs it anew.

import { z } from 'zod';
import { err, ok } from '../../rules/index.js';
import { isOfficeAt, requireRole } from '../auth/policy.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import { electionOverview } from '../electronic/election-overview.js';
import { electionOf } from '../electronic/election-flow.js';
import { CEREMONY_RESTART, ELECTION_OVERVIEW } from './election-schemas.js';
import { ceremonyRestarted, trusteeOf } from './election-trustee.js';
import { ID } from './schemas.js';

const PARAMS = z.object({ conferenceId: ID });

/** The route that restarts the key ceremony. */
export function electionCeremonyRoutes(deps: AppDeps): Route[] {
  const { store } = deps;
  return [
    defineRoute({
      method: 'post',
      path: '/api/conferences/{conferenceId}/election/ceremony/restart',
      tag: 'election',
      summary:
        'Restarts the key ceremony before the election key is fixed: every trustee’s messages are dropped, the record keeps only the manifest, each trustee starts again (spec §8.6)',
      description:
        'For the organiser, or a committee member who is a trustee (one whose device lost its secrets). ' +
        'The body names the ceremony to restart, so two people pressing at once restart it once ' +
        '(`ceremony_restarted`). Once the election key is fixed: `ceremony_finished`. What was dropped ' +
        'goes to the audit log (`election.ceremony_restart`), never to the record.',
      params: PARAMS,
      body: { kind: 'json', schema: CEREMONY_RESTART },
      response: ELECTION_OVERVIEW,
      authorize: requireRole(['organiser', 'counting-committee'], {
        conference: 'param:conferenceId',
      }),
      handler: async ({ params, body, principal, location }) => {
        const election = await electionOf(store, params.conferenceId);
        if (!election.ok) return election;
        // The office may always restart; a committee account only when it holds a trustee number.
        if (!isOfficeAt(principal, location)) {
          const me = await trusteeOf(store, principal, params.conferenceId);
          if (!me.ok) return me;
        }
        const restarted = await store.elections.restartCeremony(
          actorOf(principal),
          params.conferenceId,
          body.ceremony,
        );
        if (!restarted.ok) {
          if (restarted.error.code === 'invalid_transition')
            return err(
              fail(
                'ceremony_finished',
                'The election key is fixed: the key ceremony can no longer be restarted.',
              ),
            );
          if (restarted.error.code === 'conflict')
            return err(ceremonyRestarted(body.ceremony, election.value.ceremony));
          return restarted;
        }
        return ok(await electionOverview(store, restarted.value.election));
      },
    }),
  ];
}
