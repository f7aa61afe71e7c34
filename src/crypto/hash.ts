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

/** The framing u32(len T) ‖ T ‖ u32(len p_1) ‖ p_1 ‖ … of spec §3, as one byte string. */
function frame(tag: string, parts: readonly Uint8Array[]): Uint8Array {
  const t = encoder.encode(tag);
  let length = 4 + t.length;
  for (const p of parts) length += 4 + p.length;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setUint32(0, t.length);
  out.set(t, 4);
  let at = 4 + t.length;
  for (const p of parts) {
    view.setUint32(at, p.length);
    out.set(p, at + 4);
    at += 4 + p.length;
  }
  return out;
}

/** The part of Node's crypto module used here. */
interface NodeSha {
  createHash(algorithm: 'sha256' | 'sha512'): {
    update(data: Uint8Array): { digest(): Uint8Array };
  };
}

/**
 * Node's own SHA-2 where it is there (the same digests, several times faster on the ballots' large
 * inputs); @noble/hashes in the browser. Reached through process.getBuiltinModule at run time, so that
 * the files stay importable in the browser (src/crypto imports nothing from Node).
 */
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeSha | undefined;

/** Exposed for the tests: hash with @noble/hashes even in Node; true when Node's SHA-2 is in use. */
let native = true;
export function useNativeSha(on: boolean): boolean {
  native = on;
  return nodeCrypto !== undefined && native;
}

function sha(algorithm: 'sha256' | 'sha512', data: Uint8Array): Uint8Array {
  if (nodeCrypto && native)
    return new Uint8Array(nodeCrypto.createHash(algorithm).update(data).digest());
  return algorithm === 'sha256' ? sha256(data) : sha512(data);
}

/** H(T; p_1, …, p_k) = SHA-512(u32(len T) ‖ T ‖ u32(len p_1) ‖ p_1 ‖ …) (spec §3). */
export function hashParts(tag: string, parts: readonly Uint8Array[]): Uint8Array {
  return sha('sha512', frame(tag, parts));
}

/** D(T; …): SHA-256 over the same framing, 32 bytes (spec §3). */
export function digest(tag: string, parts: readonly Uint8Array[]): Uint8Array {
  return sha('sha256', frame(tag, parts));
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
