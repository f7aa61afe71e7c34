// Distributed key generation among the trustees: Joint-Feldman with public encrypted shares (spec §8).
import type { BatchVerifier } from './batch-verifier.js';
import { addEqualLogsProof, type ChaumPedersenProof, proveEqualLogs } from './chaum-pedersen.js';
import { msm } from './batch-verifier.js';
import { type Elem, type Point, G, ZERO, elem, elemFromHex, mod, mulSecret } from './group.js';
import { u32, utf8 } from './hash.js';
import { type RandomSource, randomScalar } from './random.js';
import { type Result, err, ok } from './result.js';
import { addKnowledgeProof, proveKnowledge, type SchnorrProof } from './schnorr-proof.js';
import {
  type EncryptedShare,
  type ShareError,
  decryptShare,
  encryptShare,
  openShareWithKey,
} from './share-encryption.js';

/** The default threshold ⌊n/2⌋ + 1 (spec §8). */
export function defaultThreshold(n: number): number {
  return Math.floor(n / 2) + 1;
}

/** ctx of a trustee key proof: "trustee-key" ‖ u32(i) (spec §5.1). */
export function trusteeKeyContext(i: number): Uint8Array {
  return concat(utf8('trustee-key'), u32(i));
}

/** ctx of a coefficient proof: "coefficient" ‖ u32(i) ‖ u32(k) (spec §5.1). */
export function coefficientContext(i: number, k: number): Uint8Array {
  return concat(utf8('coefficient'), u32(i), u32(k));
}

/** ctx of a complaint proof: "complaint" ‖ u32(i) ‖ u32(j) (spec §8.3). */
export function complaintContext(from: number, to: number): Uint8Array {
  return concat(utf8('complaint'), u32(from), u32(to));
}

/** A trustee's published encryption key with its proof (spec §8.1). */
export interface TrusteeKey {
  trustee: number;
  key: string;
  proof: SchnorrProof;
}

/** Trustee i draws its encryption key pair (spec §8.1). */
export function generateTrusteeKey(F: Uint8Array, i: number, random: RandomSource) {
  const secret = randomScalar(random);
  const E = elem(mulSecret(G, secret));
  const published: TrusteeKey = {
    trustee: i,
    key: E.hex,
    proof: proveKnowledge(F, trusteeKeyContext(i), secret, E, random),
  };
  return { secret, published };
}

/** Adds a trustee key proof to a batch (spec §8.1). */
export function addTrusteeKey(
  batch: BatchVerifier,
  F: Uint8Array,
  tk: TrusteeKey,
): Elem | undefined {
  const E = elemFromHex(tk?.key);
  if (!E || !Number.isSafeInteger(tk.trustee)) {
    batch.fail();
    return undefined;
  }
  return addKnowledgeProof(batch, F, trusteeKeyContext(tk.trustee), E, tk.proof) ? E : undefined;
}

/** Trustee i's commitments, coefficient proofs and encrypted shares (spec §8.2). */
export interface DkgCommitment {
  trustee: number;
  commitments: string[];
  proofs: SchnorrProof[];
  shares: EncryptedShare[];
}

/** f(z) = Σ a_k z^k mod L, by Horner. */
export function evalPolynomial(coefficients: readonly bigint[], z: number): bigint {
  let acc = 0n;
  const zz = BigInt(z);
  for (let k = coefficients.length - 1; k >= 0; k--) acc = mod(acc * zz + coefficients[k]!);
  return acc;
}

/** Trustee i deals: polynomial of degree t−1, commitments, proofs, encrypted shares (spec §8.2). */
export function deal(
  F: Uint8Array,
  i: number,
  t: number,
  trusteeKeys: ReadonlyMap<number, Point>,
  random: RandomSource,
): { coefficients: bigint[]; published: DkgCommitment } {
  const coefficients = Array.from({ length: t }, () => randomScalar(random));
  const A = coefficients.map((a) => elem(mulSecret(G, a)));
  const proofs = coefficients.map((a, k) =>
    proveKnowledge(F, coefficientContext(i, k), a, A[k]!, random),
  );
  const shares: EncryptedShare[] = [];
  for (const [j, Ej] of [...trusteeKeys].sort((x, y) => x[0] - y[0])) {
    if (j === i) continue;
    shares.push(encryptShare(F, i, j, Ej, evalPolynomial(coefficients, j), random));
  }
  return {
    coefficients,
    published: { trustee: i, commitments: A.map((x) => x.hex), proofs, shares },
  };
}

/** Σ_k j^k A_k: the point a correct share s_{i,j} must match (Feldman, spec §8.2). */
export function feldmanPoint(commitments: readonly Point[], j: number): Point {
  const scalars: bigint[] = [];
  let power = 1n;
  for (let k = 0; k < commitments.length; k++) {
    scalars.push(power);
    power = mod(power * BigInt(j));
  }
  return msm([...commitments], scalars);
}

/** Decodes commitments and adds their proofs to a batch; undefined if malformed (spec §8.2). */
export function addDkgCommitment(
  batch: BatchVerifier,
  F: Uint8Array,
  c: DkgCommitment,
  t: number,
): Point[] | undefined {
  if (
    !Array.isArray(c?.commitments) ||
    !Array.isArray(c.proofs) ||
    c.commitments.length !== t ||
    c.proofs.length !== t
  ) {
    batch.fail();
    return undefined;
  }
  const A: Point[] = [];
  for (let k = 0; k < t; k++) {
    const Ak = elemFromHex(c.commitments[k]);
    if (!Ak || !addKnowledgeProof(batch, F, coefficientContext(c.trustee, k), Ak, c.proofs[k]!)) {
      batch.fail();
      return undefined;
    }
    A.push(Ak.point);
  }
  return A;
}

/** Why a received share is refused (spec §8.3). */
export type ReceivedShareError = ShareError | { code: 'share_inconsistent' };

/** Recipient j opens s_{i,j} and checks it against i's commitments (spec §8.2). */
export function receiveShare(
  F: Uint8Array,
  from: number,
  enc: EncryptedShare,
  eTo: bigint,
  commitments: readonly Point[],
): Result<bigint, ReceivedShareError> {
  const opened = decryptShare(F, from, enc, eTo);
  if (!opened.ok) return opened;
  return checkFeldman(opened.value, commitments, enc.to);
}

function checkFeldman(
  s: bigint,
  commitments: readonly Point[],
  j: number,
): Result<bigint, ReceivedShareError> {
  return mulSecret(G, s).equals(feldmanPoint(commitments, j))
    ? ok(s)
    : err({ code: 'share_inconsistent' });
}

/** A complaint by `to` against `from`, revealing K = e_to R with a proof (spec §8.3). */
export interface DkgComplaint {
  from: number;
  to: number;
  K: string;
  proof: ChaumPedersenProof;
}

/** Trustee `to` complains about the share `enc` from `from` (spec §8.3). */
export function makeComplaint(
  F: Uint8Array,
  from: number,
  enc: EncryptedShare,
  eTo: bigint,
  Eto: Elem,
  random: RandomSource,
): DkgComplaint {
  const R = elemFromHex(enc.R);
  if (!R)
    throw new Error('makeComplaint: the share has no valid R; complain with K = 0 is not defined');
  const K = elem(mulSecret(R.point, eTo));
  const proof = proveEqualLogs(
    F,
    complaintContext(from, enc.to),
    eTo,
    { X: Eto, A: R, Z: K },
    random,
  );
  return { from, to: enc.to, K: K.hex, proof };
}

/** Verdict on a complaint: upheld disqualifies `from`; rejected complaints are ignored (spec §8.3). */
export type ComplaintVerdict = 'upheld' | 'rejected';

/** Judges a complaint publicly: checks its proof, then opens the share and checks it (spec §8.3). */
export function judgeComplaint(
  F: Uint8Array,
  complaint: DkgComplaint,
  enc: EncryptedShare,
  Eto: Elem,
  commitments: readonly Point[],
  batch: BatchVerifier,
): ComplaintVerdict {
  const R = elemFromHex(enc?.R);
  const K = elemFromHex(complaint?.K);
  if (!R) return 'upheld';
  if (!K) return 'rejected';
  const ok = addEqualLogsProof(
    batch,
    F,
    complaintContext(complaint.from, complaint.to),
    { X: Eto, A: R, Z: K },
    complaint.proof,
  );
  if (!ok || !batch.valid()) return 'rejected';
  const opened = openShareWithKey(F, complaint.from, enc, K.point);
  if (!opened.ok) return 'upheld';
  return checkFeldman(opened.value, commitments, complaint.to).ok ? 'rejected' : 'upheld';
}

/** Y = Σ_{i∈QUAL} A_{i,0} (spec §8.4). */
export function combinePublicKey(qualifiedCommitments: readonly (readonly Point[])[]): Point {
  return qualifiedCommitments.reduce<Point>((acc, A) => acc.add(A[0]!), ZERO);
}

/** X_j = Σ_{i∈QUAL} Σ_k j^k A_{i,k} (spec §8.4). */
export function verificationKey(
  qualifiedCommitments: readonly (readonly Point[])[],
  j: number,
): Point {
  const pts: Point[] = [];
  const scs: bigint[] = [];
  for (const A of qualifiedCommitments) {
    let power = 1n;
    for (const Ak of A) {
      pts.push(Ak);
      scs.push(power);
      power = mod(power * BigInt(j));
    }
  }
  return msm(pts, scs);
}

/** x_j = Σ_{i∈QUAL} s_{i,j} (spec §8.4). */
export function combineShares(shares: readonly bigint[]): bigint {
  return mod(shares.reduce((a, b) => a + b, 0n));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
