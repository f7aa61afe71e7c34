// Electronic voting, the organiser's routes (issue 7): open the election with the committee as trustees,
// register the public credentials made on the organiser's device, open and close voting, void slips.

import { z } from 'zod';
import type { CredentialsBody } from '../../core/election-record/record-types.js';
import { ALL_SUBJECTS_SHEET } from '../../core/model/index.js';
import { defaultThreshold, elemFromHex } from '../../crypto/index.js';
import { err, ok } from '../../rules/index.js';
import { requireRole } from '../auth/policy.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import { electionOverview } from '../electronic/election-overview.js';
import { electronicCounts } from '../electronic/electronic-counts.js';
import { appendEvents, electionOf, inStatus, manifestFor } from '../electronic/election-flow.js';
import { tallyOf } from '../electronic/record-steps.js';
import {
  CREDENTIALS_INPUT,
  ELECTION_OVERVIEW,
  ELECTRONIC_COUNTS,
  HEX64,
} from './election-schemas.js';
import { ID } from './schemas.js';

const C = '/api/conferences/{conferenceId}/election';
const PARAMS = z.object({ conferenceId: ID });
const ORGANISER = requireRole(['organiser'], { conference: 'param:conferenceId' });

/** The organiser's election routes. */
export function electionOrganiserRoutes(deps: AppDeps): Route[] {
  const { store } = deps;
  return [
    defineRoute({
      method: 'post',
      path: C,
      tag: 'election',
      summary:
        'Opens the electronic vote: manifest from the sheets, trustees = committee members (head first)',
      params: PARAMS,
      body: {
        kind: 'json',
        schema: z.strictObject({ threshold: z.number().int().min(1).max(1000).optional() }),
      },
      status: 201,
      response: ELECTION_OVERVIEW,
      authorize: ORGANISER,
      handler: async ({ params, body, principal }) => {
        const conference = await store.conferences.get(params.conferenceId);
        if (!conference) return err(fail('not_found', 'No such conference.'));
        if (conference.status !== 'open' && conference.status !== 'counting')
          return err(fail('state_conflict', 'The conference has not started, or is counted.'));
        const members = await store.committee.list(conference.id);
        if (members.length === 0)
          return err(fail('state_conflict', 'Elect the counting committee first.'));
        const without = members.find((m) => m.userId === null);
        if (without)
          return err(
            fail(
              'committee_without_account',
              `${without.fullName} has no account yet: give them a sign-in code first.`,
            ),
          );
        const n = members.length;
        const t = body.threshold ?? defaultThreshold(n);
        if (t > n) return err(fail('invalid_input', `The threshold must be ≤ ${n}.`, 'threshold'));
        const manifest = await manifestFor(store, conference, n, t);
        if (!manifest.ok) return manifest;
        const created = await store.elections.create(actorOf(principal), {
          conferenceId: conference.id,
          threshold: t,
          memberIds: members.map((m) => m.id),
          manifest: manifest.value,
        });
        if (!created.ok)
          return created.error.code === 'conflict'
            ? err(fail('already_exists', 'This conference already has an electronic vote.'))
            : created;
        return ok(await electionOverview(store, created.value));
      },
    }),
    defineRoute({
      method: 'post',
      path: `${C}/credentials`,
      tag: 'election',
      summary:
        'Registers the public credentials made on the organiser’s device, one per person summoned per style (spec §6)',
      params: PARAMS,
      body: { kind: 'json', schema: CREDENTIALS_INPUT },
      response: ELECTION_OVERVIEW,
      authorize: ORGANISER,
      handler: async ({ params, body, principal }) => {
        const election = await electionOf(store, params.conferenceId);
        if (!election.ok) return election;
        const state = inStatus(election.value, 'keyed');
        if (!state.ok) return state;
        const [manifestEvent] = await store.elections.events(params.conferenceId, ['manifest']);
        const styles = new Set(
          (manifestEvent!.body as { styles: { id: string }[] }).styles.map((s) => s.id),
        );
        const seen = new Set<string>();
        const perStyle = new Map<string, number>();
        for (const [k, c] of body.credentials.entries()) {
          const P = elemFromHex(c.credential);
          if (!P || P.point.is0() || P.hex !== c.credential)
            return err(fail('credentials_invalid', `Credential ${k} is not a valid point.`));
          if (seen.has(c.credential))
            return err(fail('credentials_invalid', `Credential ${k} is listed twice.`));
          if (!styles.has(c.style))
            return err(fail('credentials_invalid', `Credential ${k} has an unknown style.`));
          seen.add(c.credential);
          perStyle.set(c.style, (perStyle.get(c.style) ?? 0) + 1);
        }
        // One slip per person summoned, per ballot style: no spare slip that someone could cast. A
        // style listing nobody voted on is not in the manifest (manifestFor): its participants have
        // nothing to vote on and get no slip, as no paper ballot is printed for them.
        const participants = await store.participants.list(params.conferenceId);
        const summoned = new Map<string, number>();
        for (const p of participants) {
          const style = p.ballotStyleId ?? ALL_SUBJECTS_SHEET;
          if (!styles.has(style)) continue;
          summoned.set(style, (summoned.get(style) ?? 0) + 1);
        }
        for (const style of new Set([...summoned.keys(), ...perStyle.keys()])) {
          if ((summoned.get(style) ?? 0) !== (perStyle.get(style) ?? 0))
            return err(
              fail(
                'credentials_count_mismatch',
                `Style ${style}: ${perStyle.get(style) ?? 0} credentials for ${summoned.get(style) ?? 0} persons summoned.`,
              ),
            );
        }
        const credentials: CredentialsBody = { credentials: body.credentials };
        const r = await appendEvents(
          store,
          actorOf(principal),
          params.conferenceId,
          [{ type: 'credentials', body: credentials }],
          { from: 'keyed', to: 'registered' },
        );
        if (!r.ok) return r;
        return ok(await electionOverview(store, (await store.elections.get(params.conferenceId))!));
      },
    }),
    defineRoute({
      method: 'post',
      path: `${C}/open`,
      tag: 'election',
      summary: 'Opens voting (event voting_opened)',
      params: PARAMS,
      body: { kind: 'json', schema: z.strictObject({ open: z.literal(true) }) },
      response: ELECTION_OVERVIEW,
      authorize: ORGANISER,
      handler: async ({ params, principal }) => {
        const election = await electionOf(store, params.conferenceId);
        if (!election.ok) return election;
        const r = await appendEvents(
          store,
          actorOf(principal),
          params.conferenceId,
          [{ type: 'voting_opened', body: {} }],
          { from: 'registered', to: 'voting' },
        );
        if (!r.ok) return r;
        return ok(await electionOverview(store, (await store.elections.get(params.conferenceId))!));
      },
    }),
    defineRoute({
      method: 'post',
      path: `${C}/void`,
      tag: 'election',
      summary:
        'Voids public credentials (a slip handed in for a paper ballot): their ballots are refused',
      params: PARAMS,
      body: {
        kind: 'json',
        schema: z.strictObject({ credentials: z.array(HEX64).min(1).max(131_071) }),
      },
      response: ELECTION_OVERVIEW,
      authorize: ORGANISER,
      handler: async ({ params, body, principal }) => {
        const election = await electionOf(store, params.conferenceId);
        if (!election.ok) return election;
        const state = inStatus(election.value, 'registered', 'voting');
        if (!state.ok) return state;
        const [credEvent] = await store.elections.events(params.conferenceId, ['credentials']);
        const listed = new Set(
          (credEvent!.body as CredentialsBody).credentials.map((c) => c.credential),
        );
        for (const c of body.credentials) {
          if (!listed.has(c))
            return err(fail('credential_unknown', `Not a listed credential: ${c}.`));
          if (await store.elections.credentialUsed(params.conferenceId, c))
            return err(fail('credential_used', `A ballot was already cast with ${c}.`));
        }
        const r = await store.elections.voidCredentials(
          actorOf(principal),
          params.conferenceId,
          body.credentials,
          'paper',
        );
        if (!r.ok) return r;
        return ok(await electionOverview(store, election.value));
      },
    }),
    defineRoute({
      method: 'post',
      path: `${C}/close`,
      tag: 'election',
      summary:
        'Closes voting and appends the encrypted tally (spec §7.4, §10.1); unused credentials are voided',
      params: PARAMS,
      body: { kind: 'json', schema: z.strictObject({ close: z.literal(true) }) },
      response: ELECTION_OVERVIEW,
      authorize: ORGANISER,
      handler: async ({ params, principal }) => {
        const election = await electionOf(store, params.conferenceId);
        if (!election.ok) return election;
        const state = inStatus(election.value, 'voting');
        if (!state.ok) return state;
        const actor = actorOf(principal);
        const events = await store.elections.events(params.conferenceId);
        const closing = [...events, { type: 'voting_closed' as const, body: {} }];
        const r = await appendEvents(
          store,
          actor,
          params.conferenceId,
          [
            { type: 'voting_closed', body: {} },
            { type: 'tally', body: tallyOf(closing) },
          ],
          { from: 'voting', to: 'closed' },
        );
        if (!r.ok) return r;
        const used = new Set(events.filter((e) => e.type === 'ballot').map((e) => e.credential));
        const listed = (events.find((e) => e.type === 'credentials')!.body as CredentialsBody)
          .credentials;
        const unused = listed.map((c) => c.credential).filter((c) => !used.has(c));
        if (unused.length > 0) {
          const voided = await store.elections.voidCredentials(
            actor,
            params.conferenceId,
            unused,
            'unused',
          );
          if (!voided.ok) return voided;
        }
        return ok(await electionOverview(store, (await store.elections.get(params.conferenceId))!));
      },
    }),
    defineRoute({
      method: 'get',
      path: `${C}/counts`,
      tag: 'election',
      summary:
        'Electronic counts per person voted on (high, confidence, low, invalid), once decrypted, for the conference result',
      params: PARAMS,
      response: ELECTRONIC_COUNTS,
      authorize: requireRole(['organiser', 'inspector', 'counting-committee'], {
        conference: 'param:conferenceId',
      }),
      handler: async ({ params }) => {
        const counts = await electronicCounts(store, params.conferenceId);
        if (counts === null)
          return err(fail('state_conflict', 'The electronic vote is not decrypted yet.'));
        return ok({ persons: counts });
      },
    }),
  ];
}
