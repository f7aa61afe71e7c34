import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildKernelModule } from '../../wasm/build.js';
import { msmIsNeutral, msmIsNeutralBigInt } from './edwards-msm.js';
import { edwardsKernel, useEdwardsKernel } from './edwards-wasm.js';
import { P } from './field25519.js';
import { G, L, commitmentFromHex, mulPublic, numberToBytesLE, RistrettoPoint } from './group.js';
import { type Affine, affineBytes, decodeRistrettoAffine } from './ristretto-decode.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ed25519 } from '@noble/curves/ed25519.js';

const kernel = edwardsKernel()!;
const scalar = fc.bigInt({ min: 0n, max: L - 1n });
const nonZero = fc.bigInt({ min: 1n, max: L - 1n });
/** The eight points of order dividing 8 (the cofactor's torsion), as affine coordinates. */
const ORDER_8 = ed25519.Point.fromHex(
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
);
const TORSION: Affine[] = Array.from({ length: 8 }, (_, k) =>
  ORDER_8.multiplyUnsafe(BigInt(k)).toAffine(),
);

/** The BigInt code's answer (the kernel switched off for the call). */
function withoutKernel<T>(f: () => T): T {
  useEdwardsKernel(false);
  try {
    return f();
  } finally {
    useEdwardsKernel(true);
  }
}

afterEach(() => useEdwardsKernel(true));

describe('edwards25519 WebAssembly kernel', () => {
  it('is loaded in Node and is what wasm/edwards25519.ts compiles to', async () => {
    expect(kernel).not.toBeNull();
    const committed = readFileSync(new URL('./edwards-wasm-binary.ts', import.meta.url), 'utf8');
    expect(await buildKernelModule()).toBe(committed);
  }, 60_000);

  it('decodes ristretto255 as the BigInt code does, valid or not', () => {
    const agree = (bytes: Uint8Array) => {
      const ours = kernel.ristrettoDecode(bytes);
      const ref = withoutKernel(() => decodeRistrettoAffine(bytes));
      if (!ours || !ref) return !ours && !ref;
      return bytesToHex(ours) === bytesToHex(affineBytes({ x: ref.x, y: ref.y }));
    };
    fc.assert(
      fc.property(scalar, (k) => agree(mulPublic(G, k).toBytes())),
      { numRuns: 60 },
    );
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), agree), {
      numRuns: 300,
    });
    // non-canonical or negative s: p, p + 2, 2^255 − 2 (all ≥ p), an odd s, and 0 (the identity)
    for (const s of [P, P + 2n, (1n << 255n) - 2n, 1n, 0n]) {
      const bytes = numberToBytesLE(s, 32);
      expect(agree(bytes)).toBe(true);
    }
    expect(kernel.ristrettoDecode(numberToBytesLE(P, 32))).toBeUndefined();
  });

  it('checks commitments (x ‖ y below p, on the curve) as the BigInt code does', () => {
    const agree = (hex: string) =>
      (kernel.affineValid(Uint8Array.from(Buffer.from(hex, 'hex'))) === true) ===
      (withoutKernel(() => commitmentFromHex(hex)) !== undefined);
    fc.assert(
      fc.property(scalar, fc.integer({ min: 0, max: 63 }), (k, flip) => {
        const xy = affineBytes(mulPublic(G, k).toAffine()).slice();
        const good = agree(bytesToHex(xy));
        xy[flip]! ^= 1;
        return good && agree(bytesToHex(xy));
      }),
      { numRuns: 60 },
    );
    // x + p instead of x: congruent, on the curve mod p, but not below p (when it fits 255 bits)
    const torsionPoint = TORSION.find((t) => t.x !== 0n && t.x + P < 1n << 256n)!;
    const wide = new Uint8Array(64);
    wide.set(numberToBytesLE(torsionPoint.x + P, 32));
    wide.set(numberToBytesLE(torsionPoint.y, 32), 32);
    expect(kernel.affineValid(wide)).toBe(false);
    expect(kernel.affineValid(affineBytes(torsionPoint))).toBe(true);
  });

  it('multi-scalar multiplication agrees with the BigInt code, including torsion and off-by-one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(nonZero, scalar, fc.integer({ min: 0, max: 7 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.boolean(),
        (rows, wrong) => {
          // P_i = k_i·G + (a torsion point): 8·Σ is neutral iff Σ s_i k_i = −s_G
          const points = rows.map(([k, , tor]) => {
            const a = mulPublic(G, k).toAffine();
            const e = ed25519.Point.fromAffine(a).add(ed25519.Point.fromAffine(TORSION[tor]!));
            return e.toAffine();
          });
          const scalars = rows.map(([, s]) => s);
          const total = rows.reduce((acc, [k, s]) => (acc + k * s) % L, 0n);
          const last = (L - total + (wrong ? 1n : 0n)) % L;
          const all = [...points, G.toAffine()];
          const ss = [...scalars, last];
          const ours = msmIsNeutral(all, ss);
          return ours === !wrong && ours === msmIsNeutralBigInt(all, ss);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('covers the larger window widths (hundreds and thousands of points)', () => {
    for (const n of [300, 2500]) {
      const ks = Array.from({ length: n }, (_, i) => (BigInt(i) * 7919n + 3n) ** 5n % L);
      const ss = Array.from({ length: n }, (_, i) => (BigInt(i) * 104729n + 11n) ** 7n % L);
      const points = ks.map((k) => mulPublic(G, k).toAffine());
      const total = ks.reduce((acc, k, i) => (acc + k * ss[i]!) % L, 0n);
      const all = [...points, G.toAffine()];
      expect(msmIsNeutral(all, [...ss, (L - total) % L])).toBe(true);
      expect(msmIsNeutral(all, [...ss, (L - total + 1n) % L])).toBe(false);
      // one scalar of one point off: caught
      const bent = [...ss, (L - total) % L];
      bent[n >> 1] = (bent[n >> 1]! + 1n) % L;
      expect(msmIsNeutral(all, bent)).toBe(false);
    }
  });

  it('refuses a scalar outside [0, 2^253)', () => {
    expect(() => kernel.msmIsNeutral([affineBytes(G.toAffine())], [1n << 253n])).toThrow(
      /out of range/,
    );
    expect(() => kernel.msmIsNeutral([affineBytes(G.toAffine())], [-1n])).toThrow(/out of range/);
  });

  it('decoded points carry their affine bytes, so the kernel gets them without conversion', () => {
    const p = mulPublic(G, 12345n);
    const a = decodeRistrettoAffine(p.toBytes())!;
    expect(a.xy).toBeDefined();
    expect(RistrettoPoint.fromAffine({ x: a.x, y: a.y }).equals(p)).toBe(true);
  });
});
