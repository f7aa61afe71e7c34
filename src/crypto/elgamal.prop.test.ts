import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCiphertexts, decryptToPoint, encrypt } from './elgamal.js';
import { G, L, encodeMessage, mulSecret } from './group.js';

const scalar = fc.bigInt({ min: 1n, max: L - 1n });
const small = fc.bigInt({ min: 0n, max: 1_000_000n });

describe('exponential ElGamal (spec §4)', () => {
  it('decrypts what it encrypts', () => {
    fc.assert(
      fc.property(scalar, scalar, small, (x, r, m) => {
        const Y = mulSecret(G, x);
        return decryptToPoint(x, encrypt(Y, m, r)).equals(encodeMessage(m));
      }),
      { numRuns: 15 },
    );
  });
  it('is additively homomorphic', () => {
    fc.assert(
      fc.property(scalar, scalar, scalar, small, small, (x, r1, r2, m1, m2) => {
        const Y = mulSecret(G, x);
        const sum = addCiphertexts(encrypt(Y, m1, r1), encrypt(Y, m2, r2));
        return decryptToPoint(x, sum).equals(encodeMessage(m1 + m2));
      }),
      { numRuns: 10 },
    );
  });
  it('does not decrypt under another key', () => {
    const Y = mulSecret(G, 5n);
    expect(decryptToPoint(6n, encrypt(Y, 3n, 9n)).equals(encodeMessage(3n))).toBe(false);
  });
});
