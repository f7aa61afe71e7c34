import { describe, expect, it } from 'vitest';
import { BatchVerifier, findInvalid } from './batch-verifier.js';
import { ED25519_TORSION_SUBGROUP, ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { G, commitmentFromHex, mulSecret, numberToBytesLE } from './group.js';
import { seededRandom } from './random.js';

describe('batch verification (spec §5.5)', () => {
  const random = seededRandom('batch');
  const P = mulSecret(G, 9n);
  // equation k: (9 + k)·G − P − k·G = 0 holds; item 3 and 7 are broken.
  const add = (b: BatchVerifier, k: number) => {
    b.base('G', G);
    const wrong = k === 3 || k === 7 ? 1n : 0n;
    b.equation([
      [9n + BigInt(k) + wrong, 'G'],
      [-1n, P],
      [-BigInt(k), G],
    ]);
  };
  it('accepts true equations and names the false ones', () => {
    const good = new BatchVerifier(random);
    [0, 1, 2, 4].forEach((k) => add(good, k));
    expect(good.valid()).toBe(true);
    expect(findInvalid(10, add, random)).toEqual([3, 7]);
  });
  it('refuses a base key registered twice with different points', () => {
    const b = new BatchVerifier(random);
    b.base('G', G);
    expect(() => b.base('G', P)).toThrow(/already registered/);
  });
  it('absorbs a small-order component of a commitment (cofactored check, spec §5.5)', () => {
    const { x, y } = P.toAffine();
    const T8 = ed25519.Point.fromHex(ED25519_TORSION_SUBGROUP[1]!);
    const shifted = ed25519.Point.fromAffine({ x, y }).add(T8).toAffine();
    const hex =
      bytesToHex(numberToBytesLE(shifted.x, 32)) + bytesToHex(numberToBytesLE(shifted.y, 32));
    const Pt = commitmentFromHex(hex)!;
    expect(Pt.point.equals(P)).toBe(false); // differs as a ristretto255 element (8-torsion)
    const b = new BatchVerifier('exact');
    b.equation([
      [1n, Pt.point],
      [-1n, P],
    ]);
    expect(b.valid()).toBe(true);
    const c = new BatchVerifier('exact');
    c.equation([
      [1n, Pt.point],
      [-2n, P],
    ]);
    expect(c.valid()).toBe(false);
  });
});
