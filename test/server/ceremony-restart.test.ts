// Restarting the key ceremony through the API, on SQLite and PostgreSQL (issue 7, spec §8.6), with the
// trustee page's own step functions: a member's tab is closed mid-ceremony, the member restarts it,
// messages of the dropped ceremony are refused, the audit log keeps what was dropped, the second
// ceremony runs to the key, a restart is then refused, and the record of the whole vote verifies with
// only the second ceremony in it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstBrokenLink } from '../../src/core/election-record/event-chain.js';
import type { RecordEvent } from '../../src/core/election-record/record-types.js';
import { verifyRecord } from '../../src/core/election-record/verify-record.js';
import { encryptBallot, signBallot, systemRandom } from '../../src/crypto/index.js';
import type {
  ElectionOverviewDto,
  TrusteeViewDto,
} from '../../src/server/routes/election-schemas.js';
import { keyFileText, makeKeyFile, parseKeyFile } from '../../web/src/trustee/key-file.js';
import { decryptTally } from '../../web/src/trustee/partial-decryption.js';
import {
  type CeremonyState,
  acknowledge,
  checkShares,
  combinedShare,
  dealShares,
  fromEarlierCeremony,
  nextStep,
  startCeremony,
  stateFits,
} from '../../web/src/trustee/trustee-ceremony.js';
import { buildElectronicWorld, type ElectronicWorld } from './electronic-world.js';
import { type Client, openTestApp, sessionClient, type TestApp } from './harness.js';
import { openVotingWithCredentials } from './electronic-driver.js';

const random = systemRandom;

const codeOf = async (res: Response) =>
  [res.status, ((await res.json()) as { error: { code: string } }).error.code] as const;

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`restarting the key ceremony (${kind})`, () => {
    let t: TestApp;
    let w: ElectronicWorld;
    let org: Client;
    let members: Client[];
    let outsider: Client;
    let C: string;
    let P: string;

    beforeAll(async () => {
      t = await openTestApp(kind);
      w = await buildElectronicWorld(t.store, 6, 3, 3);
      org = await sessionClient(t, w.organiser);
      members = await Promise.all(w.trustees.map((u) => sessionClient(t, u)));
      outsider = await sessionClient(t, w.nonMember);
      C = `/api/conferences/${w.conferenceId}/election`;
      P = `/api/public/conferences/${w.conferenceId}/election`;
    }, 60_000);
    afterAll(async () => t?.close());

    const view = (k: number) => members[k]!.json<TrusteeViewDto>('GET', `${C}/trustee`);
    const restart = (client: Client, ceremony: number) =>
      client.request('POST', `${C}/ceremony/restart`, { ceremony });
    const record = async () =>
      ((await (await org.request('GET', `${P}/record.json`)).json()) as { events: RecordEvent[] })
        .events;

    /** The page's automatic steps for every member, up to the key statement (acknowledging). */
    async function keysDealsChecks(states: CeremonyState[]) {
      for (const k of [0, 1, 2]) {
        const v = await view(k);
        states[k] = startCeremony(v, w.conferenceId, random);
        await members[k]!.json('POST', `${C}/trustee/key?ceremony=${v.ceremony}`, states[k].key);
      }
      for (const k of [0, 1, 2]) {
        const v = await view(k);
        states[k] = dealShares(v, states[k]!, random);
        await members[k]!.json('POST', `${C}/trustee/commitment?ceremony=2`, states[k].commitment);
      }
      for (const k of [0, 1, 2]) {
        const v = await view(k);
        states[k] = checkShares(v, states[k]!, random);
        await members[k]!.json('POST', `${C}/trustee/check?ceremony=2`, states[k].check);
      }
    }

    it('restarts a ceremony cut short; the record holds only the ceremony that made the key', async () => {
      const created = await org.json<ElectionOverviewDto>('POST', C, {}, 201);
      expect([created.ceremony, created.threshold]).toEqual([1, 2]);

      // Ceremony 1: keys, then members 1 and 2 deal; member 3's tab is closed before dealing.
      const first: CeremonyState[] = [];
      for (const k of [0, 1, 2]) {
        const v = await view(k);
        first[k] = startCeremony(v, w.conferenceId, random);
        expect(first[k].ceremony).toBe(1);
        await members[k]!.json('POST', `${C}/trustee/key?ceremony=1`, first[k].key);
      }
      for (const k of [0, 1]) {
        const v = await view(k);
        first[k] = dealShares(v, first[k]!, random);
        await members[k]!.json('POST', `${C}/trustee/commitment?ceremony=1`, first[k].commitment);
      }
      const lost = await view(2);
      expect([lost.status, nextStep(lost, null).kind]).toEqual(['dealing', 'lost']);
      const before = await org.json<ElectionOverviewDto>('GET', P);
      expect(before.events).toBe(4); // manifest + three trustee keys

      // Only the office or a trustee may restart; the member who lost their secrets does.
      expect(await codeOf(await restart(outsider, 1))).toEqual([403, 'not_committee_member']);
      const restarted = await restart(members[2]!, 1);
      expect(restarted.status).toBe(200);
      const after = (await restarted.json()) as ElectionOverviewDto;
      expect([after.status, after.ceremony, after.events]).toEqual(['keygen', 2, 1]);
      expect(after.fingerprint).toBe(before.fingerprint);
      expect(after.trustees.every((m) => !m.key && !m.commitment && !m.check)).toBe(true);
      // the organiser pressing at the same moment: one restart, not two
      expect(await codeOf(await restart(org, 1))).toEqual([409, 'ceremony_restarted']);
      expect((await org.json<ElectionOverviewDto>('GET', P)).ceremony).toBe(2);

      // The record is back to its manifest; the audit log says what went, and by whom.
      const events = await record();
      expect(events.map((e) => e.type)).toEqual(['manifest']);
      expect(firstBrokenLink(events)).toBe(-1);
      const audit = await t.store.audit.list({
        entityType: 'conference',
        entityId: w.conferenceId,
      });
      const entry = audit.find((a) => a.action === 'election.ceremony_restart')!;
      expect(entry.actorId).toBe(w.trustees[2]);
      expect(entry.before).toMatchObject({
        ceremony: 1,
        status: 'dealing',
        head: { seq: 3, hash: before.head },
      });
      expect(entry.after).toEqual({
        ceremony: 2,
        status: 'keygen',
        dropped: {
          events: { trustee_key: 3 },
          messages: [
            'dkg_commitment:1',
            'dkg_commitment:2',
            'trustee_key:1',
            'trustee_key:2',
            'trustee_key:3',
          ],
        },
      });

      // A page still on ceremony 1 drops its secrets; what it posts for ceremony 1 is refused.
      const v1 = await view(0);
      expect(v1.ceremony).toBe(2);
      expect([fromEarlierCeremony(v1, first[0]!), stateFits(v1, first[0]!)]).toEqual([true, false]);
      expect(nextStep(v1, first[0]!)).toEqual({ kind: 'post_key' });
      const stale = await members[0]!.request('POST', `${C}/trustee/key?ceremony=1`, first[0]!.key);
      expect(await codeOf(stale)).toEqual([409, 'ceremony_restarted']);
      expect((await view(0)).posted.key).toBe(false);

      // Ceremony 2, every member afresh, up to the key; then a restart is refused.
      const second: CeremonyState[] = [];
      await keysDealsChecks(second);
      for (const k of [0, 1, 2]) {
        const v = await view(k);
        expect(nextStep(v, second[k]!)).toEqual({ kind: 'keep_and_acknowledge' });
        second[k] = acknowledge(v, second[k]!, random);
        await members[k]!.json(
          'POST',
          `${C}/trustee/acknowledgement?ceremony=2`,
          second[k].acknowledgement,
        );
      }
      expect((await org.json<ElectionOverviewDto>('GET', P)).status).toBe('keyed');
      expect(await codeOf(await restart(org, 2))).toEqual([409, 'ceremony_finished']);
      expect(await codeOf(await restart(members[0]!, 2))).toEqual([409, 'ceremony_finished']);

      // The vote: credentials, two ballots, close, two members decrypt from their key files.
      const { creds, booth, ctx } = await openVotingWithCredentials(org, w);
      for (const v of [0, 1]) {
        const { cred, style } = creds[v]!;
        const st = booth.manifest.styles.find((s) => s.id === style)!;
        const { ballot } = encryptBallot(
          ctx,
          cred.public,
          st,
          st.persons.map(() => 'high'),
          random,
        );
        await org.json(
          'POST',
          `${P}/ballots`,
          { ballot: signBallot(ctx, ballot, cred, random) },
          201,
        );
      }
      await org.json('POST', `${C}/close`, { close: true });
      for (const k of [0, 2]) {
        const v = await view(k);
        const share = combinedShare(v, second[k]!);
        if (!share.ok) throw new Error(share.error);
        const file = makeKeyFile({
          conferenceId: w.conferenceId,
          fingerprint: v.fingerprint,
          trustee: v.trustee,
          keySecret: second[k]!.keySecret,
          share: share.share,
          verificationKey: share.verificationKey,
        });
        const parsed = parseKeyFile(keyFileText(file), v);
        if (!parsed.ok) throw new Error(parsed.error);
        const body = decryptTally(
          {
            fingerprint: v.fingerprint,
            trustee: v.trustee,
            share: parsed.file.share,
            verificationKey: parsed.file.verificationKey,
            tally: v.tally!,
          },
          random,
        );
        await members[k]!.json('POST', `${C}/trustee/partial`, body);
      }
      expect((await org.json<ElectionOverviewDto>('GET', P)).status).toBe('decrypted');

      // The record verifies, and its ceremony is the second one only.
      const final = await record();
      const checks = await verifyRecord({ format: 'tinnhiem-record/1', events: final });
      expect(checks.filter((c) => !c.ok)).toEqual([]);
      const keys = final.filter((e) => e.type === 'trustee_key').map((e) => e.body);
      expect(keys).toEqual(second.map((s) => s.key));
      expect(JSON.stringify(final)).not.toContain(first[0]!.key.key);
      expect(t.errors).toEqual([]);
    }, 120_000);
  });
}
