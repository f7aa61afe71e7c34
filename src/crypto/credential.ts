// Voter credentials and the Schnorr signature of ballots (spec §5.4, §6).
import type { BatchVerifier } from './batch-verifier.js';
import {
  type Elem,
  G,
  elem,
  commitmentElem,
  commitmentFromHex,
  mod,
  mulSecret,
  scalarFromHex,
  scalarToBytes,
  scalarToHex,
} from './group.js';
import { TAGS, hashToScalar } from './hash.js';
import { type RandomSource, randomScalar } from './random.js';

/** A credential: the secret p (kept by the voter) and the public P = pG (listed in the record). */
export interface Credential {
  secret: bigint;
  public: Elem;
}

/** A Schnorr signature { R, s } in wire form. */
export interface Signature {
  R: string;
  s: string;
}

/** Draws a credential where it is used (the voter's device or an offline slip printer) (spec §6). */
export function generateCredential(random: RandomSource): Credential {
  const secret = randomScalar(random);
  return { secret, public: elem(mulSecret(G, secret)) };
}

/** Rebuilds a credential from its secret (e.g. typed from a slip). */
export function credentialFromSecret(secret: bigint): Credential {
  return { secret: mod(secret), public: elem(mulSecret(G, secret)) };
}

/** c = Hs(T; F, P, R, M) with T = T_sig for ballots, T_ack for trustee acknowledgements (spec §5.4). */
function challenge(F: Uint8Array, P: Elem, R: Uint8Array, M: Uint8Array, tag: string): bigint {
  return hashToScalar(tag, [F, P.bytes, R, M]);
}

/** Signs the 32-byte digest M with a hedged nonce k = Hs(T_nonce; p, M, ρ) (spec §5.4). */
export function signDigest(
  F: Uint8Array,
  cred: Credential,
  M: Uint8Array,
  random: RandomSource,
  tag: string = TAGS.signature,
): Signature {
  let k = hashToScalar(TAGS.nonce, [scalarToBytes(cred.secret), M, random(32)]);
  if (k === 0n) k = randomScalar(random);
  const R = commitmentElem(mulSecret(G, k));
  const c = challenge(F, cred.public, R.bytes, M, tag);
  // s = k + c·p
  return { R: R.hex, s: scalarToHex(mod(k + c * cred.secret)) };
}

/** Adds sG − R − cP = 0 to a batch; false (and the batch fails) if malformed (spec §5.4). */
export function addSignature(
  batch: BatchVerifier,
  F: Uint8Array,
  P: Elem,
  M: Uint8Array,
  sig: Signature,
  tag: string = TAGS.signature,
): boolean {
  const R = commitmentFromHex(sig?.R);
  const s = scalarFromHex(sig?.s);
  if (!R || s === undefined) {
    batch.fail();
    return false;
  }
  const c = challenge(F, P, R.bytes, M, tag);
  batch.base('G', G);
  batch.equation([
    [s, 'G'],
    [-1n, R.point],
    [-c, P.point],
  ]);
  return true;
}
