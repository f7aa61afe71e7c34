// A ballot style that lists nobody voted on (issue 7), on SQLite and PostgreSQL: it is left out of the
// manifest, the organiser's page makes no slip for its participants (and says so), registration of the
// other styles' slips succeeds, and a slip for the empty style is still refused.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexToBytes, systemRandom } from '../../src/crypto/index.js';
import type {
  BoothInfoDto,
  ElectionOverviewDto,
} from '../../src/server/routes/election-schemas.js';
import type { Store, StoreResult } from '../../src/store/index.js';
import { makeSlipBatch, slipPlan } from '../../web/src/election/slip-batch.js';
import { buildElectronicWorld, type ElectronicWorld } from './electronic-world.js';
import { runCeremony } from './electronic-driver.js';
import { type Client, openTestApp, sessionClient, type TestApp } from './harness.js';

function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** A style "Phiếu số 3" with nobody on it, and two of the common ballot's participants moved onto it. */
async function addEmptyStyle(store: Store, w: ElectronicWorld): Promise<string> {
  const actor = { userId: null, label: 'test' };
  const empty = must(
    await store.ballotStyles.create(actor, {
      conferenceId: w.conferenceId,
      name: 'Phiếu số 3',
      subjectIds: [],
    }),
  );
  for (const p of w.participants.filter((x) => x.style === 'all').slice(0, 2))
    must(await store.participants.update(actor, p.id, { ballotStyleId: empty.id }));
  return empty.id;
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`a ballot style with no person voted on (${kind})`, () => {
    let t: TestApp;
    let w: ElectronicWorld;
    let org: Client;
    let emptyId: string;
    let C: string;
    let P: string;

    beforeAll(async () => {
      t = await openTestApp(kind);
      w = await buildElectronicWorld(t.store, 10, 3, 3);
      emptyId = await addEmptyStyle(t.store, w);
      org = await sessionClient(t, w.organiser);
      C = `/api/conferences/${w.conferenceId}/election`;
      P = `/api/public/conferences/${w.conferenceId}/election`;
    }, 60_000);
    afterAll(async () => t?.close());

    it('gets no slips: the other styles register, the empty one is skipped and named', async () => {
      await org.json<ElectionOverviewDto>('POST', C, {}, 201);
      await runCeremony(t, w);
      const booth = await org.json<BoothInfoDto>('GET', `${P}/booth`);
      const onBallot = new Set(booth.manifest.styles.map((s) => s.id));
      expect(onBallot.has(emptyId)).toBe(false);

      // what the slips panel draws from: the participants and the manifest's styles
      const participants = await org.json<{ ballotStyleId: string | null }[]>(
        'GET',
        `/api/conferences/${w.conferenceId}/participants`,
      );
      const plan = slipPlan(participants, onBallot);
      expect(plan.skipped).toEqual([{ style: emptyId, count: 2 }]);
      expect(plan.counts.reduce((n, c) => n + c.count, 0)).toBe(8);

      const F = hexToBytes(booth.fingerprint);
      // a slip for the empty style is refused: there is nothing on it to vote on
      const withEmpty = makeSlipBatch(F, [...plan.counts, ...plan.skipped], systemRandom);
      const refused = await org.request('POST', `${C}/credentials`, {
        credentials: withEmpty.credentials,
      });
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
        'credentials_invalid',
      );
      // the page's batch (no slip for the empty style) registers
      const batch = makeSlipBatch(F, plan.counts, systemRandom);
      const registered = await org.json<ElectionOverviewDto>('POST', `${C}/credentials`, {
        credentials: batch.credentials,
      });
      expect([registered.status, registered.credentials]).toEqual(['registered', 8]);
      expect(t.errors).toEqual([]);
    }, 60_000);
  });
}
