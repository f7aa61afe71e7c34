import { describe, expect, it } from 'vitest';
import {
  BatchVerifier,
  G,
  LINE_CHOICES,
  addBallotProofs,
  addBallotSignature,
  ballotTracker,
  checkOpenings,
  decodeBallot,
  elem,
  generateCredential,
  mulSecret,
  encryptBallot,
  signBallot,
  decryptToPoint,
  discreteLog,
  addCiphertexts,
  type ElectionContext,
  type Ballot,
} from './index.js';
import { seededRandom } from './random.js';

const x = 31337n;
const ctx: ElectionContext = { F: new Uint8Array(32).fill(2), Y: elem(mulSecret(G, x)), base: 11n };
const style = { id: 'all', persons: ['p1', 'p2', 'p3', 'p4'] };

function verify(ballot: Ballot, c = ctx) {
  const d = decodeBallot(ballot);
  if (!d) return { proofs: false, signature: false };
  const p = new BatchVerifier('exact');
  const s = new BatchVerifier('exact');
  return {
    proofs: addBallotProofs(p, c, ballot, d) && p.valid(),
    signature: addBallotSignature(s, c, ballot, d.credential) && s.valid(),
  };
}

describe('ballots (spec §7)', () => {
  const random = seededRandom('ballot');
  const cred = generateCredential(random);
  const { ballot, openings } = encryptBallot(ctx, cred.public, style, [...LINE_CHOICES], random);
  const signed = signBallot(ctx, ballot, cred, random);

  it('encrypts, proves and signs; the verifier accepts', () => {
    expect(verify(signed)).toEqual({ proofs: true, signature: true });
    expect(ballotTracker(signed)).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
  });

  it('lines decrypt to 0, 1, B, B²', () => {
    const d = decodeBallot(signed)!;
    const m = d.lines.map((l) =>
      discreteLog(decryptToPoint(x, { alpha: l.alpha.point, beta: l.beta.point }), 2000n),
    );
    expect(m).toEqual([0n, 1n, 11n, 121n]);
    const sum = d.lines.reduce(
      (acc, l) => addCiphertexts(acc, { alpha: l.alpha.point, beta: l.beta.point }),
      {
        alpha: G.subtract(G),
        beta: G.subtract(G),
      },
    );
    expect(discreteLog(decryptToPoint(x, sum), 2000n)).toBe(133n);
  });

  it('the signature fails when anything signed changes, or under another credential', () => {
    const swapped = {
      ...signed,
      lines: [signed.lines[1]!, signed.lines[0]!, ...signed.lines.slice(2)],
    };
    expect(verify(swapped).signature).toBe(false);
    const other = generateCredential(random);
    expect(verify({ ...signed, credential: other.public.hex }).signature).toBe(false);
  });

  it('a line copied into another ballot fails its proof (context binds credential and position)', () => {
    const other = generateCredential(random);
    const theirs = encryptBallot(
      ctx,
      other.public,
      style,
      ['high', 'high', 'high', 'high'],
      random,
    ).ballot;
    const mixed: Ballot = { ...theirs, lines: [signed.lines[0]!, ...theirs.lines.slice(1)] };
    expect(verify(mixed).proofs).toBe(false);
    const moved: Ballot = {
      ...ballot,
      lines: [ballot.lines[1]!, ballot.lines[0]!, ...ballot.lines.slice(2)],
    };
    expect(verify(moved).proofs).toBe(false);
  });

  it('Benaloh audit: openings check, and a false opening fails', () => {
    const d = decodeBallot(ballot)!;
    expect(checkOpenings(ctx, d.lines, openings)).toBe(true);
    const lie = openings.map((o, i) => (i === 1 ? { ...o, choice: 'low' as const } : o));
    expect(checkOpenings(ctx, d.lines, lie)).toBe(false);
    expect(checkOpenings(ctx, d.lines, openings.slice(1))).toBe(false);
  });

  it('rejects a choice count that does not match the style', () => {
    expect(() => encryptBallot(ctx, cred.public, style, ['high'], random)).toThrow(
      /expected 4 choices/,
    );
  });
});
