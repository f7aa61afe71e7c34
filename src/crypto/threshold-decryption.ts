// Partial decryption by trustees with Chaum–Pedersen proofs, and Lagrange combination (spec §9).
import type { BatchVerifier } from './batch-verifier.js';
import { msm } from './batch-verifier.js';
import { type ChaumPedersenProof, addEqualLogsProof, proveEqualLogs } from './chaum-pedersen.js';
import { type Elem, type Point, elem, elemFromHex, invert, mod, mulSecret } from './group.js';
import { u32, utf8 } from './hash.js';
import type { RandomSource } from './random.js';

/** A partial decryption D_j = x_j α with its proof, in wire form. */
export interface PartialDecryption {
  D: string;
  proof: ChaumPedersenProof;
}

/** ctx = "partial" ‖ u32(j) ‖ utf8(label) (spec §9). */
export function partialContext(j: number, label: string): Uint8Array {
  const a = utf8('partial');
  const b = u32(j);
  const c = utf8(label);
  const out = new Uint8Array(a.length + b.length + c.length);
  out.set(a, 0);
  out.set(b, a.length);
  out.set(c, a.length + b.length);
  return out;
}

/** Trustee j computes D_j = x_j α and proves log_G X_j = log_α D_j (spec §9). */
export function partialDecrypt(
  F: Uint8Array,
  j: number,
  label: string,
  xj: bigint,
  Xj: Elem,
  alpha: Elem,
  random: RandomSource,
): PartialDecryption {
  const D = elem(mulSecret(alpha.point, xj));
  const proof = proveEqualLogs(F, partialContext(j, label), xj, { X: Xj, A: alpha, Z: D }, random);
  return { D: D.hex, proof };
}

/** Adds a partial decryption's proof to a batch; returns D, or undefined if malformed (spec §9). */
export function addPartialDecryption(
  batch: BatchVerifier,
  F: Uint8Array,
  j: number,
  label: string,
  Xj: Elem,
  alpha: Elem,
  pd: PartialDecryption,
): Point | undefined {
  const D = elemFromHex(pd?.D);
  if (!D) {
    batch.fail();
    return undefined;
  }
  const ok = addEqualLogsProof(
    batch,
    F,
    partialContext(j, label),
    { X: Xj, A: alpha, Z: D },
    pd.proof,
    `X${j}`,
  );
  return ok ? D.point : undefined;
}

/** λ_j = Π_{k∈S, k≠j} k/(k − j) mod L (spec §9). */
export function lagrangeAtZero(S: readonly number[], j: number): bigint {
  let num = 1n;
  let den = 1n;
  for (const k of S) {
    if (k === j) continue;
    num = mod(num * BigInt(k));
    den = mod(den * BigInt(k - j));
  }
  return mod(num * invert(den));
}

/** M = β − Σ_{j∈S} λ_j D_j = mG (spec §9). */
export function combinePartials(beta: Point, partials: ReadonlyMap<number, Point>): Point {
  const S = [...partials.keys()];
  const pts: Point[] = [];
  const scs: bigint[] = [];
  for (const j of S) {
    pts.push(partials.get(j)!);
    scs.push(lagrangeAtZero(S, j));
  }
  return beta.subtract(msm(pts, scs));
}
