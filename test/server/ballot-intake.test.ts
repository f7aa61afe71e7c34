// The ballot intake (ADR 0006) on both databases: ballots that arrive together are checked together and
// committed in one transaction in arrival order; a bad ballot is refused alone with its code; two ballots
// with one credential in one batch keep their order (the later replaces the earlier, spec §7.4); every
// acknowledged ballot is stored exactly once; and through the route, on the worker threads, the same.

import { describe, expect, it } from 'vitest';
import type { TallyBody } from '../../src/core/election-record/record-types.js';
import {
  type Ballot,
  type ElectionContext,
  type LineChoice,
  ballotDigest,
  bytesToHex,
  elemFromHex,
  encryptBallot,
  generateCredential,
  hexToBytes,
  signBallot,
  systemRandom,
} from '../../src/crypto/index.js';
import { storeBallotCommit } from '../../src/server/electronic/ballot-commit.js';
import {
  type BallotChecker,
  type GateHandle,
  inlineBallotChecker,
} from '../../src/server/electronic/ballot-checker.js';
import { createBallotIntake } from '../../src/server/electronic/ballot-intake.js';
import { gateFromEvents } from '../../src/core/election-record/check-ballot.js';
import { fail } from '../../src/server/errors.js';
import type { BoothInfoDto } from '../../src/server/routes/election-schemas.js';
import { openElection, type OpenElection } from './electronic-driver.js';
import { buildElectronicWorld } from './electronic-world.js';
import { openTestApp, type TestApp } from './harness.js';

const random = systemRandom;
const LEVELS: LineChoice[] = ['high', 'confidence', 'low', 'blank'];

/** An open election and a way to make each voter's ballot. */
async function setUp(t: TestApp) {
  const w = await buildElectronicWorld(t.store, 12, 3);
  const election = await openElection(t, w);
  const booth = await election.anon.json<BoothInfoDto>('GET', `${election.P}/booth`);
  const ctx: ElectionContext = {
    F: hexToBytes(booth.fingerprint),
    Y: elemFromHex(booth.publicKey)!,
    base: BigInt(booth.base),
  };
  const make = (v: number, salt = 0): Ballot => {
    const { cred, style } = election.voters[v]!;
    const s = booth.manifest.styles.find((x) => x.id === style)!;
    const { ballot } = encryptBallot(
      ctx,
      cred.public,
      s,
      s.persons.map((_, k) => LEVELS[(v + k + salt) % 4]!),
      random,
    );
    return signBallot(ctx, ballot, cred, random);
  };
  const badProof = (v: number): Ballot => {
    const { cred, style } = election.voters[v]!;
    const s = booth.manifest.styles.find((x) => x.id === style)!;
    const { ballot } = encryptBallot(
      ctx,
      cred.public,
      s,
      s.persons.map(() => 'high'),
      random,
    );
    ballot.lines[0]!.proof.z[0] = ballot.lines[0]!.proof.z[1]!;
    return signBallot(ctx, ballot, cred, random);
  };
  const stranger = (): Ballot => {
    const cred = generateCredential(random);
    const s = booth.manifest.styles[0]!;
    const { ballot } = encryptBallot(
      ctx,
      cred.public,
      s,
      s.persons.map(() => 'low'),
      random,
    );
    return signBallot(ctx, ballot, cred, random);
  };
  return { w, election, make, badProof, stranger };
}

async function gateOf(t: TestApp, conferenceId: string): Promise<GateHandle> {
  const events = await t.store.elections.events(conferenceId, [
    'manifest',
    'election_key',
    'credentials',
  ]);
  return {
    key: events.find((e) => e.type === 'credentials')!.hash,
    gate: gateFromEvents(events)!,
    events,
  };
}

const digestOf = (b: Ballot) => bytesToHex(ballotDigest(b));

async function tallyAccepted(election: OpenElection): Promise<string[]> {
  await election.org.json('POST', `${election.C}/close`, { close: true });
  const record = (await (
    await election.anon.request('GET', `${election.P}/record.json`)
  ).json()) as { events: { type: string; body: unknown }[] };
  return (record.events.find((e) => e.type === 'tally')!.body as TallyBody).accepted;
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`ballot intake on ${kind}`, () => {
    it('checks the ballots waiting together, refuses the bad ones alone, commits in arrival order', async () => {
      const t = await openTestApp(kind);
      try {
        const { w, election, make, badProof, stranger } = await setUp(t);
        await election.org.json('POST', `${election.C}/void`, {
          credentials: [election.voters[9]!.cred.public.hex],
        });
        // the real checks in this thread, one batch at a time, with the batch sizes noted
        const inline = inlineBallotChecker(random);
        const sizes: number[] = [];
        const checker: BallotChecker = {
          parallelism: 1,
          warm: () => Promise.resolve(),
          check: (groups) => {
            sizes.push(...groups.map((g) => g.ballots.length));
            return inline.check(groups);
          },
        };
        const intake = createBallotIntake(checker, storeBallotCommit(t.store), (e) =>
          fail(e.code, e.code),
        );
        const gate = await gateOf(t, w.conferenceId);
        const first4 = make(4);
        const second4 = make(4, 1);
        const ballots = [
          make(0),
          make(1),
          badProof(2),
          make(3),
          first4,
          second4,
          make(9),
          stranger(),
          make(5),
        ];
        // submitted in one go: the first leaves at once, the others wait and leave together
        const answers = await Promise.all(
          ballots.map((b) => intake.submit(w.conferenceId, gate, b)),
        );
        expect(sizes).toEqual([1, 8]);
        expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual([
          'ok',
          'ok',
          'proof_invalid',
          'ok',
          'ok',
          'ok',
          'credential_voided',
          'credential_unknown',
          'ok',
        ]);
        const receipts = answers.flatMap((a) => (a.ok ? [a.value] : []));
        const seqs = receipts.map((r) => r.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        expect(new Set(seqs).size).toBe(6);
        // every acknowledged ballot is stored once, at its seq, and nothing else was stored
        const stored = await t.store.elections.events(w.conferenceId, ['ballot']);
        expect(stored.map((e) => [e.seq, e.tracker])).toEqual(
          receipts.map((r) => [r.seq, r.tracker]),
        );
        // the later ballot of voter 4 replaces the earlier one in the tally
        const accepted = await tallyAccepted(election);
        expect(accepted).toContain(digestOf(second4));
        expect(accepted).not.toContain(digestOf(first4));
        expect(accepted).toHaveLength(5);
        expect(t.errors).toEqual([]);
      } finally {
        await t.close();
      }
    }, 120_000);

    it('through the route on the worker threads: a burst of ballots, each answered once stored', async () => {
      const t = await openTestApp(kind);
      try {
        const { w, election, make, badProof } = await setUp(t);
        const first7 = make(7);
        const second7 = make(7, 2);
        const ballots = [0, 1, 2, 3, 4, 5, 6].map((v) => make(v));
        ballots.splice(3, 0, badProof(8), first7);
        ballots.push(second7);
        expect(ballots[4]).toBe(first7);
        const answers = await Promise.all(
          ballots.map((ballot) =>
            election.anon.request('POST', `${election.P}/ballots`, { ballot }),
          ),
        );
        const bodies = (await Promise.all(answers.map((r) => r.json()))) as {
          seq?: number;
          tracker?: string;
          error?: { code: string };
        }[];
        expect(answers.map((r) => r.status)).toEqual([
          201, 201, 201, 422, 201, 201, 201, 201, 201, 201,
        ]);
        expect(bodies[3]!.error!.code).toBe('proof_invalid');
        const receipts = bodies.filter((b) => b.seq !== undefined);
        const stored = await t.store.elections.events(w.conferenceId, ['ballot']);
        expect(stored).toHaveLength(9);
        const bySeq = new Map(stored.map((e) => [e.seq, e.tracker]));
        for (const r of receipts) expect(bySeq.get(r.seq!)).toBe(r.tracker);
        // the same voter's two ballots: the one stored later replaces the other in the tally
        const [later, earlier] =
          bodies[9]!.seq! > bodies[4]!.seq! ? [second7, first7] : [first7, second7];
        const accepted = await tallyAccepted(election);
        expect(accepted).toContain(digestOf(later));
        expect(accepted).not.toContain(digestOf(earlier));
        expect(accepted).toHaveLength(8);
        expect(t.errors).toEqual([]);
      } finally {
        await t.close();
      }
    }, 120_000);
  });
}
