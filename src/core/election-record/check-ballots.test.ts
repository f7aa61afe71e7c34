import { describe, expect, it } from 'vitest';
import {
  G,
  elem,
  encryptBallot,
  generateCredential,
  mulSecret,
  scalarToHex,
  seededRandom,
  signBallot,
  type Ballot,
  type Credential,
  type ElectionContext,
} from '../../crypto/index.js';
import { type BallotGate, checkBallot } from './check-ballot.js';
import { checkBallots } from './check-ballots.js';

const random = seededRandom('check-ballots');
const ctx: ElectionContext = {
  F: new Uint8Array(32).fill(5),
  Y: elem(mulSecret(G, 91n)),
  base: 11n,
};
const persons = ['p1', 'p2', 'p3'];
const voters: Credential[] = Array.from({ length: 6 }, () => generateCredential(random));
const gate: BallotGate = {
  ctx,
  credentialStyle: new Map(voters.map((v) => [v.public.hex, 'all'])),
  styles: new Map([['all', persons]]),
};
const unsigned = (v: number): Ballot =>
  encryptBallot(
    ctx,
    voters[v]!.public,
    { id: 'all', persons },
    persons.map((_, k) => (['high', 'confidence', 'low', 'blank'] as const)[(v + k) % 4]!),
    random,
  ).ballot;
const cast = (v: number): Ballot => signBallot(ctx, unsigned(v), voters[v]!, random);
const codes = (rs: ReturnType<typeof checkBallots>) => rs.map((r) => (r.ok ? 'ok' : r.error.code));

describe('checkBallots (ballots that arrive together)', () => {
  it('accepts a batch of good ballots with the digest and tracker checkBallot gives', () => {
    const batch = [0, 1, 2, 3].map(cast);
    const rs = checkBallots(gate, batch, random);
    expect(codes(rs)).toEqual(['ok', 'ok', 'ok', 'ok']);
    rs.forEach((r, i) => expect(r).toEqual(checkBallot(gate, batch[i]!, random)));
  });

  it('refuses each bad ballot alone with its code and accepts the good ones beside it', () => {
    const badSig = cast(1);
    badSig.signature = { ...badSig.signature!, s: scalarToHex(7n) };
    const forged = unsigned(2);
    forged.lines[1]!.proof.z[0] = forged.lines[1]!.proof.z[2]!;
    const badProof = signBallot(ctx, forged, voters[2]!, random);
    // a proof whose challenges no longer add up, under a signature that is also wrong
    const both = structuredClone(badProof);
    both.lines[0]!.proof.c[0] = scalarToHex(3n);
    both.signature = { ...both.signature!, s: scalarToHex(9n) };
    const cut = unsigned(4);
    cut.lines[2]!.proof.a = cut.lines[2]!.proof.a.slice(1);
    const short = signBallot(ctx, cut, voters[4]!, random);
    const stranger = generateCredential(random);
    const strange = signBallot(
      ctx,
      encryptBallot(ctx, stranger.public, { id: 'all', persons }, ['high', 'low', 'low'], random)
        .ballot,
      stranger,
      random,
    );
    const batch = [cast(0), badSig, badProof, cast(3), both, short, strange, cast(5), cast(0)];
    const rs = checkBallots(gate, batch, random);
    expect(codes(rs)).toEqual([
      'ok',
      'signature_invalid',
      'proof_invalid',
      'ok',
      'signature_invalid',
      'proof_invalid',
      'credential_unknown',
      'ok',
      'ok',
    ]);
    // the same codes as one by one
    expect(codes(batch.map((b) => checkBallot(gate, b, random)))).toEqual(codes(rs));
  });

  it('a failing combination of good-looking ballots names the one bad ballot among many', () => {
    const batch = [0, 1, 2, 3, 4, 5, 0, 1].map(cast);
    const forged = unsigned(3);
    forged.lines[0]!.proof.z[1] = forged.lines[0]!.proof.z[3]!;
    batch[5] = signBallot(ctx, forged, voters[3]!, random);
    expect(codes(checkBallots(gate, batch, random))).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'proof_invalid',
      'ok',
      'ok',
    ]);
  });

  it('an audited batch may hold unsigned ballots; a cast batch may not', () => {
    const batch = [unsigned(0), cast(1)];
    expect(codes(checkBallots(gate, batch, random, { audit: true }))).toEqual(['ok', 'ok']);
    expect(codes(checkBallots(gate, batch, random))).toEqual(['signature_missing', 'ok']);
  });
});
