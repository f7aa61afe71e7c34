// Hashing with domain separation (spec §3): H, the 32-byte digest D and hash-to-scalar Hs.
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { L, bytesToNumberLE } from './group.js';

const encoder = new TextEncoder();

/** utf8(s) of spec §2.2, after NFC normalisation. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s.normalize('NFC'));
}

/** u32(k): 4-byte big-endian (spec §2.2). */
export function u32(k: number): Uint8Array {
  if (!Number.isInteger(k) || k < 0 || k > 0xffffffff) {
    throw new Error(`u32: expected an integer 0 ≤ k < 2^32, got ${k}`);
  }
  return new Uint8Array([(k >>> 24) & 0xff, (k >>> 16) & 0xff, (k >>> 8) & 0xff, k & 0xff]);
}

/** Feeds the framing u32(len T) ‖ T ‖ u32(len p_1) ‖ p_1 ‖ … of spec §3 into a hash. */
function frame(
  h: { update(b: Uint8Array): unknown },
  tag: string,
  parts: readonly Uint8Array[],
): void {
  const t = encoder.encode(tag);
  h.update(u32(t.length));
  h.update(t);
  for (const p of parts) {
    h.update(u32(p.length));
    h.update(p);
  }
}

/** H(T; p_1, …, p_k) = SHA-512(u32(len T) ‖ T ‖ u32(len p_1) ‖ p_1 ‖ …) (spec §3). */
export function hashParts(tag: string, parts: readonly Uint8Array[]): Uint8Array {
  const h = sha512.create();
  frame(h, tag, parts);
  return h.digest();
}

/** D(T; …): SHA-256 over the same framing, 32 bytes (spec §3). */
export function digest(tag: string, parts: readonly Uint8Array[]): Uint8Array {
  const h = sha256.create();
  frame(h, tag, parts);
  return h.digest();
}

/** Hs(T; …): H read little-endian, reduced mod L (spec §3). */
export function hashToScalar(tag: string, parts: readonly Uint8Array[]): bigint {
  return bytesToNumberLE(hashParts(tag, parts)) % L;
}

/** The tags of spec §13. */
export const TAGS = {
  fingerprint: 'tinnhiem/v1/fingerprint',
  pok: 'tinnhiem/v1/schnorr-pok',
  chaumPedersen: 'tinnhiem/v1/chaum-pedersen',
  disjunctive: 'tinnhiem/v1/disjunctive',
  signature: 'tinnhiem/v1/ballot-signature',
  acknowledgement: 'tinnhiem/v1/trustee-acknowledgement',
  keyCeremony: 'tinnhiem/v1/key-ceremony',
  credential: 'tinnhiem/v1/credential',
  nonce: 'tinnhiem/v1/signature-nonce',
  share: 'tinnhiem/v1/share-kdf',
  ballot: 'tinnhiem/v1/ballot',
  tracker: 'tinnhiem/v1/tracker',
  event: 'tinnhiem/v1/event',
  drbg: 'tinnhiem/v1/drbg',
} as const;
