// The election store contract on SQLite and PostgreSQL: the record's chain, transitions, concurrency,
// the DKG relay's once-only rule, the key ceremony's restart, voided credentials; and no participant
// column anywhere in its tables.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstBrokenLink } from '../../core/election-record/event-chain.js';
import type { Actor } from '../../core/model/index.js';
import type { Store } from '../store.js';
import type { ContractHarness } from '../testing/store-contract.js';
import { bareConference } from '../testing/bare-conference.js';
import { value } from '../testing/store-contract.js';
import { postgresHarness, sqliteHarness } from '../testing/harnesses.js';

const ACTOR: Actor = { userId: null, label: 'test' };

const manifest = {
  electionId: 'e',
  title: 't',
  persons: [],
  styles: [],
  trustees: 2,
  threshold: 1,
  maxVoters: 3,
};

/** A conference with an election of one trustee, in keygen; its id. */
async function newElection(store: Store): Promise<string> {
  const id = await bareConference(store);
  value(
    await store.elections.create(ACTOR, {
      conferenceId: id,
      threshold: 1,
      memberIds: ['m'],
      manifest,
    }),
  );
  return id;
}

for (const [name, harness] of [
  ['SQLite', sqliteHarness],
  ['PostgreSQL', postgresHarness],
] as const) {
  describe(`election store: ${name}`, () => {
    let h: ContractHarness;
    let store: Store;
    beforeAll(async () => {
      h = await harness();
      store = h.store;
    }, 30_000);
    afterAll(async () => h?.cleanup());

    it('creates an election with its manifest as event 0, once', async () => {
      const id = await bareConference(store);
      const e = value(
        await store.elections.create(ACTOR, {
          conferenceId: id,
          threshold: 2,
          memberIds: ['m1', 'm2'],
          manifest,
        }),
      );
      expect(e).toMatchObject({ trustees: 2, threshold: 2, status: 'keygen' });
      expect(e.members).toEqual([
        { trustee: 1, memberId: 'm1' },
        { trustee: 2, memberId: 'm2' },
      ]);
      const again = await store.elections.create(ACTOR, {
        conferenceId: id,
        threshold: 1,
        memberIds: ['m1'],
        manifest,
      });
      expect(!again.ok && again.error.code).toBe('conflict');
      const events = await store.elections.events(id);
      expect(events.map((x) => [x.seq, x.type])).toEqual([[0, 'manifest']]);
      expect(events[0]!.body).toEqual(manifest);
      const bad = await store.elections.create(ACTOR, {
        conferenceId: await bareConference(store),
        threshold: 3,
        memberIds: ['a', 'b'],
        manifest,
      });
      expect(!bad.ok && bad.error.code).toBe('invalid_input');
    });

    it('appends a valid hash chain, moves the status only from the stated one', async () => {
      const id = await newElection(store);
      value(
        await store.elections.append(ACTOR, id, [{ type: 'trustee_key', body: { trustee: 1 } }]),
      );
      const wrong = await store.elections.append(ACTOR, id, [{ type: 'voting_opened', body: {} }], {
        from: 'keyed',
        to: 'voting',
      });
      expect(!wrong.ok && wrong.error.code).toBe('invalid_transition');
      value(
        await store.elections.append(
          ACTOR,
          id,
          [
            {
              type: 'ballot',
              body: { ballot: { credential: 'c1' } },
              credential: 'c1',
              tracker: 't1',
            },
            {
              type: 'ballot',
              body: { ballot: { credential: 'c1' } },
              credential: 'c1',
              tracker: 't2',
            },
            {
              type: 'ballot',
              body: { ballot: { credential: 'c2' } },
              credential: 'c2',
              tracker: 't3',
            },
          ],
          { from: 'keygen', to: 'voting' },
        ),
      );
      expect((await store.elections.get(id))!.status).toBe('voting');
      const events = await store.elections.events(id);
      expect(events.map((x) => x.seq)).toEqual([0, 1, 2, 3, 4]);
      expect(firstBrokenLink(events)).toBe(-1);
      expect(await store.elections.ballotCounts(id)).toEqual({ ballots: 3, credentials: 2 });
      expect(await store.elections.credentialUsed(id, 'c2')).toBe(true);
      expect(await store.elections.credentialUsed(id, 'c3')).toBe(false);
      expect((await store.elections.events(id, ['ballot'])).map((x) => x.tracker)).toEqual([
        't1',
        't2',
        't3',
      ]);
      // the wrong transition above wrote nothing
      expect(events.some((x) => x.type === 'voting_opened')).toBe(false);
      // ballots leave no audit entry (an entry has a time)
      const audit = await store.audit.list({ entityType: 'conference', entityId: id });
      expect(JSON.stringify(audit)).not.toContain('"ballot"');
    });

    it('concurrent appends keep one chain (each either lands or reports conflict)', async () => {
      const id = await newElection(store);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, k) =>
          store.elections.append(ACTOR, id, [
            { type: 'ballot', body: { k }, credential: `c${k}`, tracker: `t${k}` },
          ]),
        ),
      );
      const landed = results.filter((r) => r.ok).length;
      expect(results.every((r) => r.ok || r.error.code === 'conflict')).toBe(true);
      const events = await store.elections.events(id);
      expect(events.length).toBe(1 + landed);
      expect(firstBrokenLink(events)).toBe(-1);
    });

    it('relays DKG messages once (a retry with the same body is a replay)', async () => {
      const id = await bareConference(store);
      value(
        await store.elections.create(ACTOR, {
          conferenceId: id,
          threshold: 1,
          memberIds: ['a', 'b'],
          manifest,
        }),
      );
      expect(
        value(
          await store.elections.putDkgMessage(ACTOR, id, {
            kind: 'trustee_key',
            trustee: 2,
            body: { x: 1 },
          }),
        ),
      ).toEqual({ replayed: false });
      expect(
        value(
          await store.elections.putDkgMessage(ACTOR, id, {
            kind: 'trustee_key',
            trustee: 2,
            body: { x: 1 },
          }),
        ),
      ).toEqual({ replayed: true });
      const other = await store.elections.putDkgMessage(ACTOR, id, {
        kind: 'trustee_key',
        trustee: 2,
        body: { x: 2 },
      });
      expect(!other.ok && other.error.code).toBe('conflict');
      const out = await store.elections.putDkgMessage(ACTOR, id, {
        kind: 'trustee_key',
        trustee: 3,
        body: {},
      });
      expect(!out.ok && out.error.code).toBe('invalid_input');
      value(
        await store.elections.putDkgMessage(ACTOR, id, {
          kind: 'trustee_key',
          trustee: 1,
          body: { y: [1] },
        }),
      );
      expect(await store.elections.dkgMessages(id, 'trustee_key')).toEqual([
        { kind: 'trustee_key', trustee: 1, body: { y: [1] } },
        { kind: 'trustee_key', trustee: 2, body: { x: 1 } },
      ]);
    });

    it('restarts the key ceremony: messages and events after the manifest go, once per ceremony', async () => {
      const id = await bareConference(store);
      value(
        await store.elections.create(ACTOR, {
          conferenceId: id,
          threshold: 1,
          memberIds: ['a', 'b'],
          manifest,
        }),
      );
      expect((await store.elections.get(id))!.ceremony).toBe(1);
      for (const trustee of [1, 2])
        value(
          await store.elections.putDkgMessage(ACTOR, id, {
            kind: 'trustee_key',
            trustee,
            body: { trustee },
          }),
        );
      value(
        await store.elections.append(
          ACTOR,
          id,
          [
            { type: 'trustee_key', body: { trustee: 1 } },
            { type: 'trustee_key', body: { trustee: 2 } },
          ],
          { from: 'keygen', to: 'dealing', ceremony: 1 },
        ),
      );
      value(
        await store.elections.putDkgMessage(
          ACTOR,
          id,
          { kind: 'dkg_commitment', trustee: 1, body: { c: 1 } },
          1,
        ),
      );
      const head = (await store.elections.head(id))!;

      const restarted = value(await store.elections.restartCeremony(ACTOR, id, 1));
      expect(restarted.election).toMatchObject({ status: 'keygen', ceremony: 2 });
      expect(restarted.dropped).toEqual({
        ceremony: 1,
        status: 'dealing',
        head,
        events: { trustee_key: 2 },
        messages: ['dkg_commitment:1', 'trustee_key:1', 'trustee_key:2'],
      });
      const events = await store.elections.events(id);
      expect(events.map((e) => [e.seq, e.type])).toEqual([[0, 'manifest']]);
      expect(await store.elections.dkgMessages(id)).toEqual([]);
      const audit = await store.audit.list({ entityType: 'conference', entityId: id });
      const entry = audit.find((a) => a.action === 'election.ceremony_restart');
      expect(JSON.stringify(entry)).toContain(head.hash);

      // the same restart again (a second person pressing): refused, nothing dropped twice
      const twice = await store.elections.restartCeremony(ACTOR, id, 1);
      expect(!twice.ok && [twice.error.code, twice.error.field]).toEqual(['conflict', 'ceremony']);
      // a message or an advance of the dropped ceremony does not enter the new one
      const stale = await store.elections.putDkgMessage(
        ACTOR,
        id,
        { kind: 'trustee_key', trustee: 1, body: { old: true } },
        1,
      );
      expect(!stale.ok && [stale.error.code, stale.error.field]).toEqual(['conflict', 'ceremony']);
      const late = await store.elections.append(
        ACTOR,
        id,
        [{ type: 'trustee_key', body: { trustee: 1 } }],
        { from: 'keygen', to: 'dealing', ceremony: 1 },
      );
      expect(!late.ok && late.error.code).toBe('invalid_transition');
      expect(await store.elections.dkgMessages(id)).toEqual([]);

      // the new ceremony's chain continues from the manifest, and may fail and restart again
      value(
        await store.elections.append(
          ACTOR,
          id,
          [{ type: 'trustee_key', body: { trustee: 1, run: 2 } }],
          { from: 'keygen', to: 'failed', ceremony: 2 },
        ),
      );
      const chain = await store.elections.events(id);
      expect(chain.map((e) => e.seq)).toEqual([0, 1]);
      expect(firstBrokenLink(chain)).toBe(-1);
      expect(value(await store.elections.restartCeremony(ACTOR, id, 2)).election.ceremony).toBe(3);

      // once the election key is in, no restart
      value(
        await store.elections.append(ACTOR, id, [{ type: 'election_key', body: {} }], {
          from: 'keygen',
          to: 'keyed',
        }),
      );
      const fixed = await store.elections.restartCeremony(ACTOR, id, 3);
      expect(!fixed.ok && fixed.error.code).toBe('invalid_transition');
      expect((await store.elections.events(id)).map((e) => e.type)).toEqual([
        'manifest',
        'election_key',
      ]);
    });

    it('appends ballots of several records at once: voided slips, closed voting, one chain each', async () => {
      const election = async (opened: boolean) => {
        const id = await newElection(store);
        if (opened)
          value(
            await store.elections.append(ACTOR, id, [{ type: 'voting_opened', body: {} }], {
              from: 'keygen',
              to: 'voting',
            }),
          );
        return id;
      };
      const [a, b, closed] = [await election(true), await election(true), await election(false)];
      value(await store.elections.voidCredentials(ACTOR, a, ['gone'], 'unused'));
      // the same slip name voided in `a` only: it still votes in `b`
      const cast = (credential: string, tracker: string) => ({
        body: { ballot: { credential } },
        credential,
        tracker,
      });
      const groups = [
        { conferenceId: b, ballots: [cast('gone', 'b1'), cast('x', 'b2')] },
        { conferenceId: a, ballots: [cast('x', 'a1'), cast('gone', 'a2'), cast('x', 'a3')] },
        { conferenceId: closed, ballots: [cast('x', 'c1')] },
        { conferenceId: 'no-such-conference', ballots: [cast('x', 'n1')] },
      ];
      expect(await store.elections.appendBallots(groups)).toEqual([
        [2, 3],
        [2, 'voided', 3],
        ['not_voting'],
        ['no_election'],
      ]);
      // a second call continues each chain after the first
      expect(
        await store.elections.appendBallots([{ conferenceId: a, ballots: [cast('y', 'a4')] }]),
      ).toEqual([[4]]);
      for (const [id, trackers] of [
        [a, ['a1', 'a3', 'a4']],
        [b, ['b1', 'b2']],
      ] as const) {
        const events = await store.elections.events(id);
        expect(firstBrokenLink(events)).toBe(-1);
        expect(events.filter((e) => e.type === 'ballot').map((e) => e.tracker)).toEqual(trackers);
      }
      expect(await store.elections.events(closed, ['ballot'])).toEqual([]);
      expect(await store.elections.appendBallots([])).toEqual([]);
    });

    it('voids credentials once each', async () => {
      const id = await newElection(store);
      expect(
        value(await store.elections.voidCredentials(ACTOR, id, ['a', 'b', 'a'], 'paper')),
      ).toBe(2);
      expect(value(await store.elections.voidCredentials(ACTOR, id, ['b', 'c'], 'unused'))).toBe(1);
      expect(await store.elections.voidedCredentials(id)).toEqual([
        { credential: 'a', reason: 'paper' },
        { credential: 'b', reason: 'paper' },
        { credential: 'c', reason: 'unused' },
      ]);
    });
  });
}
