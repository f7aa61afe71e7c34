// The verifier's multi-scalar multiplication on edwards25519 in extended coordinates with the fast
// field of field25519.ts: Pippenger's buckets, mixed additions from affine inputs, and the
// cofactored identity test 8·Σ = 0 of spec §5.5. Public inputs only (variable time).
import { edwardsKernel } from './edwards-wasm.js';
import { D2, P, add, canonical, mul, reduce, sqr, sub } from './field25519.js';

/** 1/2 mod p. */
const INV2 = (P + 1n) / 2n;
import { type Affine, affineBytes } from './ristretto-decode.js';

/** Extended coordinates (X : Y : Z : T) with x = X/Z, y = Y/Z, x·y = T/Z. */
type Ext = [bigint, bigint, bigint, bigint];
/** Cached form of an affine point for mixed addition: (y + x, y − x, 2d·x·y). */
type Cached = [bigint, bigint, bigint];

function cached(p: Affine): Cached {
  return [add(p.y, p.x), sub(p.y, p.x), mul(D2, mul(p.x, p.y))];
}

/** P + Q with Q affine (Z = 1), add-2008-hwcd-3 with a = −1: 7 multiplications. */
function addMixed(p: Ext, q: Cached): Ext {
  const [X1, Y1, Z1, T1] = p;
  const A = mul(sub(Y1, X1), q[1]);
  const B = mul(add(Y1, X1), q[0]);
  const C = mul(T1, q[2]);
  const Dd = add(Z1, Z1);
  const E = sub(B, A);
  const F = sub(Dd, C);
  const G = add(Dd, C);
  const H = add(B, A);
  return [mul(E, F), mul(G, H), mul(F, G), mul(E, H)];
}

/** P + Q, both extended, add-2008-hwcd-3 with a = −1. */
function addExt(p: Ext, q: Ext): Ext {
  const [X1, Y1, Z1, T1] = p;
  const [X2, Y2, Z2, T2] = q;
  const A = mul(sub(Y1, X1), sub(Y2, X2));
  const B = mul(add(Y1, X1), add(Y2, X2));
  const C = mul(mul(T1, D2), T2);
  const Z = mul(Z1, Z2);
  const Dd = add(Z, Z);
  const E = sub(B, A);
  const F = sub(Dd, C);
  const G = add(Dd, C);
  const H = add(B, A);
  return [mul(E, F), mul(G, H), mul(F, G), mul(E, H)];
}

/** 2P, dbl-2008-hwcd with a = −1. */
function double(p: Ext): Ext {
  const [X1, Y1, Z1] = p;
  const A = sqr(X1);
  const B = sqr(Y1);
  const C = add(sqr(Z1), sqr(Z1));
  const E = sub(sub(sqr(add(X1, Y1)), A), B);
  const G = sub(B, A); // D + B with D = a·A = −A
  const F = sub(G, C);
  const H = sub(sub(0n, A), B); // D − B
  return [mul(E, F), mul(G, H), mul(F, G), mul(E, H)];
}

/** Extended coordinates (2x : 2y : 2 : 2xy) from the cached form (y + x, y − x, 2d·x·y). */
function fromCached(q: Cached): Ext {
  const X = reduce(sub(q[0], q[1]));
  const Y = reduce(add(q[0], q[1]));
  // T/Z = x·y  ⇒  T = 2xy = X·Y/2
  return [X, Y, 2n, mul(mul(X, Y), INV2)];
}

/**
 * Window width minimising the estimated additions with signed digits: one mixed addition per non-zero
 * digit, plus two full additions (≈ 9/7 of a mixed one) per bucket and window, with 2^(c−1) buckets.
 */
function windowWidth(lengths: readonly number[], maxBits: number): number {
  let best = 1;
  let bestCost = Infinity;
  for (let c = 2; c <= 18; c++) {
    let adds = 0;
    for (const b of lengths) adds += Math.ceil((b + 1) / c);
    const cost = adds + (Math.ceil((maxBits + 1) / c) * 2 ** c * 9) / 7;
    if (cost < bestCost) {
      best = c;
      bestCost = cost;
    }
  }
  return best;
}

/** Signed digits in [−2^(c−1), 2^(c−1)] of s, least significant first: s = Σ d_k·2^(c·k). */
function signedDigits(
  s: bigint,
  c: number,
  windows: number,
  out: Int32Array,
  offset: number,
): void {
  const bits = s.toString(2);
  const half = 2 ** (c - 1);
  const full = 2 ** c;
  let carry = 0;
  for (let w = 0; w < windows; w++) {
    const end = bits.length - w * c;
    let d = carry;
    if (end > 0) d += parseInt(bits.slice(Math.max(0, end - c), end), 2);
    if (d > half) {
      d -= full;
      carry = 1;
    } else carry = 0;
    out[offset + w] = d;
  }
}

/** −Q in cached form: (y − x, y + x, −2d·x·y). */
function negCached(q: Cached): Cached {
  return [q[1], q[0], sub(0n, q[2])];
}

/** Σ s_i P_i in extended coordinates (undefined for the identity). Scalars must be ≥ 0. */
export function msmAffine(points: readonly Affine[], scalars: readonly bigint[]): Ext | undefined {
  const n = points.length;
  if (n !== scalars.length) throw new Error(`msmAffine: ${n} points but ${scalars.length} scalars`);
  const lengths: number[] = [];
  let maxBits = 0;
  for (const s of scalars) {
    if (s < 0n) throw new Error('msmAffine: expected non-negative scalars');
    const b = s === 0n ? 0 : s.toString(2).length;
    lengths.push(b);
    if (b > maxBits) maxBits = b;
  }
  if (maxBits === 0) return undefined;
  const c = windowWidth(lengths, maxBits);
  const windows = Math.ceil((maxBits + 1) / c);
  const digits = new Int32Array(n * windows);
  for (let i = 0; i < n; i++)
    if (lengths[i]! > 0) signedDigits(scalars[i]!, c, windows, digits, i * windows);
  const cache = points.map(cached);
  const neg: (Cached | undefined)[] = new Array<Cached | undefined>(n);
  let acc: Ext | undefined;
  for (let w = windows - 1; w >= 0; w--) {
    if (acc) for (let k = 0; k < c; k++) acc = double(acc);
    const buckets: (Ext | undefined)[] = new Array<Ext | undefined>(2 ** (c - 1) + 1);
    for (let i = 0; i < n; i++) {
      const d = digits[i * windows + w]!;
      if (d === 0) continue;
      const q = d > 0 ? cache[i]! : (neg[i] ??= negCached(cache[i]!));
      const k = d > 0 ? d : -d;
      const cur = buckets[k];
      buckets[k] = cur ? addMixed(cur, q) : fromCached(q);
    }
    let running: Ext | undefined;
    let sum: Ext | undefined;
    for (let d = buckets.length - 1; d >= 1; d--) {
      const bucket = buckets[d];
      if (bucket) running = running ? addExt(running, bucket) : bucket;
      if (running) sum = sum ? addExt(sum, running) : running;
    }
    if (sum) acc = acc ? addExt(acc, sum) : sum;
  }
  return acc;
}

/**
 * True when 8·(Σ s_i P_i) is the identity (0 : 1): the cofactored batch check of spec §5.5, in the
 * WebAssembly kernel when it is available (ADR 0003), else in BigInt arithmetic.
 */
export function msmIsNeutral(points: readonly Affine[], scalars: readonly bigint[]): boolean {
  if (points.length !== scalars.length) {
    throw new Error(`msmIsNeutral: ${points.length} points but ${scalars.length} scalars`);
  }
  const kernel = edwardsKernel();
  if (kernel) return kernel.msmIsNeutral(points.map(affineBytes), scalars);
  return msmIsNeutralBigInt(points, scalars);
}

/** msmIsNeutral in BigInt arithmetic (the fallback, and the kernel's reference in the tests). */
export function msmIsNeutralBigInt(points: readonly Affine[], scalars: readonly bigint[]): boolean {
  let r = msmAffine(points, scalars);
  if (!r) return true;
  r = double(double(double(r)));
  return canonical(r[0]) === 0n && canonical(r[1]) === canonical(r[2]);
}
