// Arithmetic modulo p = 2^255 − 19 with lazy reduction, for the verifier's hot loops (spec §5.5).
// mul and sqr return values below 2^256; add and sub do not reduce (a sum of two such values is below
// 2^257, a difference below 2^258), and mul accepts any inputs below 2^260. `canonical` gives the
// unique representative below p.

/** p = 2^255 − 19. */
export const P = (1n << 255n) - 19n;
const MASK = (1n << 255n) - 1n;
const FOUR_P = 4n * P;

/** Reduces 0 ≤ t < 2^520 to below 2^256, using 2^255 ≡ 19 (mod p). */
export function reduce(t: bigint): bigint {
  t = (t & MASK) + 19n * (t >> 255n);
  return (t & MASK) + 19n * (t >> 255n);
}

/** a·b mod p (weak). */
export function mul(a: bigint, b: bigint): bigint {
  return reduce(a * b);
}

/** a² mod p (weak). */
export function sqr(a: bigint): bigint {
  return reduce(a * a);
}

/** a − b + 4p: congruent to a − b and non-negative for b < 2^257 (not reduced). */
export function sub(a: bigint, b: bigint): bigint {
  return a + FOUR_P - b;
}

/** a + b (not reduced). */
export function add(a: bigint, b: bigint): bigint {
  return a + b;
}

/** The representative in [0, p). */
export function canonical(a: bigint): bigint {
  let r = reduce(a);
  while (r >= P) r -= P;
  return r;
}

/** x^(2^k) by k squarings. */
function pow2k(x: bigint, k: number): bigint {
  let r = x;
  for (let i = 0; i < k; i++) r = reduce(r * r);
  return r;
}

/** x^(2^250 − 1) and x^11, the common start of ref10's addition chains (pow22523, invert). */
function pow2to250minus1(x: bigint): { b250: bigint; x11: bigint } {
  const x2 = sqr(x);
  const x9 = mul(sqr(sqr(x2)), x); // x^8 · x
  const x11 = mul(x9, x2);
  const b5 = mul(sqr(x11), x9); // x^22 · x^9 = x^31 = x^(2^5 − 1)
  const b10 = mul(pow2k(b5, 5), b5);
  const b20 = mul(pow2k(b10, 10), b10);
  const b40 = mul(pow2k(b20, 20), b20);
  const b80 = mul(pow2k(b40, 40), b40);
  const b160 = mul(pow2k(b80, 80), b80);
  const b240 = mul(pow2k(b160, 80), b80);
  return { b250: mul(pow2k(b240, 10), b10), x11 };
}

/** x^((p−5)/8) = x^(2^252 − 3) = (x^(2^250 − 1))^4 · x. */
export function powP58(x: bigint): bigint {
  return mul(pow2k(pow2to250minus1(x).b250, 2), x);
}

/** √−1 mod p. */
export const SQRT_M1 =
  19681161376707505956807079304988542015446066515923890162744021073123829784752n;
/** The Edwards constant d of edwards25519. */
export const D = 37095705934669439343138083508754565189542113879843219016388785533085940283555n;
/** 2d mod p. */
export const D2 = (2n * D) % P;

/** True when the canonical representative is odd ("negative" in RFC 9496). */
export function isNegative(a: bigint): boolean {
  return (canonical(a) & 1n) === 1n;
}

/** |a|: a or −a, whichever is even (RFC 9496 CT_ABS; variable time, public inputs only). */
export function abs(a: bigint): bigint {
  const c = canonical(a);
  return (c & 1n) === 1n ? P - c : c;
}

/** Inverse by Fermat (a^(p−2)), for the few conversions that need it. */
export function invert(a: bigint): bigint {
  // p − 2 = 2^255 − 21 = (2^250 − 1)·2^5 + 11
  const { b250, x11 } = pow2to250minus1(a);
  return mul(pow2k(b250, 5), x11);
}
