// Live updates (issue 7 §4, issue 8 §3): Server-Sent Events saying which part of a conference changed, so
// the projector and the day's pages fetch again at once instead of polling. The events carry the
// conference id and a topic only; what changed is read through the usual routes and their permissions.

import type { Context } from 'hono';
import { z } from 'zod';
import { err, ok } from '../../rules/index.js';
import { LIVE_TOPICS, type LiveTopic } from '../../store/index.js';
import { publicRoute, requireRole } from '../auth/policy.js';
import { conferenceOf } from '../conference-day/guards.js';
import type { AppDeps } from '../deps.js';
import { electionOf } from '../electronic/index.js';
import { fail } from '../errors.js';
import type { AppEnv } from '../http/env.js';
import { defineRoute, type Route } from '../http/route.js';
import type { LiveStreams } from '../live/live-stream.js';
import { ID } from './schemas.js';

const PARAMS = z.object({ conferenceId: ID });

/**
 * What the public stream tells: the figures of the public progress route (ballots received, present) move
 * with the election and the roll call; counting and result changes are for signed-in pages only.
 */
export const PUBLIC_LIVE_TOPICS: readonly LiveTopic[] = ['roll-call', 'election'];

const DESCRIPTION =
  'Server-Sent Events: `event: ready` once subscribed, then `event: change` with data ' +
  '`{"conferenceId","topic"}` (at most a few per second; a burst is coalesced), and a comment line every ' +
  '15 s. Only a client that sends `Accept: text/event-stream` (EventSource does) gets the stream; others ' +
  'get `406 not_acceptable`.';

/** The live-update routes: public (election conferences, public topics) and for the day's pages. */
export function liveRoutes(deps: AppDeps, streams: LiveStreams): Route[] {
  const { store } = deps;
  const notAcceptable = (c: Context<AppEnv>) =>
    (c.req.header('accept') ?? '').toLowerCase().includes('text/event-stream')
      ? null
      : err(fail('not_acceptable', 'This route answers Accept: text/event-stream only.'));
  const open = async (c: Context<AppEnv>, conferenceId: string, topics: readonly LiveTopic[]) => {
    if (!streams.hasRoom())
      return err(fail('rate_limited', 'Too many live streams on this server; try again soon.'));
    try {
      await store.live.ready();
    } catch {
      return err(fail('store_unavailable', 'Live updates cannot reach the database now.'));
    }
    return ok(streams.open(c, store.live, conferenceId, topics));
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/public/conferences/{conferenceId}/live',
      tag: 'election',
      summary:
        'Live updates for the public projector figures of an electronic vote: roll-call and election changes',
      description: DESCRIPTION,
      params: PARAMS,
      response: 'event-stream',
      authorize: publicRoute,
      handler: async ({ params, c }) => {
        const refused = notAcceptable(c);
        if (refused) return refused;
        const election = await electionOf(store, params.conferenceId);
        if (!election.ok) return election;
        return open(c, params.conferenceId, PUBLIC_LIVE_TOPICS);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conferences/{conferenceId}/live',
      tag: 'conference-day',
      summary:
        'Live updates for the projector and the day’s pages: roll-call, counting, election, result, conference',
      description: DESCRIPTION,
      params: PARAMS,
      response: 'event-stream',
      // Who may watch the projector may hear what moves it.
      authorize: requireRole(
        ['organiser', 'inspector', 'counting-committee', 'voter'],
        { conference: 'param:conferenceId' },
        { committeeFromStart: true },
      ),
      handler: async ({ params, c, location }) => {
        const refused = notAcceptable(c);
        if (refused) return refused;
        const conference = await conferenceOf(store, params.conferenceId, location);
        if (!conference.ok) return conference;
        return open(c, params.conferenceId, LIVE_TOPICS);
      },
    }),
  ];
}
