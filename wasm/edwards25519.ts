// The verifier's kernel in WebAssembly (AssemblyScript; ADR 0003, spec §5.5): arithmetic modulo
// p = 2^255 − 19, edwards25519 point additions, the multi-scalar multiplication of batch verification,
// ristretto255 decoding (RFC 9496 §4.3.1) and the curve check of commitments (spec §2.2). Public inputs
// only: nothing here is constant time. The caller (src/crypto/edwards-wasm.ts) owns the memory above
// heapBase() and passes pointers.
//
// A field element is 10 signed limbs in i64 (radix 2^25.5, as in ref10): f = Σ f_i·2^⌈25.5·i⌉, 80 bytes.
// Outputs of mul/sq/carry have |f_i| ≤ 2^25 (even i) or 2^24 (odd i) plus a little; mul accepts sums of
// up to three such elements (|f_i| < 2^27 keeps every product sum below 2^63).

const FE: usize = 80;
/** Extended point (X : Y : Z : T): four field elements. */
const EXT: usize = 4 * FE;
/** Cached affine point (y + x, y − x, 2d·x·y): three field elements. */
const CACHED: usize = 3 * FE;

const D_BYTES = memory.data<u8>([
  163, 120, 89, 19, 202, 77, 235, 117, 171, 216, 65, 65, 77, 10, 112, 0, 152, 232, 121, 119, 121,
  64, 199, 140, 115, 254, 111, 43, 238, 108, 3, 82,
]);
const D2_BYTES = memory.data<u8>([
  89, 241, 178, 38, 148, 155, 214, 235, 86, 177, 131, 130, 154, 20, 224, 0, 48, 209, 243, 238, 242,
  128, 142, 25, 231, 252, 223, 86, 220, 217, 6, 36,
]);
const SQRT_M1_BYTES = memory.data<u8>([
  176, 160, 14, 74, 39, 27, 238, 196, 120, 228, 47, 173, 6, 24, 67, 47, 167, 215, 251, 61, 153, 0,
  77, 43, 11, 223, 193, 79, 128, 36, 131, 43,
]);

const D = memory.data(FE, 8);
const D2 = memory.data(FE, 8);
const SQRT_M1 = memory.data(FE, 8);
const ONE = memory.data(FE, 8);
/** Scratch field elements (t(k) is the k-th) and points. */
const SCRATCH = memory.data(32 * FE, 8);
const ACC = memory.data(EXT, 8);
const RUNNING = memory.data(EXT, 8);
const SUM = memory.data(EXT, 8);
const BYTES = memory.data(64, 8);

function t(k: usize): usize {
  return SCRATCH + k * FE;
}

const B24: i64 = 1 << 24;
const B25: i64 = 1 << 25;

/** Sets up the constants; call once after instantiation. */
export function init(): void {
  feFromBytes(D, D_BYTES);
  feFromBytes(D2, D2_BYTES);
  feFromBytes(SQRT_M1, SQRT_M1_BYTES);
  feSetSmall(ONE, 1);
}

/** First byte the caller may use. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}

// ---- field ----

function feSetSmall(h: usize, v: i64): void {
  memory.fill(h, 0, FE);
  store<i64>(h, v);
}

function feCopy(h: usize, f: usize): void {
  memory.copy(h, f, FE);
}

/** Reads 32 bytes little-endian, ignoring the top bit. */
function feFromBytes(h: usize, s: usize): void {
  let acc: u64 = 0;
  let bits: i32 = 0;
  let at: usize = 0;
  for (let i: usize = 0; i < 10; i++) {
    const w: i32 = i & 1 ? 25 : 26;
    while (bits < w) {
      acc |= (<u64>load<u8>(s + at)) << (<u64>bits);
      at++;
      bits += 8;
    }
    store<i64>(h + (i << 3), <i64>(acc & (((<u64>1) << (<u64>w)) - 1)));
    acc >>= <u64>w;
    bits -= w;
  }
}

/** Writes the canonical representative (< p) as 32 bytes little-endian. */
function feToBytes(s: usize, f: usize): void {
  let h0 = load<i64>(f, 0);
  let h1 = load<i64>(f, 8);
  let h2 = load<i64>(f, 16);
  let h3 = load<i64>(f, 24);
  let h4 = load<i64>(f, 32);
  let h5 = load<i64>(f, 40);
  let h6 = load<i64>(f, 48);
  let h7 = load<i64>(f, 56);
  let h8 = load<i64>(f, 64);
  let h9 = load<i64>(f, 72);
  // q = ⌊f / p⌋ ∈ {−1, 0, 1} for bounded limbs (ref10's fe_tobytes)
  let q = (19 * h9 + B24) >> 25;
  q = (h0 + q) >> 26;
  q = (h1 + q) >> 25;
  q = (h2 + q) >> 26;
  q = (h3 + q) >> 25;
  q = (h4 + q) >> 26;
  q = (h5 + q) >> 25;
  q = (h6 + q) >> 26;
  q = (h7 + q) >> 25;
  q = (h8 + q) >> 26;
  q = (h9 + q) >> 25;
  h0 += 19 * q;
  let c: i64;
  c = h0 >> 26;
  h1 += c;
  h0 -= c << 26;
  c = h1 >> 25;
  h2 += c;
  h1 -= c << 25;
  c = h2 >> 26;
  h3 += c;
  h2 -= c << 26;
  c = h3 >> 25;
  h4 += c;
  h3 -= c << 25;
  c = h4 >> 26;
  h5 += c;
  h4 -= c << 26;
  c = h5 >> 25;
  h6 += c;
  h5 -= c << 25;
  c = h6 >> 26;
  h7 += c;
  h6 -= c << 26;
  c = h7 >> 25;
  h8 += c;
  h7 -= c << 25;
  c = h8 >> 26;
  h9 += c;
  h8 -= c << 26;
  c = h9 >> 25;
  h9 -= c << 25;
  store<i64>(f, h0, 0);
  store<i64>(f, h1, 8);
  store<i64>(f, h2, 16);
  store<i64>(f, h3, 24);
  store<i64>(f, h4, 32);
  store<i64>(f, h5, 40);
  store<i64>(f, h6, 48);
  store<i64>(f, h7, 56);
  store<i64>(f, h8, 64);
  store<i64>(f, h9, 72);
  let acc: u64 = 0;
  let bits: i32 = 0;
  let at: usize = 0;
  for (let i: usize = 0; i < 10; i++) {
    acc |= (<u64>load<i64>(f + (i << 3))) << (<u64>bits);
    bits += i & 1 ? 25 : 26;
    while (bits >= 8) {
      store<u8>(s + at, <u8>acc);
      at++;
      acc >>= 8;
      bits -= 8;
    }
  }
  store<u8>(s + at, <u8>acc);
}

/** h = f + g (no carry). */
function feAdd(h: usize, f: usize, g: usize): void {
  for (let i: usize = 0; i < FE; i += 8) store<i64>(h + i, load<i64>(f + i) + load<i64>(g + i));
}

/** h = f − g (no carry; limbs may be negative). */
function feSub(h: usize, f: usize, g: usize): void {
  for (let i: usize = 0; i < FE; i += 8) store<i64>(h + i, load<i64>(f + i) - load<i64>(g + i));
}

/** h = −f. */
function feNeg(h: usize, f: usize): void {
  for (let i: usize = 0; i < FE; i += 8) store<i64>(h + i, -load<i64>(f + i));
}

/** Brings the limbs of h back to the bounds of a product (ref10's carry chain). */
function feCarry(h: usize): void {
  carryStore(
    h,
    load<i64>(h, 0),
    load<i64>(h, 8),
    load<i64>(h, 16),
    load<i64>(h, 24),
    load<i64>(h, 32),
    load<i64>(h, 40),
    load<i64>(h, 48),
    load<i64>(h, 56),
    load<i64>(h, 64),
    load<i64>(h, 72),
  );
}

/** Stores h0…h9 at h after ref10's carry chain (limbs back to the bounds of a product). */
@inline function carryStore(
  h: usize,
  h0: i64,
  h1: i64,
  h2: i64,
  h3: i64,
  h4: i64,
  h5: i64,
  h6: i64,
  h7: i64,
  h8: i64,
  h9: i64,
): void {
  let c: i64;
  c = (h0 + B25) >> 26;
  h1 += c;
  h0 -= c << 26;
  c = (h4 + B25) >> 26;
  h5 += c;
  h4 -= c << 26;
  c = (h1 + B24) >> 25;
  h2 += c;
  h1 -= c << 25;
  c = (h5 + B24) >> 25;
  h6 += c;
  h5 -= c << 25;
  c = (h2 + B25) >> 26;
  h3 += c;
  h2 -= c << 26;
  c = (h6 + B25) >> 26;
  h7 += c;
  h6 -= c << 26;
  c = (h3 + B24) >> 25;
  h4 += c;
  h3 -= c << 25;
  c = (h7 + B24) >> 25;
  h8 += c;
  h7 -= c << 25;
  c = (h4 + B25) >> 26;
  h5 += c;
  h4 -= c << 26;
  c = (h8 + B25) >> 26;
  h9 += c;
  h8 -= c << 26;
  c = (h9 + B24) >> 25;
  h0 += c * 19;
  h9 -= c << 25;
  c = (h0 + B25) >> 26;
  h1 += c;
  h0 -= c << 26;
  store<i64>(h, h0, 0);
  store<i64>(h, h1, 8);
  store<i64>(h, h2, 16);
  store<i64>(h, h3, 24);
  store<i64>(h, h4, 32);
  store<i64>(h, h5, 40);
  store<i64>(h, h6, 48);
  store<i64>(h, h7, 56);
  store<i64>(h, h8, 64);
  store<i64>(h, h9, 72);
}

/**
 * h = f·g: h_k = Σ_{i+j=k} f_i·g_j + Σ_{i+j=k+10} 19·f_i·g_j, each term doubled when i and j are both
 * odd (their limb positions add up to one more than position k's). h may alias f or g.
 */
function feMul(h: usize, f: usize, g: usize): void {
  const f0 = load<i64>(f, 0);
  const f1 = load<i64>(f, 8);
  const f2 = load<i64>(f, 16);
  const f3 = load<i64>(f, 24);
  const f4 = load<i64>(f, 32);
  const f5 = load<i64>(f, 40);
  const f6 = load<i64>(f, 48);
  const f7 = load<i64>(f, 56);
  const f8 = load<i64>(f, 64);
  const f9 = load<i64>(f, 72);
  const g0 = load<i64>(g, 0);
  const g1 = load<i64>(g, 8);
  const g2 = load<i64>(g, 16);
  const g3 = load<i64>(g, 24);
  const g4 = load<i64>(g, 32);
  const g5 = load<i64>(g, 40);
  const g6 = load<i64>(g, 48);
  const g7 = load<i64>(g, 56);
  const g8 = load<i64>(g, 64);
  const g9 = load<i64>(g, 72);
  const g1_19 = 19 * g1;
  const g2_19 = 19 * g2;
  const g3_19 = 19 * g3;
  const g4_19 = 19 * g4;
  const g5_19 = 19 * g5;
  const g6_19 = 19 * g6;
  const g7_19 = 19 * g7;
  const g8_19 = 19 * g8;
  const g9_19 = 19 * g9;
  const f1_2 = 2 * f1;
  const f3_2 = 2 * f3;
  const f5_2 = 2 * f5;
  const f7_2 = 2 * f7;
  const f9_2 = 2 * f9;
  // prettier-ignore
  const h0 = f0 * g0 + f1_2 * g9_19 + f2 * g8_19 + f3_2 * g7_19 + f4 * g6_19 + f5_2 * g5_19 + f6 * g4_19 + f7_2 * g3_19 + f8 * g2_19 + f9_2 * g1_19;
  // prettier-ignore
  const h1 = f0 * g1 + f1 * g0 + f2 * g9_19 + f3 * g8_19 + f4 * g7_19 + f5 * g6_19 + f6 * g5_19 + f7 * g4_19 + f8 * g3_19 + f9 * g2_19;
  // prettier-ignore
  const h2 = f0 * g2 + f1_2 * g1 + f2 * g0 + f3_2 * g9_19 + f4 * g8_19 + f5_2 * g7_19 + f6 * g6_19 + f7_2 * g5_19 + f8 * g4_19 + f9_2 * g3_19;
  // prettier-ignore
  const h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0 + f4 * g9_19 + f5 * g8_19 + f6 * g7_19 + f7 * g6_19 + f8 * g5_19 + f9 * g4_19;
  // prettier-ignore
  const h4 = f0 * g4 + f1_2 * g3 + f2 * g2 + f3_2 * g1 + f4 * g0 + f5_2 * g9_19 + f6 * g8_19 + f7_2 * g7_19 + f8 * g6_19 + f9_2 * g5_19;
  // prettier-ignore
  const h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1 + f5 * g0 + f6 * g9_19 + f7 * g8_19 + f8 * g7_19 + f9 * g6_19;
  // prettier-ignore
  const h6 = f0 * g6 + f1_2 * g5 + f2 * g4 + f3_2 * g3 + f4 * g2 + f5_2 * g1 + f6 * g0 + f7_2 * g9_19 + f8 * g8_19 + f9_2 * g7_19;
  // prettier-ignore
  const h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3 + f5 * g2 + f6 * g1 + f7 * g0 + f8 * g9_19 + f9 * g8_19;
  // prettier-ignore
  const h8 = f0 * g8 + f1_2 * g7 + f2 * g6 + f3_2 * g5 + f4 * g4 + f5_2 * g3 + f6 * g2 + f7_2 * g1 + f8 * g0 + f9_2 * g9_19;
  // prettier-ignore
  const h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5 + f5 * g4 + f6 * g3 + f7 * g2 + f8 * g1 + f9 * g0;
  carryStore(h, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
}

/** h = f²: feMul's sum with each pair i < j counted once and doubled (55 products instead of 100). */
function feSq(h: usize, f: usize): void {
  const f0 = load<i64>(f, 0);
  const f1 = load<i64>(f, 8);
  const f2 = load<i64>(f, 16);
  const f3 = load<i64>(f, 24);
  const f4 = load<i64>(f, 32);
  const f5 = load<i64>(f, 40);
  const f6 = load<i64>(f, 48);
  const f7 = load<i64>(f, 56);
  const f8 = load<i64>(f, 64);
  const f9 = load<i64>(f, 72);
  const f1_2 = 2 * f1;
  const f2_2 = 2 * f2;
  const f3_2 = 2 * f3;
  const f3_4 = 4 * f3;
  const f4_2 = 2 * f4;
  const f5_2 = 2 * f5;
  const f5_4 = 4 * f5;
  const f5_38 = 38 * f5;
  const f6_2 = 2 * f6;
  const f6_19 = 19 * f6;
  const f6_38 = 38 * f6;
  const f7_2 = 2 * f7;
  const f7_4 = 4 * f7;
  const f7_38 = 38 * f7;
  const f7_76 = 76 * f7;
  const f8_2 = 2 * f8;
  const f8_19 = 19 * f8;
  const f8_38 = 38 * f8;
  const f9_2 = 2 * f9;
  const f9_38 = 38 * f9;
  const f9_76 = 76 * f9;
  // prettier-ignore
  const h0 = f0 * f0 + f9_76 * f1 + f8_38 * f2 + f7_76 * f3 + f6_38 * f4 + f5_38 * f5;
  // prettier-ignore
  const h1 = f1_2 * f0 + f9_38 * f2 + f8_38 * f3 + f7_38 * f4 + f6_38 * f5;
  // prettier-ignore
  const h2 = f2_2 * f0 + f1_2 * f1 + f9_76 * f3 + f8_38 * f4 + f7_76 * f5 + f6_19 * f6;
  // prettier-ignore
  const h3 = f3_2 * f0 + f2_2 * f1 + f9_38 * f4 + f8_38 * f5 + f7_38 * f6;
  // prettier-ignore
  const h4 = f4_2 * f0 + f3_4 * f1 + f2 * f2 + f9_76 * f5 + f8_38 * f6 + f7_38 * f7;
  // prettier-ignore
  const h5 = f5_2 * f0 + f4_2 * f1 + f3_2 * f2 + f9_38 * f6 + f8_38 * f7;
  // prettier-ignore
  const h6 = f6_2 * f0 + f5_4 * f1 + f4_2 * f2 + f3_2 * f3 + f9_76 * f7 + f8_19 * f8;
  // prettier-ignore
  const h7 = f7_2 * f0 + f6_2 * f1 + f5_2 * f2 + f4_2 * f3 + f9_38 * f8;
  // prettier-ignore
  const h8 = f8_2 * f0 + f7_4 * f1 + f6_2 * f2 + f5_4 * f3 + f4 * f4 + f9_38 * f9;
  // prettier-ignore
  const h9 = f9_2 * f0 + f8_2 * f1 + f7_2 * f2 + f6_2 * f3 + f5_2 * f4;
  carryStore(h, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
}

/** h = f^(2^k). */
function feSqTimes(h: usize, f: usize, k: i32): void {
  feSq(h, f);
  for (let i = 1; i < k; i++) feSq(h, h);
}

/** True when f ≡ 0 (mod p). */
function feIsZero(f: usize): bool {
  feToBytes(BYTES, f);
  return (
    load<u64>(BYTES, 0) == 0 &&
    load<u64>(BYTES, 8) == 0 &&
    load<u64>(BYTES, 16) == 0 &&
    load<u64>(BYTES, 24) == 0
  );
}

/** True when f ≡ g (mod p). */
function feEqual(f: usize, g: usize): bool {
  const d = t(31);
  feSub(d, f, g);
  feCarry(d);
  return feIsZero(d);
}

/** True when the canonical representative of f is odd ("negative", RFC 9496). */
function feIsNegative(f: usize): bool {
  feToBytes(BYTES, f);
  return (load<u8>(BYTES) & 1) == 1;
}

/** h = |f| (RFC 9496 CT_ABS, here variable time). */
function feAbs(h: usize, f: usize): void {
  if (feIsNegative(f)) feNeg(h, f);
  else if (h != f) feCopy(h, f);
}

/** h = f^((p − 5)/8) = f^(2^252 − 3), ref10's addition chain. */
function fePow22523(h: usize, f: usize): void {
  const t0 = t(20);
  const t1 = t(21);
  const t2 = t(22);
  feSq(t0, f);
  feSqTimes(t1, t0, 2);
  feMul(t1, f, t1); // f^9
  feMul(t0, t0, t1); // f^11
  feSq(t0, t0); // f^22
  feMul(t0, t1, t0); // 2^5 − 1
  feSqTimes(t1, t0, 5);
  feMul(t0, t1, t0); // 2^10 − 1
  feSqTimes(t1, t0, 10);
  feMul(t1, t1, t0); // 2^20 − 1
  feSqTimes(t2, t1, 20);
  feMul(t1, t2, t1); // 2^40 − 1
  feSqTimes(t1, t1, 10);
  feMul(t0, t1, t0); // 2^50 − 1
  feSqTimes(t1, t0, 50);
  feMul(t1, t1, t0); // 2^100 − 1
  feSqTimes(t2, t1, 100);
  feMul(t1, t2, t1); // 2^200 − 1
  feSqTimes(t1, t1, 50);
  feMul(t0, t1, t0); // 2^250 − 1
  feSqTimes(t0, t0, 2); // 2^252 − 4
  feMul(h, t0, f);
}

/** True when the 32 bytes at s encode an integer below p. */
function isCanonical(s: usize): bool {
  const top = load<u64>(s, 24);
  if (top < 0x7fffffffffffffff) return true;
  if (top > 0x7fffffffffffffff) return false;
  if (load<u64>(s, 16) != 0xffffffffffffffff || load<u64>(s, 8) != 0xffffffffffffffff) return true;
  return load<u64>(s, 0) < 0xffffffffffffffed;
}

// ---- points ----

/** r = p + q with q cached (Z = 1), negated when neg: add-2008-hwcd-3, a = −1. r may alias p. */
function addMixed(r: usize, p: usize, q: usize, neg: bool): void {
  const a = t(0);
  const b = t(1);
  const c = t(2);
  const dd = t(3);
  const e = t(4);
  const f = t(5);
  const g = t(6);
  const h = t(7);
  feSub(a, p + FE, p);
  feMul(a, a, neg ? q : q + FE);
  feAdd(b, p + FE, p);
  feMul(b, b, neg ? q + FE : q);
  feMul(c, p + 3 * FE, q + 2 * FE);
  if (neg) feNeg(c, c);
  feAdd(dd, p + 2 * FE, p + 2 * FE);
  feSub(e, b, a);
  feSub(f, dd, c);
  feAdd(g, dd, c);
  feAdd(h, b, a);
  feMul(r, e, f);
  feMul(r + FE, g, h);
  feMul(r + 2 * FE, f, g);
  feMul(r + 3 * FE, e, h);
}

/** r = p + q, both extended: add-2008-hwcd-3, a = −1. r may alias p or q. */
function addExt(r: usize, p: usize, q: usize): void {
  const a = t(0);
  const b = t(1);
  const c = t(2);
  const dd = t(3);
  const e = t(4);
  const f = t(5);
  const g = t(6);
  const h = t(7);
  const u = t(8);
  feSub(a, p + FE, p);
  feSub(u, q + FE, q);
  feMul(a, a, u);
  feAdd(b, p + FE, p);
  feAdd(u, q + FE, q);
  feMul(b, b, u);
  feMul(c, p + 3 * FE, q + 3 * FE);
  feMul(c, c, D2);
  feMul(dd, p + 2 * FE, q + 2 * FE);
  feAdd(dd, dd, dd);
  feSub(e, b, a);
  feSub(f, dd, c);
  feAdd(g, dd, c);
  feAdd(h, b, a);
  feMul(r, e, f);
  feMul(r + FE, g, h);
  feMul(r + 2 * FE, f, g);
  feMul(r + 3 * FE, e, h);
}

/** r = 2p: dbl-2008-hwcd, a = −1. r may alias p. */
function double(r: usize, p: usize): void {
  const a = t(0);
  const b = t(1);
  const c = t(2);
  const e = t(4);
  const f = t(5);
  const g = t(6);
  const h = t(7);
  feSq(a, p);
  feSq(b, p + FE);
  feSq(c, p + 2 * FE);
  feAdd(c, c, c);
  feAdd(e, p, p + FE);
  feSq(e, e);
  feSub(e, e, a);
  feSub(e, e, b);
  feSub(g, b, a);
  feSub(f, g, c);
  feCarry(f);
  feNeg(h, a);
  feSub(h, h, b);
  feMul(r, e, f);
  feMul(r + FE, g, h);
  feMul(r + 2 * FE, f, g);
  feMul(r + 3 * FE, e, h);
}

function setIdentity(r: usize): void {
  memory.fill(r, 0, EXT);
  store<i64>(r + FE, 1);
  store<i64>(r + 2 * FE, 1);
}

/** The cached form of the affine point x ‖ y (64 bytes little-endian). */
function toCached(out: usize, xy: usize): void {
  const x = t(10);
  const y = t(11);
  feFromBytes(x, xy);
  feFromBytes(y, xy + 32);
  feAdd(out, y, x);
  feCarry(out);
  feSub(out + FE, y, x);
  feCarry(out + FE);
  feMul(out + 2 * FE, x, y);
  feMul(out + 2 * FE, out + 2 * FE, D2);
}

// ---- exports ----

/**
 * The curve check of a commitment (spec §2.2): x ‖ y at xy (64 bytes), each below p, with
 * −x² + y² = 1 + d·x²·y². Returns 1 when it holds.
 */
export function affineValid(xy: usize): i32 {
  if (!isCanonical(xy) || !isCanonical(xy + 32)) return 0;
  const x2 = t(10);
  const y2 = t(11);
  const l = t(12);
  const r = t(13);
  feFromBytes(x2, xy);
  feSq(x2, x2);
  feFromBytes(y2, xy + 32);
  feSq(y2, y2);
  feSub(l, y2, x2);
  feMul(r, x2, y2);
  feMul(r, r, D);
  feAdd(r, r, ONE);
  return feEqual(l, r) ? 1 : 0;
}

/**
 * RFC 9496 §4.3.1: decodes the 32 bytes at s into the affine coordinates x ‖ y (64 bytes, canonical)
 * of a representative at out. Returns 1, or 0 when s is not a canonical encoding of a group element.
 */
export function ristrettoDecode(s: usize, out: usize): i32 {
  if (!isCanonical(s) || (load<u8>(s) & 1) == 1) return 0;
  const sv = t(10);
  const ss = t(11);
  const u1 = t(12);
  const u2 = t(13);
  const u2sq = t(14);
  const v = t(15);
  const w = t(16);
  const r = t(17);
  const check = t(18);
  const x = t(19);
  feFromBytes(sv, s);
  feSq(ss, sv);
  feSub(u1, ONE, ss);
  feAdd(u2, ONE, ss);
  feSq(u2sq, u2);
  feSq(v, u1);
  feMul(v, v, D);
  feNeg(v, v);
  feSub(v, v, u2sq);
  feCarry(v);
  // SQRT_RATIO_M1(1, w) with w = v·u2²: r = w³·(w⁷)^((p−5)/8)
  feMul(w, v, u2sq);
  const w3 = t(23);
  const w7 = t(24);
  feSq(w3, w);
  feMul(w3, w3, w);
  feSq(w7, w3);
  feMul(w7, w7, w);
  fePow22523(r, w7);
  feMul(r, r, w3);
  feSq(check, r);
  feMul(check, check, w);
  const minusOne = t(25);
  feNeg(minusOne, ONE);
  const minusI = t(26);
  feNeg(minusI, SQRT_M1);
  const correct = feEqual(check, ONE);
  const flipped = feEqual(check, minusOne);
  const flippedI = feEqual(check, minusI);
  if (flipped || flippedI) feMul(r, r, SQRT_M1);
  feAbs(r, r);
  if (!(correct || flipped)) return 0;
  // den_x = r·u2, den_y = r·den_x·v, x = |2·s·den_x|, y = u1·den_y
  const denX = t(27);
  const denY = t(28);
  feMul(denX, r, u2);
  feMul(denY, r, denX);
  feMul(denY, denY, v);
  feAdd(x, sv, sv);
  feMul(x, x, denX);
  feAbs(x, x);
  const y = t(29);
  feMul(y, u1, denY);
  const tt = t(30);
  feMul(tt, x, y);
  if (feIsNegative(tt) || feIsZero(y)) return 0;
  feToBytes(out, x);
  feToBytes(out + 32, y);
  return 1;
}

/** Bytes of work memory msmIsNeutral needs for n points with window width c. */
export function msmWorkBytes(n: i32, c: i32): usize {
  const windows = (254 + c - 1) / c;
  return <usize>n * CACHED + <usize>n * <usize>windows * 4 + (((<usize>1) << (c - 1)) + 1) * EXT;
}

/**
 * Σ s_i·P_i by Pippenger's buckets with signed c-bit digits, then 8·Σ = 0? (the cofactored batch check
 * of spec §5.5). points: n affine x ‖ y (64 bytes each, valid); scalars: n × 32 bytes little-endian,
 * each below 2^253; work: msmWorkBytes(n, c) bytes. Returns 1 when 8·Σ is the identity.
 */
export function msmIsNeutral(n: i32, points: usize, scalars: usize, c: i32, work: usize): i32 {
  const windows = (254 + c - 1) / c;
  const cache = work;
  const digits = cache + <usize>n * CACHED;
  const buckets = digits + <usize>n * <usize>windows * 4;
  const half: i32 = 1 << (c - 1);
  const mask: u32 = (1 << c) - 1;
  for (let i = 0; i < n; i++) {
    toCached(cache + <usize>i * CACHED, points + <usize>i * 64);
    const s = scalars + <usize>i * 32;
    let carry: i32 = 0;
    for (let k = 0; k < windows; k++) {
      const pos = k * c;
      let d = carry;
      if (pos < 256) {
        const at = <usize>(pos >> 3);
        let v: u32 = load<u8>(s + at);
        if (at + 1 < 32) v |= (<u32>load<u8>(s + at + 1)) << 8;
        if (at + 2 < 32) v |= (<u32>load<u8>(s + at + 2)) << 16;
        d += <i32>((v >> (<u32>(pos & 7))) & mask);
      }
      if (d > half) {
        d -= 1 << c;
        carry = 1;
      } else carry = 0;
      store<i32>(digits + (<usize>k * <usize>n + <usize>i) * 4, d);
    }
  }
  setIdentity(ACC);
  for (let k = windows - 1; k >= 0; k--) {
    for (let j = 0; j < c; j++) double(ACC, ACC);
    for (let b = 1; b <= half; b++) setIdentity(buckets + <usize>b * EXT);
    for (let i = 0; i < n; i++) {
      const d = load<i32>(digits + (<usize>k * <usize>n + <usize>i) * 4);
      if (d == 0) continue;
      const bucket = buckets + <usize>(d > 0 ? d : -d) * EXT;
      addMixed(bucket, bucket, cache + <usize>i * CACHED, d < 0);
    }
    setIdentity(RUNNING);
    setIdentity(SUM);
    for (let b = half; b >= 1; b--) {
      addExt(RUNNING, RUNNING, buckets + <usize>b * EXT);
      addExt(SUM, SUM, RUNNING);
    }
    addExt(ACC, ACC, SUM);
  }
  double(ACC, ACC);
  double(ACC, ACC);
  double(ACC, ACC);
  return feIsZero(ACC) && feEqual(ACC + FE, ACC + 2 * FE) ? 1 : 0;
}
