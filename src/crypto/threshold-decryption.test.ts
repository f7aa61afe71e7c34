import { describe, expect, it } from 'vitest';
import { BatchVerifier } from './batch-verifier.js';
import { encrypt } from './elgamal.js';
import { G, L, elem, encodeMessage, mod, mulSecret } from './group.js';
import { seededRandom } from './random.js';
import { evalPolynomial } from './dkg.js';
import {
  addPartialDecryption,
  combinePartials,
  lagrangeAtZero,
  partialDecrypt,
} from './threshold-decryption.js';

const F = new Uint8Array(32).fill(4);

describe('threshold decryption (spec §9)', () => {
  const random = seededRandom('td');
  // one polynomial of degree 2 stands for the summed DKG polynomials: any 3 of 5 decrypt
  const poly = [123n, 456n, 789n];
  const Y = mulSecret(G, poly[0]!);
  const x = (j: number) => evalPolynomial(poly, j);
  const X = (j: number) => elem(mulSecret(G, x(j)));
  const c = encrypt(Y, 4242n, 99n);
  const alpha = elem(c.alpha);

  it('Lagrange coefficients at 0 interpolate the constant term', () => {
    const S = [2, 4, 5];
    expect(mod(S.reduce((acc, j) => acc + lagrangeAtZero(S, j) * x(j), 0n))).toBe(poly[0]);
  });

  it('any 3 of 5 partials decrypt; 2 do not', () => {
    for (const S of [
      [1, 2, 3],
      [1, 3, 5],
      [2, 4, 5],
    ]) {
      const partials = new Map(S.map((j) => [j, mulSecret(c.alpha, x(j))]));
      expect(combinePartials(c.beta, partials).equals(encodeMessage(4242n))).toBe(true);
    }
    const two = new Map([1, 2].map((j) => [j, mulSecret(c.alpha, x(j))]));
    expect(combinePartials(c.beta, two).equals(encodeMessage(4242n))).toBe(false);
  });

  it('partial decryption proofs verify and catch a wrong share', () => {
    const pd = partialDecrypt(F, 2, 'p01', x(2), X(2), alpha, random);
    const ok = new BatchVerifier(random);
    expect(addPartialDecryption(ok, F, 2, 'p01', X(2), alpha, pd)).toBeDefined();
    expect(ok.valid()).toBe(true);
    const liar = partialDecrypt(F, 2, 'p01', (x(2) + 1n) % L, X(2), alpha, random);
    const bad = new BatchVerifier(random);
    addPartialDecryption(bad, F, 2, 'p01', X(2), alpha, liar);
    expect(bad.valid()).toBe(false);
    const moved = new BatchVerifier(random);
    addPartialDecryption(moved, F, 2, 'p02', X(2), alpha, pd);
    expect(moved.valid()).toBe(false);
  });
});
