// Chaum–Pedersen proof of equal discrete logarithms (spec §5.2).
import type { BatchVerifier } from './batch-verifier.js';
import {
  type Elem,
  G,
  G_ELEM,
  commitmentElem,
  commitmentFromHex,
  mod,
  mulSecret,
  scalarFromHex,
  scalarToHex,
} from './group.js';
import { TAGS, hashToScalar } from './hash.js';
import { type RandomSource, randomScalar } from './random.js';

/** A Chaum–Pedersen proof { P, Q, s } in wire form (hex). */
export interface ChaumPedersenProof {
  P: string;
  Q: string;
  s: string;
}

/** The statement X = xG, Z = xA (spec §5.2). */
export interface DleqStatement {
  X: Elem;
  A: Elem;
  Z: Elem;
}

/** c = Hs(T_cp; F, ctx, G, X, A, Z, P, Q) (spec §5.2). */
function challenge(
  F: Uint8Array,
  ctx: Uint8Array,
  st: DleqStatement,
  P: Uint8Array,
  Q: Uint8Array,
) {
  return hashToScalar(TAGS.chaumPedersen, [
    F,
    ctx,
    G_ELEM.bytes,
    st.X.bytes,
    st.A.bytes,
    st.Z.bytes,
    P,
    Q,
  ]);
}

/** Proves log_G X = log_A Z = x (spec §5.2). */
export function proveEqualLogs(
  F: Uint8Array,
  ctx: Uint8Array,
  x: bigint,
  st: DleqStatement,
  random: RandomSource,
): ChaumPedersenProof {
  const k = randomScalar(random);
  // P = kG, Q = kA
  const P = commitmentElem(mulSecret(G, k));
  const Q = commitmentElem(mulSecret(st.A.point, k));
  const c = challenge(F, ctx, st, P.bytes, Q.bytes);
  // s = k + c·x
  return { P: P.hex, Q: Q.hex, s: scalarToHex(mod(k + c * x)) };
}

/**
 * Adds sG − P − cX = 0 and sA − Q − cZ = 0 to a batch; `baseKeyX` folds X when many proofs share it.
 * Returns false (and fails the batch) on a malformed proof.
 */
export function addEqualLogsProof(
  batch: BatchVerifier,
  F: Uint8Array,
  ctx: Uint8Array,
  st: DleqStatement,
  proof: ChaumPedersenProof,
  baseKeyX?: string,
): boolean {
  const P = commitmentFromHex(proof?.P);
  const Q = commitmentFromHex(proof?.Q);
  const s = scalarFromHex(proof?.s);
  if (!P || !Q || s === undefined) {
    batch.fail();
    return false;
  }
  const c = challenge(F, ctx, st, P.bytes, Q.bytes);
  batch.base('G', G);
  if (baseKeyX) batch.base(baseKeyX, st.X.point);
  batch.equation([
    [s, 'G'],
    [-1n, P.point],
    [-c, baseKeyX ?? st.X.point],
  ]);
  batch.equation([
    [s, st.A.point],
    [-1n, Q.point],
    [-c, st.Z.point],
  ]);
  return true;
}
