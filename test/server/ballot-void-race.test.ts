// A slip handed in for a paper ballot while its phone casts (issue 7 §4, spec §7.6): the void and the
// ballot both wait on the election's row, so at most one of them lands, on SQLite and on PostgreSQL.
// Both start while a third transaction holds that row: they must check only once they hold it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ballot } from '../../src/crypto/index.js';
import type { Actor } from '../../src/core/model/index.js';
import { storeBallotCommit } from '../../src/server/electronic/ballot-commit.js';
import type { Store } from '../../src/store/index.js';
import { bareConference } from '../../src/store/testing/bare-conference.js';
import { postgresHarness, sqliteHarness } from '../../src/store/testing/harnesses.js';
import type { ContractHarness } from '../../src/store/testing/store-contract.js';
import { must } from './fixture.js';

const ACTOR: Actor = { userId: null, label: 'test' };

/** A conference whose election is open for voting. */
async function votingElection(store: Store): Promise<string> {
  const id = await bareConference(store);
  const manifest = { electionId: 'e', title: 't', persons: [], styles: [], trustees: 1 };
  must(
    await store.elections.create(ACTOR, {
      conferenceId: id,
      threshold: 1,
      memberIds: ['m'],
      manifest: { ...manifest, threshold: 1, maxVoters: 2 },
    }),
  );
  must(await store.elections.append(ACTOR, id, [{ type: 'trustee_key', body: {} }]));
  must(
    await store.elections.append(ACTOR, id, [{ type: 'voting_opened', body: {} }], {
      from: 'keygen',
      to: 'voting',
    }),
  );
  return id;
}

for (const [name, harness] of [
  ['SQLite', sqliteHarness],
  ['PostgreSQL', postgresHarness],
] as const) {
  describe(`a slip voided while its ballot arrives: ${name}`, () => {
    let h: ContractHarness;
    beforeAll(async () => {
      h = await harness();
    }, 30_000);
    afterAll(async () => h?.cleanup());

    it('stores the ballot or the void, never both', async () => {
      const store = h.store;
      const commit = storeBallotCommit(store);
      for (let n = 0; n < 3; n++) {
        const id = await votingElection(store);
        let release!: () => void;
        // an append of nothing takes the election's row and holds it until released
        const holding = store.transaction(async (tx) => {
          must(await tx.elections.append(ACTOR, id, []));
          await new Promise<void>((resolve) => (release = resolve));
        });
        const ballot = { credential: 'slip' } as unknown as Ballot;
        const cast = commit([
          { conferenceId: id, ballots: [{ ballot, tracker: 't', digest: 'd' }] },
        ]);
        const voided = store.elections.voidCredentials(ACTOR, id, ['slip'], 'paper');
        // both are now queued on the row (or, on SQLite, on the one writer)
        await new Promise((resolve) => setTimeout(resolve, 300));
        release();
        await holding;
        const [answers, voiding] = await Promise.all([cast, voided]);
        const ballotLanded = answers[0]![0]!.ok;
        const voidLanded = voiding.ok && voiding.value === 1;
        expect([ballotLanded, voidLanded]).not.toEqual([true, true]);
        expect(ballotLanded || voidLanded).toBe(true);
        const events = await store.elections.events(id, ['ballot', 'credentials_voided']);
        expect(events).toHaveLength(1);
      }
    }, 30_000);
  });
}
