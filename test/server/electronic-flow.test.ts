// A whole electronic vote through the HTTP API, on SQLite and on PostgreSQL: the trustees' and voters'
// crypto runs here with src/crypto, as the browser will (issue 7). Five trustees (threshold 3), 30
// voters (two hand in their slip for paper), one revote, one audit; the downloaded record passes
// verifyRecord and `tinnhiem verify`; and the refusals: bad signature, bad proof, unknown or voided
// credential, a ballot after closing, a trustee posting for another, a non-member.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRecord } from '../../src/core/election-record/verify-record.js';
import {
  type Ballot,
  type Credential,
  type DkgCommitment,
  type ElectionContext,
  type LineChoice,
  type Point,
  TAGS,
  combineShares,
  credentialFromSecret,
  deal,
  elemFromHex,
  encryptBallot,
  evalPolynomial,
  generateCredential,
  generateTrusteeKey,
  hexToBytes,
  partialDecrypt,
  receiveShare,
  signBallot,
  signDigest,
  systemRandom,
} from '../../src/crypto/index.js';
import type {
  BallotReceiptDto,
  BoothInfoDto,
  ElectionOverviewDto,
  ElectronicCountsDto,
  TrusteeViewDto,
} from '../../src/server/routes/election-schemas.js';
import { buildElectronicWorld, type ElectronicWorld } from './electronic-world.js';
import { Client, openTestApp, sessionClient, type TestApp } from './harness.js';

const random = systemRandom;

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`electronic vote through the API (${kind})`, () => {
    let t: TestApp;
    let w: ElectronicWorld;
    let org: Client;
    let trustees: Client[];
    let anon: Client;
    let C: string;
    let P: string;

    beforeAll(async () => {
      t = await openTestApp(kind);
      w = await buildElectronicWorld(t.store);
      org = await sessionClient(t, w.organiser);
      trustees = await Promise.all(w.trustees.map((u) => sessionClient(t, u)));
      anon = new Client(t);
      C = `/api/conferences/${w.conferenceId}/election`;
      P = `/api/public/conferences/${w.conferenceId}/election`;
    }, 60_000);
    afterAll(async () => t?.close());

    it('runs from key ceremony to a record that verifies', async () => {
      const created = await org.json<ElectionOverviewDto>('POST', C, {}, 201);
      expect(created).toMatchObject({ status: 'keygen', threshold: 3 });
      expect(created.trustees.map((x) => x.trustee)).toEqual([1, 2, 3, 4, 5]);
      const again = await org.request('POST', C, {});
      expect(again.status).toBe(409);

      // §8.1 keys; refusals: another trustee's number, a committee account that is not a member
      const view0 = await trustees[0]!.json<TrusteeViewDto>('GET', `${C}/trustee`);
      const F = hexToBytes(view0.fingerprint);
      expect(view0.trustee).toBe(1);
      const keys = [1, 2, 3, 4, 5].map((i) => generateTrusteeKey(F, i, random));
      const wrong = await trustees[1]!.request('POST', `${C}/trustee/key`, keys[0]!.published);
      expect(wrong.status).toBe(403);
      expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe(
        'trustee_mismatch',
      );
      const outsider = await sessionClient(t, w.nonMember);
      const notMember = await outsider.request('POST', `${C}/trustee/key`, keys[0]!.published);
      expect(notMember.status).toBe(403);
      expect(((await notMember.json()) as { error: { code: string } }).error.code).toBe(
        'not_committee_member',
      );
      expect((await outsider.request('GET', `${C}/trustee`)).status).toBe(403);
      const forged = { ...keys[0]!.published, key: keys[1]!.published.key };
      expect((await trustees[0]!.request('POST', `${C}/trustee/key`, forged)).status).toBe(422);
      for (const [k, key] of keys.entries())
        await trustees[k]!.json('POST', `${C}/trustee/key`, key.published);
      // a retry of the same message is a replay, not an error
      const replay = await trustees[0]!.json<{ replayed: boolean }>(
        'POST',
        `${C}/trustee/key`,
        keys[0]!.published,
      );
      expect(replay.replayed).toBe(true);

      // §8.2 commitments and encrypted shares
      const v1 = await trustees[0]!.json<TrusteeViewDto>('GET', `${C}/trustee`);
      expect(v1.status).toBe('dealing');
      const keyMap = new Map<number, Point>(
        v1.trusteeKeys.map((k) => [k.trustee, elemFromHex(k.key)!.point]),
      );
      const deals = [1, 2, 3, 4, 5].map((i) => deal(F, i, 3, keyMap, random));
      for (const [k, d] of deals.entries())
        await trustees[k]!.json('POST', `${C}/trustee/commitment`, d.published);

      // §8.3 each opens its shares; no complaint
      const shares: bigint[][] = [];
      for (const [k, client] of trustees.entries()) {
        const j = k + 1;
        const view = await client.json<TrusteeViewDto>('GET', `${C}/trustee`);
        expect(view.status).toBe('checking');
        expect(view.sharesForMe.map((s) => s.from)).toEqual([1, 2, 3, 4, 5].filter((i) => i !== j));
        const commitments = new Map(
          view.commitments.map((c: DkgCommitment) => [
            c.trustee,
            c.commitments.map((h) => elemFromHex(h)!.point),
          ]),
        );
        const mine = [evalPolynomial(deals[k]!.coefficients, j)];
        for (const s of view.sharesForMe) {
          const r = receiveShare(F, s.from, s, keys[k]!.secret, commitments.get(s.from)!);
          expect(r.ok).toBe(true);
          if (r.ok) mine.push(r.value);
        }
        shares.push(mine);
        await client.json('POST', `${C}/trustee/check`, { trustee: j, complaints: [] });
      }

      // §8.5 acknowledgements
      for (const [k, client] of trustees.entries()) {
        const view = await client.json<TrusteeViewDto>('GET', `${C}/trustee`);
        expect(view.status).toBe('acknowledging');
        const signature = signDigest(
          F,
          credentialFromSecret(keys[k]!.secret),
          hexToBytes(view.keyStatement!.digest),
          random,
          TAGS.acknowledgement,
        );
        await client.json('POST', `${C}/trustee/acknowledgement`, { trustee: k + 1, signature });
      }
      const keyed = await anon.json<ElectionOverviewDto>('GET', P);
      expect(keyed.status).toBe('keyed');
      expect(keyed.publicKey).toMatch(/^[0-9a-f]{64}$/);
      expect(
        keyed.trustees.every((x) => x.key && x.commitment && x.check && x.acknowledgement),
      ).toBe(true);

      // §6 credentials made "on the organiser's device": only the public parts are sent
      const creds: { cred: Credential; style: string }[] = w.participants.map((p) => ({
        cred: generateCredential(random),
        style: p.style,
      }));
      const short = await org.request('POST', `${C}/credentials`, {
        credentials: creds.slice(1).map((c) => ({ credential: c.cred.public.hex, style: c.style })),
      });
      expect(short.status).toBe(422);
      await org.json('POST', `${C}/credentials`, {
        credentials: creds.map((c) => ({ credential: c.cred.public.hex, style: c.style })),
      });
      const booth = await anon.json<BoothInfoDto>('GET', `${P}/booth`);
      const early = await anon.request('POST', `${P}/ballots`, { ballot: {} });
      expect(early.status).toBe(400);
      await org.json('POST', `${C}/open`, { open: true });

      const ctx: ElectionContext = {
        F: hexToBytes(booth.fingerprint),
        Y: elemFromHex(booth.publicKey)!,
        base: BigInt(booth.base),
      };
      const styleOf = (id: string) => {
        const s = booth.manifest.styles.find((x) => x.id === id)!;
        return { id: s.id, persons: s.persons };
      };
      const LEVELS: LineChoice[] = [
        'high',
        'confidence',
        'low',
        'blank',
        'high',
        'high',
        'confidence',
      ];
      const makeBallot = (v: number, salt = 0) => {
        const { cred, style } = creds[v]!;
        const st = styleOf(style);
        const choices = st.persons.map((_, k) => LEVELS[(v + k + salt) % LEVELS.length]!);
        const { ballot, openings } = encryptBallot(ctx, cred.public, st, choices, random);
        return { signed: signBallot(ctx, ballot, cred, random), ballot, openings, choices };
      };
      const errorCode = async (res: Response) =>
        ((await res.json()) as { error: { code: string } }).error.code;

      // two voters choose paper: their slips are voided
      await org.json('POST', `${C}/void`, {
        credentials: [creds[28]!.cred.public.hex, creds[29]!.cred.public.hex],
      });
      const slip = await anon.json<BoothInfoDto>(
        'GET',
        `${P}/booth?credential=${creds[29]!.cred.public.hex}`,
      );
      expect(slip.credential).toEqual({ style: creds[29]!.style, voided: true });
      const fresh = await anon.json<BoothInfoDto>(
        'GET',
        `${P}/booth?credential=${creds[4]!.cred.public.hex}`,
      );
      expect(fresh.credential).toEqual({ style: w.partStyleId, voided: false });
      const voided = await anon.request('POST', `${P}/ballots`, { ballot: makeBallot(29).signed });
      expect(await errorCode(voided)).toBe('credential_voided');

      // refusals: bad signature, bad proof, unknown credential
      const good = makeBallot(0);
      const badSig: Ballot = {
        ...good.signed,
        signature: { ...good.signed.signature!, s: makeBallot(0).signed.signature!.s },
      };
      const r1 = await anon.request('POST', `${P}/ballots`, { ballot: badSig });
      expect([r1.status, await errorCode(r1)]).toEqual([422, 'signature_invalid']);
      const other = makeBallot(0, 1);
      const badProofUnsigned: Ballot = {
        ...good.ballot,
        lines: good.ballot.lines.map((l, k) =>
          k === 0 ? { ...l, proof: { ...l.proof, z: other.ballot.lines[0]!.proof.z } } : l,
        ),
      };
      const badProof = signBallot(ctx, badProofUnsigned, creds[0]!.cred, random);
      const r2 = await anon.request('POST', `${P}/ballots`, { ballot: badProof });
      expect([r2.status, await errorCode(r2)]).toEqual([422, 'proof_invalid']);
      const stranger = generateCredential(random);
      const st0 = styleOf('all');
      const strange = encryptBallot(
        ctx,
        stranger.public,
        st0,
        st0.persons.map(() => 'high'),
        random,
      );
      const r3 = await anon.request('POST', `${P}/ballots`, {
        ballot: signBallot(ctx, strange.ballot, stranger, random),
      });
      expect([r3.status, await errorCode(r3)]).toEqual([422, 'credential_unknown']);

      // one audited ballot (Benaloh): published with its openings, never counted
      const audit = makeBallot(1, 3);
      const audited = await anon.json<BallotReceiptDto>(
        'POST',
        `${P}/audits`,
        { ballot: audit.ballot, openings: audit.openings },
        201,
      );
      const badOpen = await anon.request('POST', `${P}/audits`, {
        ballot: audit.ballot,
        openings: audit.openings.map((o) => ({
          ...o,
          choice: o.choice === 'high' ? 'low' : 'high',
        })),
      });
      expect(await errorCode(badOpen)).toBe('opening_invalid');

      // 28 voters cast; voter 3 votes again, and the second ballot counts (spec §7.4)
      const counted = new Map<number, LineChoice[]>();
      const trackers: string[] = [];
      for (let v = 0; v < 28; v++) {
        const b = v === 0 ? good : makeBallot(v);
        const receipt = await anon.json<BallotReceiptDto>(
          'POST',
          `${P}/ballots`,
          { ballot: b.signed },
          201,
        );
        expect(receipt.tracker).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
        trackers.push(receipt.tracker);
        counted.set(v, b.choices);
      }
      const revote = makeBallot(3, 2);
      await anon.json('POST', `${P}/ballots`, { ballot: revote.signed }, 201);
      counted.set(3, revote.choices);

      // the projector before closing: received / present and nothing else
      const progress = await anon.json<Record<string, unknown>>('GET', `${P}/progress`);
      expect(progress).toEqual({ status: 'voting', ballotsReceived: 28, present: 28 });
      const board = await anon.json<{ ballots: { tracker: string; kind: string }[] }>(
        'GET',
        `${P}/board`,
      );
      expect(board.ballots.filter((b) => b.kind === 'cast').map((b) => b.tracker)).toEqual(
        expect.arrayContaining(trackers),
      );
      expect(board.ballots.find((b) => b.kind === 'audited')?.tracker).toBe(audited.tracker);
      expect((await org.request('GET', `${C}/counts`)).status).toBe(409);
      // the record before the result holds no per-person figure
      const midRecord = await (await anon.request('GET', `${P}/record.json`)).text();
      expect(midRecord).not.toContain('"result"');

      const blocked = await org.json<{ blockers: { code: string }[] }>(
        'GET',
        `/api/conferences/${w.conferenceId}/result`,
      );
      expect(blocked.blockers.map((b) => b.code)).toContain('electronic_pending');

      // closing: the tally is appended; a ballot after it is refused
      const closed = await org.json<ElectionOverviewDto>('POST', `${C}/close`, { close: true });
      expect(closed.status).toBe('closed');
      expect(closed.voided).toBe(2);
      const late = await anon.request('POST', `${P}/ballots`, { ballot: makeBallot(5, 1).signed });
      expect([late.status, await errorCode(late)]).toEqual([409, 'voting_not_open']);

      // §9 three of five trustees decrypt (1, 3, 5)
      for (const j of [1, 3, 5]) {
        const view = await trustees[j - 1]!.json<TrusteeViewDto>('GET', `${C}/trustee`);
        const xj = combineShares(shares[j - 1]!);
        const Xj = elemFromHex(
          view.keyStatement!.verificationKeys.find((v) => v.trustee === j)!.key,
        )!;
        const partials = view.tally!.map((tp) => ({
          person: tp.person,
          ...partialDecrypt(F, j, tp.person, xj, Xj, elemFromHex(tp.alpha)!, random),
        }));
        if (j === 3) {
          // posting for trustee 1 is refused
          const forgedPartial = await trustees[2]!.request('POST', `${C}/trustee/partial`, {
            trustee: 1,
            partials,
          });
          expect(await errorCode(forgedPartial)).toBe('trustee_mismatch');
          // a wrong D is refused
          const bad = await trustees[2]!.request('POST', `${C}/trustee/partial`, {
            trustee: 3,
            partials: partials.map((p, k) => (k === 0 ? { ...p, D: partials[1]!.D } : p)),
          });
          expect(await errorCode(bad)).toBe('partial_invalid');
        }
        await trustees[j - 1]!.json('POST', `${C}/trustee/partial`, { trustee: j, partials });
      }
      expect((await anon.json<ElectionOverviewDto>('GET', P)).status).toBe('decrypted');

      // the counts are those the voters chose (the revote replacing voter 3's first ballot)
      const expected = new Map<
        string,
        { high: number; confidence: number; low: number; invalid: number; counted: number }
      >();
      for (const [v, choices] of counted) {
        styleOf(creds[v]!.style).persons.forEach((person, k) => {
          const e = expected.get(person) ?? {
            high: 0,
            confidence: 0,
            low: 0,
            invalid: 0,
            counted: 0,
          };
          const c = choices[k]!;
          e[c === 'blank' ? 'invalid' : c]++;
          e.counted++;
          expected.set(person, e);
        });
      }
      const counts = await org.json<ElectronicCountsDto>('GET', `${C}/counts`);
      expect(counts.persons.length).toBe(w.subjectIds.length);
      for (const p of counts.persons)
        expect(p).toEqual({ subjectId: p.subjectId, ...expected.get(p.subjectId)! });

      // the conference result adds the electronic counts (paper sheets: no paper ballot here)
      type ResultDto = {
        state: string;
        blockers: { code: string }[];
        persons: {
          subjectId: string;
          collected: number;
          high: { count: number };
          low: { count: number };
        }[];
      };
      const pending = await org.json<ResultDto>('GET', `/api/conferences/${w.conferenceId}/result`);
      expect(pending.blockers.some((b) => b.code === 'electronic_pending')).toBe(false);
      for (const sheetId of [w.partStyleId, 'all'])
        await t.store.counting.setAccounting(
          { userId: null, label: 'test' },
          { conferenceId: w.conferenceId, sheetId, issued: 0, collected: 0, spoiledExchanged: 0 },
        );
      const result = await org.json<ResultDto>('GET', `/api/conferences/${w.conferenceId}/result`);
      expect(result.blockers).toEqual([]);
      for (const p of result.persons) {
        const e = expected.get(p.subjectId)!;
        expect([p.collected, p.high.count, p.low.count]).toEqual([e.counted, e.high, e.low]);
      }

      // the record: verifyRecord, and the command line
      const res = await anon.request('GET', `${P}/record.json`);
      expect(res.headers.get('content-type')).toContain('application/json');
      const text = await res.text();
      const checks = await verifyRecord(JSON.parse(text));
      expect(checks.filter((c) => !c.ok)).toEqual([]);
      // the two paper slips are voided in the record itself (spec §7.6), the unused ones are not
      const voids = (JSON.parse(text) as { events: { type: string; body: unknown }[] }).events
        .filter((e) => e.type === 'credentials_voided')
        .map((e) => e.body);
      expect(voids).toEqual([
        { credentials: [creds[28]!.cred.public.hex, creds[29]!.cred.public.hex] },
      ]);
      expect(checks.find((c) => c.check === 'voided_credentials_unused')?.detail).toMatch(/^2 /);
      const dir = mkdtempSync(join(tmpdir(), 'tn-record-'));
      try {
        const file = join(dir, 'record.json');
        writeFileSync(file, text);
        const out = execFileSync('node', ['bin/tinnhiem.js', 'verify', file, '--json'], {
          encoding: 'utf8',
        });
        expect(out).toContain('result_matches_decryption');
        // one altered ballot: verify names the failing check and exits non-zero
        const record = JSON.parse(text) as { events: { type: string; body: { ballot: Ballot } }[] };
        const ev = record.events.find((e) => e.type === 'ballot')!;
        ev.body.ballot.lines[0]!.beta = ev.body.ballot.lines[0]!.alpha;
        writeFileSync(file, JSON.stringify(record));
        let failed = '';
        try {
          execFileSync('node', ['bin/tinnhiem.js', 'verify', file], { encoding: 'utf8' });
        } catch (e) {
          failed = String((e as { stdout?: string }).stdout);
        }
        expect(failed).toMatch(/ballot_proofs_valid|ballot_signatures_valid/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      // the server logged no error and no ballot body
      expect(t.errors).toEqual([]);
      expect(t.logs.join('\n')).not.toContain(trackers[0]!);
    }, 240_000);
  });
}
