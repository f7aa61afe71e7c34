// Exponential ElGamal over ristretto255 (spec §4).
import { type Point, G, ZERO, encodeMessage, mulSecret } from './group.js';

/** An ElGamal ciphertext (α, β) = (rG, mG + rY). */
export interface Ciphertext {
  alpha: Point;
  beta: Point;
}

/** Encrypts the small message m under Y with secret randomness r (spec §4). */
export function encrypt(Y: Point, m: bigint, r: bigint): Ciphertext {
  // α = rG, β = mG + rY (r is secret: constant-time multiplications)
  return { alpha: mulSecret(G, r), beta: encodeMessage(m).add(mulSecret(Y, r)) };
}

/** Component-wise sum: encrypts the sum of the messages (spec §4). */
export function addCiphertexts(a: Ciphertext, b: Ciphertext): Ciphertext {
  return { alpha: a.alpha.add(b.alpha), beta: a.beta.add(b.beta) };
}

/** The encryption of 0 with randomness 0: the neutral element of ciphertext addition. */
export const ZERO_CIPHERTEXT: Ciphertext = { alpha: ZERO, beta: ZERO };

/** Decrypts with the whole secret x: M = β − xα = mG. Tests only; real decryption is spec §9. */
export function decryptToPoint(x: bigint, c: Ciphertext): Point {
  return c.beta.subtract(mulSecret(c.alpha, x));
}
