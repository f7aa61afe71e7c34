// Electronic voting, the public routes (issue 7): the overview, the booth's data, casting and auditing
// ballots (anonymous, no session), the board of trackers, the progress figures and the record.
// Secrecy: nothing here reads or stores who calls; the address only feeds the in-memory rate limit.

import { z } from 'zod';
import { checkBallot, gateFromEvents } from '../../core/election-record/check-ballot.js';
import type { CredentialsBody } from '../../core/election-record/record-types.js';
import { bytesToHex, checkOpenings, decodeBallot } from '../../crypto/index.js';
import { err, ok } from '../../rules/index.js';
import { publicRoute } from '../auth/policy.js';
import { actorOf, type AppDeps } from '../deps.js';
import { fail } from '../errors.js';
import { defineRoute, type Route } from '../http/route.js';
import { electionOverview } from '../electronic/election-overview.js';
import { appendEvents, electionOf, manifestOf } from '../electronic/index.js';
import { sharedBallotChecker, type GateHandle } from '../electronic/ballot-checker.js';
import { storeBallotCommit } from '../electronic/ballot-commit.js';
import { createBallotIntake } from '../electronic/ballot-intake.js';
import {
  BALLOT,
  BALLOT_RECEIPT,
  BOARD,
  BOOTH_INFO,
  ELECTION_OVERVIEW,
  ELECTION_PROGRESS,
  HEX64,
  LINE_OPENING,
} from './election-schemas.js';
import { ID } from './schemas.js';

const P = '/api/public/conferences/{conferenceId}/election';
const PARAMS = z.object({ conferenceId: ID });

/** The public election routes. */
export function electionPublicRoutes(deps: AppDeps): Route[] {
  const { store, random } = deps;
  // The gate (manifest, key, credentials) is fixed once voting opens: the record is append-only and
  // has no way back to an earlier status, so it is read once per conference. Its key is the hash of
  // the credentials event, which chains over every event before it (spec §11.1).
  const gates = new Map<string, GateHandle>();
  const gateOf = async (conferenceId: string): Promise<GateHandle | undefined> => {
    const cached = gates.get(conferenceId);
    if (cached) return cached;
    const events = await store.elections.events(conferenceId, [
      'manifest',
      'election_key',
      'credentials',
    ]);
    const key = events.find((e) => e.type === 'credentials')?.hash;
    if (key === undefined) return undefined;
    const gate = gateFromEvents(events);
    if (!gate) return undefined;
    const handle: GateHandle = {
      key,
      gate,
      events: events.map(({ type, body }) => ({ type, body })),
    };
    gates.set(conferenceId, handle);
    return handle;
  };
  /** The booth's way in (rate limits wrap these routes: booth-rate-limit.ts): voting open, the gate. */
  const boothGate = async (conferenceId: string) => {
    const election = await electionOf(store, conferenceId);
    if (!election.ok) return election;
    const gate = election.value.status === 'voting' ? await gateOf(conferenceId) : undefined;
    return gate ? ok(gate) : err(fail('voting_not_open', 'Voting is not open.'));
  };
  const checker = sharedBallotChecker();
  const intake = createBallotIntake(checker, storeBallotCommit(store), (e) =>
    fail(e.code, refusal(e.code)),
  );
  /** Appends one ballot event while voting stays open; the receipt carries its place in the record. */
  const appendBoothEvent = async (
    conferenceId: string,
    event: Parameters<typeof appendEvents>[3][number],
    receipt: { tracker: string; digest: string },
  ) => {
    const r = await appendEvents(store, actorOf(null), conferenceId, [event], {
      from: 'voting',
      to: 'voting',
    });
    if (!r.ok)
      return r.error.code === 'state_conflict' ? err(fail('voting_not_open', 'Voting closed.')) : r;
    return ok({ ...receipt, seq: r.value[0]!.seq });
  };

  return [
    defineRoute({
      method: 'get',
      path: P,
      tag: 'election',
      summary:
        'The election for the conference screen: phase, each trustee’s progress, fingerprint, record head',
      params: PARAMS,
      response: ELECTION_OVERVIEW,
      authorize: publicRoute,
      handler: async ({ params }) => {
        const election = await electionOf(store, params.conferenceId);
        if (!election.ok) return election;
        return ok(await electionOverview(store, election.value));
      },
    }),
    defineRoute({
      method: 'get',
      path: `${P}/booth`,
      tag: 'election',
      summary: 'What the booth needs: manifest (persons, styles), fingerprint F, key Y, base B',
      params: PARAMS,
      query: z.object({ credential: HEX64.optional() }),
      response: BOOTH_INFO,
      authorize: publicRoute,
      handler: async ({ params, query }) => {
        const election = await electionOf(store, params.conferenceId);
        if (!election.ok) return election;
        // a booth is opening: have the ballot checkers ready before its first ballot
        if (election.value.status === 'voting') void checker.warm();
        // while voting, the gate already holds these events
        const gate = election.value.status === 'voting' ? await gateOf(params.conferenceId) : null;
        const events =
          gate?.events ??
          (await store.elections.events(params.conferenceId, [
            'manifest',
            'election_key',
            'credentials',
          ]));
        // The slip's style and state, from the public credential list (the seed never leaves the phone).
        const listed =
          query.credential === undefined
            ? undefined
            : (
                events.find((e) => e.type === 'credentials')?.body as CredentialsBody | undefined
              )?.credentials.find((c) => c.credential === query.credential);
        const voided =
          listed !== undefined &&
          (await store.elections.voidedCredentials(params.conferenceId)).some(
            (v) => v.credential === listed.credential,
          );
        const { manifest, F, base } = manifestOf(events);
        const key = events.find((e) => e.type === 'election_key')?.body as
          { publicKey: string } | undefined;
        return ok({
          status: election.value.status,
          manifest: manifest,
          fingerprint: bytesToHex(F),
          publicKey: key?.publicKey ?? null,
          base: base.toString(),
          credential: listed ? { style: listed.style, voided } : null,
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: `${P}/ballots`,
      tag: 'election',
      summary:
        'Casts a signed ballot (anonymous); checked before it is acknowledged, durable when acknowledged; a later ballot with the same credential replaces it until closing (spec §7.4)',
      params: PARAMS,
      body: { kind: 'json', schema: z.strictObject({ ballot: BALLOT }) },
      status: 201,
      response: BALLOT_RECEIPT,
      authorize: publicRoute,
      handler: async ({ params, body }) => {
        const opened = await boothGate(params.conferenceId);
        if (!opened.ok) return opened;
        // checked with the ballots that arrive with it, stored with them, answered once committed
        return intake.submit(params.conferenceId, opened.value, body.ballot);
      },
    }),
    defineRoute({
      method: 'post',
      path: `${P}/audits`,
      tag: 'election',
      summary:
        'Publishes an audited ballot with its openings (Benaloh, spec §7.5); it is never counted',
      params: PARAMS,
      body: {
        kind: 'json',
        schema: z.strictObject({ ballot: BALLOT, openings: z.array(LINE_OPENING).max(500) }),
      },
      status: 201,
      response: BALLOT_RECEIPT,
      authorize: publicRoute,
      handler: async ({ params, body }) => {
        const opened = await boothGate(params.conferenceId);
        if (!opened.ok) return opened;
        const gate = opened.value.gate;
        const ballot = body.ballot;
        const checked = checkBallot(gate, ballot, random, { audit: true });
        if (!checked.ok) return err(fail(checked.error.code, refusal(checked.error.code)));
        const decoded = decodeBallot(ballot);
        if (!decoded || !checkOpenings(gate.ctx, decoded.lines, body.openings))
          return err(fail('opening_invalid', 'The openings do not match the ciphertexts.'));
        return appendBoothEvent(
          params.conferenceId,
          {
            type: 'audited_ballot',
            body: { ballot, openings: body.openings },
            tracker: checked.value.tracker,
          },
          checked.value,
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: `${P}/board`,
      tag: 'election',
      summary:
        'The public board: every ballot’s tracker in record order, so a voter finds their own',
      params: PARAMS,
      response: BOARD,
      authorize: publicRoute,
      handler: async ({ params }) => {
        const election = await electionOf(store, params.conferenceId);
        if (!election.ok) return election;
        const events = await store.elections.events(params.conferenceId, [
          'ballot',
          'audited_ballot',
        ]);
        const head = await store.elections.head(params.conferenceId);
        return ok({
          status: election.value.status,
          ballots: events.map((e) => ({
            seq: e.seq,
            tracker: e.tracker ?? '',
            kind: e.type === 'ballot' ? ('cast' as const) : ('audited' as const),
          })),
          head: head?.hash ?? null,
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: `${P}/progress`,
      tag: 'election',
      summary:
        'The projector before the result: ballots received (credentials that cast) of voters present, nothing else',
      params: PARAMS,
      response: ELECTION_PROGRESS,
      authorize: publicRoute,
      handler: async ({ params }) => {
        const election = await electionOf(store, params.conferenceId);
        if (!election.ok) return election;
        const [counts, participants] = await Promise.all([
          store.elections.ballotCounts(params.conferenceId),
          store.participants.list(params.conferenceId),
        ]);
        return ok({
          status: election.value.status,
          ballotsReceived: counts.credentials,
          present: participants.filter((p) => p.attendance === 'present').length,
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: `${P}/record.json`,
      tag: 'election',
      summary: 'The public record as `tinnhiem verify` reads it (spec §11)',
      params: PARAMS,
      response: 'file',
      authorize: publicRoute,
      handler: async ({ params }) => {
        const election = await electionOf(store, params.conferenceId);
        if (!election.ok) return election;
        const events = await store.elections.events(params.conferenceId);
        const record = {
          format: 'tinnhiem-record/1',
          events: events.map(({ seq, type, prev, body, hash }) => ({
            seq,
            type,
            prev,
            body,
            hash,
          })),
        };
        return ok({
          bytes: new TextEncoder().encode(JSON.stringify(record)),
          contentType: 'application/json',
          fileName: 'record.json',
        });
      },
    }),
  ];
}

/** An English sentence per refusal of check-ballot (the booth shows its own words per code). */
function refusal(code: string): string {
  switch (code) {
    case 'credential_unknown':
      return 'The credential is not on the list of this election.';
    case 'signature_invalid':
    case 'signature_missing':
      return 'The ballot’s signature is missing or invalid.';
    case 'proof_invalid':
      return 'A line’s proof is invalid.';
    default:
      return 'The ballot does not fit its style or its encodings are invalid.';
  }
}
