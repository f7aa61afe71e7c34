// Disjunctive (Cramer–Damgård–Schoenmakers) proof that a ciphertext encrypts one of a list (spec §5.3).
import { bytesToHex } from '@noble/hashes/utils.js';
import type { BatchVerifier, Term } from './batch-verifier.js';
import {
  type Elem,
  G,
  G_ELEM,
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

/** A disjunctive proof in wire form: one commitment pair, challenge and response per message. */
export interface DisjunctiveProof {
  a: string[];
  b: string[];
  c: string[];
  z: string[];
}

/** The statement: (α, β) under Y encrypts one of `messages`. */
export interface OneOfStatement {
  Y: Elem;
  alpha: Elem;
  beta: Elem;
  messages: readonly bigint[];
}

/** c = Hs(T_or; F, ctx, G, Y, α, β, scalar(m_0), …, a_0, b_0, …) (spec §5.3). */
function challenge(
  F: Uint8Array,
  ctx: Uint8Array,
  st: OneOfStatement,
  a: Uint8Array[],
  b: Uint8Array[],
) {
  const parts: Uint8Array[] = [F, ctx, G_ELEM.bytes, st.Y.bytes, st.alpha.bytes, st.beta.bytes];
  for (const m of st.messages) parts.push(scalarToBytes(m));
  for (let j = 0; j < a.length; j++) parts.push(a[j]!, b[j]!);
  return hashToScalar(TAGS.disjunctive, parts);
}

/**
 * Proves that (α, β) = (rG, m_i G + rY) encrypts messages[index] (spec §5.3). Simulated branches use
 * a_j = (z_j − c_j r)G and b_j = (z_j − c_j r)Y + c_j(m_j − m_i)G, equal to the spec's formulas since
 * α = rG: only fixed-base multiplications.
 */
export function proveOneOf(
  F: Uint8Array,
  ctx: Uint8Array,
  st: OneOfStatement,
  index: number,
  r: bigint,
  random: RandomSource,
): DisjunctiveProof {
  const k = st.messages.length;
  const mi = st.messages[index];
  if (mi === undefined) throw new Error(`proveOneOf: index ${index} outside 0..${k - 1}`);
  const a: Uint8Array[] = [];
  const b: Uint8Array[] = [];
  const c: bigint[] = [];
  const z: bigint[] = [];
  const w = randomScalar(random);
  for (let j = 0; j < k; j++) {
    if (j === index) {
      // a_i = wG, b_i = wY
      a.push(commitmentElem(mulSecret(G, w)).bytes);
      b.push(commitmentElem(mulSecret(st.Y.point, w)).bytes);
      c.push(0n);
      z.push(0n);
      continue;
    }
    const cj = randomScalar(random);
    const zj = randomScalar(random);
    const u = mod(zj - cj * r);
    // a_j = z_j G − c_j α = uG ; b_j = z_j Y − c_j(β − m_j G) = uY + c_j(m_j − m_i)G
    a.push(commitmentElem(mulSecret(G, u)).bytes);
    b.push(
      commitmentElem(mulSecret(st.Y.point, u).add(mulSecret(G, cj * (st.messages[j]! - mi)))).bytes,
    );
    c.push(cj);
    z.push(zj);
  }
  const total = challenge(F, ctx, st, a, b);
  // c_i = c − Σ_{j≠i} c_j ; z_i = w + c_i r
  let ci = total;
  for (let j = 0; j < k; j++) if (j !== index) ci -= c[j]!;
  ci = mod(ci);
  c[index] = ci;
  z[index] = mod(w + ci * r);
  return {
    a: a.map((x) => bytesToHex(x)),
    b: b.map((x) => bytesToHex(x)),
    c: c.map(scalarToHex),
    z: z.map(scalarToHex),
  };
}

/**
 * Adds the 2k equations of spec §5.3 to a batch after checking Σ c_j = c exactly. Y is folded under
 * the base key 'Y'. Returns false (and fails the batch) on a malformed proof or a wrong challenge sum.
 */
export function addOneOfProof(
  batch: BatchVerifier,
  F: Uint8Array,
  ctx: Uint8Array,
  st: OneOfStatement,
  proof: DisjunctiveProof,
): boolean {
  const k = st.messages.length;
  if (
    !proof ||
    !Array.isArray(proof.a) ||
    !Array.isArray(proof.b) ||
    !Array.isArray(proof.c) ||
    !Array.isArray(proof.z) ||
    proof.a.length !== k ||
    proof.b.length !== k ||
    proof.c.length !== k ||
    proof.z.length !== k
  ) {
    batch.fail();
    return false;
  }
  const a: Elem[] = [];
  const b: Elem[] = [];
  const c: bigint[] = [];
  const z: bigint[] = [];
  for (let j = 0; j < k; j++) {
    const aj = commitmentFromHex(proof.a[j]);
    const bj = commitmentFromHex(proof.b[j]);
    const cj = scalarFromHex(proof.c[j]);
    const zj = scalarFromHex(proof.z[j]);
    if (!aj || !bj || cj === undefined || zj === undefined) {
      batch.fail();
      return false;
    }
    a.push(aj);
    b.push(bj);
    c.push(cj);
    z.push(zj);
  }
  const total = challenge(
    F,
    ctx,
    st,
    a.map((x) => x.bytes),
    b.map((x) => x.bytes),
  );
  if (mod(c.reduce((s, x) => s + x, 0n)) !== total) {
    batch.fail();
    return false;
  }
  batch.base('G', G);
  batch.base('Y', st.Y.point);
  const eqs: Term[][] = [];
  for (let j = 0; j < k; j++) {
    // z_j G − a_j − c_j α = 0
    eqs.push([
      [z[j]!, 'G'],
      [-1n, a[j]!.point],
      [-c[j]!, st.alpha.point],
    ]);
    // z_j Y − b_j − c_j β + c_j m_j G = 0
    eqs.push([
      [z[j]!, 'Y'],
      [-1n, b[j]!.point],
      [-c[j]!, st.beta.point],
      [c[j]! * st.messages[j]!, 'G'],
    ]);
  }
  batch.equations(eqs);
  return true;
}
