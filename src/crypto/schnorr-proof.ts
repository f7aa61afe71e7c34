// Schnorr proof of knowledge of a discrete logarithm (spec §5.1).
import type { BatchVerifier } from './batch-verifier.js';
import {
  type Elem,
  G,
  G_ELEM,
  mod,
  mulSecret,
  commitmentElem,
  commitmentFromHex,
  scalarFromHex,
  scalarToHex,
} from './group.js';
import { TAGS, hashToScalar } from './hash.js';
import { type RandomSource, randomScalar } from './random.js';

/** A Schnorr proof { R, s } in wire form (hex). */
export interface SchnorrProof {
  R: string;
  s: string;
}

/** c = Hs(T_pok; F, ctx, G, X, R) (spec §5.1). */
function challenge(F: Uint8Array, ctx: Uint8Array, X: Elem, R: Uint8Array): bigint {
  return hashToScalar(TAGS.pok, [F, ctx, G_ELEM.bytes, X.bytes, R]);
}

/** Proves knowledge of x with X = xG (spec §5.1). */
export function proveKnowledge(
  F: Uint8Array,
  ctx: Uint8Array,
  x: bigint,
  X: Elem,
  random: RandomSource,
): SchnorrProof {
  const k = randomScalar(random);
  // R = kG
  const R = commitmentElem(mulSecret(G, k));
  const c = challenge(F, ctx, X, R.bytes);
  // s = k + c·x
  const s = mod(k + c * x);
  return { R: R.hex, s: scalarToHex(s) };
}

/** Adds sG − R − cX = 0 to a batch; false (and the batch fails) if the proof is malformed. */
export function addKnowledgeProof(
  batch: BatchVerifier,
  F: Uint8Array,
  ctx: Uint8Array,
  X: Elem,
  proof: SchnorrProof,
): boolean {
  const R = commitmentFromHex(proof?.R);
  const s = scalarFromHex(proof?.s);
  if (!R || s === undefined) {
    batch.fail();
    return false;
  }
  const c = challenge(F, ctx, X, R.bytes);
  batch.base('G', G);
  batch.equation([
    [s, 'G'],
    [-1n, R.point],
    [-c, X.point],
  ]);
  return true;
}
