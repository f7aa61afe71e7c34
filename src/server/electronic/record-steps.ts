// The server's steps of an election computed from its record (spec §8–§10): checks of what trustees
// post, the election key statement, the tally and the result. Pure: events in, bodies out.

import { keyCeremonyDigest } from '../../core/election-record/key-ceremony.js';
import { ballotDigestHex } from '../../core/election-record/ballot-digest.js';
import { ballotBase, electionFingerprint } from '../../core/election-record/fingerprint.js';
import type {
  BallotBody,
  ElectionKeyBody,
  Manifest,
  PartialDecryptionBody,
  PersonResult,
  RecordEvent,
  ResultBody,
  TallyBody,
  TrusteeKeyBody,
} from '../../core/election-record/record-types.js';
import { countsFromSum, lastBallotPerCredential } from '../../core/election-record/tally.js';
import {
  BatchVerifier,
  type DkgCommitment,
  type DkgComplaint,
  type Elem,
  type Point,
  type RandomSource,
  type Signature,
  TAGS,
  ZERO,
  addDkgCommitment,
  addPartialDecryption,
  addSignature,
  addTrusteeKey,
  bytesToHex,
  combinePartials,
  combinePublicKey,
  discreteLog,
  elem,
  elemFromHex,
  judgeComplaint,
  verificationKey,
} from '../../crypto/index.js';

type Ev = Pick<RecordEvent, 'type' | 'body'>;

const bodies = <T>(events: readonly Ev[], type: string): T[] =>
  events.filter((e) => e.type === type).map((e) => e.body as T);

/** The manifest (event 0) and what follows from it: fingerprint F and base B (spec §3.1, §7.1). */
export function manifestOf(events: readonly Ev[]): {
  manifest: Manifest;
  F: Uint8Array;
  base: bigint;
} {
  const manifest = events[0]!.body as Manifest;
  return { manifest, F: electionFingerprint(manifest), base: ballotBase(manifest) };
}

/** Trustee i's key and its proof (spec §8.1). */
export function trusteeKeyValid(
  F: Uint8Array,
  body: TrusteeKeyBody,
  random: RandomSource,
): boolean {
  const batch = new BatchVerifier(random);
  return addTrusteeKey(batch, F, body) !== undefined && batch.valid();
}

/** Trustee i's commitments with their proofs and one share per other trustee (spec §8.2). */
export function commitmentValid(
  F: Uint8Array,
  body: DkgCommitment,
  n: number,
  t: number,
  random: RandomSource,
): boolean {
  const batch = new BatchVerifier(random);
  const points = addDkgCommitment(batch, F, body, t);
  if (!points || !batch.valid()) return false;
  const expect = Array.from({ length: n }, (_, k) => k + 1).filter((j) => j !== body.trustee);
  const shares: unknown = body.shares;
  return (
    Array.isArray(shares) &&
    shares.length === expect.length &&
    body.shares.every(
      (s, k) =>
        s?.to === expect[k] &&
        elemFromHex(s.R) !== undefined &&
        /^[0-9a-f]{64}$/.test(String(s.ct)) &&
        /^[0-9a-f]{64}$/.test(String(s.mac)),
    )
  );
}

/** The statement of election_key from the ceremony so far, or why there is none (spec §8.3–§8.4). */
export function keyStatement(
  events: readonly Ev[],
):
  | { ok: true; statement: Omit<ElectionKeyBody, 'acknowledgements'>; digest: string }
  | { ok: false; qualified: number[] } {
  const { manifest, F } = manifestOf(events);
  const keys = new Map(
    bodies<TrusteeKeyBody>(events, 'trustee_key').map((k) => [k.trustee, elemFromHex(k.key)!]),
  );
  const deals = bodies<DkgCommitment>(events, 'dkg_commitment');
  const A = new Map(deals.map((d) => [d.trustee, d.commitments.map((h) => elemFromHex(h)!.point)]));
  const upheld = new Set<number>();
  for (const c of bodies<DkgComplaint>(events, 'dkg_complaint')) {
    const enc = deals.find((d) => d.trustee === c.from)?.shares.find((s) => s.to === c.to);
    const Eto = keys.get(c.to);
    const Afrom = A.get(c.from);
    if (!enc || !Eto || !Afrom) continue;
    if (judgeComplaint(F, c, enc, Eto, Afrom, new BatchVerifier('exact')) === 'upheld')
      upheld.add(c.from);
  }
  const all = Array.from({ length: manifest.trustees }, (_, k) => k + 1);
  const qualified = all.filter((i) => !upheld.has(i));
  if (qualified.length < manifest.threshold) return { ok: false, qualified };
  const qc = qualified.map((i) => A.get(i)!);
  const statement = {
    publicKey: elem(combinePublicKey(qc)).hex,
    qualified,
    verificationKeys: all.map((j) => ({ trustee: j, key: elem(verificationKey(qc, j)).hex })),
  };
  return { ok: true, statement, digest: bytesToHex(keyCeremonyDigest(events, statement)) };
}

/** Whether trustee j's acknowledgement signs the ceremony digest with its key E_j (spec §8.5). */
export function acknowledgementValid(
  events: readonly Ev[],
  trustee: number,
  digest: Uint8Array,
  signature: Signature,
): boolean {
  const { F } = manifestOf(events);
  const key = bodies<TrusteeKeyBody>(events, 'trustee_key').find((k) => k.trustee === trustee);
  const E = elemFromHex(key?.key);
  if (!E) return false;
  const batch = new BatchVerifier('exact');
  return addSignature(batch, F, E, digest, signature, TAGS.acknowledgement) && batch.valid();
}

/** The tally of the accepted ballots: the last per credential before closing (spec §7.4, §10.1). */
export function tallyOf(events: readonly Ev[]): TallyBody {
  const { manifest } = manifestOf(events);
  const closed = events.findIndex((e) => e.type === 'voting_closed');
  const cast = bodies<BallotBody>(closed < 0 ? events : events.slice(0, closed), 'ballot').map(
    (b) => b.ballot,
  );
  const accepted = lastBallotPerCredential(cast);
  const sums = new Map(
    manifest.persons.map((p) => [p.id, { alpha: ZERO, beta: ZERO, counted: 0 }]),
  );
  cast.forEach((b, i) => {
    if (!accepted[i]) return;
    for (const line of b.lines) {
      const s = sums.get(line.person)!;
      s.alpha = s.alpha.add(elemFromHex(line.alpha)!.point);
      s.beta = s.beta.add(elemFromHex(line.beta)!.point);
      s.counted++;
    }
  });
  return {
    accepted: cast.filter((_, i) => accepted[i]).map(ballotDigestHex),
    persons: manifest.persons.map((p) => {
      const s = sums.get(p.id)!;
      return { person: p.id, counted: s.counted, alpha: elem(s.alpha).hex, beta: elem(s.beta).hex };
    }),
  };
}

/** Trustee j's partial decryptions of every person's total, checked; the D_j points or undefined (spec §9). */
export function partialsValid(
  events: readonly Ev[],
  body: PartialDecryptionBody,
  random: RandomSource,
): Map<string, Point> | undefined {
  const { manifest, F } = manifestOf(events);
  const key = bodies<ElectionKeyBody>(events, 'election_key')[0];
  const tally = bodies<TallyBody>(events, 'tally')[0];
  const Xj = elemFromHex(key?.verificationKeys.find((v) => v.trustee === body.trustee)?.key);
  if (!Xj || !tally) return undefined;
  const partials: unknown = body.partials;
  if (
    !Array.isArray(partials) ||
    body.partials.length !== manifest.persons.length ||
    body.partials.some((p, k) => p?.person !== manifest.persons[k]!.id)
  )
    return undefined;
  const batch = new BatchVerifier(random);
  const out = new Map<string, Point>();
  body.partials.forEach((p, k) => {
    const alpha = elemFromHex(tally.persons[k]!.alpha) as Elem;
    const D = addPartialDecryption(batch, F, body.trustee, p.person, Xj, alpha, p);
    if (D) out.set(p.person, D);
  });
  return batch.valid() && out.size === manifest.persons.length ? out : undefined;
}

/** The result from the first t partial decryptions in the record (spec §9, §10.2). */
export function resultOf(events: readonly Ev[], random: RandomSource): ResultBody | undefined {
  const { manifest, base } = manifestOf(events);
  const tally = bodies<TallyBody>(events, 'tally')[0];
  if (!tally) return undefined;
  const chosen = bodies<PartialDecryptionBody>(events, 'partial_decryption').slice(
    0,
    manifest.threshold,
  );
  if (chosen.length < manifest.threshold) return undefined;
  const D = chosen.map((pd) => partialsValid(events, pd, random));
  if (D.some((d) => d === undefined)) return undefined;
  const persons: PersonResult[] = [];
  for (const tp of tally.persons) {
    const M = combinePartials(
      elemFromHex(tp.beta)!.point,
      new Map(chosen.map((pd, k) => [pd.trustee, D[k]!.get(tp.person)!])),
    );
    const sum = discreteLog(M, base * base * base);
    const counts = sum === undefined ? undefined : countsFromSum(sum, base, tp.counted);
    if (sum === undefined || !counts) return undefined;
    persons.push({ person: tp.person, counted: tp.counted, sum: Number(sum), ...counts });
  }
  return { trustees: chosen.map((pd) => pd.trustee), persons };
}
