// The trustee page's steps: what comes next in each state, and the bodies they make, posted to the real
// server (SQLite and PostgreSQL) by three members with threshold 2, one of whom deals a bad share; the
// complaint is upheld, the key files check out, two members decrypt and the counts are the votes cast.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LineChoice,
  encryptBallot,
  encryptShare,
  elemFromHex,
  hexToBytes,
  randomScalar,
  signBallot,
  systemRandom,
} from '../../../src/crypto/index.js';
import type {
  ElectionOverviewDto,
  ElectronicCountsDto,
  TrusteeViewDto,
} from '../../../src/server/routes/election-schemas.js';
import {
  buildElectronicWorld,
  type ElectronicWorld,
} from '../../../test/server/electronic-world.js';
import {
  type Client,
  openTestApp,
  sessionClient,
  type TestApp,
} from '../../../test/server/harness.js';
import { type KeyFile, keyFileQr, keyFileText, makeKeyFile, parseKeyFile } from './key-file.js';
import { decryptTally } from './partial-decryption.js';
import {
  type CeremonyState,
  type CeremonyView,
  acknowledge,
  checkShares,
  combinedShare,
  dealShares,
  decodeState,
  encodeState,
  fromEarlierCeremony,
  nextStep,
  startCeremony,
  stateFits,
} from './trustee-ceremony.js';
import { openVotingWithCredentials } from '../../../test/server/electronic-driver.js';

const random = systemRandom;
const F_HEX = 'ab'.repeat(32);

/** A view in a given state, the rest empty. */
function viewOf(
  status: CeremonyView['status'],
  posted: Partial<CeremonyView['posted']> = {},
  trustee = 1,
): CeremonyView {
  return {
    trustee,
    trustees: 3,
    threshold: 2,
    status,
    ceremony: 1,
    fingerprint: F_HEX,
    posted: {
      key: false,
      commitment: false,
      check: false,
      acknowledgement: false,
      partial: false,
      ...posted,
    },
    trusteeKeys: [],
    commitments: [],
    sharesForMe: [],
    keyStatement: null,
  };
}

describe('nextStep', () => {
  const kept = startCeremony({ fingerprint: F_HEX, trustee: 1 }, 'c1', random);
  const dealt: CeremonyState = { ...kept, coefficients: ['00'.repeat(32)] };

  it('posts the key first, then waits for the others', () => {
    expect(nextStep(viewOf('keygen'), null)).toEqual({ kind: 'post_key' });
    expect(nextStep(viewOf('keygen', { key: true }), kept)).toEqual({ kind: 'wait', for: 'keys' });
  });

  it('deals, checks and acknowledges only with the secrets kept here', () => {
    expect(nextStep(viewOf('dealing', { key: true }), kept)).toEqual({ kind: 'post_commitment' });
    expect(nextStep(viewOf('dealing', { key: true }), null)).toEqual({ kind: 'lost' });
    const checking = viewOf('checking', { key: true, commitment: true });
    expect(nextStep(checking, dealt)).toEqual({ kind: 'post_check' });
    expect(nextStep(checking, kept)).toEqual({ kind: 'lost' });
    const ack = viewOf('acknowledging', { key: true, commitment: true, check: true });
    expect(nextStep(ack, dealt)).toEqual({ kind: 'keep_and_acknowledge' });
    expect(nextStep({ ...ack, posted: { ...ack.posted, acknowledgement: true } }, null)).toEqual({
      kind: 'wait',
      for: 'acknowledgements',
    });
  });

  it('ignores secrets of another election or another trustee', () => {
    const dealing = viewOf('dealing', { key: true });
    expect(nextStep({ ...dealing, fingerprint: 'cd'.repeat(32) }, kept)).toEqual({ kind: 'lost' });
    expect(nextStep({ ...dealing, trustee: 2 }, kept)).toEqual({ kind: 'lost' });
  });

  it('treats secrets whose key is not the one posted (another tab posted first) as lost', () => {
    const other = startCeremony({ fingerprint: F_HEX, trustee: 1 }, 'c1', random);
    const dealing = { ...viewOf('dealing', { key: true }), trusteeKeys: [other.key] };
    expect(nextStep(dealing, kept)).toEqual({ kind: 'lost' });
    expect(nextStep(dealing, other)).toEqual({ kind: 'post_commitment' });
  });

  it('waits through voting, then decrypts once closed', () => {
    for (const s of ['keyed', 'registered', 'voting'] as const)
      expect(nextStep(viewOf(s), null)).toEqual({ kind: 'wait', for: 'closing' });
    expect(nextStep(viewOf('closed'), null)).toEqual({ kind: 'decrypt' });
    expect(nextStep(viewOf('closed', { partial: true }), null)).toEqual({
      kind: 'wait',
      for: 'partials',
    });
    expect(nextStep(viewOf('decrypted'), null)).toEqual({ kind: 'done' });
    expect(nextStep(viewOf('failed'), dealt)).toEqual({ kind: 'failed' });
  });

  it('drops the secrets of a ceremony restarted since, and starts the running one afresh', () => {
    const restarted = { ...viewOf('keygen'), ceremony: 2 };
    expect(kept.ceremony).toBe(1);
    expect(fromEarlierCeremony(restarted, dealt)).toBe(true);
    expect(stateFits(restarted, dealt)).toBe(false);
    // after a restart nothing is posted: the page draws a new key, for ceremony 2
    expect(nextStep(restarted, dealt)).toEqual({ kind: 'post_key' });
    const fresh = startCeremony(restarted, 'c1', random);
    expect([fresh.ceremony, fresh.keySecret === kept.keySecret]).toEqual([2, false]);
    expect(fromEarlierCeremony(restarted, fresh)).toBe(false);
    expect(stateFits(restarted, fresh)).toBe(true);
    // a state kept before restarts existed (no number) is of the first ceremony
    const legacy = JSON.parse(encodeState({ ...dealt, ceremony: undefined })) as CeremonyState;
    expect('ceremony' in legacy).toBe(false);
    expect(decodeState(JSON.stringify(legacy), 'c1')).toEqual(legacy);
    expect(fromEarlierCeremony(restarted, legacy)).toBe(true);
    expect(stateFits(viewOf('dealing', { key: true }), legacy)).toBe(true);
    // secrets of another election or trustee are not "earlier": they are simply not these
    expect(fromEarlierCeremony({ ...restarted, trustee: 2 }, dealt)).toBe(false);
    expect(fromEarlierCeremony(restarted, null)).toBe(false);
  });

  it('keeps the state as text and refuses text of another conference or a bad secret', () => {
    expect(decodeState(encodeState(dealt), 'c1')).toEqual(dealt);
    expect(decodeState(encodeState(dealt), 'c2')).toBeNull();
    expect(decodeState(encodeState({ ...dealt, keySecret: 'ff'.repeat(32) }), 'c1')).toBeNull();
    expect(decodeState('{', 'c1')).toBeNull();
    expect(decodeState(null, 'c1')).toBeNull();
  });
});

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`the trustee steps against the server (${kind})`, () => {
    let t: TestApp;
    let w: ElectronicWorld;
    let org: Client;
    let members: Client[];
    let C: string;

    beforeAll(async () => {
      t = await openTestApp(kind);
      w = await buildElectronicWorld(t.store, 6, 3, 3);
      org = await sessionClient(t, w.organiser);
      members = await Promise.all(w.trustees.map((u) => sessionClient(t, u)));
      C = `/api/conferences/${w.conferenceId}/election`;
    }, 60_000);
    afterAll(async () => t?.close());

    const view = (k: number) => members[k]!.json<TrusteeViewDto>('GET', `${C}/trustee`);

    it('runs the ceremony with a bad dealer, then two members decrypt the count', async () => {
      const created = await org.json<ElectionOverviewDto>('POST', C, {}, 201);
      expect([created.trustees.length, created.threshold]).toEqual([3, 2]);

      // §8.1: each member's key; a retry of the kept body is a replay
      const states: CeremonyState[] = [];
      for (const k of [0, 1, 2]) {
        const v = await view(k);
        expect(nextStep(v, null)).toEqual({ kind: 'post_key' });
        states[k] = startCeremony(v, w.conferenceId, random);
        await members[k]!.json('POST', `${C}/trustee/key`, states[k].key);
      }
      const replay = await members[0]!.json<{ replayed: boolean }>(
        'POST',
        `${C}/trustee/key`,
        states[0]!.key,
      );
      expect(replay.replayed).toBe(true);

      // §8.2: member 3 deals member 1 a share that does not match its commitments
      for (const k of [0, 1, 2]) {
        const v = await view(k);
        expect(nextStep(v, states[k]!)).toEqual({ kind: 'post_commitment' });
        states[k] = dealShares(v, states[k]!, random);
        expect(dealShares(v, states[k], random)).toBe(states[k]);
        let body = states[k].commitment!;
        if (k === 2) {
          const E1 = elemFromHex(v.trusteeKeys.find((x) => x.trustee === 1)!.key)!.point;
          const bad = encryptShare(
            hexToBytes(v.fingerprint),
            3,
            1,
            E1,
            randomScalar(random),
            random,
          );
          body = { ...body, shares: body.shares.map((s) => (s.to === 1 ? bad : s)) };
        }
        await members[k]!.json('POST', `${C}/trustee/commitment`, body);
      }

      // §8.3: member 1 complains about member 3; the others find nothing wrong
      for (const k of [0, 1, 2]) {
        const v = await view(k);
        expect(nextStep(v, states[k]!)).toEqual({ kind: 'post_check' });
        states[k] = checkShares(v, states[k]!, random);
        await members[k]!.json('POST', `${C}/trustee/check`, states[k].check);
      }
      expect(states[0]!.badDealers).toEqual([3]);
      expect(states[0]!.check!.complaints.map((c) => [c.from, c.to])).toEqual([[3, 1]]);
      expect(states[1]!.check!.complaints).toEqual([]);

      // §8.4–§8.5: QUAL = {1, 2}; each combined share matches X_j; the key files check out
      const files: { text: string; share: bigint }[] = [];
      for (const k of [0, 1, 2]) {
        const v = await view(k);
        expect(v.status).toBe('acknowledging');
        expect(v.keyStatement!.qualified).toEqual([1, 2]);
        expect(nextStep(v, states[k]!)).toEqual({ kind: 'keep_and_acknowledge' });
        const share = combinedShare(v, states[k]!);
        if (!share.ok) throw new Error(share.error);
        const file = makeKeyFile({
          conferenceId: w.conferenceId,
          fingerprint: v.fingerprint,
          trustee: v.trustee,
          keySecret: states[k]!.keySecret,
          share: share.share,
          verificationKey: share.verificationKey,
        });
        const parsed = parseKeyFile(keyFileText(file), v);
        expect(parsed.ok && parsed.share).toBe(share.share);
        expect(parseKeyFile(keyFileQr(file), v).ok).toBe(true);
        files.push({ text: keyFileText(file), share: share.share });
        // a share combined over all three dealers (member 3's bad one included) is refused
        if (k === 0) {
          const all = { ...v, keyStatement: { ...v.keyStatement!, qualified: [1, 2, 3] } };
          expect(combinedShare(all, states[0]!)).toEqual({
            ok: false,
            error: 'trustee_share_mismatch',
          });
        }
        states[k] = acknowledge(v, states[k]!, random);
        await members[k]!.json('POST', `${C}/trustee/acknowledgement`, states[k].acknowledgement);
      }
      const keyed = await org.json<ElectionOverviewDto>('GET', C.replace('/api/', '/api/public/'));
      expect(keyed.status).toBe('keyed');

      // key files: another member's, a wrong share, not a key file
      const v1 = await view(0);
      expect(parseKeyFile(files[1]!.text, v1)).toEqual({
        ok: false,
        error: 'key_file_other_trustee',
      });
      const own = JSON.parse(files[0]!.text) as KeyFile;
      const wrong = { ...own, share: (JSON.parse(files[1]!.text) as KeyFile).share };
      expect(parseKeyFile(JSON.stringify(wrong), v1)).toEqual({
        ok: false,
        error: 'key_file_wrong_share',
      });
      expect(parseKeyFile(files[0]!.text, { ...v1, fingerprint: 'cd'.repeat(32) })).toEqual({
        ok: false,
        error: 'key_file_other_election',
      });
      expect(parseKeyFile('not json', v1)).toEqual({ ok: false, error: 'key_file_invalid' });

      // voting: one credential per participant, four ballots
      const P = `/api/public/conferences/${w.conferenceId}/election`;
      const { creds, booth, ctx } = await openVotingWithCredentials(org, w);
      const LEVELS: LineChoice[] = ['high', 'low', 'confidence', 'blank', 'high'];
      const expected = new Map<string, Record<'high' | 'confidence' | 'low' | 'invalid', number>>();
      for (const v of [0, 1, 2, 4]) {
        const { cred, style } = creds[v]!;
        const st = booth.manifest.styles.find((s) => s.id === style)!;
        const choices = st.persons.map((_, k) => LEVELS[(v + k) % LEVELS.length]!);
        const { ballot } = encryptBallot(ctx, cred.public, st, choices, random);
        await org.json(
          'POST',
          `${P}/ballots`,
          { ballot: signBallot(ctx, ballot, cred, random) },
          201,
        );
        st.persons.forEach((person, k) => {
          const e = expected.get(person) ?? { high: 0, confidence: 0, low: 0, invalid: 0 };
          const c = choices[k]!;
          e[c === 'blank' ? 'invalid' : c]++;
          expected.set(person, e);
        });
      }
      await org.json('POST', `${C}/close`, { close: true });

      // §9: members 2 and 3 decrypt from their key files (3 was disqualified as a dealer, not as a holder)
      for (const k of [1, 2]) {
        const v = await view(k);
        expect(nextStep(v, null)).toEqual({ kind: 'decrypt' });
        const parsed = parseKeyFile(files[k]!.text, v);
        if (!parsed.ok) throw new Error(parsed.error);
        const seen: number[] = [];
        const body = decryptTally(
          {
            fingerprint: v.fingerprint,
            trustee: v.trustee,
            share: parsed.file.share,
            verificationKey: parsed.file.verificationKey,
            tally: v.tally!,
          },
          random,
          (done) => seen.push(done),
        );
        expect(seen).toEqual(v.tally!.map((_, i) => i + 1));
        await members[k]!.json('POST', `${C}/trustee/partial`, body);
      }
      expect((await view(0)).status).toBe('decrypted');
      const counts = await org.json<ElectronicCountsDto>('GET', `${C}/counts`);
      expect(counts.persons.length).toBe(3);
      for (const p of counts.persons) {
        const e = expected.get(p.subjectId)!;
        expect([p.high, p.confidence, p.low, p.invalid]).toEqual([
          e.high,
          e.confidence,
          e.low,
          e.invalid,
        ]);
      }
      expect(t.errors).toEqual([]);
    }, 120_000);
  });
}
