// ristretto255 decoding (RFC 9496 §4.3.1), in the WebAssembly kernel or with the fast field of
// field25519.ts: it returns the affine Edwards coordinates, which batch verification consumes directly
// (spec §2.2, §5.5).
import { edwardsKernel } from './edwards-wasm.js';
import { D, P, SQRT_M1, abs, canonical, isNegative, mul, powP58, sqr, sub } from './field25519.js';

/** Affine coordinates of an edwards25519 point; xy, when known, is x ‖ y as 64 bytes little-endian. */
export interface Affine {
  x: bigint;
  y: bigint;
  xy?: Uint8Array;
}

/** RFC 9496 SQRT_RATIO_M1(u, v): (was_square, r) with r non-negative. */
function sqrtRatioM1(u: bigint, v: bigint): { wasSquare: boolean; r: bigint } {
  const v3 = mul(sqr(v), v);
  const v7 = mul(sqr(v3), v);
  // r = (u·v³)·(u·v⁷)^((p−5)/8)
  let r = mul(mul(u, v3), powP58(mul(u, v7)));
  const check = canonical(mul(v, sqr(r)));
  const uc = canonical(u);
  const correct = check === uc;
  const flipped = check === canonical(P - uc);
  const flippedI = check === canonical(mul(P - uc, SQRT_M1));
  if (flipped || flippedI) r = mul(r, SQRT_M1);
  return { wasSquare: correct || flipped, r: abs(r) };
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Reads 32 bytes little-endian from `at`. */
function readLE(bytes: Uint8Array, at = 0): bigint {
  let hex = '';
  for (let i = at + 31; i >= at; i--) hex += HEX_BYTE[bytes[i]!];
  return BigInt(`0x${hex}`);
}

/** x ‖ y of an affine point as 64 bytes little-endian (the kernel's input). */
export function affineBytes(a: Affine): Uint8Array {
  if (a.xy) return a.xy;
  const out = new Uint8Array(64);
  const hex = a.x.toString(16).padStart(64, '0') + a.y.toString(16).padStart(64, '0');
  for (let i = 0; i < 32; i++) {
    out[31 - i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    out[63 - i] = parseInt(hex.slice(64 + 2 * i, 66 + 2 * i), 16);
  }
  return out;
}

/**
 * Decodes a canonical ristretto255 encoding to the affine coordinates of a representative, or
 * undefined if the encoding is not canonical or not a group element (RFC 9496 §4.3.1).
 */
export function decodeRistrettoAffine(bytes: Uint8Array): Affine | undefined {
  if (bytes.length !== 32) return undefined;
  const kernel = edwardsKernel();
  if (kernel) {
    const xy = kernel.ristrettoDecode(bytes);
    return xy && { x: readLE(xy, 0), y: readLE(xy, 32), xy };
  }
  const s = readLE(bytes);
  // canonical and non-negative: s < p and s even
  if (s >= P || (s & 1n) === 1n) return undefined;
  const ss = sqr(s);
  const u1 = sub(1n, ss); // 1 + a·s², a = −1
  const u2 = (1n + ss) % P;
  const u2sqr = sqr(u2);
  // v = −(d·u1²) − u2²
  const v = sub(sub(0n, mul(D, sqr(u1))), u2sqr);
  const { wasSquare, r: invsqrt } = sqrtRatioM1(1n, mul(v, u2sqr));
  const denX = mul(invsqrt, u2);
  const denY = mul(mul(invsqrt, denX), v);
  const x = abs(mul(2n * s, denX));
  const y = canonical(mul(u1, denY));
  const t = mul(x, y);
  if (!wasSquare || isNegative(t) || y === 0n) return undefined;
  return { x, y };
}
