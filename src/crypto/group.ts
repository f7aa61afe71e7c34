// The group ristretto255 and its scalar field, with the byte encodings of spec §2.1–§2.2.
import { ed25519, ristretto255 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { edwardsKernel } from './edwards-wasm.js';
import { type Affine, decodeRistrettoAffine } from './ristretto-decode.js';

/** The ristretto255 point class of @noble/curves (spec §2.1). */
export const RistrettoPoint = ristretto255.Point;
/** An element of ristretto255. */
export type Point = InstanceType<typeof RistrettoPoint>;

/** The group order L (spec §2.1). */
export const L: bigint = RistrettoPoint.Fn.ORDER;
/** The generator G (spec §2.1). */
export const G: Point = RistrettoPoint.BASE;
/** The identity element. */
export const ZERO: Point = RistrettoPoint.ZERO;

/** x mod L, always in [0, L). */
export function mod(x: bigint): bigint {
  const r = x % L;
  return r < 0n ? r + L : r;
}

/** Modular inverse in the scalar field; throws on 0 (a broken invariant). */
export function invert(x: bigint): bigint {
  const a = mod(x);
  if (a === 0n) throw new Error('invert: expected a non-zero scalar, got 0');
  return RistrettoPoint.Fn.inv(a);
}

/**
 * sP for a secret scalar s: constant-time multiplication (spec §4). Accepts s = 0 (returns the identity).
 */
export function mulSecret(p: Point, s: bigint): Point {
  const k = mod(s);
  return k === 0n ? ZERO : p.multiply(k);
}

/** sP for a public scalar s (variable time). */
export function mulPublic(p: Point, s: bigint): Point {
  return p.multiplyUnsafe(mod(s));
}

/** Reads bytes as a little-endian unsigned integer (through one hex string: far fewer BigInt steps). */
export function bytesToNumberLE(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let hex = '';
  for (let i = bytes.length - 1; i >= 0; i--) hex += HEX_BYTE[bytes[i]!];
  return BigInt(`0x${hex}`);
}

/** The little-endian integer written as hex in hex[from, to) (byte pairs, least significant first). */
function hexLEToNumber(hex: string, from: number, to: number): bigint {
  let be = '';
  for (let i = to - 2; i >= from; i -= 2) be += hex.slice(i, i + 2);
  return BigInt(`0x${be}`);
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Writes 0 ≤ x < 2^(8·length) as `length` little-endian bytes. */
export function numberToBytesLE(x: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let v = x;
  for (let i = 0; i < length; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  if (v !== 0n) throw new Error(`numberToBytesLE: value does not fit in ${length} bytes`);
  return out;
}

/** Scalar → 32 bytes little-endian (spec §2.2). */
export function scalarToBytes(s: bigint): Uint8Array {
  return numberToBytesLE(mod(s), 32);
}

/** Point → 32-byte canonical encoding (spec §2.2). */
export function pointToBytes(p: Point): Uint8Array {
  return p.toBytes();
}

/** Point → 64 hex characters. */
export function pointToHex(p: Point): string {
  return bytesToHex(p.toBytes());
}

/** Scalar → 64 hex characters (little-endian bytes). */
export function scalarToHex(s: bigint): string {
  return bytesToHex(scalarToBytes(s));
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Decodes a 64-hex-character canonical point, or returns undefined (spec §2.2: reject non-canonical). */
export function pointFromHex(hex: unknown): Point | undefined {
  if (typeof hex !== 'string' || !HEX64.test(hex)) return undefined;
  try {
    return RistrettoPoint.fromBytes(hexToBytes(hex));
  } catch {
    return undefined;
  }
}

/** Decodes a 64-hex-character scalar < L, or returns undefined (spec §2.2: no silent reduction). */
export function scalarFromHex(hex: unknown): bigint | undefined {
  if (typeof hex !== 'string' || !HEX64.test(hex)) return undefined;
  const x = hexLEToNumber(hex, 0, 64);
  return x < L ? x : undefined;
}

/** Decodes 32 bytes as a scalar < L, or returns undefined. */
export function scalarFromBytes(bytes: Uint8Array): bigint | undefined {
  if (bytes.length !== 32) return undefined;
  const x = bytesToNumberLE(bytes);
  return x < L ? x : undefined;
}

/** mG for a public small non-negative integer m (the identity for m = 0). */
export function encodeMessage(m: bigint): Point {
  const k = mod(m);
  return k === 0n ? ZERO : G.multiplyUnsafe(k);
}

/** A point with its canonical bytes, so hashing never re-encodes (encoding costs an inverse square root). */
export interface Elem {
  readonly point: Point;
  readonly bytes: Uint8Array;
  readonly hex: string;
}

/** Wraps a point with its encoding. */
export function elem(point: Point): Elem {
  const bytes = point.toBytes();
  return { point, bytes, hex: bytesToHex(bytes) };
}

/** Affine coordinates known for decoded points, so batch verification needs no inversion. */
const affineHints = new WeakMap<Point, Affine>();

/** Affine coordinates of a point's representative: the decoding's, or one inversion. */
export function affineOf(p: Point): Affine {
  let a = affineHints.get(p);
  if (!a) {
    a = p.toAffine();
    affineHints.set(p, a);
  }
  return a;
}

/** Decodes a hex point into an Elem, or undefined if it is not a canonical encoding (spec §2.2). */
export function elemFromHex(hex: unknown): Elem | undefined {
  if (typeof hex !== 'string' || !HEX64.test(hex)) return undefined;
  const bytes = hexToBytes(hex);
  const affine = decodeRistrettoAffine(bytes);
  if (!affine) return undefined;
  const point = RistrettoPoint.fromAffine(affine);
  affineHints.set(point, affine);
  return { point, bytes, hex };
}

/** The generator with its encoding. */
export const G_ELEM: Elem = elem(G);

/** The base field of curve25519: p = 2^255 − 19. */
const Fp = RistrettoPoint.Fp;
/** The Edwards constant d of edwards25519. */
const EDWARDS_D: bigint = ed25519.Point.CURVE().d;

/**
 * Commitment encoding (spec §2.2): the affine Edwards coordinates x ‖ y of the point's representative,
 * 32 bytes little-endian each. It costs one inversion to write and no square root to read, which is
 * what makes batch verification fast; verification is cofactored (spec §5.5).
 */
export function commitmentElem(point: Point): Elem {
  const { x, y } = point.toAffine();
  const bytes = new Uint8Array(64);
  bytes.set(numberToBytesLE(x, 32), 0);
  bytes.set(numberToBytesLE(y, 32), 32);
  return { point, bytes, hex: bytesToHex(bytes) };
}

const HEX128 = /^[0-9a-f]{128}$/;

/**
 * Reads a commitment: 128 hex characters, x < p and y < p, on the curve −x² + y² = 1 + d·x²·y²
 * (spec §2.2). The point may have a small-order component; the cofactored check absorbs it.
 */
export function commitmentFromHex(hex: unknown): Elem | undefined {
  if (typeof hex !== 'string' || !HEX128.test(hex)) return undefined;
  const kernel = edwardsKernel();
  if (kernel) {
    const bytes = hexToBytes(hex);
    if (!kernel.affineValid(bytes)) return undefined;
    const x = hexLEToNumber(hex, 0, 64);
    const y = hexLEToNumber(hex, 64, 128);
    const point = RistrettoPoint.fromAffine({ x, y });
    affineHints.set(point, { x, y, xy: bytes });
    return { point, bytes, hex };
  }
  const x = hexLEToNumber(hex, 0, 64);
  const y = hexLEToNumber(hex, 64, 128);
  if (x >= Fp.ORDER || y >= Fp.ORDER) return undefined;
  const x2 = Fp.sqr(x);
  const y2 = Fp.sqr(y);
  if (!Fp.eql(Fp.sub(y2, x2), Fp.add(Fp.ONE, Fp.mul(EDWARDS_D, Fp.mul(x2, y2))))) return undefined;
  const point = RistrettoPoint.fromAffine({ x, y });
  affineHints.set(point, { x, y });
  return { point, bytes: hexToBytes(hex), hex };
}

export { bytesToHex, hexToBytes };
