// Randomness sources passed into every function that needs them (spec §14).
import { randomBytes } from '@noble/hashes/utils.js';
import { L, bytesToNumberLE } from './group.js';
import { TAGS, hashParts, u32 } from './hash.js';

/** A source of uniformly random bytes: returns exactly n bytes. */
export type RandomSource = (n: number) => Uint8Array;

/** The platform CSPRNG (crypto.getRandomValues), for production. */
export const systemRandom: RandomSource = (n) => randomBytes(n);

/**
 * Deterministic DRBG for simulations and tests only (spec §14): block_k = H(T_drbg; seed, u32(k)),
 * SHA-512 in counter mode. Never use it for a real election.
 */
export function seededRandom(seed: string | Uint8Array): RandomSource {
  const seedBytes = typeof seed === 'string' ? new TextEncoder().encode(seed) : seed;
  let counter = 0;
  let buffer: Uint8Array = new Uint8Array(0);
  let offset = 0;
  return (n) => {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      if (offset === buffer.length) {
        buffer = hashParts(TAGS.drbg, [seedBytes, u32(counter++)]);
        offset = 0;
      }
      const take = Math.min(n - filled, buffer.length - offset);
      out.set(buffer.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
    }
    return out;
  };
}

/** A uniform scalar in [1, L): 64 random bytes reduced mod L, rejecting zero (spec §14). */
export function randomScalar(random: RandomSource): bigint {
  for (;;) {
    const bytes = random(64);
    if (bytes.length !== 64)
      throw new Error(`randomScalar: expected 64 random bytes, got ${bytes.length}`);
    const x = bytesToNumberLE(bytes) % L;
    if (x !== 0n) return x;
  }
}

/** A uniform integer in [1, 2^128): the weights of batch verification (spec §5.5). */
export function randomWeight(random: RandomSource): bigint {
  for (;;) {
    const x = bytesToNumberLE(random(16));
    if (x !== 0n) return x;
  }
}

/**
 * Draws from `source` in blocks of `block` bytes and hands them out in order: the same bytes as
 * calling `source` directly only when the source is a stream (as the DRBG and the CSPRNG are).
 */
export function bufferedRandom(source: RandomSource, block = 4096): RandomSource {
  let buffer: Uint8Array = new Uint8Array(0);
  let offset = 0;
  return (n) => {
    if (n > block) return source(n);
    if (offset + n > buffer.length) {
      buffer = source(block);
      offset = 0;
    }
    const out = buffer.slice(offset, offset + n);
    offset += n;
    return out;
  };
}
