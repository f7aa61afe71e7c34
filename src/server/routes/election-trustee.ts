// Electronic voting, the trustees' routes (issue 7): committee members of the conference run the key
// ceremony and decrypt from their own devices; their secrets never reach the server (spec §8–§9).
// Each post names its trustee number, which must be the caller's own (`trustee_mismatch`).

import { z } from 'zod';
import type {
  ElectionKeyBody,
  PartialDecryptionBody,
  TallyBody,
  TrusteeKeyBody,
} from '../../core/election-record/record-types.js';
import {
  BatchVerifier,
  canonicalJson,
  type DkgCommitment,
  type DkgComplaint,
  hexToBytes,
  judgeComplaint,
  elemFromHex,
} from '../../crypto/index.js';
import { err, ok, type Failure, type Result } from '../../rules/index.js';
import type { DkgMessageKind, Election, ElectionStatus, Repositories } from '../../store/index.js';
import { requireRole } from '../auth/policy.js';
import type { Principal } from '../auth/principal.js';
import { memberOf } from '../conference-day/guards.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import {
  advanceCeremony,
  appendEvents,
  electionOf,
  inStatus,
} from '../electronic/election-flow.js';
import {
  acknowledgementValid,
  commitmentValid,
  keyStatement,
  manifestOf,
  partialsValid,
  resultOf,
  trusteeKeyValid,
} from '../electronic/record-steps.js';
import {
  ACKNOWLEDGEMENT,
  CEREMONY_QUERY,
  DKG_CHECK,
  DKG_COMMITMENT,
  PARTIAL_DECRYPTION,
  POSTED,
  TRUSTEE_KEY,
  TRUSTEE_VIEW,
} from './election-schemas.js';
import { ID } from './schemas.js';
import { bytesToHex } from '../../crypto/index.js';

const C = '/api/conferences/{conferenceId}/election/trustee';
const PARAMS = z.object({ conferenceId: ID });
const TRUSTEE = requireRole(['counting-committee'], { conference: 'param:conferenceId' });

/** The caller's election and trustee number: a committee member of this conference who is a trustee. */
export async function trusteeOf(
  store: Repositories,
  principal: Principal | null,
  conferenceId: string,
): Promise<Result<{ election: Election; trustee: number }, Failure>> {
  const election = await electionOf(store, conferenceId);
  if (!election.ok) return election;
  const member = await memberOf(store, principal, conferenceId);
  if (!member.ok) return member;
  const me = election.value.members.find((m) => m.memberId === member.value.id);
  if (!me)
    return err(fail('not_committee_member', 'You joined the committee after the key ceremony.'));
  return ok({ election: election.value, trustee: me.trustee });
}

/** `ceremony_restarted`: a post or a restart names a key ceremony that is no longer the running one. */
export function ceremonyRestarted(named: number, running: number): Failure {
  return fail(
    'ceremony_restarted',
    `The key ceremony was restarted: ceremony ${running} runs now, not ${named}.`,
  );
}

/** The trustees' election routes. */
export function electionTrusteeRoutes(deps: AppDeps): Route[] {
  const { store, random } = deps;

  /** One DKG post: status, own number, the crypto check, then the relay and the ceremony moving on. */
  const post =
    <B extends { trustee: number }>(
      kind: DkgMessageKind,
      status: ElectionStatus,
      check: (
        events: Awaited<ReturnType<Repositories['elections']['events']>>,
        body: B,
        election: Election,
      ) => string | undefined,
    ) =>
    async ({
      params,
      query,
      body,
      principal,
    }: {
      params: { conferenceId: string };
      query: { ceremony?: number | undefined };
      body: B;
      principal: Principal | null;
    }) => {
      const me = await trusteeOf(store, principal, params.conferenceId);
      if (!me.ok) return me;
      if (body.trustee !== me.value.trustee)
        return err(
          fail('trustee_mismatch', `You are trustee ${me.value.trustee}, not ${body.trustee}.`),
        );
      // A message made for a ceremony that was restarted since is void (spec §8.6).
      const ceremony = query.ceremony ?? me.value.election.ceremony;
      if (ceremony !== me.value.election.ceremony)
        return err(ceremonyRestarted(ceremony, me.value.election.ceremony));
      // A retry of a message already relayed is answered as a replay, whatever the step now.
      const existing = (await store.elections.dkgMessages(params.conferenceId, kind)).find(
        (m) => m.trustee === body.trustee,
      );
      if (existing)
        return canonicalJson(existing.body) === canonicalJson(body)
          ? ok({ status: me.value.election.status, replayed: true })
          : err(fail('already_exists', 'You posted a different message for this step already.'));
      const state = inStatus(me.value.election, status);
      if (!state.ok) return state;
      const events = await store.elections.events(params.conferenceId);
      const problem = check(events, body, me.value.election);
      if (problem !== undefined) return err(fail('dkg_message_invalid', problem));
      const actor = actorOf(principal);
      const put = await store.elections.putDkgMessage(
        actor,
        params.conferenceId,
        { kind, trustee: body.trustee, body },
        ceremony,
      );
      if (!put.ok) {
        if (put.error.code === 'conflict' && put.error.field === 'ceremony')
          return err(fail('ceremony_restarted', put.error.message));
        return put.error.code === 'conflict'
          ? err(fail('already_exists', 'You posted a different message for this step already.'))
          : put;
      }
      await advanceCeremony(store, actor, params.conferenceId);
      const now = await store.elections.get(params.conferenceId);
      return ok({ status: now!.status, replayed: put.value.replayed });
    };

  return [
    defineRoute({
      method: 'get',
      path: C,
      tag: 'election',
      summary:
        'What the trustee page needs at each step: keys, commitments, the shares addressed to me, the key statement, the tally',
      params: PARAMS,
      response: TRUSTEE_VIEW,
      authorize: TRUSTEE,
      handler: async ({ params, principal }) => {
        const me = await trusteeOf(store, principal, params.conferenceId);
        if (!me.ok) return me;
        const { election, trustee } = me.value;
        const events = await store.elections.events(params.conferenceId, [
          'manifest',
          'trustee_key',
          'dkg_commitment',
          'dkg_complaint',
          'election_key',
          'tally',
          'partial_decryption',
        ]);
        const messages = await store.elections.dkgMessages(params.conferenceId);
        const { manifest, F } = manifestOf(events);
        const of = <T>(type: string) =>
          events.filter((e) => e.type === type).map((e) => e.body as T);
        const commitments = of<DkgCommitment>('dkg_commitment');
        const mine = (kind: string) =>
          messages.some((m) => m.kind === kind && m.trustee === trustee);
        const statement =
          election.status === 'acknowledging' || of<ElectionKeyBody>('election_key').length > 0
            ? keyStatement(events)
            : null;
        return ok({
          trustee,
          trustees: election.trustees,
          threshold: election.threshold,
          status: election.status,
          ceremony: election.ceremony,
          manifest,
          fingerprint: bytesToHex(F),
          posted: {
            key: mine('trustee_key'),
            commitment: mine('dkg_commitment'),
            check: mine('dkg_check'),
            acknowledgement: mine('acknowledgement'),
            partial: of<PartialDecryptionBody>('partial_decryption').some(
              (p) => p.trustee === trustee,
            ),
          },
          trusteeKeys: of<TrusteeKeyBody>('trustee_key'),
          commitments,
          sharesForMe: commitments.flatMap((c) =>
            c.shares.filter((s) => s.to === trustee).map((s) => ({ from: c.trustee, ...s })),
          ),
          complaints: of<DkgComplaint>('dkg_complaint'),
          keyStatement: statement?.ok ? { ...statement.statement, digest: statement.digest } : null,
          tally: of<TallyBody>('tally')[0]?.persons ?? null,
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: `${C}/key`,
      tag: 'election',
      summary: 'Posts my trustee key E_i with its proof (spec §8.1)',
      params: PARAMS,
      query: CEREMONY_QUERY,
      body: { kind: 'json', schema: TRUSTEE_KEY },
      response: POSTED,
      authorize: TRUSTEE,
      handler: post('trustee_key', 'keygen', (events, body) =>
        trusteeKeyValid(manifestOf(events).F, body, random)
          ? undefined
          : 'The key proof is invalid.',
      ),
    }),
    defineRoute({
      method: 'post',
      path: `${C}/commitment`,
      tag: 'election',
      summary:
        'Posts my commitments, their proofs and the encrypted shares for the others (spec §8.2)',
      params: PARAMS,
      query: CEREMONY_QUERY,
      body: { kind: 'json', schema: DKG_COMMITMENT },
      response: POSTED,
      authorize: TRUSTEE,
      handler: post('dkg_commitment', 'dealing', (events, body, election) =>
        commitmentValid(manifestOf(events).F, body, election.trustees, election.threshold, random)
          ? undefined
          : 'Commitments, proofs or shares are invalid.',
      ),
    }),
    defineRoute({
      method: 'post',
      path: `${C}/check`,
      tag: 'election',
      summary: 'Posts my check of the shares I received: my complaints, or none (spec §8.3)',
      params: PARAMS,
      query: CEREMONY_QUERY,
      body: { kind: 'json', schema: DKG_CHECK },
      response: POSTED,
      authorize: TRUSTEE,
      handler: post('dkg_check', 'checking', (events, body) => {
        const { F } = manifestOf(events);
        const deals = events
          .filter((e) => e.type === 'dkg_commitment')
          .map((e) => e.body as DkgCommitment);
        const keys = events
          .filter((e) => e.type === 'trustee_key')
          .map((e) => e.body as TrusteeKeyBody);
        for (const c of body.complaints) {
          if (c.to !== body.trustee) return 'A complaint must be about a share addressed to you.';
          const deal = deals.find((d) => d.trustee === c.from);
          const enc = deal?.shares.find((s) => s.to === c.to);
          const Eto = elemFromHex(keys.find((k) => k.trustee === c.to)?.key);
          if (!deal || !enc || !Eto) return `No share from trustee ${c.from}.`;
          const A = deal.commitments.map((h) => elemFromHex(h)!.point);
          // A complaint the record would reject is refused here: it would only confuse the screen.
          if (judgeComplaint(F, c, enc, Eto, A, new BatchVerifier('exact')) !== 'upheld')
            return `The complaint about trustee ${c.from} is not upheld: the share is good or the proof is wrong.`;
        }
        return undefined;
      }),
    }),
    defineRoute({
      method: 'post',
      path: `${C}/acknowledgement`,
      tag: 'election',
      summary: 'Posts my signature of the key ceremony digest (spec §8.5)',
      params: PARAMS,
      query: CEREMONY_QUERY,
      body: { kind: 'json', schema: ACKNOWLEDGEMENT },
      response: POSTED,
      authorize: TRUSTEE,
      handler: post('acknowledgement', 'acknowledging', (events, body) => {
        const key = keyStatement(events);
        if (!key.ok) return 'There is no election key to acknowledge.';
        return acknowledgementValid(events, body.trustee, hexToBytes(key.digest), body.signature)
          ? undefined
          : 'The signature does not sign the key ceremony digest with your key.';
      }),
    }),
    defineRoute({
      method: 'post',
      path: `${C}/partial`,
      tag: 'election',
      summary:
        'Posts my partial decryption of every total (spec §9); the t-th one appends the result',
      params: PARAMS,
      body: { kind: 'json', schema: PARTIAL_DECRYPTION },
      response: POSTED,
      authorize: TRUSTEE,
      handler: async ({ params, body, principal }) => {
        const me = await trusteeOf(store, principal, params.conferenceId);
        if (!me.ok) return me;
        if (body.trustee !== me.value.trustee)
          return err(
            fail('trustee_mismatch', `You are trustee ${me.value.trustee}, not ${body.trustee}.`),
          );
        const state = inStatus(me.value.election, 'closed');
        if (!state.ok) return state;
        // Not the ballots: the totals are in the tally (spec §10.1).
        const SETUP = ['manifest', 'election_key', 'tally', 'partial_decryption'] as const;
        const events = await store.elections.events(params.conferenceId, SETUP);
        if (
          events.some(
            (e) =>
              e.type === 'partial_decryption' &&
              (e.body as PartialDecryptionBody).trustee === body.trustee,
          )
        )
          return ok({ status: me.value.election.status, replayed: true });
        if (!partialsValid(events, body, random))
          return err(fail('partial_invalid', 'A partial decryption or its proof is invalid.'));
        const actor = actorOf(principal);
        const added = await appendEvents(
          store,
          actor,
          params.conferenceId,
          [{ type: 'partial_decryption', body }],
          { from: 'closed', to: 'closed' },
        );
        if (!added.ok) return added;
        const all = await store.elections.events(params.conferenceId, SETUP);
        if (
          all.filter((e) => e.type === 'partial_decryption').length >= me.value.election.threshold
        ) {
          const result = resultOf(all, random);
          if (result)
            await appendEvents(
              store,
              actor,
              params.conferenceId,
              [{ type: 'result', body: result }],
              {
                from: 'closed',
                to: 'decrypted',
              },
            );
        }
        const now = await store.elections.get(params.conferenceId);
        return ok({ status: now!.status, replayed: false });
      },
    }),
  ];
}
