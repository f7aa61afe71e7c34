import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { G, L, RistrettoPoint, mulPublic } from './group.js';
import { decodeRistrettoAffine } from './ristretto-decode.js';

/** noble's decoding, the reference. */
function reference(bytes: Uint8Array) {
  try {
    return RistrettoPoint.fromBytes(bytes);
  } catch {
    return undefined;
  }
}

function agree(bytes: Uint8Array): boolean {
  const ours = decodeRistrettoAffine(bytes);
  const ref = reference(bytes);
  if (!ours || !ref) return !ours && !ref;
  return RistrettoPoint.fromAffine(ours).equals(ref);
}

describe('ristretto255 decoding (RFC 9496 §4.3.1)', () => {
  it('agrees with @noble/curves on encodings of random points', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: L - 1n }), (k) => agree(mulPublic(G, k).toBytes())),
      { numRuns: 40 },
    );
  });
  it('agrees on random byte strings (mostly invalid)', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), agree), {
      numRuns: 300,
    });
  });
  it('rejects non-canonical, negative and non-square encodings', () => {
    const bad = [
      // non-canonical field encodings
      '00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff',
      'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
      'f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
      'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
      // negative field elements
      '0100000000000000000000000000000000000000000000000000000000000000',
      '01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
      // non-square x²
      '26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371',
      'f2aa2d4c4a3c0d7cee7b51d76c8b1ee2cf2d0ab1b0a1d0c3ebc4d7c2c44e5161',
    ];
    for (const hex of bad) {
      const bytes = Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
      expect(decodeRistrettoAffine(bytes)).toBeUndefined();
      expect(agree(bytes)).toBe(true);
    }
  });
});
