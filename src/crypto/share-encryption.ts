// Encryption of DKG shares between trustees: hashed ElGamal key, SHA-512 pad, HMAC-SHA-256 (spec §8.2).
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js';
import {
  type Elem,
  type Point,
  G,
  elemFromHex,
  mulSecret,
  scalarFromBytes,
  scalarToBytes,
} from './group.js';
import { TAGS, hashParts, u32 } from './hash.js';
import { type RandomSource, randomScalar } from './random.js';
import { type Result, err, ok } from './result.js';

/** An encrypted share { to, R, ct, mac } in wire form (spec §8.2). */
export interface EncryptedShare {
  to: number;
  R: string;
  ct: string;
  mac: string;
}

/** (pad ‖ macKey) = H(T_share; F, u32(i), u32(j), R, K) (spec §8.2). */
export function shareKeys(F: Uint8Array, from: number, to: number, R: Uint8Array, K: Point) {
  const h = hashParts(TAGS.share, [F, u32(from), u32(to), R, K.toBytes()]);
  return { pad: h.subarray(0, 32), macKey: h.subarray(32, 64) };
}

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

/** Encrypts the share s_{i,j} from trustee `from` to trustee `to` holding key E_to (spec §8.2). */
export function encryptShare(
  F: Uint8Array,
  from: number,
  to: number,
  Eto: Point,
  share: bigint,
  random: RandomSource,
): EncryptedShare {
  const rho = randomScalar(random);
  // R = ρG, K = ρE_j
  const R = mulSecret(G, rho).toBytes();
  const K = mulSecret(Eto, rho);
  const { pad, macKey } = shareKeys(F, from, to, R, K);
  const ct = xor(scalarToBytes(share), pad);
  const mac = hmac(sha256, macKey, concatBytes(R, ct));
  return { to, R: bytesToHex(R), ct: bytesToHex(ct), mac: bytesToHex(mac) };
}

/** Why a share cannot be used (spec §8.3 grounds for an upheld complaint). */
export type ShareError = { code: 'share_malformed' | 'share_mac_invalid' | 'share_not_scalar' };

/** Opens an encrypted share with the shared key K (= e_j R), checking the MAC and the scalar range. */
export function openShareWithKey(
  F: Uint8Array,
  from: number,
  enc: EncryptedShare,
  K: Point,
): Result<bigint, ShareError> {
  const R = elemFromHex(enc?.R);
  if (
    !R ||
    typeof enc.ct !== 'string' ||
    !/^[0-9a-f]{64}$/.test(enc.ct) ||
    typeof enc.mac !== 'string' ||
    !/^[0-9a-f]{64}$/.test(enc.mac)
  ) {
    return err({ code: 'share_malformed' });
  }
  const ct = hexToBytes(enc.ct);
  const { pad, macKey } = shareKeys(F, from, enc.to, R.bytes, K);
  const expected = hmac(sha256, macKey, concatBytes(R.bytes, ct));
  if (!equalBytes(expected, hexToBytes(enc.mac))) return err({ code: 'share_mac_invalid' });
  const s = scalarFromBytes(xor(ct, pad));
  return s === undefined ? err({ code: 'share_not_scalar' }) : ok(s);
}

/** Recipient side: K = e_j R, then open (spec §8.2). */
export function decryptShare(
  F: Uint8Array,
  from: number,
  enc: EncryptedShare,
  eTo: bigint,
): Result<bigint, ShareError> {
  const R: Elem | undefined = elemFromHex(enc?.R);
  if (!R) return err({ code: 'share_malformed' });
  return openShareWithKey(F, from, enc, mulSecret(R.point, eTo));
}

/** Constant-time comparison of equal-length byte strings. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
