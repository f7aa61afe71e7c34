import { describe, expect, it } from 'vitest';
import { BatchVerifier } from './batch-verifier.js';
import {
  addDkgCommitment,
  addTrusteeKey,
  combinePublicKey,
  combineShares,
  deal,
  defaultThreshold,
  elemFromHex,
  encryptShare,
  evalPolynomial,
  generateTrusteeKey,
  judgeComplaint,
  makeComplaint,
  receiveShare,
  verificationKey,
} from './index.js';
import { G, type Point, elem, mulSecret } from './group.js';
import { seededRandom } from './random.js';

const F = new Uint8Array(32).fill(9);

function ceremony(n: number, t: number, seed: string) {
  const random = seededRandom(seed);
  const keys = Array.from({ length: n }, (_, k) => generateTrusteeKey(F, k + 1, random));
  const E = new Map<number, Point>(
    keys.map((k) => [k.published.trustee, elemFromHex(k.published.key)!.point]),
  );
  const deals = keys.map((k) => deal(F, k.published.trustee, t, E, random));
  const A = deals.map((d) => d.published.commitments.map((h) => elemFromHex(h)!.point));
  return { random, keys, E, deals, A };
}

describe('distributed key generation (spec §8)', () => {
  it('default threshold is ⌊n/2⌋ + 1', () => {
    expect([1, 2, 3, 4, 5, 7].map(defaultThreshold)).toEqual([1, 2, 2, 3, 3, 4]);
  });

  it('3 of 5: proofs verify, shares match commitments, shares reconstruct the key', () => {
    const { keys, deals, A } = ceremony(5, 3, 'dkg');
    const batch = new BatchVerifier(seededRandom('v'));
    keys.forEach((k) => addTrusteeKey(batch, F, k.published));
    deals.forEach((d) => addDkgCommitment(batch, F, d.published, 3));
    expect(batch.valid()).toBe(true);
    const x = [1, 2, 3, 4, 5].map((j) =>
      combineShares(
        deals.map((d, i) => {
          if (i + 1 === j) return evalPolynomial(d.coefficients, j);
          const enc = d.published.shares.find((s) => s.to === j)!;
          const r = receiveShare(F, i + 1, enc, keys[j - 1]!.secret, A[i]!);
          if (!r.ok) throw new Error(r.error.code);
          return r.value;
        }),
      ),
    );
    x.forEach((xj, k) => expect(mulSecret(G, xj).equals(verificationKey(A, k + 1))).toBe(true));
    // nobody holds Σ a_{i,0}, yet it is the key: check against the dealers' secrets (test only)
    const secret = deals.reduce((s, d) => s + d.coefficients[0]!, 0n);
    expect(mulSecret(G, secret).equals(combinePublicKey(A))).toBe(true);
  });

  it('a bad coefficient proof fails the batch', () => {
    const { deals } = ceremony(3, 2, 'dkg2');
    const bad = {
      ...deals[0]!.published,
      proofs: [deals[0]!.published.proofs[1]!, deals[0]!.published.proofs[0]!],
    };
    const batch = new BatchVerifier(seededRandom('v'));
    addDkgCommitment(batch, F, bad, 2);
    expect(batch.valid()).toBe(false);
  });

  it('a bad share is caught by its recipient, and the public complaint is upheld', () => {
    const { keys, E, deals, A, random } = ceremony(3, 2, 'dkg3');
    const wrong = encryptShare(
      F,
      1,
      2,
      E.get(2)!,
      evalPolynomial(deals[0]!.coefficients, 2) + 1n,
      random,
    );
    const r = receiveShare(F, 1, wrong, keys[1]!.secret, A[0]!);
    expect(r).toEqual({ ok: false, error: { code: 'share_inconsistent' } });
    const E2 = elem(E.get(2)!);
    const complaint = makeComplaint(F, 1, wrong, keys[1]!.secret, E2, random);
    expect(judgeComplaint(F, complaint, wrong, E2, A[0]!, new BatchVerifier('exact'))).toBe(
      'upheld',
    );
  });

  it('a complaint against a good share, or with a false key, is rejected', () => {
    const { keys, E, deals, A, random } = ceremony(3, 2, 'dkg4');
    const good = deals[0]!.published.shares.find((s) => s.to === 2)!;
    const E2 = elem(E.get(2)!);
    const complaint = makeComplaint(F, 1, good, keys[1]!.secret, E2, random);
    expect(judgeComplaint(F, complaint, good, E2, A[0]!, new BatchVerifier('exact'))).toBe(
      'rejected',
    );
    const liar = { ...complaint, K: elem(mulSecret(G, 5n)).hex };
    expect(judgeComplaint(F, liar, good, E2, A[0]!, new BatchVerifier('exact'))).toBe('rejected');
  });

  it('a tampered share fails the MAC', () => {
    const { keys, deals, A } = ceremony(3, 2, 'dkg5');
    const enc = deals[0]!.published.shares.find((s) => s.to === 3)!;
    const ct = (enc.ct[0] === '0' ? '1' : '0') + enc.ct.slice(1);
    expect(receiveShare(F, 1, { ...enc, ct }, keys[2]!.secret, A[0]!)).toEqual({
      ok: false,
      error: { code: 'share_mac_invalid' },
    });
  });
});
